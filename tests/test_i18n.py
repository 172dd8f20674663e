"""Catalogues are complete and compiled from source; numbers, amounts and dates follow the language."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from bot.i18n import (
    _BABEL_LOCALE,
    LANGUAGES,
    LOCALES_DIR,
    _,
    format_date,
    format_money,
    normalise_lang,
    translations,
    use_lang,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(lang: str) -> None:
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "husly.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    """Extract afresh: a `_()` string added without updating the catalogues fails here."""
    pot = tmp_path / "husly.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "N_",
                                "-o", str(pot), str(ROOT / "bot"), str(ROOT / "handlers")])
    with pot.open("rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    with (LOCALES_DIR / "da" / "LC_MESSAGES" / "husly.po").open("rb") as handle:
        have = {m.id for m in read_po(handle) if m.id and m.string}
    assert wanted and not wanted - have, sorted(wanted - have)


def test_danish_is_the_default_and_english_switches() -> None:
    with use_lang("da"):
        assert _("Find housing") == "Find bolig"
    with use_lang("en"):
        assert _("Find housing") == "Find housing"
    assert normalise_lang("en-US") == "en" and normalise_lang("nb") == "da" and normalise_lang(None) == "da"


def test_catalogue_is_compiled_from_the_po_file_not_a_stale_mo() -> None:
    assert not list(LOCALES_DIR.rglob("*.mo"))
    assert translations("da").ugettext("Find housing") == "Find bolig"


def test_amounts_and_dates_per_language() -> None:
    with use_lang("da"):
        assert format_money(4500) == "4.500\u00a0kr."
        assert format_date(dt.date(2026, 12, 1)) == "1. december 2026"
    with use_lang("en"):
        assert format_money(4500) == "DKK\u00a04,500"
        assert format_date(dt.date(2027, 1, 1)) == "1 January 2027"


def test_updating_the_catalogues_keeps_a_hand_edited_translation(tmp_path: Path) -> None:
    """`make i18n` fills new entries from the drafts but never writes a draft over what someone fixed in husly.po."""
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts" / "catalogues.py")
    assert spec and spec.loader
    catalogues = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalogues)
    po = tmp_path / "da" / "LC_MESSAGES" / "husly.po"
    po.parent.mkdir(parents=True)
    hand = Catalog(locale="da")
    hand.add("Find housing", "Find et sted at bo")  # fixed by hand after the draft was merged
    with po.open("wb") as handle:
        write_po(handle, hand)
    template = Catalog()
    template.add("Find housing")
    template.add("New string")
    drafts = {"Find housing": "Find bolig", "New string": "Ny tekst"}

    assert catalogues.update("da", template, drafts, locales=tmp_path) == 0
    with po.open("rb") as handle:
        updated = {m.id: m.string for m in read_po(handle, locale="da") if m.id}
    assert updated == {"Find housing": "Find et sted at bo", "New string": "Ny tekst"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_dates_are_babels_for_every_day(lang: str) -> None:
    # format_date writes the long date itself (babel's locale data is 5 MB the bot would keep): the same text.
    from babel.dates import format_date as babel_date

    day, last = dt.date(1999, 1, 1), dt.date(2031, 12, 31)
    with use_lang(lang):
        while day <= last:
            assert format_date(day) == babel_date(day, format="long", locale=_BABEL_LOCALE[lang]), day
            day += dt.timedelta(days=1)


def test_an_answer_card_loads_no_babel_locale_data() -> None:
    # An answer with a service card shows "Tjekket <date>"; in a fresh process that loads none of babel's CLDR data.
    code = (
        "import datetime as dt, babel.core, babel.localedata as data\n"
        "from bot.i18n import use_lang\n"
        "from bot.conversation.cards import checked_line\n"
        "for lang in ('da', 'en'):\n"
        "    with use_lang(lang):\n"
        "        print(checked_line(dt.date(2026, 12, 4)))\n"
        "print(sorted(data._cache), babel.core._global_data is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    assert out == ["<i>Tjekket 4. december 2026</i>", "<i>Checked 4 December 2026</i>", "[] True"]
