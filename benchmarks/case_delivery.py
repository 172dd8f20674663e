"""Case delivery benchmark: from a young person's crisis message to the case card in the team chat.

For 200 cases, measures the time from handing the young person's message to the conversation core until
the recording sender receives the card for the municipality's team chat (the message is handled, the case
and its card are committed in one transaction, the delivery worker is woken and sends the card). Two
scenarios: one person at a time, and 20 people writing at the same moment. Prints p50/p99 in milliseconds,
for SQLite (a temporary file) and PostgreSQL (a temporary database, when HUSLY_TEST_POSTGRES_URL or
--postgres is given).

Run: .venv/bin/python benchmarks/case_delivery.py [--cases 200] [--postgres URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.databases import postgres_engine, sqlite_engine  # noqa: E402
from bot.app import App, build_app  # noqa: E402
from bot.cases import service  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import session_scope  # noqa: E402
from bot.models import utcnow  # noqa: E402
from bot.outbox import DeliveryWorker  # noqa: E402
from bot.replies import Incoming, Reply  # noqa: E402
from bot.staff.models import Staff  # noqa: E402

TEAM_CHAT = -100_424_242
MESSAGE = "jeg vil ikke leve mere"  # an emergency: the case is created at once
CASE_NUMBER = re.compile(r"#(\d+)")


class TimingSender:
    """A recording sender that notes when each case's card reaches the team chat."""

    def __init__(self) -> None:
        self.card_at: dict[int, float] = {}
        self.arrived: dict[int, asyncio.Event] = {}
        self._ids = itertools.count(1)

    def event(self, case_id: int) -> asyncio.Event:
        return self.arrived.setdefault(case_id, asyncio.Event())

    async def send(self, chat_id: int, reply: Reply) -> int:
        if chat_id == TEAM_CHAT and (found := CASE_NUMBER.search(reply.html)):
            case_id = int(found.group(1))
            self.card_at.setdefault(case_id, time.perf_counter())
            self.event(case_id).set()
        return next(self._ids)

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        return None

    async def delete(self, chat_id: int, message_ids: list[int]) -> None:
        return None

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        return None


def setup(engine: Engine) -> App:
    app = build_app(Settings(_env_file=None), engine=engine)
    with session_scope(engine) as session:
        session.add(Staff(transport="telegram", user_id=7, chat_id=7, role="caseworker", municipality="aarhus",
                          display_name="Bench", created_at=utcnow()))
        service.set_team(session, "aarhus", utcnow(), transport="telegram", team_chat_id=TEAM_CHAT)
    return app


async def one_case(app: App, worker: DeliveryWorker, sender: TimingSender, chat_id: int, update_ids: Iterator[int],
                   ) -> tuple[float, float]:
    """Return (seconds until the case was committed, seconds until its card reached the team chat)."""
    start = Incoming("telegram", chat_id, chat_id, "command", update_id=next(update_ids), text="/start aarhus",
                     command="start", args="aarhus")
    await asyncio.to_thread(app.core.handle, start)
    message = Incoming("telegram", chat_id, chat_id, "text", update_id=next(update_ids), text=MESSAGE)
    began = time.perf_counter()
    await asyncio.to_thread(app.core.handle, message)
    committed = time.perf_counter() - began
    worker.wake()
    with session_scope(app.engine) as session:
        case = service.open_case_for(session, "telegram", chat_id)
    assert case is not None and case.id is not None
    await asyncio.wait_for(sender.event(case.id).wait(), timeout=30)
    return committed, sender.card_at[case.id] - began


async def scenario(app: App, cases: int, at_once: int, first_chat: int) -> list[tuple[float, float]]:
    sender = TimingSender()
    worker = DeliveryWorker(app.engine, "telegram", sender, idle_poll=0.05)
    delivery = asyncio.create_task(worker.run())
    update_ids = itertools.count(first_chat * 10)
    chats = iter(range(first_chat, first_chat + cases))
    latencies: list[tuple[float, float]] = []
    try:
        for _ in range(0, cases, at_once):
            batch = [one_case(app, worker, sender, next(chats), update_ids) for _ in range(at_once)]
            latencies.extend(await asyncio.gather(*batch))
    finally:
        worker.stop()
        with contextlib.suppress(asyncio.CancelledError):
            await delivery
    return latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(label: str, engine: Engine, cases: int) -> None:
    app = setup(engine)
    for name, at_once, first in (("one at a time", 1, 100_000), ("20 at once", 20, 200_000)):
        latencies = asyncio.run(scenario(app, cases, at_once, first))
        committed = [c * 1000 for c, _ in latencies]
        ms = [d * 1000 for _, d in latencies]
        print(f"{label:<11} {name:<14} cases={len(ms):<4} card p50={percentile(ms, 50):7.1f} ms  "
              f"p99={percentile(ms, 99):7.1f} ms  max={max(ms):7.1f} ms   (case committed p50="
              f"{percentile(committed, 50):6.1f} ms  p99={percentile(committed, 99):6.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--postgres", default=os.environ.get("HUSLY_TEST_POSTGRES_URL", ""),
                        help="PostgreSQL server URL (a temporary database is created on it).")
    args = parser.parse_args()
    print(f"Young person's emergency message -> case card delivered to the team chat ({args.cases} cases, "
          "RecordingSender, no network)")
    with sqlite_engine() as engine:
        report("SQLite", engine, args.cases)
    if args.postgres:
        with postgres_engine(args.postgres) as engine:
            report("PostgreSQL", engine, args.cases)
    else:
        print("(PostgreSQL skipped: set HUSLY_TEST_POSTGRES_URL or pass --postgres URL)")


if __name__ == "__main__":
    main()
