"""Publishing from a CSV file (CLI and database): all or nothing, and re-sending a file updates, never duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from bot.db import session_scope
from bot.listings.csv_import import read_listings
from bot.listings.jobs import expire_listings, tick
from bot.listings.models import Listing
from bot.listings.publish import publish
from handlers.cli import main
from tests.test_listings_csv import csv_bytes, row
from tests.test_listings_search import NOW, TODAY, item, put


def count(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(Listing)).one()


def listing(engine: Engine, ref: str) -> Listing:
    with session_scope(engine) as session:
        return session.exec(select(Listing).where(Listing.provider_ref == ref)).one()


def import_file(engine: Engine, data: bytes, provider: str = "Boligforeningen Test") -> tuple[int, int]:
    report = read_listings(data, provider=provider, today=TODAY)
    assert report.ok, report.problems
    with session_scope(engine) as session:
        result = publish(session, report.listings, now=NOW)
    return result.created, result.updated


def test_re_sending_an_updated_file_updates_and_never_duplicates(engine: Engine) -> None:
    assert import_file(engine, csv_bytes([row(reference="A-1"), row(reference="A-2")])) == (2, 0)
    assert import_file(engine, csv_bytes([row(reference="A-1", husleje="3.500"), row(reference="A-3")])) == (1, 1)
    assert count(engine) == 3
    updated = listing(engine, "A-1")
    assert (updated.rent, updated.monthly_total) == (3500, 3800)


def test_the_same_reference_from_two_providers_is_two_listings(engine: Engine) -> None:
    import_file(engine, csv_bytes([row(reference="A-1")]), provider="Forening A")
    import_file(engine, csv_bytes([row(reference="A-1")]), provider="Forening B")
    assert count(engine) == 2


def test_a_withdrawn_listing_in_a_new_file_is_active_again(engine: Engine) -> None:
    import_file(engine, csv_bytes([row(reference="A-1")]))
    with session_scope(engine) as session:
        withdrawn = session.get(Listing, listing(engine, "A-1").id)
        assert withdrawn is not None
        withdrawn.status = "withdrawn"
    import_file(engine, csv_bytes([row(reference="A-1")]))
    assert listing(engine, "A-1").status == "active"


def test_expire_marks_listings_past_their_last_day(engine: Engine) -> None:
    put(engine, item("old", expires_on=TODAY), item("new", expires_on=TODAY + dt.timedelta(days=2)))
    with session_scope(engine) as session:
        assert expire_listings(session, NOW) == 0  # the last day is still shown
    counts = tick(engine, None, NOW + dt.timedelta(days=1))
    assert counts["listings_expired"] == 1
    assert listing(engine, "old").status == "expired" and listing(engine, "new").status == "active"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_dry_run_then_import(database_env: Engine, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "boliger.csv"
    path.write_bytes(csv_bytes([row(reference="A-1", udloeber=""), row(reference="A-2")]))
    code, out, _ = run(["listings", "import", str(path), "--provider", "Forening A", "--dry-run", "--lang", "en"],
                       capsys)
    assert code == 0 and "would import: 2 new, 0 updated" in out and count(database_env) == 0
    code, out, _ = run(["listings", "import", str(path), "--provider", "Forening A", "--lang", "en"], capsys)
    assert code == 0 and "imported: 2 new, 0 updated" in out and count(database_env) == 2


def test_cli_import_of_a_bad_file_lists_problems_and_imports_nothing(database_env: Engine, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "boliger.csv"
    path.write_bytes(csv_bytes([row(reference="A-1"), row(reference="A-2", husleje="4.5OO")]))
    code, out, err = run(["listings", "import", str(path), "--provider", "Forening A", "--lang", "en"], capsys)
    # The problems go to stderr (in --lang, here English), then one error line.
    *problems, last = err.splitlines()
    assert code == 1 and out == "" and count(database_env) == 0
    assert any("3" in line and "husleje" in line and "'4.5OO'" in line for line in problems)
    assert last == "husly: error: 1 problem(s) in boliger.csv; nothing was imported"


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "The file is empty."),
    (b"   \n\n", "The file is empty."),
    (b"\xff\xfeA\x00B", "I cannot read the letters in the file. Save it as 'CSV UTF-8' and send it again."),
])
def test_cli_import_of_an_empty_or_unreadable_file_says_so_without_a_wrong_hint(
        database_env: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
        problem: str) -> None:
    path = tmp_path / "boliger.csv"
    path.write_bytes(content)
    code, out, err = run(["listings", "import", str(path), "--lang", "en"], capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [problem, "husly: error: 1 problem(s) in boliger.csv; nothing was imported"]


def test_cli_import_without_an_organisation_points_to_provider(database_env: Engine, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "boliger.csv"
    path.write_bytes(csv_bytes([row(reference="A-1")]))
    code, _, err = run(["listings", "import", str(path), "--lang", "en"], capsys)
    assert code == 1 and "udbyder" in err.splitlines()[0]
    assert err.splitlines()[-1].endswith("nothing was imported; give --provider NAME, or add an udbyder column")


def test_the_search_footer_counts_what_matches_and_what_is_shown(database_env: Engine,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    run(["listings", "demo", "--count", "42"], capsys)  # 7 in each municipality
    code, out, _ = run(["listings", "search", "--municipality", "Aarhus", "--lang", "en"], capsys)
    assert code == 0 and out.rstrip().endswith("[7 listings match; showing 1-5, page 1 of 2]")
    code, out, _ = run(["listings", "search", "--municipality", "aarhus", "--page", "2", "--lang", "en"], capsys)
    assert out.rstrip().endswith("[7 listings match; showing 6-7, page 2 of 2]")
    _, out, _ = run(["listings", "search", "--municipality", "kbh", "--type", "lejlighed", "--lang", "en"],
                     capsys)
    assert out.rstrip().endswith("[1 listing matches; showing 1, page 1 of 1]")


def test_cli_demo_search_and_expire(database_env: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = run(["listings", "demo", "--count", "12", "--lang", "en"], capsys)
    assert code == 0 and "12 new" in out
    code, out, _ = run(["listings", "search", "--municipality", "aarhus", "--json"], capsys)
    found = json.loads(out)
    assert code == 0 and len(found) == 2 and all(x["municipality"] == "aarhus" and x["demo"] for x in found)
    assert all(x["apply_url"].startswith("https://example.org/") and x["apply_phone"] is None for x in found)
    assert all(2500 <= x["rent"] <= 6500 for x in found)
    code, out, _ = run(["listings", "search", "--max-rent", "1000", "--lang", "en"], capsys)
    assert code == 0 and "No listings match." in out
    code, out, _ = run(["listings", "expire", "--lang", "en"], capsys)
    assert code == 0 and "listings expired: 0" in out
