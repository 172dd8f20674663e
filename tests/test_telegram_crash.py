"""A crash between commit and send loses nothing and sends nothing twice: SIGKILL the real `husly run` (aiogram,
long polling) after it committed a young person's case and the card for the team chat, restart it on the same
data dir, and count what Telegram received.

To be sure the card was committed but not handed to Telegram at the moment of the kill, the fake answers the
card's first send with 429 (retry after 30 s): the row is then pending, waiting for its retry, and leased by
nobody. The young person's own chat is slow at the same time (every request held for a few seconds), so their
answer is on the wire at the kill: the one thing a crash cannot settle. If Telegram received it, the dead
process never learned so, and the next process sends it again: at least once, then, for a request in flight
at the crash; exactly once for everything that was only committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, update
from sqlmodel import Session, col, create_engine, select

from bot.cases.models import Case
from bot.models import Outbox
from tests.fake_telegram import FakeTelegram
from tests.support import wait_until
from tests.telegram_harness import HuslyProcess, husly_cli, plain, sent_to, wait_sent

CHAT = 8_123_456
TEAM_CHAT = -100123
# How long the fake holds a request for the young person's chat: far longer than handling the crisis message
# takes (well under a second), and about as long as the restart takes.
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
        query = select(Outbox).order_by(col(Outbox.id))
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

        # From now on this person's chat is slow: the answer to their question is on the wire for a while ...
        tg.delay(SLOW, chat_id=CHAT)
        first.send(tg.text_update(CHAT, "hvordan får jeg boligstøtte?"))
        wait_until(lambda: any(r.locked_until for r in rows(engine, chat_id=CHAT, status="pending")),
                   what="the answer's row leased by the worker")
        (leased,) = [r for r in rows(engine, chat_id=CHAT, status="pending") if r.locked_until]
        answer = leased.payload["html"]

        # ... while the crisis message is handled: the case, its card and the replies are committed, and the
        # card's first send is refused (429), so it waits, committed and unsent, for its retry.
        tg.fail_next("sendMessage", status=429, retry_after=30)
        first.send(tg.text_update(CHAT, "jeg har lyst til at tage mit eget liv"))
        wait_until(lambda: any(r.error == "429" for r in rows(engine, chat_id=TEAM_CHAT, kind="send")),
                   what="the card committed and waiting for its retry")
        first.kill()
        killed_at = tg.arrived()  # the requests that reached Telegram before the kill

    (card,) = rows(engine, chat_id=TEAM_CHAT, kind="send")
    assert (card.status, card.locked_by, card.attempts) == ("pending", None, 0), "committed, not sent"
    with Session(engine) as session:
        (case,) = session.exec(select(Case)).all()
        assert (case.municipality, case.urgency) == ("aarhus", "emergency")
    youth = rows(engine, chat_id=CHAT, status="pending")
    assert len(youth) >= 3, "the answer, then the safety information and what happens next, all kept"
    assert not any(c.method == "sendMessage" and c.params["chat_id"] == TEAM_CHAT and c.ok for c in tg.calls)

    # Restart on the same data dir; Telegram is fast again. The card's retry is due (the 30 s pass in the
    # database instead of on the clock); the dead process's leases are taken over once it missed its beats.
    tg.delay(0, chat_id=CHAT)
    with Session(engine) as session:
        session.execute(update(Outbox).where(col(Outbox.chat_id) == TEAM_CHAT)
                        .values(available_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
        session.commit()
    with HuslyProcess(tg, "aiogram", "polling", data) as second:
        (sent,) = wait_sent(tg, TEAM_CHAT, 1, timeout=20)
        wait_until(lambda: rows(engine, chat_id=TEAM_CHAT, kind="send")[0].status == "sent",
                   what="the card marked sent")
        assert "cs:claim:1" in [b.get("callback_data") for row in sent.params["reply_markup"]["inline_keyboard"]
                                for b in row]
        wait_until(lambda: not rows(engine, chat_id=CHAT, status="pending"), timeout=20,
                   what="the young person's messages sent")
        # The answer's request may have been on the wire at the kill: the fake answers it SLOW seconds after it
        # arrived. Wait until every request from before the kill has its answer recorded.
        tg.wait_for(lambda c: c.number < killed_at, count=killed_at, timeout=SLOW + 10)
        log = second.stop()

    assert second.returncode == 0, log
    assert len(sent_to(tg, TEAM_CHAT)) == 1, "the card exactly once"
    # In the order the requests reached Telegram (one held by the fake is recorded late).
    calls = sorted(sent_to(tg, CHAT), key=lambda c: c.number)
    texts = [plain(c) for c in calls]
    answers = [i for i, c in enumerate(calls) if c.params["text"] == answer]
    # At least once; twice only if the first copy reached Telegram before the kill (then it was delivered, and
    # the dead process never learned so).
    assert len(answers) == 1 or (len(answers) == 2 and calls[answers[0]].number < killed_at), texts
    assert texts[answers[-1] + 1].startswith("Er du i fare lige nu, så ring 112."), "then safety first"
    rest = [t for i, t in enumerate(texts) if i not in answers]
    assert len(rest) == len(set(rest)) >= 5, "everything else exactly once"
