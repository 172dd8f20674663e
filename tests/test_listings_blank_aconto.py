"""An empty aconto cell in a partner's sheet is not known, never 0 kr.; a written 0, "ingen" or "gratis" is still 0.

Playing a partner's day: a housing company's sheet had an "Aconto varme/vand" column, filled where the partner knew the
amount and left empty where they did not. Young people were shown "aconto 0 kr. = 2.600 kr. om måneden": a monthly
total nobody gave. Now an empty cell is not known (NULL, like a sheet without the column and like an empty deposit
cell, tests/test_listings_blank_deposit.py): the card says "aconto (ikke oplyst)" with no total, the partner's reply
names the empty cells and says to write 0, and the search counts the rent alone for it (docs/listings.md) and says so
over the list. Telegram: tests/test_telegram_listings_blank_aconto.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.db import session_scope
from bot.i18n import use_lang
from bot.listings.csv_import import read_listings
from bot.listings.filters import Filters
from bot.listings.models import Listing
from bot.listings.render import card
from bot.listings.search import search
from bot.replies import to_plain
from tests.corpus import our_own
from tests.support import Chat
from tests.test_cli import run
from tests.test_listings_search import TODAY, put
from tests.test_listings_workbook import workbook

PROVIDER = "Boligselskabet Lindely"
HEADER = "Lejemålsnr.;By;Boligtype;Husleje (kr.);Aconto varme/vand;Indskud;Forudbetalt husleje;Ledig pr.;Kontakt tlf."
ROWS = [
    "LI-1;Randers C;Værelse;2.600;;7.800;0;straks;86 40 12 77",  # aconto left empty
    "LI-2;Randers NV;Delebolig;2.300;0;6.900;0;straks;86 40 12 77",  # none, written
    "LI-3;Randers C;Ungdomsbolig;2.200;ingen;6.600;0;straks;86 40 12 77",  # none, in words
    "LI-4;Randers Ø;Værelse;2.400;250;7.200;0;straks;86 40 12 77",  # given
]
NOT_GIVEN = "Husleje 2.600\xa0kr. + aconto (ikke oplyst)"
SEARCH = "ledige boliger i randers max 2800 kr om mdn tak"


def sheet(rows: list[str] = ROWS) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def read(data: bytes, lang: str = "da"):
    with use_lang(lang):
        return read_listings(data, provider=PROVIDER, today=TODAY)


def test_an_empty_aconto_cell_is_not_known_and_a_written_0_stays_0() -> None:
    report = read(sheet())
    assert report.ok, report.problems
    assert [x.aconto for x in report.listings] == [None, 0, 0, 250]


def test_an_excel_aconto_cell_left_empty_is_not_known() -> None:
    header = ["Lejemålsnr.", "By", "Boligtype", "Husleje (kr.)", "Aconto", "Kontakt tlf."]
    report = read(workbook(["LI-6", "Randers C", "Værelse", 2600, None, 86401277],
                           ["LI-7", "Randers C", "Værelse", 2650, 0, 86401277], header=header))
    assert report.ok, report.problems
    assert [x.aconto for x in report.listings] == [None, 0]


def test_the_partner_is_told_the_empty_aconto_cell_was_read_as_not_given_and_to_write_0() -> None:
    notes = read(sheet()).notes
    assert any(note.startswith("Tomme celler læst som ikke oplyst") and "Aconto varme/vand i række 2" in note
               and note.endswith("skriv 0.") for note in notes), notes
    assert not any("Aconto" in note for note in read(sheet(ROWS[1:])).notes)  # every aconto cell filled: no note


def test_the_card_says_aconto_not_given_and_gives_no_monthly_total(engine: Engine) -> None:
    put(engine, *read(sheet()).listings)
    with session_scope(engine) as session, use_lang("da"):
        shown = {x.provider_ref: to_plain(card(x)) for x in session.exec(select(Listing)).all()}
    assert NOT_GIVEN in shown["LI-1"], shown["LI-1"]
    assert "aconto 0" not in shown["LI-1"] and "om måneden" not in shown["LI-1"].split("\n")[1]
    assert "Husleje 2.300\xa0kr. + aconto 0\xa0kr. = 2.300\xa0kr. om måneden" in shown["LI-2"]


def test_the_search_counts_the_rent_alone_sorts_by_it_and_says_so(engine: Engine, make_app) -> None:
    put(engine, *read(sheet()).listings)
    with session_scope(engine) as session:
        page = search(session, Filters("randers", 2600, None), today=TODAY)
    # 2.200, 2.300, 2.400 + 250 is 2.650 (over), 2.600 + unknown counts 2.600: found, sorted by the rent.
    assert [x.provider_ref for x in page.listings] == ["LI-3", "LI-2", "LI-1"]
    chat = Chat(make_app(engine), 7611, lang="da")
    chat.command("start")
    answer = to_plain(chat.say(SEARCH)[0].reply.html)
    assert NOT_GIVEN in answer, answer
    assert "Hvor aconto ikke er oplyst, tæller kun huslejen med i prisen" in answer


def test_the_dry_run_and_the_json_say_not_given(database_env: Engine, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lindely.csv"
    path.write_bytes(sheet())
    code, out, err = run(capsys, "listings", "import", str(path), "--provider", PROVIDER, "--dry-run")
    assert code == 0, err
    lines = {line.split(":")[0]: line for line in out.splitlines()}
    assert "husleje 2.600\xa0kr. + aconto ikke oplyst" in lines["LI-1"], lines["LI-1"]
    code, out, err = run(capsys, "listings", "import", str(path), "--provider", PROVIDER)
    assert code == 0, err
    code, out, _ = run(capsys, "listings", "search", "--municipality", "randers", "--json")
    found = {x["provider_ref"]: (x["aconto"], x["monthly_total"]) for x in json.loads(out)}
    assert found["LI-1"] == (None, None) and found["LI-2"] == (0, 2300)


test_the_search_is_our_own = our_own([SEARCH])
