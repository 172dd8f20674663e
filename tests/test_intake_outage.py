"""The database away for ten seconds while people in crisis write: the real `husly run` still answers at once.

PostgreSQL "goes away" behind a TCP proxy the test cuts (every connection dropped, new ones refused, as a
crashed or unreachable server looks to the bot); SQLite is locked by another process holding a write
transaction. Twenty young people write "I have nowhere to sleep tonight" meanwhile. Each must get the safety
information (112 and where to go tonight) within 5 seconds, from memory, and their full answer once the
database is back; nothing may be sent twice. Someone with an ordinary question gets one "I'm slow right now".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url
from sqlmodel import Session, select

from bot.models import Outbox
from tests.fake_telegram import FakeTelegram
from tests.fake_telegram.redelivery import Redelivery
from tests.intake_support import Ledger
from tests.support import wait_until
from tests.tcp_proxy import CuttableProxy
from tests.telegram_harness import HuslyProcess, plain

POSTGRES = os.environ.get("HUSLY_TEST_POSTGRES_URL", "")
URGENT = ("jeg har ingen steder at sove i nat", "jeg sover på gaden i nat", "min mor har smidt mig ud og jeg har "
          "ingen steder at sove i nat", "I have nowhere to sleep tonight")
OUTAGE = 10.0
PEOPLE = 20
FIRST = 6_100_001
ORDINARY_CHAT = 6_199_999


class Outage:
    """Send the crisis messages during an outage; check the fail-safe, then the full answers."""

    def __init__(self, tg: FakeTelegram, bot: HuslyProcess, engine: Engine) -> None:
        self.tg, self.bot, self.engine = tg, bot, engine
        self.delivery = Redelivery(tg) if bot.mode == "webhook" else None
        self.sent_at: dict[int, float] = {}
        self.ids: list[int] = []

    def send(self, update: dict[str, object]) -> None:
        self.ids.append(self.delivery.push(update) if self.delivery else self.tg.push_update(update))

    def write_during_outage(self) -> float:
        started = time.time()
        for n in range(PEOPLE):
            chat = FIRST + n
            self.sent_at[chat] = time.time()
            self.send(self.tg.text_update(chat, URGENT[n % len(URGENT)], language_code="da"))
        self.send(self.tg.text_update(ORDINARY_CHAT, "hvad er boligstøtte"))
        self.send(self.tg.text_update(ORDINARY_CHAT, "hvad er et depositum"))
        return started

    def safety_latencies(self) -> dict[int, float]:
        """Seconds from each crisis message to the first message with 112 in that chat (waits up to 8 s).

        Real seconds on purpose: the bot is a real process on the real clock, and "safety information within
        5 s while the database is away" is what a young person would notice.
        """
        found: dict[int, float] = {}

        def everyone_answered() -> bool:
            for call in self.tg.calls:
                chat = call.params.get("chat_id")
                if call.method == "sendMessage" and call.ok and chat in self.sent_at and chat not in found \
                        and "112" in plain(call):
                    found[chat] = call.time - self.sent_at[chat]
            return len(found) >= PEOPLE

        with contextlib.suppress(AssertionError):  # who is missing is the caller's message
            wait_until(everyone_answered, timeout=8, what="safety information for everyone", interval=0.05)
        return found

    def check_recovered(self) -> None:
        Ledger(self.engine, self.tg, self.ids).wait_settled(timeout=60)
        with Session(self.engine) as session:
            rows = Counter(session.exec(select(Outbox.chat_id).where(Outbox.status == "sent",
                                                                     Outbox.kind == "send")).all())
        calls = Counter(c.params.get("chat_id") for c in self.tg.calls if c.method == "sendMessage" and c.ok)
        for chat in self.sent_at:
            assert rows[chat] >= 1, f"chat {chat}: no full answer after the outage"
            # The fail-safe message (sent from memory, not from the outbox), then the full answer, once each.
            assert calls[chat] == rows[chat] + 1, f"chat {chat}: {calls[chat]} sent for {rows[chat]} + 1 queued"
        slow = [c for c in self.tg.calls if c.method == "sendMessage" and c.params.get("chat_id") == ORDINARY_CHAT
                and "langsom" in plain(c)]
        assert len(slow) == 1, "one 'I'm slow right now' for the ordinary questions, not one per message"
        assert calls[ORDINARY_CHAT] == rows[ORDINARY_CHAT] + 1


def check_failsafe(outage: Outage) -> None:
    latencies = outage.safety_latencies()
    missing = sorted(set(outage.sent_at) - set(latencies))
    assert not missing, f"{len(missing)} of {PEOPLE} got no safety information during the outage"
    worst = max(latencies.values())
    print(f"safety information during the outage: {len(latencies)}/{PEOPLE}, worst {worst:.2f} s")
    assert worst <= 5.0, latencies


@pytest.mark.parametrize(("framework", "mode"), [("aiogram", "polling"), ("ptb", "webhook")])
def test_postgres_away_for_ten_seconds(fake_telegram: FakeTelegram, tmp_path: Path, postgres_database: str,
                                       framework: str, mode: str) -> None:
    tg = fake_telegram
    real = make_url(POSTGRES).set(database=postgres_database)
    with CuttableProxy(real.host or "127.0.0.1", real.port or 5432) as proxy:
        through_proxy = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        direct = create_engine(real.render_as_string(hide_password=False))
        bot = HuslyProcess(tg, framework, mode, tmp_path / "data", env={"HUSLY_DATABASE_URL": through_proxy})
        with bot:
            outage = Outage(tg, bot, direct)
            proxy.cut()
            started = outage.write_during_outage()
            check_failsafe(outage)
            time.sleep(max(started + OUTAGE - time.time(), 0))
            proxy.restore()
            outage.check_recovered()
            log = bot.stop()
        direct.dispose()
    assert bot.returncode == 0, log
    assert "jeg har ingen steder" not in log and "Traceback" not in log


@pytest.mark.parametrize(("framework", "mode"), [("aiogram", "webhook"), ("ptb", "polling")])
def test_sqlite_locked_for_ten_seconds(fake_telegram: FakeTelegram, tmp_path: Path, framework: str,
                                       mode: str) -> None:
    tg = fake_telegram
    data = tmp_path / "data"
    engine = create_engine(f"sqlite:///{data / 'husly.sqlite3'}")
    bot = HuslyProcess(tg, framework, mode, data)
    with bot:
        outage = Outage(tg, bot, engine)
        locker = sqlite3.connect(data / "husly.sqlite3", isolation_level=None, check_same_thread=False)
        locker.execute("BEGIN EXCLUSIVE")  # another process writing for ten seconds: every write waits
        release = threading.Timer(OUTAGE, lambda: locker.execute("COMMIT"))
        release.start()
        try:
            outage.write_during_outage()
            check_failsafe(outage)
        finally:
            release.join()
            locker.close()
        outage.check_recovered()
        log = bot.stop()
    engine.dispose()
    assert bot.returncode == 0, log
