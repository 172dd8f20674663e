"""Helpers for the durable-intake tests: bursts of messages, and a ledger of what became of them.

A burst is many people each asking a few ordinary questions. After a run, ``Ledger`` reads the bot's database
and the fake Telegram's record: an update is *answered* when the core handled it (``processed_update``) and
every message it queued was sent (no outbox row left pending); a *duplicate* is a sendMessage beyond the
outbox rows sent to that chat (the same row sent twice, as happens when a process dies between a send and
its mark).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from bot.models import InboxUpdate, Outbox, ProcessedUpdate
from tests.fake_telegram import FakeTelegram
from tests.support import wait_until

# Ordinary questions with an answer from the knowledge base (none is urgent, none starts a form).
QUESTIONS = (
    "hvad er boligstøtte",
    "hvad er et depositum",
    "hvad er en ungdomsbolig",
    "hvad gør huslejenævnet",
    "hvad er fremleje",
    "hvordan undgår jeg boligsvindel",
)
FIRST_CHAT = 7_000_001


def burst(tg: FakeTelegram, chats: int, per_chat: int, *, first_chat: int = FIRST_CHAT) -> list[dict[str, Any]]:
    """``chats`` people each asking ``per_chat`` questions, interleaved as they would arrive."""
    return [tg.text_update(first_chat + c, QUESTIONS[q % len(QUESTIONS)])
            for q in range(per_chat) for c in range(chats)]


@dataclass
class Tally:
    updates: int
    unanswered: int
    duplicates: int
    worst_chat_duplicates: int
    waiting_in_inbox: int
    pending_in_outbox: int

    def __str__(self) -> str:
        return (f"{self.updates} updates: {self.unanswered} unanswered, {self.duplicates} duplicate message(s) "
                f"(at most {self.worst_chat_duplicates} in one chat), {self.waiting_in_inbox} in the inbox, "
                f"{self.pending_in_outbox} unsent")


class Ledger:
    def __init__(self, engine: Engine, tg: FakeTelegram, update_ids: list[int]) -> None:
        self.engine, self.tg, self.update_ids = engine, tg, set(update_ids)

    def handled(self) -> set[int]:
        with Session(self.engine) as session:
            return set(session.exec(select(ProcessedUpdate.update_id)).all())

    def settled(self) -> bool:
        """Every update handled, nothing waiting in the inbox, nothing left to send."""
        try:
            if not self.update_ids <= self.handled():
                return False
            with Session(self.engine) as session:
                inbox = session.exec(select(func.count()).select_from(InboxUpdate)).one()
                pending = session.exec(select(func.count()).select_from(Outbox)
                                       .where(Outbox.status == "pending")).one()
            return inbox == 0 and pending == 0
        except Exception:  # the bot is creating its tables, or the database is away for a moment
            return False

    def wait_settled(self, timeout: float = 90) -> None:
        try:
            wait_until(self.settled, timeout, "every update handled and every answer sent", interval=0.1)
        except AssertionError as error:
            raise AssertionError(f"{error}: {self.tally()}") from None

    def explain(self, chats: list[int]) -> None:
        with Session(self.engine) as session:
            for chat in chats:
                for row in session.exec(select(Outbox).where(Outbox.chat_id == chat).order_by(col(Outbox.id))):
                    print("row", row.id, row.kind, row.status, row.attempts, row.error, row.sent_at,
                          row.payload.get("html", "")[:40])
                for call in self.tg.calls:
                    if call.params.get("chat_id") == chat and call.method == "sendMessage":
                        print("call", call.time, call.status, str(call.params.get("text"))[:40])

    def tally(self) -> Tally:
        with Session(self.engine) as session:
            rows = Counter(session.exec(select(Outbox.chat_id).where(Outbox.status == "sent",
                                                                     Outbox.kind == "send")).all())
            inbox = session.exec(select(func.count()).select_from(InboxUpdate)).one()
            pending = session.exec(select(func.count()).select_from(Outbox).where(Outbox.status == "pending")).one()
        calls = Counter(c.params["chat_id"] for c in self.tg.calls if c.method == "sendMessage" and c.ok)
        extra = {chat: calls[chat] - rows.get(chat, 0) for chat in calls}
        if any(n > 0 for n in extra.values()) and os.environ.get("HUSLY_TEST_EXPLAIN"):
            self.explain([chat for chat, n in extra.items() if n > 0][:3])
        return Tally(updates=len(self.update_ids), unanswered=len(self.update_ids - self.handled()),
                     duplicates=sum(n for n in extra.values() if n > 0),
                     worst_chat_duplicates=max((n for n in extra.values()), default=0),
                     waiting_in_inbox=int(inbox), pending_in_outbox=int(pending))
