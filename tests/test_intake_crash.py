"""Never lose a message: the real `husly run` killed (SIGKILL) or stopped (SIGTERM) in the middle of bursts.

Telegram forgets an update once the bot confirms it (the next getUpdates offset, or a webhook 200), so the bot
must confirm only what it has stored. These tests send 300 messages (60 people, 5 questions each) in waves and
kill the bot at random moments while it works, restarting it each time on the same database, against the fake
Bot API (which redelivers unconfirmed updates as Telegram does: polling offsets, webhook retries until 2xx).
Then every update must have been answered, and duplicates (a message sent again because the process died
between sending it and marking it sent) are counted.

Five kills for each framework and intake: 20 in all, on SQLite (the embedded default); and five each for aiogram with
long polling and python-telegram-bot with a webhook on PostgreSQL (production). Seeded, so a failure can be replayed.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url

from tests.fake_telegram import FakeTelegram
from tests.fake_telegram.redelivery import Redelivery
from tests.intake_support import Ledger, burst
from tests.telegram_harness import FRAMEWORKS, MODES, HuslyProcess, free_port

CHATS, PER_CHAT, KILLS = 60, 5, 5


@pytest.fixture
def sqlite_of(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'husly.sqlite3'}")
    yield engine
    engine.dispose()


class Bot:
    """One `husly run` after another on the same data dir (and webhook address)."""

    def __init__(self, tg: FakeTelegram, framework: str, mode: str, data: Path,
                 env: dict[str, str] | None = None) -> None:
        self.tg, self.framework, self.mode, self.data, self.env = tg, framework, mode, data, env
        self.port = free_port() if mode == "webhook" else None
        self.delivery = Redelivery(tg) if mode == "webhook" else None
        self.process: HuslyProcess | None = None
        self.logs: list[str] = []

    def start(self) -> None:
        self.process = HuslyProcess(self.tg, self.framework, self.mode, self.data, port=self.port,
                                    env=self.env).start()
        self.process.wait_ready()

    def send(self, update: dict[str, object]) -> int:
        if self.delivery is not None:
            return self.delivery.push(update)
        return self.tg.push_update(update)

    def kill(self) -> None:
        assert self.process is not None
        self.logs.append(self.process.kill())

    def stop(self) -> int | None:
        assert self.process is not None
        self.logs.append(self.process.stop())
        return self.process.returncode


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_sigkill_at_random_moments_during_bursts_loses_no_message(
        fake_telegram: FakeTelegram, tmp_path: Path, sqlite_of: Engine, framework: str, mode: str) -> None:
    bot = Bot(fake_telegram, framework, mode, tmp_path / "data")
    kill_during_bursts(fake_telegram, bot, sqlite_of, random.Random(f"{framework}-{mode}"))


@pytest.mark.parametrize(("framework", "mode"), [("aiogram", "polling"), ("ptb", "webhook")])
def test_sigkill_at_random_moments_on_postgres_loses_no_message(
        fake_telegram: FakeTelegram, tmp_path: Path, postgres_database: str, framework: str, mode: str) -> None:
    url = make_url(os.environ["HUSLY_TEST_POSTGRES_URL"]).set(database=postgres_database)
    engine = create_engine(url)
    bot = Bot(fake_telegram, framework, mode, tmp_path / "data",
              env={"HUSLY_DATABASE_URL": url.render_as_string(hide_password=False)})
    try:
        kill_during_bursts(fake_telegram, bot, engine, random.Random(f"postgres-{framework}-{mode}"))
    finally:
        engine.dispose()


def kill_during_bursts(tg: FakeTelegram, bot: Bot, engine: Engine, rng: random.Random) -> None:
    """Send the burst in waves, SIGKILL the bot during each but the last, then count what every update got."""
    updates = burst(tg, CHATS, PER_CHAT)
    waves = [updates[i::KILLS + 1] for i in range(KILLS + 1)]
    ids: list[int] = []
    for wave in range(KILLS + 1):
        bot.start()
        mark = tg.mark()
        ids += [bot.send(update) for update in waves[wave]]
        if wave < KILLS:
            # Somewhere in the middle of storing, handling and sending: after a random number of this wave's
            # answers went out (0: while the updates are still being stored).
            answered = rng.randint(0, len(waves[wave]) // 2)
            if answered:
                tg.wait_for("sendMessage", count=answered, since=mark, timeout=60)
            bot.kill()
    ledger = Ledger(engine, tg, ids)
    ledger.wait_settled(timeout=120)
    assert bot.stop() == 0, bot.logs[-1]
    tally = ledger.tally()
    print(f"{bot.framework} {bot.mode} on {engine.dialect.name}, {KILLS} kills: {tally}")
    assert tally.unanswered == 0 and tally.waiting_in_inbox == 0 and tally.pending_in_outbox == 0, tally
    # A kill can repeat only a message that was on the wire: at most one per chat per kill.
    assert tally.worst_chat_duplicates <= KILLS, tally
    assert not tg.violations


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_sigterm_during_a_burst_repeats_nothing_and_loses_nothing(
        fake_telegram: FakeTelegram, tmp_path: Path, sqlite_of: Engine, framework: str, mode: str) -> None:
    tg = fake_telegram
    bot = Bot(tg, framework, mode, tmp_path / "data")
    bot.start()
    mark = tg.mark()
    ids = [bot.send(update) for update in burst(tg, CHATS, PER_CHAT)]
    tg.wait_for("sendMessage", count=10, since=mark, timeout=60)  # answering is under way
    assert bot.stop() == 0, bot.logs[-1]  # SIGTERM: finish or hand back what is in flight
    stopped_cleanly = bot.logs[-1]
    bot.start()
    ledger = Ledger(sqlite_of, tg, ids)
    ledger.wait_settled(timeout=90)
    assert bot.stop() == 0, bot.logs[-1]
    tally = ledger.tally()
    print(f"{framework} {mode}, SIGTERM: {tally}")
    assert tally.unanswered == 0 and tally.duplicates == 0, tally
    assert "Traceback" not in stopped_cleanly
