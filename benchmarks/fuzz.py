"""Fuzzing benchmark: 10,000 generated cases of each fuzzer, with the count of failures and the time per case.

1. Button data × chat types × roles: data from every registered namespace (valid, stale, forged) pressed by
   a young person, a caseworker, a coordinator, a partner or an admin, in a private chat, a group or a team
   chat, through the conversation core on SQLite. A failure is an update a handler raised on (the person got
   the apology; ``Core.failures``) or a press that got no answer.
2. CSV bytes: random, broken and hostile files of listings through ``read_listings``. A failure is an
   exception.

The baseline, in the same run: the time of a plain "/start" through the same core. Prints one line per
fuzzer; exits 1 if anything failed.

Run: .venv/bin/python benchmarks/fuzz.py [--cases 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import App, build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import make_engine, migrate  # noqa: E402
from bot.listings.csv_import import read_listings  # noqa: E402
from bot.replies import Incoming  # noqa: E402
from tests.fuzzing import USERS, build_world, callback_data, chats, csv_files, roles  # noqa: E402


def _app(folder: Path) -> App:
    engine = make_engine(f"sqlite:///{folder / 'fuzz.sqlite3'}")
    migrate(engine)
    app = build_app(Settings(_env_file=None, data_dir=folder, flood_limit_per_minute=10**9, cases_per_hour=10**9),
                    engine=engine)
    build_world(app)
    return app


def _run(cases: int, test: Any) -> None:
    settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
             suppress_health_check=list(HealthCheck))(test)()


def buttons(app: App, cases: int) -> tuple[int, int, float]:
    """(cases, failures, seconds) for pressing fuzzed buttons."""
    counts = {"cases": 0, "failures": 0}
    updates = iter(range(1, 10**9))

    @given(data=callback_data(app.core.router), role=roles, where=chats)
    def press(data: str, role: Any, where: tuple[str, int | None]) -> None:
        chat_type, group = where
        user = USERS[role]
        before = app.core.failures
        outcome = app.core.handle(Incoming("telegram", group or user, user, "callback", update_id=next(updates),
                                           callback_data=data, message_id=5, chat_type=chat_type))
        counts["cases"] += 1
        if app.core.failures != before or outcome.callback_answer is None:
            counts["failures"] += 1
            print(f"  failure: {data!r} by {role} in a {chat_type}", file=sys.stderr)

    start = time.perf_counter()
    _run(cases, press)
    return counts["cases"], counts["failures"], time.perf_counter() - start


def csv(cases: int) -> tuple[int, int, float]:
    """(cases, failures, seconds) for reading fuzzed CSV files."""
    counts = {"cases": 0, "failures": 0}
    today = dt.date(2026, 11, 27)

    @given(content=csv_files)
    def read(content: bytes) -> None:
        counts["cases"] += 1
        try:
            read_listings(content, provider="Boligselskab", today=today)
        except Exception as exc:  # the point: count, never stop
            counts["failures"] += 1
            print(f"  failure: {type(exc).__name__} on {content[:60]!r}", file=sys.stderr)

    start = time.perf_counter()
    _run(cases, read)
    return counts["cases"], counts["failures"], time.perf_counter() - start


def baseline(app: App, runs: int = 200) -> float:
    """Seconds per plain /start through the same core (the yardstick for the button fuzzer)."""
    start = time.perf_counter()
    for i in range(runs):
        app.core.handle(Incoming("telegram", 9_000_000 + i, 9_000_000 + i, "command", update_id=10**9 + i,
                                 text="/start", command="start"))
    return (time.perf_counter() - start) / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    # Refusals are logged as warnings by design; a handler's failure is counted (and logged as an error).
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        per_start = baseline(app)
        done, failed, seconds = buttons(app, args.cases)
        print(f"buttons × chats × roles: {done} cases, {failed} failures, {seconds / max(done, 1) * 1000:.2f} ms a "
              f"case (baseline /start {per_start * 1000:.2f} ms)")
        app.engine.dispose()
    done_csv, failed_csv, seconds_csv = csv(args.cases)
    print(f"CSV files: {done_csv} cases, {failed_csv} failures, {seconds_csv / max(done_csv, 1) * 1000:.2f} ms a file")
    sys.exit(1 if failed or failed_csv else 0)


if __name__ == "__main__":
    main()
