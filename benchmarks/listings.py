"""Listings benchmark: a filtered search's first page at 100,000 listings, and a 10,000-row CSV import.

Prints, for SQLite (a temporary file) and PostgreSQL (a temporary database, when HUSLY_TEST_POSTGRES_URL or
--postgres is given), in one run on the same data:
- p50/p95/p99 of Husly's search (first page of 5 plus the capped count, one session each, like the bot) over
  random filter combinations, next to a naive baseline that loads every listing and filters in Python;
- importing a 10,000-row CSV file (read + check + insert, then the same file again as updates), next to a
  naive baseline that upserts row by row through the ORM.

Targets: search p99 <= 20 ms, import <= 5 s. Run: .venv/bin/python benchmarks/listings.py [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, insert, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from benchmarks.databases import postgres_engine, sqlite_engine  # noqa: E402
from bot.db import session_scope  # noqa: E402
from bot.listings.csv_import import read_listings  # noqa: E402
from bot.listings.filters import Filters  # noqa: E402
from bot.listings.models import KINDS, Listing  # noqa: E402
from bot.listings.publish import ListingInput, publish  # noqa: E402
from bot.listings.search import PAGE_SIZE, local_day, search  # noqa: E402
from knowledge.schema import MUNICIPALITIES  # noqa: E402

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
TODAY = local_day(NOW)
BUDGETS = (3000, 3500, 4000, 4500, 5000, 6000, None)


def rows(count: int, seed: int = 7) -> Iterator[dict]:
    """Listings as insert rows: spread over municipalities and types; 5% expired, 3% withdrawn."""
    rng = random.Random(seed)
    for i in range(count):
        rent = rng.randrange(2000, 9000, 50)
        aconto = rng.choice((0, 200, 300, 400, 600))
        roll = rng.random()
        status = "expired" if roll < 0.05 else "withdrawn" if roll < 0.08 else "active"
        yield dict(
            provider=f"Forening {i % 40}", provider_ref=f"B-{i}", municipality=rng.choice(MUNICIPALITIES),
            area="Område", kind=rng.choice(KINDS), rooms=1, size_m2=rng.randint(10, 60), rent=rent, aconto=aconto,
            monthly_total=rent + aconto, deposit=rent * 3, prepaid_rent=0, available_from=TODAY,
            target_group="everyone", apply_url="https://example.org/x", apply_phone=None, description=None,
            published_at=NOW, updated_at=NOW,
            expires_on=TODAY + dt.timedelta(days=rng.randint(-3, 60)) if status == "active" else TODAY,
            status=status, demo=False, alerts_pending=False,
        )


def fill(engine: Engine, count: int) -> float:
    started = time.perf_counter()
    batch: list[dict] = []
    with session_scope(engine) as session:
        for row in rows(count):
            batch.append(row)
            if len(batch) == 5000:
                session.execute(insert(Listing), batch)
                batch = []
        if batch:
            session.execute(insert(Listing), batch)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:  # what autovacuum does soon after a bulk load
            connection.execute(text("ANALYZE listing"))
    return time.perf_counter() - started


def random_filters(rng: random.Random) -> Filters:
    return Filters(rng.choice((*MUNICIPALITIES, None)), rng.choice(BUDGETS),
                   rng.choice(KINDS) if rng.random() < 0.5 else None)


def husly_search(engine: Engine, filters: Filters) -> list[int]:
    with session_scope(engine) as session:
        return [x.id for x in search(session, filters, today=TODAY).listings if x.id is not None]


def naive_search(engine: Engine, filters: Filters) -> list[int]:
    """What a first version would do: load every listing, filter and sort in Python."""
    with session_scope(engine) as session:
        everything = session.exec(select(Listing)).all()
    fits = [x for x in everything
            if x.status == "active" and x.expires_on >= TODAY
            and (filters.municipality is None or x.municipality == filters.municipality)
            and (filters.max_total is None or x.monthly_total <= filters.max_total)
            and (filters.kind is None or x.kind == filters.kind)]
    fits.sort(key=lambda x: (x.monthly_total, x.id))
    return [x.id for x in fits[:PAGE_SIZE] if x.id is not None]


def timings(run: Callable[[Filters], list[int]], queries: list[Filters]) -> list[float]:
    times = []
    for filters in queries:
        started = time.perf_counter()
        run(filters)
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def csv_file(count: int, provider_prefix: str = "I") -> bytes:
    rng = random.Random(11)
    lines = ["reference;kommune;omraade;type;vaerelser;kvm;husleje;aconto;depositum;ledig_fra;ansoeg_link"]
    towns = ("Randers", "Roskilde", "København", "Favrskov", "Århus", "Høje-Taastrup")
    types = ("værelse", "lejlighed", "ungdomsbolig", "kollegieværelse", "delebolig", "skæv bolig")
    for i in range(count):
        rent = rng.randrange(2500, 7000, 50)
        lines.append(f"{provider_prefix}-{i};{rng.choice(towns)};Område {i % 30};{rng.choice(types)};1;"
                     f"{rng.randint(10, 60)};{rent:,}".replace(",", ".")
                     + f";{rng.choice((0, 300))};{rent * 3};01-02-2027;https://example.org/{i}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def husly_import(engine: Engine, data: bytes, provider: str) -> tuple[int, int]:
    report = read_listings(data, provider=provider, today=TODAY)
    assert report.ok, report.problems[:3]
    with session_scope(engine) as session:
        # As the CLI and the bot publish a file: the partner's whole list (their listings not in it are withdrawn).
        result = publish(session, report.listings, now=NOW, whole_list=True)
    return result.created, result.updated


def naive_import(engine: Engine, items: list[ListingInput]) -> None:
    """Row by row: look the listing up, then insert or update it through the ORM, flushing each."""
    with session_scope(engine) as session:
        for item in items:
            found = session.exec(select(Listing).where(Listing.provider == item.provider,
                                                       Listing.provider_ref == item.provider_ref)).first()
            values = {**item.__dict__, "monthly_total": item.rent + item.aconto, "updated_at": NOW}
            if found is None:
                found = Listing(**values, published_at=NOW)
            else:
                for key, value in values.items():
                    setattr(found, key, value)
            session.add(found)
            session.flush()


def bench(label: str, engine: Engine, *, listings: int, queries: int, baseline_queries: int,
          import_rows: int) -> None:
    print(f"\n== {label}: {listings:,} listings ==")
    print(f"load: {fill(engine, listings):.1f} s")
    rng = random.Random(3)
    sample = [random_filters(rng) for _ in range(queries)]
    for filters in sample[:20]:  # warm the caches and check both give the same page
        assert husly_search(engine, filters) == naive_search(engine, filters), filters
    ours = timings(lambda f: husly_search(engine, f), sample)
    naive = timings(lambda f: naive_search(engine, f), sample[:baseline_queries])
    print(f"{'search, first page':<34}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'runs':>7}")
    for name, values in (("husly (index, capped count)", ours), ("naive (load all, filter)", naive)):
        print(f"{name:<34}{percentile(values, 50):>9.2f}{percentile(values, 95):>9.2f}"
              f"{percentile(values, 99):>9.2f}{len(values):>7}")
    verdict = "ok" if percentile(ours, 99) <= 20 else "OVER"
    print(f"target p99 <= 20 ms: {verdict}")

    data = csv_file(import_rows)
    started = time.perf_counter()
    created, _ = husly_import(engine, data, "Import A")
    first = time.perf_counter() - started
    started = time.perf_counter()
    _, updated = husly_import(engine, data, "Import A")
    again = time.perf_counter() - started
    items = read_listings(csv_file(import_rows, "N"), provider="Import B", today=TODAY).listings
    started = time.perf_counter()
    naive_import(engine, items)
    naive_first = time.perf_counter() - started
    print(f"{'import ' + format(import_rows, ',') + ' rows':<34}{'new s':>9}{'again s':>9}")
    print(f"{'husly (check all, bulk upsert)':<34}{first:>9.2f}{again:>9.2f}   ({created} new, {updated} updated)")
    print(f"{'naive (row by row, ORM)':<34}{naive_first:>9.2f}{'':>9}")
    print(f"target <= 5 s: {'ok' if max(first, again) <= 5 else 'OVER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 listings and fewer queries")
    parser.add_argument("--postgres", default=os.environ.get("HUSLY_TEST_POSTGRES_URL", ""),
                        help="a PostgreSQL URL whose server may create a temporary database")
    args = parser.parse_args()
    size = dict(listings=10_000, queries=200, baseline_queries=5, import_rows=2_000) if args.quick else \
        dict(listings=100_000, queries=1_000, baseline_queries=20, import_rows=10_000)
    with sqlite_engine() as engine:
        bench("SQLite", engine, **size)
    if args.postgres:
        with postgres_engine(args.postgres) as engine:
            bench("PostgreSQL", engine, **size)
    else:
        print("\n(PostgreSQL skipped: set HUSLY_TEST_POSTGRES_URL or pass --postgres URL)")


if __name__ == "__main__":
    main()
