"""Delivery never loses a case: flaky Telegram, and a worker that dies with rows leased."""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from bot.outbox import DeliveryWorker, RetryAfter, Transient, pending_count
from bot.replies import Incoming, IncomingKind, Reply
from tests.cases_support import URGENT_TEXT, Desk, outbox
from tests.support import RecordingSender


@dataclass
class FlakySender(RecordingSender):
    """Fails 30% of calls (half 429 with retry_after, half 5xx), from a seeded random generator."""

    rng: random.Random = field(default_factory=lambda: random.Random(20261127))
    failures: int = 0

    def _maybe_fail(self) -> None:
        if self.rng.random() < 0.3:
            self.failures += 1
            if self.rng.random() < 0.5:
                raise RetryAfter(self.rng.choice((1, 3, 7)))
            raise Transient("502 Bad Gateway")

    async def send(self, chat_id: int, reply: Reply) -> int:
        self._maybe_fail()
        return await super().send(chat_id, reply)

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        self._maybe_fail()
        await super().edit(chat_id, message_id, reply)


def drain(desk: Desk, clock, sender: RecordingSender) -> None:
    """Deliver until nothing is pending, moving the fake clock on whenever the worker has to wait."""
    worker = DeliveryWorker(desk.engine, "telegram", sender, clock=clock)

    async def loop() -> None:
        for _ in range(5000):
            if not await worker.deliver_once():
                if pending_count(desk.engine, "telegram") == 0:
                    return
                clock.advance(seconds=2)
        raise AssertionError("delivery did not finish")

    asyncio.run(loop())


def test_every_card_and_relayed_message_arrives_in_order_despite_failures(engine, make_app, clock) -> None:
    flaky = FlakySender()
    desk = Desk(make_app(engine), sender=flaky)
    mette = desk.staff("Mette")
    group = desk.team(mette)
    young = [desk.youth("aarhus") for _ in range(8)]
    for number, youth in enumerate(young, 1):
        clock.advance(minutes=1)  # a realistic pace: staff are flood-limited like everyone (20 a minute)
        desk.open_case(youth)
        mette.command("claim", str(number))
        for line in range(3):
            youth.say(f"message {line} from case {number}")
            mette.command("reply", f"{number} answer {line} to case {number}")
    drain(desk, clock, flaky)
    assert flaky.failures > 20
    rows = outbox(engine)
    assert {row.status for row in rows} == {"sent"}
    # In order per chat: what each chat received is what was queued for it, in queue order.
    queued: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        if row.kind != "commands":  # a staff member's command menu, set when they joined
            queued[row.chat_id].append(row.payload["html"])
    received: dict[int, list[str]] = defaultdict(list)
    for message in flaky.sent:
        received[message.chat_id].append(message.reply.html)
    assert received == queued
    staff_texts = [m.text for m in flaky.sent if m.chat_id == mette.chat_id]
    youth_texts = [m.text for m in flaky.sent if m.chat_id in {y.chat_id for y in young}]
    for number in range(1, 9):
        assert sum(f"Sag #{number}" in m.text and m.kind == "send" for m in flaky.sent
                   if m.chat_id == group.chat_id) == 1
        for line in range(3):
            assert sum(f"message {line} from case {number}" in t for t in staff_texts) == 1
            assert sum(t.endswith(f"answer {line} to case {number}") for t in youth_texts) == 1


def test_rows_of_a_worker_that_died_mid_lease_are_sent_once_when_its_heartbeat_stops(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    update_ids = iter(range(80_000, 80_100))
    for chat_id in (9100, 9101, 9102):
        updates: list[tuple[IncomingKind, dict[str, Any]]] = [
            ("command", {"command": "start", "args": "aarhus", "text": "/start aarhus"}),
            ("text", {"text": URGENT_TEXT}), ("callback", {"callback_data": "cy:go"})]
        for kind, fields in updates:
            desk.app.core.handle(Incoming("telegram", chat_id, chat_id, kind, update_id=next(update_ids),
                                          language_code="en", **fields))
    # Committed, never delivered: a worker leases the due rows, then its process dies before sending.
    before = {row.id for row in outbox(engine) if row.status == "pending"}
    assert before
    dead_sender = RecordingSender()
    dead = DeliveryWorker(desk.engine, "telegram", dead_sender, clock=clock)
    leased = dead._claim(50, ())
    assert leased
    survivor_sender = RecordingSender()
    survivor = DeliveryWorker(desk.engine, "telegram", survivor_sender, clock=clock)
    clock.advance(seconds=2)
    assert asyncio.run(survivor.deliver_once()) == 0  # the lease holds while the dead one may still beat
    clock.advance(seconds=3)  # four seconds without a heartbeat: taken over

    async def all_of_it() -> None:
        while await survivor.deliver_once():
            pass

    asyncio.run(all_of_it())
    sent_rows = [row for row in outbox(engine) if row.id in before]
    assert all(row.status == "sent" for row in sent_rows)
    assert len(survivor_sender.sent) == len(before)  # each exactly once
    assert sum("Sag #" in m.text and m.kind == "send" for m in survivor_sender.sent) == 3
    assert dead_sender.sent == []
