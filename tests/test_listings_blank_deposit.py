"""An empty deposit or prepaid-rent cell is not known, never 0 kr.; a written 0, "ingen" or "gratis" is still 0.

Playing a partner's day: a housing company's sheet had an Indskud and a Forudbetalt husleje column, filled where the
partner knew the amount and left empty where they did not. Young people were shown "Depositum 0 kr., forudbetalt leje
0 kr." for those homes: an amount nobody gave, which a young person saves up by. Now an empty cell is not known (NULL,
as a sheet without the column already was), the card says "Depositum: ikke oplyst – spørg udlejeren", the partner's
reply names the empty cells and says to write 0 if nothing is paid, and the dry run shows deposit and prepaid rent
as read. The search has no filter on money up front: a home whose deposit is not known is shown with it marked,
never hidden and never counted as 0.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect
from sqlmodel import select

from bot.db import session_scope
from bot.i18n import use_lang
from bot.listings import fields
from bot.listings.csv_import import read_listings
from bot.listings.filters import Filters
from bot.listings.models import Listing
from bot.listings.publish import publish
from bot.listings.render import card, preview
from bot.listings.search import search
from bot.replies import to_plain
from bot.staff.models import Staff
from tests.corpus import our_own
from tests.support import Chat
from tests.test_cli import run
from tests.test_listings_search import NOW, TODAY, item, put
from tests.test_listings_workbook import workbook

PROVIDER = "Boligselskabet Skovbrynet"
HEADER = "Lejemålsnr.;By;Boligtype;Husleje (kr.);Aconto varme/vand;Indskud;Forudbetalt husleje;Ledig pr.;Kontakt tlf."
ROWS = [
    "SK-1;Randers C;Værelse;2.600;200;;;straks;86 42 19 55",  # neither known: both cells left empty
    "SK-2;Randers NV;Delebolig;2.300;150;0;;straks;86 42 19 55",  # no deposit; prepaid rent left empty
    "SK-3;Randers C;Ungdomsbolig;2.700;250;ingen;gratis;straks;86 42 19 55",  # none of either, in words
    "SK-4;Randers Ø;Værelse;2.750;0;8.250;2.750;straks;86 42 19 55",  # both given
]
UNKNOWN_BOTH = "Depositum og forudbetalt leje: ikke oplyst – spørg udlejeren"
SEARCH = "hvilke ledige boliger har I i randers til højst 3000 kr om måneden, alle typer"


def sheet(rows: list[str] = ROWS) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def read(data: bytes, lang: str = "da"):
    with use_lang(lang):
        return read_listings(data, provider=PROVIDER, today=TODAY)


def cards(engine: Engine, lang: str = "da") -> dict[str, str]:
    with session_scope(engine) as session, use_lang(lang):
        return {x.provider_ref: to_plain(card(x)) for x in session.exec(select(Listing)).all()}


# ---- reading the cells -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["", "  "])
def test_an_empty_amount_cell_is_not_known(written: str) -> None:
    assert fields.optional_money(written, high=100_000) is None
    assert fields.optional_money(written, high=5_000, monthly=True) is None  # the aconto too


@pytest.mark.parametrize("written", ["0", "0 kr.", "ingen", "Gratis", "nej"])
def test_a_written_none_is_still_0(written: str) -> None:
    assert fields.optional_money(written, high=100_000) == 0


def test_empty_deposit_and_prepaid_cells_are_not_known_and_a_written_0_stays_0() -> None:
    report = read(sheet())
    assert report.ok, report.problems
    assert [(x.deposit, x.prepaid_rent) for x in report.listings] == [(None, None), (0, None), (0, 0), (8250, 2750)]
    assert [x.aconto for x in report.listings] == [200, 150, 250, 0]


def test_the_partner_is_told_which_empty_cells_were_read_as_not_given_and_to_write_0() -> None:
    notes = read(sheet()).notes
    assert "Tomme celler læst som ikke oplyst (de unge ser 'ikke oplyst – spørg udlejeren'): Indskud i række 2; " \
           "Forudbetalt husleje i række 2, 3. Skal der ikke betales noget, så skriv 0." in notes, notes
    english = read(sheet(), lang="en").notes
    assert any(note.startswith("Empty cells read as not given") and note.endswith("write 0.") for note in english)
    assert not any("Tomme celler" in note for note in read(sheet(ROWS[2:])).notes)  # every cell filled: no note


def test_an_excel_cell_left_empty_is_not_known_and_a_0_typed_in_it_is_0() -> None:
    header = ["Lejemålsnr.", "By", "Boligtype", "Husleje (kr.)", "Indskud", "Forudbetalt husleje", "Kontakt tlf."]
    report = read(workbook(["SK-6", "Randers C", "Værelse", 2600, None, 0, 86421955],
                           ["SK-7", "Randers C", "Værelse", 2650, 7950.0, None, 86421955], header=header))
    assert report.ok, report.problems
    assert [(x.deposit, x.prepaid_rent) for x in report.listings] == [(None, 0), (7950, None)]


# ---- what young people see -------------------------------------------------------------------------------------

def test_the_card_says_not_given_ask_the_landlord_and_never_0_kr_nobody_wrote(engine: Engine) -> None:
    put(engine, *read(sheet()).listings, item("SK-5", provider=PROVIDER, municipality="randers", deposit=None,
                                              prepaid_rent=0))
    shown = cards(engine)
    assert UNKNOWN_BOTH in shown["SK-1"] and "0\xa0kr., forudbetalt" not in shown["SK-1"]
    assert "Depositum 0\xa0kr. · Forudbetalt leje: ikke oplyst – spørg udlejeren" in shown["SK-2"]
    assert "Depositum 0\xa0kr., forudbetalt leje 0\xa0kr." in shown["SK-3"]  # "ingen" and "gratis" say it
    assert "Depositum 8.250\xa0kr., forudbetalt leje 2.750\xa0kr." in shown["SK-4"]
    assert "Depositum: ikke oplyst – spørg udlejeren · Forudbetalt leje 0\xa0kr." in shown["SK-5"]
    english = cards(engine, lang="en")
    assert "Deposit and prepaid rent: not given – ask the landlord" in english["SK-1"]
    assert "Deposit: not given – ask the landlord · Prepaid rent DKK\xa00" in english["SK-5"]


def test_a_budget_search_shows_the_home_with_its_deposit_marked_not_hidden(engine: Engine, make_app) -> None:
    # Nothing searches or sorts by money up front: the budget is the monthly cost, so an unknown deposit neither hides
    # the home nor counts as 0 anywhere; its card says to ask.
    put(engine, *read(sheet()).listings)
    with session_scope(engine) as session:
        page = search(session, Filters("randers", 3000, None), today=TODAY)
    assert [x.provider_ref for x in page.listings] == ["SK-2", "SK-4", "SK-1", "SK-3"]
    chat = Chat(make_app(engine), 7411, lang="da")
    chat.command("start")
    answer = to_plain(chat.say(SEARCH)[0].reply.html)
    assert UNKNOWN_BOTH in answer and "Forudbetalt leje: ikke oplyst – spørg udlejeren" in answer
    assert "Depositum 8.250\xa0kr." in answer


def test_an_alert_says_the_deposit_is_not_given(engine: Engine, make_app, clock) -> None:
    chat = Chat(make_app(engine), 7412, lang="da")
    chat.command("start")
    chat.press("ls:a:randers:3000:")
    put(engine, *read(sheet(ROWS[:1])).listings, now=clock.now)
    sent = chat.deliver()
    assert len(sent) == 1 and UNKNOWN_BOTH in to_plain(sent[0].reply.html)


# ---- the partner's own tools -----------------------------------------------------------------------------------

def test_the_dry_run_shows_deposit_and_prepaid_rent_as_read_and_the_search_marks_them(
        database_env: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "skovbrynet.csv"
    path.write_bytes(sheet())
    code, out, err = run(capsys, "listings", "import", str(path), "--provider", PROVIDER, "--dry-run")
    assert code == 0, err
    lines = {line.split(":")[0]: line for line in out.splitlines()}
    assert "aconto 200\xa0kr., depositum ikke oplyst, forudbetalt leje ikke oplyst, ledig fra" in lines["SK-1"]
    assert "depositum 0\xa0kr., forudbetalt leje ikke oplyst" in lines["SK-2"]
    assert "depositum 0\xa0kr., forudbetalt leje 0\xa0kr." in lines["SK-3"]
    assert "depositum 8.250\xa0kr., forudbetalt leje 2.750\xa0kr." in lines["SK-4"]
    assert "Tomme celler læst som ikke oplyst" in err and "skriv 0" in err
    code, out, err = run(capsys, "listings", "import", str(path), "--provider", PROVIDER, "--lang", "en")
    assert code == 0 and out.startswith("imported: 4 new"), err
    assert "Empty cells read as not given" in err
    code, out, _ = run(capsys, "listings", "search", "--municipality", "randers", "--max-rent", "3000")
    assert code == 0 and "Depositum og forudbetalt leje: ikke oplyst – spørg udlejeren" in out
    assert "Depositum 0\xa0kr. · Forudbetalt leje: ikke oplyst – spørg udlejeren" in out
    code, out, _ = run(capsys, "listings", "search", "--municipality", "randers", "--json")
    found = {x["provider_ref"]: (x["deposit"], x["prepaid_rent"]) for x in json.loads(out)}
    assert found == {"SK-1": (None, None), "SK-2": (0, None), "SK-3": (0, 0), "SK-4": (8250, 2750)}


def test_the_dry_run_line_in_english_names_both_amounts() -> None:
    with use_lang("en"):
        line = preview(read(sheet(ROWS[1:2])).listings[0])
    assert "deposit DKK\xa00, prepaid rent not given, free from" in line


def test_the_form_has_a_dont_know_answer_for_deposit_and_prepaid_rent(engine: Engine, make_app) -> None:
    with session_scope(engine) as session:
        session.add(Staff(transport="telegram", user_id=7413, chat_id=7413, role="partner", provider=PROVIDER))
    chat = Chat(make_app(engine), 7413, lang="da")
    chat.command("start")
    sent = chat.press_button(chat.command("ny_bolig"), "Randers")
    for answer in ("Randers C", "værelse", "1", "12", "2.600", "200"):
        sent = chat.say(answer)
    sent = chat.press_button(sent, "Ved ikke")  # the deposit
    sent = chat.say("-")  # the prepaid rent, typed: was 0 kr.
    sent = chat.say("straks")
    sent = chat.press_button(sent, "alle")
    sent = chat.say("86 42 19 55")
    sent = chat.say("SK-9")
    assert UNKNOWN_BOTH in to_plain(sent[0].reply.html)  # the partner's own preview, before publishing
    chat.press_button(sent, "Læg ud")
    with session_scope(engine) as session:
        published = session.exec(select(Listing)).one()
    assert (published.deposit, published.prepaid_rent) == (None, None)


# ---- listings stored before ------------------------------------------------------------------------------------

def test_a_stored_0_stays_0_until_the_partner_sends_the_sheet_again(engine: Engine) -> None:
    # No migration: the columns are nullable since 0021, and a stored 0 may have been written as 0 or left empty:
    # nobody can tell, so it is kept. The partner's next file says which, and is counted as an update (no alert).
    for column in inspect(engine).get_columns("listing"):
        if column["name"] in ("deposit", "prepaid_rent"):
            assert column["nullable"], column
    put(engine, item("SK-1", provider=PROVIDER, municipality="randers", deposit=0, prepaid_rent=0))
    assert "Depositum 0\xa0kr., forudbetalt leje 0\xa0kr." in cards(engine)["SK-1"]
    with session_scope(engine) as session:
        result = publish(session, read(sheet(ROWS[:1])).listings, now=NOW + dt.timedelta(days=1), whole_list=True)
    assert (result.created, result.updated, result.alerts_sent) == (0, 1, 0)
    assert UNKNOWN_BOTH in cards(engine)["SK-1"]


test_the_search_is_our_own = our_own([SEARCH])
