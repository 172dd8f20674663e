"""Report benchmark: the coordinators' report over one million statistics rows (a year of a busy Husly).

Prints, for SQLite (a temporary file) and PostgreSQL (a temporary database, when HUSLY_TEST_POSTGRES_URL or
--postgres is given), in one run on the same data:
- Husly's report: the numbers aggregated in SQL (GROUP BY) and built into the report, then the HTML with its
  charts;
- a naive baseline that loads every statistics row into Python and counts there, building the same report
  (the two reports are compared: they must be equal).

Rows: 850,000 questions, 100,000 👍/👎, 50,000 housing searches and alerts, and 2,000 cases with their audit
events, spread over 365 days and the six municipalities. Goal: the report in <= 5 s.
Run: .venv/bin/python benchmarks/report.py [--rows N] [--postgres URL] [--no-naive]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.databases import postgres_engine, sqlite_engine  # noqa: E402
from bot.app import load_knowledge  # noqa: E402
from bot.cases.models import Case, CaseEvent  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.curation import queue  # noqa: E402
from bot.db import session_scope  # noqa: E402
from bot.models import Feedback, QueryStat  # noqa: E402
from bot.report import gather as gather_module  # noqa: E402
from bot.report.build import build  # noqa: E402
from bot.report.formats import make_report, render  # noqa: E402
from bot.report.period import Period  # noqa: E402
from bot.stats.days import local_day  # noqa: E402
from bot.stats.models import ListingStat  # noqa: E402
from bot.stats.record import BAND_NAMES  # noqa: E402
from knowledge.schema import MUNICIPALITIES  # noqa: E402

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
DAYS = 365
OUTCOMES = ("answered",) * 7 + ("unsure",) * 2 + ("unanswered", "safety")


def moments(rng: random.Random) -> tuple[dt.datetime, dt.date]:
    moment = NOW - dt.timedelta(seconds=rng.randrange(DAYS * 86400))
    return moment, local_day(moment)


def question_rows(count: int, topics: list[str], rng: random.Random) -> Iterator[tuple[Any, ...]]:
    for _ in range(count):
        moment, day = moments(rng)
        outcome = rng.choice(OUTCOMES)
        yield (rng.choice(topics), rng.random(), "none" if outcome != "safety" else "urgent",
               "en" if rng.random() < 0.12 else "da", rng.choice((*MUNICIPALITIES, None)), outcome,
               rng.choice(("new", "returning", None, None, None)), day, moment)


QUESTION_COLUMNS = ("topic", "confidence", "urgency", "lang", "municipality", "outcome", "visitor", "day", "created_at")


def fill(engine: Engine, rows: int, kb_topics: list[str]) -> float:
    """Insert the statistics (COPY on PostgreSQL, executemany on SQLite) and the cases."""
    rng = random.Random(16)
    started = time.perf_counter()
    questions, votes, searches = int(rows * 0.85), int(rows * 0.10), rows - int(rows * 0.85) - int(rows * 0.10)
    _bulk(engine, QueryStat, QUESTION_COLUMNS, question_rows(questions, kb_topics, rng))
    _bulk(engine, Feedback, ("topic", "helpful", "lang", "municipality", "day", "created_at"),
          ((rng.choice(kb_topics), rng.random() < 0.7, "da", rng.choice(MUNICIPALITIES), *reversed(moments(rng)))
           for _ in range(votes)))
    _bulk(engine, ListingStat, ("event", "municipality", "rent_band", "kind", "found", "day", "created_at"),
          ((ev, rng.choice((*MUNICIPALITIES, None)), rng.choice(BAND_NAMES), None,
            (rng.random() < 0.6) if ev == "search" else None, *reversed(moments(rng)))
           for ev in (rng.choice(("search",) * 4 + ("alert_sent",)) for _ in range(searches))))
    _cases(engine, 2000, rng)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return time.perf_counter() - started


def _bulk(engine: Engine, table: Any, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> None:
    if engine.dialect.name == "postgresql":
        raw = engine.raw_connection()
        try:
            statement = f"COPY {table.__tablename__} ({', '.join(columns)}) FROM STDIN"
            driver = raw.driver_connection
            assert driver is not None, "a pooled connection has its driver's connection"
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
            raw.commit()
        finally:
            raw.close()
        return
    batch: list[dict[str, Any]] = []
    with session_scope(engine) as session:
        for row in rows:
            batch.append(dict(zip(columns, row, strict=True)))
            if len(batch) == 20_000:
                session.execute(insert(table), batch)
                batch = []
        if batch:
            session.execute(insert(table), batch)


def _cases(engine: Engine, count: int, rng: random.Random) -> None:
    with session_scope(engine) as session:
        for i in range(count):
            created, _day = moments(rng)
            urgency = "emergency" if rng.random() < 0.3 else "urgent"
            case = Case(transport="telegram", chat_id=10_000 + i, municipality=rng.choice(MUNICIPALITIES),
                        urgency=urgency, reasons=["nowhere_to_sleep"], created_at=created, waiting_since=created,
                        status="closed")
            session.add(case)
            session.flush()
            events = [("created", urgency, created), ("claimed", None,
                                                       created + dt.timedelta(minutes=rng.expovariate(1 / 8)))]
            events.append(("closed", rng.choice(("housed", "shelter", "referred")), events[-1][2] +
                           dt.timedelta(hours=5)))
            session.add_all(CaseEvent(case_id=case.id, action=a, detail=d, at=t, actor="staff") for a, d, t in events)


# ---- the naive baseline ------------------------------------------------------------------------------------

def naive_gather(session: Any, period: Period) -> gather_module.Raw:
    """Load every statistics row and count in Python (the Danish day computed per row, as a first version
    would)."""
    questions: dict[tuple[Any, ...], list[int]] = {}
    topics: Counter[tuple[Any, ...]] = Counter()
    for row in session.execute(select(QueryStat.__table__)).all():
        day = local_day(row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC))
        if period.start <= day <= period.end:
            counts = questions.setdefault((day, row.municipality, row.outcome), [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += row.lang == "en"
            counts[2] += row.visitor == "new"
            counts[3] += row.visitor == "returning"
            topics[(row.topic, row.municipality, row.outcome)] += 1
    votes: Counter[tuple[Any, ...]] = Counter()
    for row in session.execute(select(Feedback.__table__)).all():
        if period.start <= row.day <= period.end:
            votes[(row.topic, bool(row.helpful))] += 1
    events: Counter[tuple[Any, ...]] = Counter()
    for row in session.execute(select(ListingStat.__table__)).all():
        if period.start <= row.day <= period.end:
            events[(row.event, row.municipality, row.rent_band, row.found)] += 1
    raw = gather_module.Raw(
        questions=[(*k, *n) for k, n in questions.items()], topics=[(*k, n) for k, n in topics.items()],
        feedback=[(*k, n) for k, n in votes.items()], listing_events=[(*k, n) for k, n in events.items()],
        published=gather_module._published(session, period, include_demo=False),
        cases=gather_module._cases(session, period), queue=queue.summary(session))
    return raw


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def bench(name: str, engine: Engine, rows: int, naive: bool) -> None:
    settings = Settings(_env_file=None)
    kb, _index = load_knowledge(settings)
    print(f"\n{name}: filling {rows:,} statistics rows …", flush=True)
    print(f"  fill: {fill(engine, rows, sorted(kb.topics)):.1f} s")
    period = Period.make(local_day(NOW) - dt.timedelta(days=DAYS - 1), local_day(NOW), NOW)
    sla = {"urgent": settings.sla_urgent_minutes, "emergency": settings.sla_emergency_minutes}

    def husly() -> dict[str, Any]:
        with session_scope(engine) as session:
            return make_report(session, kb=kb, settings=settings, period=period, now=NOW)

    husly()  # warm the connection pool and caches once, as a running bot would have them
    seconds, report = timed(husly)
    html_seconds, page = timed(lambda: render(report, "html"))
    print(f"  husly report (SQL GROUP BY + build): {seconds:.2f} s; HTML with charts: +{html_seconds:.2f} s "
          f"({len(page) // 1024} kB); total {seconds + html_seconds:.2f} s  [goal <= 5 s]")
    print(f"  questions counted: {report['questions']['total']:,}")
    if naive:
        def baseline() -> dict[str, Any]:
            with session_scope(engine) as session:
                return build(naive_gather(session, period), period, kb=kb, sla_minutes=sla, now=NOW, lang="da")

        naive_seconds, naive_report = timed(baseline)
        same = naive_report == report
        print(f"  naive (every row into Python): {naive_seconds:.2f} s  ({naive_seconds / seconds:.0f}x slower); "
              f"same report: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=os.environ.get("HUSLY_TEST_POSTGRES_URL", ""))
    parser.add_argument("--no-naive", action="store_true", help="Skip the baseline (it needs a few GB of memory).")
    args = parser.parse_args()
    with sqlite_engine() as engine:
        bench("SQLite", engine, args.rows, not args.no_naive)
    if args.postgres:
        with postgres_engine(args.postgres) as engine:
            bench("PostgreSQL", engine, args.rows, not args.no_naive)
    else:
        print("\nPostgreSQL: skipped (set HUSLY_TEST_POSTGRES_URL or --postgres)")


if __name__ == "__main__":
    main()
