"""The outbox never loses or duplicates a message: order per chat, retries, 429, blocked users, crashes."""

from __future__ import annotations

import asyncio
import datetime as dt
import random

from sqlmodel import Session, select

from bot.db import session_scope
from bot.models import Outbox, Profile
from bot.outbox import Blocked, DeliveryWorker, RetryAfter, Transient, enqueue, pending_count
from bot.replies import Reply
from tests.support import RecordingSender


def queue(engine, clock, chat_id: int, *texts: str) -> None:
    with session_scope(engine) as session:
        for text in texts:
            enqueue(session, transport="telegram", chat_id=chat_id, reply=Reply(text), now=clock())


class FlakySender(RecordingSender):
    """Fails a share of calls with 429 or 500, like a struggling Bot API server."""

    def __init__(self, failure_rate: float, seed: int = 1) -> None:
        super().__init__()
        self.random = random.Random(seed)
        self.failure_rate = failure_rate
        self.failures = 0

    async def send(self, chat_id: int, reply: Reply) -> int:
        if self.random.random() < self.failure_rate:
            self.failures += 1
            raise RetryAfter(1) if self.random.random() < 0.5 else Transient("500")
        return await super().send(chat_id, reply)


def drain(worker: DeliveryWorker, clock, rounds: int = 400) -> None:
    async def go() -> None:
        for _ in range(rounds):
            await worker.deliver_once()
            clock.advance(seconds=5)  # let retry_after and backoff pass
    asyncio.run(go())


def test_messages_arrive_in_order_per_chat_despite_30_percent_failures(engine, clock) -> None:
    for chat in (1, 2, 3):
        queue(engine, clock, chat, *[f"chat {chat} message {n}" for n in range(20)])
    sender = FlakySender(0.3)
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock)
    drain(worker, clock)
    assert sender.failures > 10
    for chat in (1, 2, 3):
        got = [s.reply.html for s in sender.sent if s.chat_id == chat]
        assert got == [f"chat {chat} message {n}" for n in range(20)]
    assert pending_count(engine) == 0


def test_retry_after_is_honoured(engine, clock) -> None:
    class Once(RecordingSender):
        calls = 0

        async def send(self, chat_id: int, reply: Reply) -> int:
            self.calls += 1
            if self.calls == 1:
                raise RetryAfter(30)
            return await super().send(chat_id, reply)

    queue(engine, clock, 7, "hello")
    sender = Once()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock)
    asyncio.run(worker.deliver_once())
    clock.advance(seconds=29)
    asyncio.run(worker.deliver_once())
    assert sender.sent == []
    clock.advance(seconds=5)  # retry_after plus its jitter (at most 10% and half a second)
    asyncio.run(worker.deliver_once())
    assert [s.reply.html for s in sender.sent] == ["hello"]


def test_blocked_user_is_marked_and_not_retried(engine, clock) -> None:
    class Blocking(RecordingSender):
        calls = 0

        async def send(self, chat_id: int, reply: Reply) -> int:
            self.calls += 1
            raise Blocked("403")

    with session_scope(engine) as session:
        session.add(Profile(transport="telegram", chat_id=8))
    queue(engine, clock, 8, "one", "two")
    sender = Blocking()
    drain(DeliveryWorker(engine, "telegram", sender, clock=clock), clock, rounds=5)
    assert sender.calls == 1
    with Session(engine) as session:
        assert session.exec(select(Profile)).one().blocked
        assert {row.status for row in session.exec(select(Outbox))} == {"dropped"}


def test_crash_after_commit_loses_nothing_and_sends_once(engine, clock) -> None:
    queue(engine, clock, 9, "case card")
    # A worker leases the row and dies before sending (the process was killed).
    dead = DeliveryWorker(engine, "telegram", RecordingSender(), clock=clock)
    assert [row.id for row in dead._claim(10, ())] != []
    survivor_sender = RecordingSender()
    survivor = DeliveryWorker(engine, "telegram", survivor_sender, clock=clock)
    asyncio.run(survivor.deliver_once())
    assert survivor_sender.sent == []  # the lease holds while its instance may still be alive
    clock.advance(seconds=5)  # the dead instance missed its heartbeats
    drain(survivor, clock, rounds=3)
    assert [s.reply.html for s in survivor_sender.sent] == ["case card"]


def test_two_workers_never_send_the_same_row(engine, clock) -> None:
    for chat in range(10):
        queue(engine, clock, chat, "only once")
    first, second = RecordingSender(), RecordingSender()
    a = DeliveryWorker(engine, "telegram", first, clock=clock)
    b = DeliveryWorker(engine, "telegram", second, clock=clock)

    async def both() -> None:
        await asyncio.gather(a.deliver_once(), b.deliver_once())

    asyncio.run(both())
    sent = [s.chat_id for s in first.sent + second.sent]
    assert sorted(sent) == list(range(10))


def test_edit_goes_to_the_message_sent_under_its_ref(engine, clock) -> None:
    with session_scope(engine) as session:
        enqueue(session, transport="telegram", chat_id=5, reply=Reply("card v1"), ref="case:1:card",
                now=clock())
        enqueue(session, transport="telegram", chat_id=5, reply=Reply("card v2"), kind="edit", edit_ref="case:1:card",
                now=clock())
    sender = RecordingSender()
    drain(DeliveryWorker(engine, "telegram", sender, clock=clock), clock, rounds=3)
    assert [(s.kind, s.reply.html) for s in sender.sent] == [("send", "card v1"), ("edit", "card v2")]
    assert sender.sent[0].message_id == sender.sent[1].message_id


