"""A crash between commit and send loses nothing and sends nothing twice: SIGKILL the real `husly run` (aiogram,
long polling) after it committed a young person's case and the card for the team chat, restart it on the same
data dir, and count what Telegram received.

To be sure the card was committed but not handed to Telegram at the moment of the kill, the fake server holds
every sendMessage for a few seconds: the delivery worker is then stuck sending an earlier answer and cannot take
the card's row (the database shows it pending and not leased). That earlier answer shows the one thing a crash
cannot settle: if its request was already on the wire, Telegram delivers it while the dead process never
learned so, and its row (leased by the dead process) is sent again once the lease runs out. At least once, then,
for a request in flight at the crash; exactly once for everything that was only committed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, update
from sqlmodel import Session, create_engine, select

from bot.cases.models import Case
from bot.models import Outbox
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import HuslyProcess, husly_cli, plain, sent_to, wait_sent, wait_until

CHAT = 8_123_456
TEAM_CHAT = -100123
# How long the fake holds a sendMessage: far longer than handling the crisis message takes (well under a second),
# and about as long as the restart takes (aiogram needs ~4 s to import).
SLOW = 6.0


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Callable[[], Engine]]:
    """An engine on the bot's SQLite file (created on first use, once the bot has migrated it)."""
    engines: list[Engine] = []

    def engine() -> Engine:
        if not engines:
            engines.append(create_engine(f"sqlite:///{tmp_path / 'data' / 'husly.sqlite3'}"))
        return engines[0]

    yield engine
    for made in engines:
        made.dispose()


def rows(engine: Engine, **where: Any) -> list[Outbox]:
    with Session(engine) as session:
        query = select(Outbox).order_by(Outbox.id)  # type: ignore[arg-type]
        for name, value in where.items():
            query = query.where(getattr(Outbox, name) == value)
        return list(session.exec(query).all())


def test_a_case_card_committed_before_a_sigkill_is_delivered_exactly_once_after_a_restart(
        fake_telegram: FakeTelegram, tmp_path: Path, database: Callable[[], Engine]) -> None:
    tg = fake_telegram
    data = tmp_path / "data"
    husly_cli(data, "staff", "add", "--name", "Sara", "--municipality", "aarhus")
    husly_cli(data, "team", "set", "--municipality", "aarhus", "--chat-id", str(TEAM_CHAT))

    first = HuslyProcess(tg, "aiogram", "polling", data)
    with first:
        first.send(tg.command(CHAT, "start", args="aarhus"))  # deep link: the municipality is Aarhus
        wait_sent(tg, CHAT, 2)
        engine = database()
        wait_until(lambda: not rows(engine, status="pending"), what="the menu and notice marked sent")

        # From now on Telegram is slow: the worker hangs in sending the answer to this question ...
        tg.delay(SLOW, "sendMessage")
        first.send(tg.text_update(CHAT, "hvordan får jeg boligstøtte?"))
        wait_until(lambda: any(r.locked_until for r in rows(engine, chat_id=CHAT, status="pending")),
                   what="the answer's row leased by the worker")
        (leased,) = [r for r in rows(engine, chat_id=CHAT, status="pending") if r.locked_until]
        answer = leased.payload["html"]

        # ... while the crisis message is handled: the case, its card and the replies are committed.
        first.send(tg.text_update(CHAT, "jeg har lyst til at tage mit eget liv"))
        wait_until(lambda: len(rows(engine, chat_id=TEAM_CHAT, kind="send")) == 1,
                   what="the card committed to the outbox")
        first.kill()
        killed_at = time.time()

    (card,) = rows(engine, chat_id=TEAM_CHAT, kind="send")
    assert (card.status, card.locked_until, card.attempts) == ("pending", None, 0), "committed, not sent"
    with Session(engine) as session:
        (case,) = session.exec(select(Case)).all()
        assert (case.municipality, case.urgency) == ("aarhus", "emergency")
    youth = rows(engine, chat_id=CHAT, status="pending")
    assert len(youth) >= 3, "the answer, then the safety information and what happens next, all kept"
    assert not any(c.method == "sendMessage" and c.params["chat_id"] == TEAM_CHAT for c in tg.calls)

    # Restart on the same data dir; Telegram is fast again.
    tg.delay(0, "sendMessage")
    with HuslyProcess(tg, "aiogram", "polling", data) as second:
        (sent,) = wait_sent(tg, TEAM_CHAT, 1, timeout=20)
        wait_until(lambda: rows(engine, chat_id=TEAM_CHAT, kind="send")[0].status == "sent",
                   what="the card marked sent")
        assert "cs:claim:1" in [b.get("callback_data") for row in sent.params["reply_markup"]["inline_keyboard"]
                                for b in row]

        # The young person's rows wait behind the first of them, leased by the dead process for 60 s. Let that
        # time pass in the database instead of on the clock.
        with Session(engine) as session:
            session.execute(update(Outbox).where(Outbox.chat_id == CHAT, Outbox.status == "pending")  # type: ignore[arg-type]
                            .values(locked_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
            session.commit()
        wait_until(lambda: not rows(engine, chat_id=CHAT, status="pending"), timeout=20,
                   what="the young person's messages sent")
        # The answer's request may have been on the wire at the kill (the row is leased just before it is sent):
        # if so, the fake answers it SLOW seconds after it arrived. Nothing else can show whether it did.
        wait_until(lambda: time.time() > killed_at + SLOW + 0.5, timeout=SLOW + 5, what="a request in flight")
        log = second.stop()

    assert second.returncode == 0, log
    assert len(sent_to(tg, TEAM_CHAT)) == 1, "the card exactly once"
    # In the order the requests reached Telegram (one held by the fake is recorded late).
    calls = sorted(sent_to(tg, CHAT), key=lambda c: c.time)
    texts = [plain(c) for c in calls]
    answers = [i for i, c in enumerate(calls) if c.params["text"] == answer]
    # At least once; twice only if the first copy reached Telegram before the kill (then it was delivered, and
    # the dead process never learned so).
    assert len(answers) == 1 or (len(answers) == 2 and calls[answers[0]].time < killed_at), texts
    assert texts[answers[-1] + 1].startswith("Er du i fare lige nu, så ring 112."), "then safety first"
    rest = [t for i, t in enumerate(texts) if i not in answers]
    assert len(rest) == len(set(rest)) >= 5, "everything else exactly once"
