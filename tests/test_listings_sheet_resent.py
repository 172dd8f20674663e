"""A partner's own sheet: "ingen" or "nej" in an amount cell is 0, "ukendt" in Ledig fra is not known, and the same
sheet sent again is counted unchanged, not updated.

Playing a partner's day: a housing association's sheet ("Aconto varme/vand", "Indskud", "Forudbetalt leje", "Ledig
fra", filled in by hand) was refused for "'ingen' er ikke et beløb" in Aconto, "'nej'" in Indskud, and "'ukendt' er
ikke en dato" in Ledig fra. Now "ingen", "nej", "gratis" (and "0 kr", as before) are 0, and "ukendt" or "-" in Ledig
fra is not known (migration 0023): young people see "Ledig fra: ikke oplyst", never today's date nobody gave. A word
the import does not know says the ways to fill the cell. The partner then sent the same sheet again, to check: the
reply said "opdaterede 5" though nothing had changed. Now it says "uændrede 5", in the dry run as in the real run,
and a week later too (the "straks" home is still free now, and its default last day moves on without counting as a
change); only a row that really changed is updated.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import select

from bot.db import make_engine, migrate, session_scope
from bot.i18n import use_lang
from bot.listings import fields
from bot.listings.csv_import import read_listings
from bot.listings.fields import FieldError
from bot.listings.models import Listing
from bot.listings.publish import PublishResult, publish
from bot.listings.render import card
from bot.replies import to_plain
from tests.migration_support import downgrade_with_alembic, on_postgres, schema_differences
from tests.support import upgrade_with_alembic
from tests.test_listings_import import run
from tests.test_listings_search import NOW, TODAY, item, put

PROVIDER = "Boligforeningen Lindely"
HEADER = "Adresse;By;Boligtype;Husleje (kr.);Aconto varme/vand;Indskud;Forudbetalt leje;Ledig fra;Telefon"
ROWS = [
    "Lindevej 2, st. tv;Randers C;Ungdomsbolig;3.150;ingen;9.450;nej;straks;86 40 11 22",
    "Lindevej 4, 1. th;Randers NV;Værelse;2.400;0 kr;Nej;0;snarest;86 40 11 22",
    "Lindevej 6, 2. tv;Randers C;Lejlighed;4.900;450;gratis;;hurtigst muligt;86 40 11 22",
    "Lindevej 8;Randers C;Ungdomsbolig;3.300;300;9.900;Ingen;ukendt;86 40 11 22",
    "Lindevej 10;Randers Ø;Værelse;2.200;250;6.600;;nu;86 40 11 22",
]


def sheet(rows: list[str]) -> bytes:
    return ("\r\n".join(["Lindely · ledige boliger", "", HEADER, *rows]) + "\r\n").encode("utf-8")


def read(data: bytes, today: dt.date = TODAY, lang: str = "da"):
    with use_lang(lang):
        return read_listings(data, provider=PROVIDER, today=today)


# ---- the cells, one at a time ----------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["ingen", "Ingen", "nej", "NEJ", "0 kr", "0 kr.", "gratis", "intet"])
def test_a_word_for_none_in_an_amount_cell_is_0(written: str) -> None:
    assert fields.optional_money(written, high=100_000) == 0
    assert fields.optional_money(written, high=5_000, monthly=True) == 0


@pytest.mark.parametrize("written", ["-", "?", "ukendt", "se annonce"])
def test_a_word_for_not_known_in_an_amount_cell_is_still_not_known(written: str) -> None:
    assert fields.optional_money(written, high=100_000) is None


def test_an_amount_word_the_import_does_not_know_says_the_three_ways_to_fill_the_cell() -> None:
    with use_lang("da"), pytest.raises(FieldError) as error:
        fields.optional_money("måske", high=100_000)
    assert str(error.value) == ("'måske' er ikke et beløb. Skriv beløbet (fx 350), 0 hvis der ikke er noget, eller - "
                                "hvis I ikke kender det")
    with pytest.raises(FieldError):
        fields.money("ingen", low=500, high=30_000)  # the rent is needed: "ingen" is no rent


@pytest.mark.parametrize("written", ["straks", "Straks", "nu", "snarest", "hurtigst muligt", "Hurtigst muligt"])
def test_now_in_the_free_from_cell_is_the_given_today(written: str) -> None:
    today = dt.date(2027, 3, 9)  # not the wall clock's day: the day the caller says it is
    assert fields.optional_available_from(written, today) == today


@pytest.mark.parametrize("written", ["ukendt", "-", "?", "oplyses senere"])
def test_not_known_in_the_free_from_cell_is_none(written: str) -> None:
    assert fields.optional_available_from(written, TODAY) is None


def test_a_free_from_word_the_import_does_not_know_says_what_to_write() -> None:
    with use_lang("da"), pytest.raises(FieldError) as error:
        fields.optional_available_from("til sommer", TODAY)
    assert str(error.value) == ("'til sommer' er ikke en dato. Skriv dagen først (fx 1-2-2027), straks hvis boligen "
                                "er ledig nu, eller - hvis I ikke kender den endnu")


def test_the_step_by_step_form_names_only_what_it_understands() -> None:
    # The form's "Spring over" sends "-", which is an empty answer there (now): it cannot offer "- if not known".
    with use_lang("da"), pytest.raises(FieldError) as error:
        fields.available_from("ukendt", TODAY)
    assert str(error.value) == ("'ukendt' er ikke en dato. Skriv dagen først (fx 1-2-2027), eller straks hvis "
                                "boligen er ledig nu")


# ---- the whole sheet -------------------------------------------------------------------------------------------

def test_the_hand_filled_sheet_is_read_with_none_as_0_and_an_unknown_day_as_not_known() -> None:
    report = read(sheet(ROWS))
    assert report.ok, report.problems
    got = [(x.aconto, x.deposit, x.prepaid_rent, x.available_from) for x in report.listings]
    # An empty Forudbetalt leje cell is not known, not 0 (tests/test_listings_blank_deposit.py); "nej" and 0 are 0.
    assert got == [(0, 9450, 0, TODAY), (0, 0, 0, TODAY), (450, 0, None, TODAY), (300, 9900, 0, None),
                   (250, 6600, None, TODAY)]
    assert any("Ledig fra i række 7" in note for note in report.notes), report.notes


def test_a_bad_cell_names_its_row_and_column_as_the_sheet_does() -> None:
    bad = [*ROWS[:3], ROWS[3].replace(";ukendt;", ";til sommer;").replace(";9.900;", ";ingen anelse;")]
    report = read(sheet(bad), lang="en")
    assert report.problems == [  # in the order the import reads the cells
        "Row 7, Ledig fra: 'til sommer' is not a date. Write the day first (for example 1-2-2027), straks if the "
        "home is free now, or - if you do not know it yet",
        "Row 7, Indskud: 'ingen anelse' is not an amount. Write the amount (for example 350), 0 if there is none, or "
        "- if you do not know it",
    ]


def sent(engine: Engine, data: bytes, now: dt.datetime, *, dry_run: bool = False) -> PublishResult:
    report = read(data, today=now.date())
    assert report.ok, report.problems
    with session_scope(engine) as session:
        return publish(session, report.listings, now=now, dry_run=dry_run, whole_list=True)


def stored(engine: Engine) -> dict[str, Listing]:
    with session_scope(engine) as session:
        rows = session.exec(select(Listing)).all()
        for row in rows:
            session.expunge(row)
        return {x.provider_ref: x for x in rows}


def test_an_unknown_free_from_day_is_stored_and_shown_as_not_given(engine: Engine) -> None:
    sent(engine, sheet(ROWS), NOW)
    listing = stored(engine)["Lindevej 8"]
    assert listing.available_from is None
    with use_lang("da"):
        shown = to_plain(card(listing))
    assert "Ledig fra: ikke oplyst" in shown and "Ledig fra 27. november" not in shown


def test_the_same_sheet_sent_again_is_unchanged_then_and_a_week_later(engine: Engine) -> None:
    first = sent(engine, sheet(ROWS), NOW)
    assert (first.created, first.updated, first.unchanged) == (5, 0, 0)
    before = stored(engine)
    dry = sent(engine, sheet(ROWS), NOW, dry_run=True)
    again = sent(engine, sheet(ROWS), NOW)
    assert (dry.created, dry.updated, dry.unchanged) == (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert {ref: x.updated_at for ref, x in stored(engine).items()} == {ref: x.updated_at for ref, x in before.items()}
    week = NOW + dt.timedelta(days=7)
    later = sent(engine, sheet(ROWS), week)
    assert (later.created, later.updated, later.unchanged) == (0, 0, 5)
    # Sending the list again says the homes are still there: each is shown the default 30 days from the new day.
    assert {x.expires_on for x in stored(engine).values()} == {week.date() + dt.timedelta(days=30)}
    changed = [ROWS[0].replace("3.150", "3.050"), *ROWS[1:]]
    assert (sent(engine, sheet(changed), week, dry_run=True).updated, sent(engine, sheet(changed), week).updated,
            sent(engine, sheet(changed), week).unchanged) == (1, 1, 5)


# ---- the partner's view: the command line ----------------------------------------------------------------------

def test_the_partner_imports_the_sheet_and_sends_it_again_and_hears_it_is_unchanged(
        database_env: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledige boliger.csv"
    path.write_bytes(sheet(ROWS))
    command = ["listings", "import", str(path), "--provider", PROVIDER]
    code, out, err = run([*command, "--dry-run"], capsys)
    assert code == 0, err
    assert out.splitlines()[-1] == "ville lægge ind: 5 nye, 0 opdaterede"
    assert "Lindevej 8: Ungdomsbolig, Randers C (Randers)" in out and "ledig fra ikke oplyst" in out
    code, out, err = run(command, capsys)
    assert code == 0 and out.startswith("lagt ind: 5 nye, 0 opdaterede"), err
    code, out, _ = run([*command, "--dry-run"], capsys)
    assert out.splitlines()[-1] == "ville lægge ind: 0 nye, 0 opdaterede, 5 uændrede"
    _, out, _ = run(command, capsys)
    assert out.startswith("lagt ind: 0 nye, 0 opdaterede, 5 uændrede,")
    path.write_bytes(sheet([*ROWS[:4], ROWS[4].replace("2.200", "2.100")]))
    _, out, _ = run([*command, "--lang", "en"], capsys)
    assert out.startswith("imported: 0 new, 1 updated, 4 unchanged,")
    _, out, _ = run(["listings", "search", "--municipality", "randers"], capsys)
    assert "Ledig fra: ikke oplyst" in out and "Depositum 0\xa0kr." in out


def test_the_partner_hears_which_cell_to_fix_and_what_to_write(
        database_env: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledige boliger.csv"
    path.write_bytes(sheet([*ROWS[:4], ROWS[4].replace(";nu;", ";til sommer;")]))
    code, _, err = run(["listings", "import", str(path), "--provider", PROVIDER, "--dry-run"], capsys)
    assert code != 0
    assert ("Række 8, Ledig fra: 'til sommer' er ikke en dato. Skriv dagen først (fx 1-2-2027), straks hvis boligen "
            "er ledig nu, eller - hvis I ikke kender den endnu") in err


# ---- the migration ---------------------------------------------------------------------------------------------

def _an_older_database_takes_a_listing_with_no_day_and_gives_it_back(url: str) -> None:
    """Upgraded from 0022: the table is the model's, a listing with no free-from day is stored; downgraded again,
    that listing gets the day it was published (the column is required there), the others keep theirs."""
    upgrade_with_alembic(url, "0022")
    engine = make_engine(url)
    columns = ("provider, provider_ref, municipality, area, kind, rent, aconto, monthly_total, available_from, "
               "target_group, published_at, updated_at, expires_on, status, demo, alerts_pending")
    with engine.begin() as connection:
        connection.execute(text(f"INSERT INTO listing ({columns}) VALUES ('P', 'OLD-1', 'randers', 'Randers C', "
                                "'vaerelse', 2500, 0, 2500, '2026-12-01', 'everyone', '2026-11-27 14:00:00+00:00', "
                                "'2026-11-27 14:00:00+00:00', '2027-01-01', 'active', false, false)"))
    migrate(engine)
    assert schema_differences(engine, "listing") == []
    put(engine, item("NEW-1", provider="P", available_from=None))
    with session_scope(engine) as session:
        found = {x.provider_ref: x.available_from for x in session.exec(select(Listing)).all()}
    assert found == {"OLD-1": dt.date(2026, 12, 1), "NEW-1": None}
    downgrade_with_alembic(engine, "0022")
    with engine.connect() as connection:
        days: dict[str, object] = {ref: day for ref, day in connection.execute(
            text("SELECT provider_ref, available_from FROM listing")).all()}
    engine.dispose()
    assert {ref: str(day) for ref, day in days.items()} == {"OLD-1": "2026-12-01", "NEW-1": str(NOW.date())}



def test_an_older_sqlite_database_takes_listings_with_no_day(tmp_path: Path) -> None:
    _an_older_database_takes_a_listing_with_no_day_and_gives_it_back(f"sqlite:///{tmp_path / 'old.sqlite3'}")


def test_an_older_postgresql_database_takes_listings_with_no_day(postgres_database: str) -> None:
    on_postgres(postgres_database, _an_older_database_takes_a_listing_with_no_day_and_gives_it_back)
