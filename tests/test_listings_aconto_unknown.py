"""A partner's sheet without an aconto column does not say there is none; a last day before the free-from day is
refused; and the import command speaks the partner's language.

Playing a partner's day: a housing organisation's sheet had rent but no aconto (utilities) column. Young people saw
"aconto 0 kr." and a monthly total nobody had given. Now the aconto is not known (NULL, migration 0022) when the
sheet has no such column, and the card says "aconto (ikke oplyst)" with no total; so does an empty cell in an aconto
column (tests/test_listings_blank_aconto.py). A search "under 2.500" counts the rent alone for such a home and says
so over the list. The same sheet gave a home shown until 15 January but free from 1 February: it would never have
been seen while free.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import select

from bot.db import make_engine, migrate, session_scope
from bot.i18n import use_lang
from bot.listings.csv_import import read_listings
from bot.listings.filters import Filters
from bot.listings.models import Listing
from bot.listings.render import card, preview
from bot.listings.search import search
from bot.replies import to_plain
from bot.staff.models import Staff
from handlers.cli import main
from tests.corpus import our_own
from tests.migration_support import on_postgres, schema_differences
from tests.support import Chat, upgrade_with_alembic
from tests.test_listings_import import run
from tests.test_listings_search import NOW, TODAY, item, put

PROVIDER = "Boligselskabet Fjordlys"
HEADER = "Lejemålsnr.;By;Boligtype;Husleje (kr.);Ledig pr.;Vis til;Kontakt tlf."
ROWS = [
    "FJ-11;Randers NV;Værelse i delebolig;2.100;straks;;86 41 17 30",
    "FJ-12;Randers C;Ungdomsbolig;2.450;1. februar 2027;;86 41 17 30",
    "FJ-13;Randers C;Lejlighed;2.900;straks;;86 41 17 30",
]
SEARCH = "ledige værelser og deleboliger i randers under 2500"
KNOWN_SEARCH = "ledige kollegieværelser nær randers station under 2500"


def sheet(lines: list[str], header: str = HEADER) -> bytes:
    return ("\r\n".join(["Fjordlys · ledige lejemål", header, *lines]) + "\r\n").encode("utf-8")


def read(data: bytes):
    with use_lang("da"):
        return read_listings(data, provider=PROVIDER, today=TODAY)


def imported(engine: Engine, data: bytes) -> None:
    report = read(data)
    assert report.ok, report.problems
    put(engine, *report.listings)


# ---- the aconto a sheet does not give --------------------------------------------------------------------------

def test_a_sheet_without_an_aconto_column_leaves_it_unknown_and_so_does_an_empty_cell() -> None:
    assert [x.aconto for x in read(sheet(ROWS)).listings] == [None, None, None]
    with_column = read(sheet([ROWS[0] + ";", ROWS[1] + ";350 kr./md"], header=HEADER + ";Aconto varme/vand"))
    assert with_column.ok, with_column.problems
    assert [x.aconto for x in with_column.listings] == [None, 350]  # an empty cell was 0 until December 2026


def test_the_card_says_aconto_is_not_given_and_invents_no_total(engine: Engine) -> None:
    imported(engine, sheet(ROWS))
    with session_scope(engine) as session, use_lang("da"):
        shown = {x.provider_ref: to_plain(card(x)) for x in session.exec(select(Listing)).all()}
    assert "Husleje 2.100\xa0kr. + aconto (ikke oplyst)" in shown["FJ-11"]
    assert all("aconto 0" not in x and "om måneden" not in x.split("\n")[1] for x in shown.values())
    with session_scope(engine) as session, use_lang("en"):
        english = to_plain(card(session.exec(select(Listing).where(Listing.provider_ref == "FJ-11")).one()))
    assert "Rent DKK\xa02,100 + aconto (not given)" in english
    put(engine, item("known", rent=3000, aconto=250))  # a known aconto still gives the month's total
    with session_scope(engine) as session, use_lang("da"):
        known = to_plain(card(session.exec(select(Listing).where(Listing.provider_ref == "known")).one()))
    assert "Husleje 3.000\xa0kr. + aconto 250\xa0kr. = 3.250\xa0kr. om måneden" in known


def test_the_dry_run_line_says_aconto_is_not_given() -> None:
    with use_lang("da"):
        line = preview(read(sheet(ROWS)).listings[0])
    assert "husleje 2.100\xa0kr. + aconto ikke oplyst, depositum ikke oplyst" in line


def test_a_budget_counts_the_rent_alone_when_aconto_is_not_given_and_the_list_says_so(engine: Engine,
                                                                                    make_app) -> None:
    imported(engine, sheet(ROWS))
    put(engine, item("known-over", provider="Anden", municipality="randers", rent=2300, aconto=300),
        item("known-under", provider="Anden", municipality="randers", rent=2000, aconto=200))
    with session_scope(engine) as session:
        page = search(session, Filters("randers", 2500, None), today=TODAY)
    # Sorted by what is known of the cost: 2.100 (rent, aconto not given), 2.200 (rent + aconto), 2.450 (rent).
    assert [x.provider_ref for x in page.listings] == ["FJ-11", "known-under", "FJ-12"]
    chat = Chat(make_app(engine), 7301, lang="da")
    chat.command("start")
    answer = to_plain(chat.say(SEARCH)[0].reply.html)
    assert "Hvor aconto ikke er oplyst, tæller kun huslejen med i prisen" in answer
    assert "aconto (ikke oplyst)" in answer
    put(engine, item("dorm", municipality="randers", kind="kollegievaerelse", rent=2000, aconto=200))
    known = to_plain(chat.say(KNOWN_SEARCH)[0].reply.html)
    assert "= 2.200\xa0kr. om måneden" in known and "Hvor aconto ikke er oplyst" not in known


def test_an_alert_shows_the_home_with_its_aconto_not_given(engine: Engine, make_app, clock) -> None:
    chat = Chat(make_app(engine), 7303, lang="da")
    chat.command("start")
    chat.press("ls:a:randers:2500:")
    report = read(sheet(ROWS))
    put(engine, *report.listings, now=clock.now)
    sent = chat.deliver()
    assert len(sent) == 1
    message = to_plain(sent[0].reply.html)
    assert "aconto (ikke oplyst)" in message and "Hvor aconto ikke er oplyst" in message
    assert "2.900" not in message


def test_json_gives_null_for_the_aconto_and_the_total(engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HUSLY_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    put(engine, item("FJ-20", municipality="randers", rent=2100, aconto=None,
                     expires_on=dt.date.today() + dt.timedelta(days=30)))
    main(["listings", "search", "--municipality", "randers", "--json"])
    (found,) = json.loads(capsys.readouterr().out)
    assert (found["rent"], found["aconto"], found["monthly_total"]) == (2100, None, None)


def test_the_form_can_skip_the_aconto(engine: Engine, make_app) -> None:
    with session_scope(engine) as session:
        session.add(Staff(transport="telegram", user_id=7304, chat_id=7304, role="partner", provider=PROVIDER))
    chat = Chat(make_app(engine), 7304, lang="da")
    chat.command("start")
    sent = chat.press_button(chat.command("ny_bolig"), "Randers")
    for answer in ("Randers NV", "delebolig", "-", "-", "2.100"):
        sent = chat.say(answer)
    sent = chat.press_button(sent, "Spring over")
    for answer in ("0", "0", "straks"):
        sent = chat.say(answer)
    sent = chat.press_button(sent, "alle")
    sent = chat.say("86 41 17 30")
    sent = chat.say("FJ-30")
    assert "Husleje 2.100\xa0kr. + aconto (ikke oplyst)" in to_plain(sent[0].reply.html)
    chat.press_button(sent, "Læg ud")
    with session_scope(engine) as session:
        published = session.exec(select(Listing)).one()
    assert (published.rent, published.aconto, published.monthly_total) == (2100, None, 2100)


# ---- a last day before the day it is free ----------------------------------------------------------------------

def test_a_last_day_before_the_free_from_day_is_refused_in_the_partners_own_words() -> None:
    late = "FJ-14;Randers C;Ungdomsbolig;2.450;1. februar 2027;15-01-2027;86 41 17 30"
    report = read(sheet([ROWS[0], late]))
    assert not report.ok
    assert report.problems == ["Række 4, Vis til: '15-01-2027' er før Ledig pr. ('1. februar 2027'): boligen ville "
                               "aldrig blive vist, mens den er ledig. Ret en af de to datoer"]
    # The same day, or later, is fine; and a free-from day that has passed is free now, shown until its last day.
    same = read(sheet([late.replace("15-01-2027", "01-02-2027"),
                       "FJ-15;Randers C;Værelse;2.000;1. november 2026;10-12-2026;86 41 17 30"]))
    assert same.ok, same.problems


# ---- the import command in the partner's language --------------------------------------------------------------

def test_the_import_speaks_danish_by_default_and_with_lang_da(database_env: Engine, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fjordlys.csv"
    path.write_bytes(sheet(ROWS))
    code, out, err = run(["listings", "import", str(path), "--provider", PROVIDER, "--dry-run"], capsys)
    assert code == 0 and "ville lægge ind: 3 nye, 0 opdaterede" in out and "would" not in out
    assert "aconto ikke oplyst" in out and "bemærk: Jeg har læst række 2 som overskrifterne" in err
    code, out, _ = run(["listings", "import", str(path), "--provider", PROVIDER, "--lang", "da"], capsys)
    assert code == 0 and out.splitlines()[-1] == "lagt ind: 3 nye, 0 opdaterede, 0 besked(er) til unge sat i kø"
    path.write_bytes(sheet(ROWS[:1]))
    code, out, _ = run(["listings", "import", str(path), "--provider", PROVIDER, "--lang", "da"], capsys)
    assert out.splitlines() == ["lagt ind: 0 nye, 0 opdaterede, 1 uændrede, 2 trukket tilbage (ikke i filen), "
                                "0 besked(er) til unge sat i kø", "trukket tilbage: FJ-12, FJ-13"]
    path.write_bytes(sheet([ROWS[0].replace("2.100", "2.1OO")]))
    code, out, err = run(["listings", "import", str(path), "--provider", PROVIDER, "--lang", "da"], capsys)
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == "husly: error: 1 problem(er) i fjordlys.csv; intet blev lagt ind"
    # English on request.
    path.write_bytes(sheet(ROWS))
    code, out, err = run(["listings", "import", str(path), "--provider", PROVIDER, "--lang", "en"], capsys)
    assert code == 0 and out.splitlines()[-1].startswith("imported: 0 new, 2 updated, 1 unchanged, ")  # 2 withdrawn
    assert "note: I read row 2 as the column names" in err


# ---- the migration ---------------------------------------------------------------------------------------------

def _listings_keep_their_aconto(url: str) -> None:
    """A database from before 0022 keeps its listings and their aconto, then takes one whose aconto is unknown."""
    upgrade_with_alembic(url, "0021")
    engine = make_engine(url)
    columns = ("provider, provider_ref, municipality, area, kind, rooms, size_m2, rent, aconto, monthly_total, "
               "deposit, prepaid_rent, available_from, target_group, published_at, updated_at, expires_on, status, "
               "demo, alerts_pending")
    with engine.begin() as connection:
        for ref, aconto in (("OLD-1", 0), ("OLD-2", 400)):
            connection.execute(text(f"INSERT INTO listing ({columns}) VALUES ('P', '{ref}', 'randers', 'Randers C', "
                                    f"'vaerelse', NULL, NULL, 2500, {aconto}, {2500 + aconto}, NULL, NULL, "
                                    "'2026-12-01', 'everyone', '2026-11-27 14:00:00+00:00', "
                                    "'2026-11-27 14:00:00+00:00', '2027-01-01', 'active', false, false)"))
    migrate(engine)
    assert schema_differences(engine, "listing") == []  # the migrated table is the model's (aconto nullable)
    put(engine, item("NEW-1", provider="P", municipality="randers", rent=2100, aconto=None))
    with session_scope(engine) as session:
        found = {x.provider_ref: (x.aconto, x.monthly_total) for x in session.exec(select(Listing)).all()}
        page = search(session, Filters("randers", 2500, None), today=NOW.date())
        shown = [x.provider_ref for x in page.listings]
    engine.dispose()
    assert found == {"OLD-1": (0, 2500), "OLD-2": (400, 2900), "NEW-1": (None, 2100)}
    assert shown == ["NEW-1", "OLD-1"]


def test_an_older_sqlite_database_is_upgraded_with_its_listings(tmp_path: Path) -> None:
    _listings_keep_their_aconto(f"sqlite:///{tmp_path / 'old.sqlite3'}")


def test_an_older_postgresql_database_is_upgraded_with_its_listings(postgres_database: str) -> None:
    on_postgres(postgres_database, _listings_keep_their_aconto)


test_the_search_is_our_own = our_own([SEARCH, KNOWN_SEARCH])