def test_delayed_message_waits(engine, clock) -> None:
    with session_scope(engine) as session:
        enqueue(session, transport="telegram", chat_id=6, reply=Reply("tomorrow"), delay=dt.timedelta(hours=24),
                now=clock())
    sender = RecordingSender()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock)
    asyncio.run(worker.deliver_once())
    assert sender.sent == []


def test_a_paced_message_for_later_never_holds_back_one_that_is_due(engine, clock) -> None:
    with session_scope(engine) as session:
        # A listing alert paced for later, then a crisis answer to the same person, due now.
        enqueue(session, transport="telegram", chat_id=3, reply=Reply("new listing"), now=clock(),
                delay=dt.timedelta(minutes=10))
        enqueue(session, transport="telegram", chat_id=3, reply=Reply("call 112"), now=clock())
    sender = RecordingSender()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock)
    asyncio.run(worker.deliver_once())
    assert [s.reply.html for s in sender.sent] == ["call 112"]
    clock.advance(minutes=11)
    asyncio.run(worker.deliver_once())
    assert [s.reply.html for s in sender.sent] == ["call 112", "new listing"]


def test_a_message_waiting_for_a_retry_holds_back_the_rest_of_its_chat(engine, clock) -> None:
    queue(engine, clock, 4, "first", "second")
    queue(engine, clock, 5, "other chat")

    class FirstFails(RecordingSender):
        failed = False

        async def send(self, chat_id: int, reply: Reply) -> int:
            if reply.html == "first" and not self.failed:
                self.failed = True
                raise Transient("500")
            return await super().send(chat_id, reply)

    sender = FirstFails()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock)
    for _ in range(3):
        asyncio.run(worker.deliver_once())
    assert [s.reply.html for s in sender.sent] == ["other chat"], "'second' must not overtake 'first'"
    clock.advance(seconds=3)
    for _ in range(3):
        asyncio.run(worker.deliver_once())
    assert [s.reply.html for s in sender.sent if s.chat_id == 4] == ["first", "second"]


def test_a_send_that_hangs_holds_up_no_other_chat(engine, clock) -> None:
    for chat in range(1, 6):
        queue(engine, clock, chat, f"answer {chat}")

    class OneHangs(RecordingSender):
        others_sent: asyncio.Event

        async def send(self, chat_id: int, reply: Reply) -> int:
            if chat_id == 1:
                await asyncio.Event().wait()  # a connection that never answers
            message_id = await super().send(chat_id, reply)
            if len(self.sent) == 4:
                self.others_sent.set()
            return message_id

    sender = OneHangs()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock, request_timeout=0.2)

    async def run_until_others_are_sent() -> None:
        sender.others_sent = asyncio.Event()
        task = asyncio.create_task(worker.run())
        await sender.others_sent.wait()
        worker.stop()
        await task

    asyncio.run(asyncio.wait_for(run_until_others_are_sent(), timeout=10))
    assert sorted(s.chat_id for s in sender.sent) == [2, 3, 4, 5]
    with Session(engine) as session:
        hung = session.exec(select(Outbox).where(Outbox.chat_id == 1)).one()
    assert (hung.status, hung.error, hung.locked_by) == ("pending", "TimeoutError", None), \
        "given up after the request timeout, to be tried again later"


class HeldSender(RecordingSender):
    """Holds the first send until the test lets it go (a slow phone), and says when it started."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.started.set()
        await self.release.wait()
        return await super().send(chat_id, reply)


def test_settling_delivers_a_reply_queued_behind_one_still_being_sent(engine, clock) -> None:
    """The console shows the replies to a message before its next prompt, and before it quits: a reply queued
    while the chat's previous message was still on its way (sent by the worker's own loop) was left unsent."""
    sender = HeldSender()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock, idle_poll=0.01)

    async def go() -> None:
        queue(engine, clock, 1, "the privacy notice")
        loop = asyncio.create_task(worker.run())
        await sender.started.wait()  # the loop is sending it now
        queue(engine, clock, 1, "the answer to hej")
        settling = asyncio.create_task(worker.settle())
        sender.release.set()
        await settling
        assert [s.reply.html for s in sender.sent] == ["the privacy notice", "the answer to hej"]
        worker.stop()
        await loop

    asyncio.run(go())
    assert pending_count(engine) == 0


def test_two_deliveries_of_one_worker_at_once_send_a_row_once(engine, clock) -> None:
    """The console delivers step by step beside the worker's loop: both once leased the same row (a lease of
    one's own counts as free) and the person saw the message twice."""
    queue(engine, clock, 1, "hej")
    sender = RecordingSender()
    worker = DeliveryWorker(engine, "telegram", sender, clock=clock)

    async def go() -> None:
        await asyncio.gather(worker.deliver_once(), worker.deliver_once())

    asyncio.run(go())
    assert [s.reply.html for s in sender.sent] == ["hej"]
