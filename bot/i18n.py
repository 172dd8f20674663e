"""Translations and locale-aware formatting.

UI strings go through gettext (``_``) with catalogues in locales/<lang>/LC_MESSAGES/husly.po. The current
language lives in a ContextVar (the shape of aiogram's I18n, rebuilt here so the core does not import it).
Catalogues are compiled from the .po files in memory when first used, so a compiled file can never be stale.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel.dates import format_date as _babel_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as _babel_percent
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "husly"
LANGUAGES = ("da", "en")
DEFAULT_LANG = "da"
_BABEL_LOCALE = {"da": "da_DK", "en": "en_GB"}

current_lang: ContextVar[str] = ContextVar("current_lang", default=DEFAULT_LANG)


def normalise_lang(code: str | None) -> str:
    """Map a Telegram language_code ("da", "en-US", "nb") to one we have; Danish is the default."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANG


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue for ``lang``; Danish source strings need no catalogue lookup to fail."""
    po_path = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def gettext(message: str) -> str:
    return translations(current_lang.get()).ugettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_lang.get()).ungettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it now (it is translated where it is shown)."""
    return message


@contextmanager
def use_lang(lang: str) -> Iterator[None]:
    """Run a block in one language (the core sets it per incoming message)."""
    token = current_lang.set(normalise_lang(lang))
    try:
        yield
    finally:
        current_lang.reset(token)


def _locale() -> str:
    return _BABEL_LOCALE[current_lang.get()]


def format_money(amount: int | float | Decimal) -> str:
    """Kroner as Danes write them: "4.500 kr." in Danish, "DKK 4,500" in English; no øre on whole amounts."""
    whole = Decimal(amount) == Decimal(int(amount))
    # A no-break space keeps the amount and its unit on one line on a narrow phone screen.
    pattern = "#,##0\u00a0¤" if current_lang.get() == "da" else "¤\u00a0#,##0"
    if not whole:
        pattern = pattern.replace("#,##0", "#,##0.00")
    text = format_currency(amount, "DKK", format=pattern, locale=_locale(), currency_digits=False)
    return text.replace("DKK", "kr.") if current_lang.get() == "da" else text


def format_number(value: int | float) -> str:
    return format_decimal(value, locale=_locale())


def format_percent(share: float) -> str:
    """A share (0-1) as a whole percent: "73 %" in Danish, "73%" in English."""
    return _babel_percent(share, locale=_locale())


# The long date of each language, as babel writes it for _BABEL_LOCALE (CLDR: "d. MMMM y" and "d MMMM y"), with the
# months' names: every answer card's "Checked" line shows a date, and asking babel for one loads its whole locale
# data for both languages (about 5 MB that the bot keeps for good). tests/test_i18n.py checks every day of several
# years against babel.
_LONG_DATE = {"da": "{day}. {month} {year}", "en": "{day} {month} {year}"}
_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def format_date(day: dt.date) -> str:
    """"1. december 2026" in Danish, "1 December 2026" in English."""
    lang = current_lang.get()
    if lang not in _LONG_DATE:  # pragma: no cover - normalise_lang only ever sets one of LANGUAGES
        return _babel_date(day, format="long", locale=_locale())
    return _LONG_DATE[lang].format(day=day.day, month=_MONTHS[lang][day.month - 1], year=day.year)
