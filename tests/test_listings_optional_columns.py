"""A partner's own sheet without rooms, m² or a deposit column still publishes; what is not known is not shown; and
sending the sheet again a week later updates the homes in it and withdraws the ones taken out.

Playing a partner's day: a housing organisation listing rooms in shared flats and shelter places had no "Antal vær."
or "Boligareal" for them, and the import refused the whole file. Listings now keep rooms, m², deposit and prepaid
rent unknown (NULL, migration 0021) when the sheet does not give them, on SQLite and PostgreSQL alike, and the
young person's card leaves them out rather than saying "0 m²" or "Depositum 0 kr.".
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, func, text
from sqlmodel import select

from bot.db import make_engine, migrate, session_scope
from bot.i18n import use_lang
from bot.listings.csv_import import read_listings
from bot.listings.filters import Filters
from bot.listings.models import Listing
from bot.listings.publish import FORM_REF_PREFIX, publish
from bot.listings.render import card, preview
from bot.listings.search import search
from bot.replies import to_plain
from bot.staff.models import Staff
from handlers.cli import main
from tests.corpus import our_own
from tests.migration_support import on_postgres, schema_differences
from tests.support import Chat, upgrade_with_alembic
from tests.test_listings_search import NOW, TODAY, item, put

PROVIDER = "Boligforeningen Kystbyen"
PARTNER = 505
HEADER = "Lejemålsnr.;By;Boligtype;Antal vær.;Boligareal;Husleje (kr.);Aconto;Ledig pr.;Kontakt tlf.;Bemærkninger"
WEEK_ONE = [
    "KB-301;Randers C;Ungdomsbolig;1;34;3.250;450;straks;86 40 22 10;Tæt på busterminalen og svømmehallen",
    "KB-302;Randers NV;Værelse i delebolig;;;2.100;250;straks;86 40 22 10;Fælles køkken med tre andre lejere",
    "KB-303;Randers C;Skæv bolig;;;2.600;;efter aftale;86 40 22 10;Ring og aftal en snak over en kop kaffe",
    "KB-304;Randers C;Udslusningsbolig;1;-;2.900;300;straks;86 40 22 10;",
]


def sheet(lines: list[str], header: str = HEADER) -> bytes:
    return ("\r\n".join(["Kystbyen · ledige lejemål", "", header, *lines]) + "\r\n").encode("utf-8")


def import_sheet(engine: Engine, data: bytes, now: dt.datetime = NOW):
    report = read_listings(data, provider=PROVIDER, today=now.date())
    assert report.ok, report.problems
    with session_scope(engine) as session:
        return publish(session, report.listings, now=now, whole_list=True)


def listings(engine: Engine) -> dict[str, Listing]:
    with session_scope(engine) as session:
        found = session.exec(select(Listing)).all()
        for listing in found:
            session.expunge(listing)
    return {listing.provider_ref: listing for listing in found}


def test_a_sheet_without_rooms_and_size_columns_is_read() -> None:
    header = "Lejemålsnr.;By;Boligtype;Husleje (kr.);Ledig pr.;Kontakt tlf."
    report = read_listings(sheet(["KB-310;Randers C;Værelse;2.300;straks;86 40 22 10"], header=header),
                           provider=PROVIDER, today=TODAY)
    assert report.ok, report.problems
    (listing,) = report.listings
    assert (listing.rooms, listing.size_m2, listing.deposit, listing.prepaid_rent) == (None, None, None, None)


def test_empty_or_dashed_rooms_and_size_cells_are_unknown_and_a_wrong_one_is_still_refused() -> None:
    report = read_listings(sheet(WEEK_ONE), provider=PROVIDER, today=TODAY)
    assert report.ok, report.problems
    read = {x.provider_ref: (x.rooms, x.size_m2) for x in report.listings}
    assert read == {"KB-301": (1, 34), "KB-302": (None, None), "KB-303": (None, None), "KB-304": (1, None)}
    with use_lang("da"):
        zero = read_listings(sheet(["KB-311;Randers C;Værelse;0;0;2.300;;straks;86 40 22 10;"]), provider=PROVIDER,
                             today=TODAY)
        bad = read_listings(sheet(["KB-311;Randers C;Værelse;1;3;2.300;;straks;86 40 22 10;"]), provider=PROVIDER,
                            today=TODAY)
    assert (zero.listings[0].rooms, zero.listings[0].size_m2) == (None, None)  # no home has 0 rooms or 0 m²
    assert bad.problems == ["Række 4, Boligareal: '3' ser forkert ud. Det skal være mellem 5 og 300"]


def test_unknown_details_are_stored_and_left_out_of_what_a_young_person_sees(engine: Engine) -> None:
    import_sheet(engine, sheet(WEEK_ONE))
    stored = listings(engine)
    assert (stored["KB-302"].rooms, stored["KB-302"].size_m2, stored["KB-302"].deposit) == (None, None, None)
    assert (stored["KB-301"].rooms, stored["KB-301"].size_m2) == (1, 34)
    with session_scope(engine) as session, use_lang("da"):
        page = search(session, Filters("randers", 3000, None), today=TODAY)
        shown = {x.provider_ref: to_plain(card(x)) for x in page.listings}
    assert set(shown) == {"KB-302", "KB-303"}
    shared = shown["KB-302"]
    assert shared.splitlines()[0] == "Delebolig, Randers NV (Randers)"
    assert "m²" not in shared and "værelser" not in shared and "0 kr., forudbetalt" not in shared
    assert "Depositum og forudbetalt leje: ikke oplyst – spørg udlejeren" in shared
    with session_scope(engine) as session, use_lang("da"):
        flat = to_plain(card(session.exec(select(Listing).where(Listing.provider_ref == "KB-301")).one()))
    assert flat.splitlines()[0] == "Ungdomsbolig, 34 m², Randers C (Randers)" and "værelser: 1" in flat


def test_the_dry_run_says_what_the_sheet_did_not_give() -> None:
    report = read_listings(sheet(WEEK_ONE), provider=PROVIDER, today=TODAY)
    with use_lang("da"):
        line = preview(report.listings[1])
    assert line.startswith("KB-302: Delebolig, Randers NV (Randers), m² ikke oplyst, værelser ikke oplyst, husleje")


def test_the_sheet_a_week_later_updates_withdraws_and_never_duplicates(engine: Engine) -> None:
    # A listing from the step-by-step form (no reference of the partner's), another organisation's and a demo
    # listing are not in this partner's file, and are not theirs to withdraw by it.
    put(engine, item(f"{FORM_REF_PREFIX}20261127-a1b2c3", provider=PROVIDER),
        item("KB-301", provider="Boligforeningen Anden"), item("D-1", provider=PROVIDER, demo=True))
    first = import_sheet(engine, sheet(WEEK_ONE))
    assert (first.created, first.updated, first.withdrawn) == (4, 0, ())
    week = NOW + dt.timedelta(days=7)
    header = HEADER + ";Depositum"
    later = [WEEK_ONE[0] + ";9.750", WEEK_ONE[1].replace("2.100", "1.950") + ";3.900", WEEK_ONE[3] + ";",
             "KB-305;Randers Ø;Kollegieværelse;1;12;2.400;200;straks;86 40 22 10;;2.400"]
    second = import_sheet(engine, sheet(later, header=header), now=week)
    # KB-304's empty Depositum cell says no more than the missing column did: unchanged, not updated.
    assert (second.created, second.updated, second.unchanged, second.withdrawn) == (1, 2, 1, ("KB-303",))
    stored = listings(engine)
    assert len(stored) == 7  # 5 of the partner's, the other organisation's and the demo: none twice
    assert stored["KB-303"].status == "withdrawn"
    assert all(stored[ref].status == "active" for ref in ("KB-301", "KB-302", "KB-304", "KB-305",
                                                          f"{FORM_REF_PREFIX}20261127-a1b2c3", "D-1"))
    assert (stored["KB-302"].rent, stored["KB-302"].monthly_total, stored["KB-302"].deposit) == (1950, 2200, 3900)
    # An empty cell in a deposit column does not say there is none: not known (tests/test_listings_blank_deposit.py).
    assert stored["KB-304"].deposit is None
    with session_scope(engine) as session:
        other = session.exec(select(Listing).where(Listing.provider == "Boligforeningen Anden")).one()
    assert other.status == "active"
    # Sending the row again shows it again.
    third = import_sheet(engine, sheet([*later, WEEK_ONE[2] + ";"], header=header), now=week)
    assert (third.created, third.withdrawn) == (0, ()) and listings(engine)["KB-303"].status == "active"


def test_the_cli_dry_run_names_what_would_be_withdrawn_and_changes_nothing(
        database_env: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_sheet(database_env, sheet(WEEK_ONE), now=dt.datetime.now(dt.UTC))
    path = tmp_path / "lejemaal.csv"
    path.write_bytes(sheet(WEEK_ONE[:2]))
    main(["listings", "import", str(path), "--provider", PROVIDER, "--dry-run", "--lang", "en"])
    out = capsys.readouterr().out
    assert "would import: 0 new, 0 updated, 2 unchanged, 2 withdrawn (not in the file)" in out
    assert "would withdraw: KB-303, KB-304" in out
    assert all(x.status == "active" for x in listings(database_env).values())
    main(["listings", "import", str(path), "--provider", PROVIDER, "--lang", "en"])
    assert "withdrawn: KB-303, KB-304" in capsys.readouterr().out
    assert {ref for ref, x in listings(database_env).items() if x.status == "withdrawn"} == {"KB-303", "KB-304"}


def test_a_partner_in_the_chat_is_told_which_homes_the_new_sheet_withdrew(engine: Engine, make_app) -> None:
    with session_scope(engine) as session:
        session.add(Staff(transport="telegram", user_id=PARTNER, chat_id=PARTNER, role="partner", provider=PROVIDER))
    chat = Chat(make_app(engine), PARTNER, lang="da")
    chat.command("start")
    first = chat.send(chat._incoming("document", document_name="lejemaal.xlsx", document_bytes=workbook(WEEK_ONE)))
    assert "Lagt ind: 4 nye og 0 opdaterede" in first[0].text and "Trukket tilbage" not in first[0].text
    later = chat.send(chat._incoming("document", document_name="lejemaal.xlsx",
                                     document_bytes=workbook(WEEK_ONE[:1] + WEEK_ONE[2:])))
    assert "Lagt ind: 0 nye og 0 opdaterede" in later[0].text  # the same rows: unchanged, not updated
    assert "Uændrede, vises allerede som i filen: 3." in later[0].text
    assert "Trukket tilbage, fordi de ikke står i filen længere: 1 (KB-302)" in later[0].text
    with session_scope(engine) as session:
        statuses = dict(session.exec(select(Listing.provider_ref, Listing.status)).all())
    assert statuses == {"KB-301": "active", "KB-302": "withdrawn", "KB-303": "active", "KB-304": "active"}


def workbook(lines: list[str]) -> bytes:
    """The sheet as an Excel workbook, numbers as numbers and empty cells empty, with a title row above."""
    book = openpyxl.Workbook()
    sheet_ = book.active
    assert sheet_ is not None
    sheet_.append(["Kystbyen · ledige lejemål"])
    sheet_.append(HEADER.split(";"))
    for line in lines:
        sheet_.append([int(cell) if cell.isdigit() else (cell or None) for cell in line.split(";")])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _listings_survive_the_upgrade(url: str) -> None:
    """A database from before 0021 keeps its listings, and then takes one without rooms, m² or deposit."""
    upgrade_with_alembic(url, "0002")
    engine = make_engine(url)
    columns = ("provider, provider_ref, municipality, area, kind, rooms, size_m2, rent, aconto, monthly_total, "
               "deposit, prepaid_rent, available_from, target_group, published_at, updated_at, expires_on, status, "
               "demo, alerts_pending")
    with engine.begin() as connection:
        connection.execute(text(f"INSERT INTO listing ({columns}) VALUES ('P', 'OLD-1', 'aarhus', 'Aarhus N', "
                                "'vaerelse', 1, 14, 3000, 0, 3000, 9000, 0, '2026-12-01', 'everyone', "
                                "'2026-11-27 14:00:00+00:00', '2026-11-27 14:00:00+00:00', '2027-01-01', 'active', "
                                "false, false)"))
    migrate(engine)
    assert schema_differences(engine, "listing") == []  # the migrated table is the model's (nullable where it is)
    put(engine, item("NEW-1", provider="P", rooms=None, size_m2=None, deposit=None, prepaid_rent=None))
    with session_scope(engine) as session:
        found = {x.provider_ref: (x.rooms, x.size_m2, x.deposit) for x in session.exec(select(Listing)).all()}
        total = session.exec(select(func.count()).select_from(Listing)).one()
    engine.dispose()
    assert found == {"OLD-1": (1, 14, 9000), "NEW-1": (None, None, None)} and total == 2


def test_an_older_sqlite_database_is_upgraded_with_its_listings(tmp_path: Path) -> None:
    _listings_survive_the_upgrade(f"sqlite:///{tmp_path / 'old.sqlite3'}")


def test_an_older_postgresql_database_is_upgraded_with_its_listings(postgres_database: str) -> None:
    on_postgres(postgres_database, _listings_survive_the_upgrade)


test_the_sheet_texts_are_our_own = our_own([line.split(";")[-1] for line in WEEK_ONE if line.split(";")[-1]])
