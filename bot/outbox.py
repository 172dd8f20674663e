"""Transactional outbox: every message the bot sends is first a row, written with the change that caused it.

A delivery worker sends the rows through a ``Sender`` (one per transport: aiogram, PTB, console), in order per
chat, and marks them sent. A crash between commit and send loses nothing: the row is still pending, and once
the dead instance stops beating another takes it over. Telegram's 429 ``retry_after`` is honoured (with a
shared pause; bot/ratelimit.py), other transient errors back off exponentially, a user who blocked the bot is
marked and not retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Engine, and_, bindparam, delete, func, or_, update
from sqlmodel import Session, col, select

from bot.db import insert_row, session_scope
from bot.instances import BEAT_EVERY, alive, beat, new_instance_id
from bot.logs import log_failure
from bot.models import Outbox, Profile, utcnow
from bot.ratelimit import FloodLimits, jitter
from bot.replies import Reply, split_html

log = logging.getLogger(__name__)

# A lease lasts as long as its instance beats (bot/instances.py: a dead one's rows are taken within seconds);
# this is only the outer bound, for an instance that is alive but lost track of a row.
LEASE = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 12
BATCH = 50
# Sends in flight at once per worker (each chat has at most one).
MAX_IN_FLIGHT = 100


class SendError(Exception):
    """Base for what a Sender reports; front ends translate their framework's errors into these."""


class RetryAfter(SendError):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class Transient(SendError):
    """A 5xx, a timeout or a dropped connection: try again later."""


class Blocked(SendError):
    """The person blocked the bot (403): stop sending to this chat."""


class Rejected(SendError):
    """Telegram refused the request (400): retrying the same request cannot help."""


class Sender(Protocol):
    """Sends one outbox row's content and returns the message id (or None when there is none)."""

    async def send(self, chat_id: int, reply: Reply) -> int | None: ...

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None: ...

    async def delete(self, chat_id: int, message_ids: list[int]) -> None: ...

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        """Set the command menu of one chat (fx a caseworker's own chat shows the case commands); an empty list
        removes it, so the chat shows the menu everyone has."""
        ...


def enqueue(
    session: Session,
    *,
    transport: str,
    chat_id: int,
    reply: Reply | None = None,
    kind: str = "send",
    ref: str | None = None,
    edit_ref: str | None = None,
    message_id: int | None = None,
    message_ids: list[int] | None = None,
    commands: list[tuple[str, str]] | None = None,
    delay: dt.timedelta | None = None,
    now: dt.datetime | None = None,
    forget: bool = False,
) -> None:
    """Add a message to the outbox in the caller's transaction (written at once, so rows keep call order).

    ``ref`` names this message so a later ``edit`` can find it (``edit_ref``), fx a case card updated in place;
    an ``edit`` may instead name the Telegram ``message_id`` it changes (fx the message whose button was pressed).
    """
    payload: dict[str, Any] = reply.to_payload() if reply else {}
    if edit_ref:
        payload["edit_ref"] = edit_ref
    if message_id:
        payload["message_id"] = message_id
    if message_ids:
        payload["message_ids"] = message_ids
    if commands:
        payload["commands"] = [list(command) for command in commands]
    if forget:
        # Deleted once sent: the last words to someone who asked to be forgotten leave no row behind.
        payload["forget"] = True
    # The caller's clock (tests move it), so "due" and "sent" times compare on one timeline.
    now = now or utcnow()
    insert_row(session, Outbox, {
        "transport": transport, "chat_id": chat_id, "kind": kind, "payload": payload, "ref": ref,
        "status": "pending", "attempts": 0, "created_at": now, "available_at": now + (delay or dt.timedelta())})


def queue_reply(session: Session, transport: str, chat_id: int, reply: Reply, *, now: dt.datetime,
                ref: str | None = None, delay: dt.timedelta | None = None, forget: bool = False) -> None:
    """Queue a message to any chat: the one way to send text (``Context.send`` and code without a context).

    A long text is split at line breaks; the buttons, keyboard, document and ``ref`` go on the last part.
    """
    parts = split_html(reply.html)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        piece = Reply(part, reply.buttons if last else (), reply.request_contact if last else None,
                      reply.remove_keyboard if last else False, reply.document if last else None)
        enqueue(session, transport=transport, chat_id=chat_id, reply=piece, ref=ref if last else None, delay=delay,
                now=now, forget=forget)


def queue_edit(session: Session, transport: str, chat_id: int, ref: str, reply: Reply, *, now: dt.datetime) -> None:
    """Queue an in-place edit of the message sent under ``ref``.

    The edit carries the ref too: erasure finds it like the first message, and should the first message never
    have arrived (the edit is then sent as a new one), later edits find the new message.
    """
    enqueue(session, transport=transport, chat_id=chat_id, reply=reply, kind="edit", edit_ref=ref, ref=ref, now=now)


def _backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(2 ** attempts, 300))


@dataclass
class DeliveryWorker:
    """Sends pending outbox rows for one transport. Safe to run in several processes at once.

    Rows are claimed per chat (the oldest due row of each chat), leased to this instance (``owner``) and sent
    each in its own task, so a slow or hanging chat never holds up another: a send that does not finish within
    ``request_timeout`` is abandoned and tried again later. A chat has at most one message in flight, and its
    next row is taken only once the last one is marked sent, so a crash can repeat at most that one message.
    Marks are committed as soon as sends finish (those finishing while a commit runs share the next one).
    """

    engine: Engine
    transport: str
    sender: Sender
    clock: Callable[[], dt.datetime] = utcnow
    idle_poll: float = 0.5
    # Keeps us under Telegram's flood limits (shared through Redis when several instances run).
    limits: FloodLimits | None = None
    # This instance's id (bot/instances.py): its leases last as long as it beats (the worker beats as it
    # claims, so a worker on its own, fx the console's, needs no other heartbeat).
    owner: str = field(default_factory=new_instance_id)
    request_timeout: float = 10.0
    max_in_flight: int = MAX_IN_FLIGHT

    def __post_init__(self) -> None:
        self._wake = asyncio.Event()
        self._stopping = False
        # Chat id -> the row being sent there (sent but not yet marked counts as in flight).
        self._busy: dict[int, int] = {}
        self._sends: set[asyncio.Task[None]] = set()
        self._marks: list[tuple[Outbox, int | None]] = []
        self._marks_ready = asyncio.Event()
        self._flushing = asyncio.Lock()
        self._claiming = asyncio.Lock()
        self._marker: asyncio.Task[None] | None = None
        self._claim_failing = False
        self._beaten: dt.datetime | None = None

    def wake(self) -> None:
        """Tell the worker new rows were committed (other instances find them by polling)."""
        self._wake.set()

    def stop(self) -> None:
        """Take no new rows (``drain`` then finishes what is in flight)."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        self._marker = asyncio.create_task(self._mark_loop(), name="outbox-marks")
        try:
            while not self._stopping:
                if await self._start_due() == 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), timeout=self.idle_poll)
                    self._wake.clear()
        finally:
            if self._stopping:
                await self.drain()
            else:  # cancelled: sends in flight are cut off; their leases lapse with this instance's heartbeat
                for task in self._sends:
                    task.cancel()
                self._marker.cancel()

    async def deliver_once(self) -> int:
        """Send what is due now and wait until it is sent and marked; return how many rows were taken.

        For a caller that delivers in steps (the console, tests); ``run`` does not wait for its sends.
        """
        started = set(self._sends)
        taken = await self._start_due()
        mine = set(self._sends) - started
        if mine:
            await asyncio.wait(mine)
        while self._marks:
            if not await self._flush_marks():
                break
        return taken

    async def settle(self, timeout: float | None = None) -> None:
        """Deliver until nothing due is left: wait for the sends in flight (whoever started them), then take
        what became due behind them (a chat's next row waits for the last one to be marked), and again.

        For a front end that shows the replies to what it just handled, and must not leave with one unsent (the
        console, at each step and at its end): ``deliver_once`` alone skips a row whose chat is still busy.
        """
        deadline = time.monotonic() + (timeout if timeout is not None else self.request_timeout + 5)
        while time.monotonic() < deadline:
            if self._sends:
                await asyncio.wait(set(self._sends), timeout=max(deadline - time.monotonic(), 0.01))
            async with self._flushing:  # a mark being written (by the worker's loop) frees its chat when done
                pass
            while self._marks:
                if not await self._flush_marks():
                    return  # the database is away: the rows stay pending, for the next start
            if await self.deliver_once() == 0 and not self._busy:
                return
            if not self._sends:
                await asyncio.sleep(0.01)  # a chat still busy: its row's new state is being written

    async def _start_due(self) -> int:
        """Start sending what is due now (each row in its own task); return how many rows were taken."""
        # One claim at a time: two at once (the console's step-by-step delivery beside its loop) each saw the
        # chat free, both leased its row (a lease of our own counts as free to us) and sent it twice.
        async with self._claiming:
            return await self._claim_and_start()

    async def _claim_and_start(self) -> int:
        room = self.max_in_flight - len(self._sends)
        if room <= 0:
            return 0
        if self.limits is not None and await self.limits.paused_for() > 0:
            return 0
        try:
            rows = await asyncio.to_thread(self._claim, room, tuple(self._busy))
        except Exception as exc:  # the database is away: try again on the next round
            if not self._claim_failing:
                log.warning("outbox: cannot claim rows (%s); trying again until the database answers",
                            type(exc).__name__)
            self._claim_failing = True
            return 0
        self._claim_failing = False
        for row in rows:
            assert row.id is not None  # read from the table, so it has its key
            self._busy[row.chat_id] = row.id
            task = asyncio.create_task(self._deliver(row))
            self._sends.add(task)
            task.add_done_callback(self._sends.discard)
        return len(rows)

    async def drain(self, timeout: float | None = None) -> None:
        """Finish a clean stop: wait for the sends in flight, mark them, and hand back every other lease."""
        self._stopping = True
        if self._sends:
            await asyncio.wait(set(self._sends), timeout=timeout or self.request_timeout + 3)
        for task in self._sends:
            task.cancel()
        deadline = time.monotonic() + self.request_timeout
        # Every mark written, including one the mark loop is writing right now (a mark not written means the
        # message is sent again after the stop).
        while (self._marks or self._flushing.locked()) and time.monotonic() < deadline:
            if not await self._flush_marks():
                await asyncio.sleep(0.2)
        if self._marker is not None:
            self._marker.cancel()
        with contextlib.suppress(Exception):
            await asyncio.to_thread(self._release, tuple(self._busy.values()))

    def _claim(self, limit: int, busy: tuple[int, ...]) -> list[Outbox]:
        """Lease the oldest due row of every chat that is free, so order per chat is kept.

        A row waiting for a retry (it has an error) holds back its chat's later rows, so they never overtake it;
        a row that was only scheduled for later (a paced listing alert) does not: what is due goes first.
        """
        now = self.clock()
        if self._beaten is None or now - self._beaten >= dt.timedelta(seconds=BEAT_EVERY):
            beat(self.engine, self.owner, now)
            self._beaten = now
        free = or_(
            col(Outbox.locked_by).is_(None), col(Outbox.locked_until) < now,
            col(Outbox.locked_by).not_in(alive(now)),
            # Our own lease on a row we are not sending (fx its reschedule failed while the database was away).
            and_(col(Outbox.locked_by) == self.owner, col(Outbox.chat_id).not_in(busy)),
        )
        with session_scope(self.engine) as session:
            head = (
                select(func.min(Outbox.id))
                .where(Outbox.transport == self.transport, Outbox.status == "pending",
                       or_(col(Outbox.available_at) <= now, col(Outbox.error).is_not(None)))
                .group_by(col(Outbox.chat_id))
            )
            rows = session.exec(
                select(Outbox)
                .where(col(Outbox.id).in_(head), col(Outbox.available_at) <= now, free,
                       col(Outbox.chat_id).not_in(busy))
                .order_by(col(Outbox.id))
                .limit(min(limit, BATCH))
            ).all()
            if not rows:
                return []
            # One conditional update for the batch; RETURNING names the rows this worker leased, so a row
            # another worker took first is skipped. Core-level: no ORM bookkeeping.
            claimed = set(session.connection().execute(
                update(Outbox)
                .where(col(Outbox.id).in_([row.id for row in rows]), col(Outbox.status) == "pending", free)
                .values(locked_until=now + LEASE, locked_by=self.owner)
                .returning(col(Outbox.id))
            ).scalars())
            return [row for row in rows if row.id in claimed]

    async def _deliver(self, row: Outbox) -> None:
        """Send one row; mark it sent, or reschedule it, or park it as failed."""
        try:
            message_id = await asyncio.wait_for(self._send(row), timeout=self.request_timeout + 2)
        except _Later as exc:
            await self._settle(self._retry, row, exc.wait, exc.reason, count=False)
        except RetryAfter as exc:
            await self._settle(self._retry, row, dt.timedelta(seconds=await self._after_429(row, exc)), "429",
                               count=False)
        except Blocked:
            await self._settle(self._blocked, row)
        except Rejected as exc:
            log.warning("outbox row %s rejected: %s", row.id, type(exc).__name__)
            await self._settle(self._fail, row, str(exc)[:200])
        except (Transient, TimeoutError, OSError) as exc:
            await self._settle(self._retry, row, _backoff(row.attempts), type(exc).__name__)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            # Never let one bad row stop delivery for everyone; it is retried and then parked as failed.
            log_failure(log, f"outbox row {row.id}", exc)
            await self._settle(self._retry, row, _backoff(row.attempts), "unexpected")
        else:
            self._marks.append((row, message_id))
            self._marks_ready.set()

    async def _settle(self, change: Callable[..., None], row: Outbox, *args: Any, **kwargs: Any) -> None:
        """Write a row's new state; the chat is free again once it is written (or if it cannot be)."""
        try:
            await asyncio.to_thread(change, row, *args, **kwargs)
        except Exception as exc:  # the database is away: the lease is ours, the row is tried again later
            log.warning("outbox row %s: cannot record the result (%s)", row.id, type(exc).__name__)
        finally:
            self._free(row)

    def _free(self, row: Outbox) -> None:
        if self._busy.get(row.chat_id) == row.id:
            del self._busy[row.chat_id]
        self._wake.set()

    async def _after_429(self, row: Outbox, exc: RetryAfter) -> float:
        """How long this row waits after a 429; a private chat's 429 pauses the whole bot (see bot/ratelimit.py)."""
        wait = jitter(exc.seconds)
        if self.limits is not None and row.chat_id > 0:
            await self.limits.pause_bot(wait)
        return wait

    async def _send(self, row: Outbox) -> int | None:
        payload = row.payload
        if self.limits is not None:
            delay = await self.limits.chat_delay(row.chat_id)
            if delay > 0:
                raise _Later(dt.timedelta(seconds=delay), "flood")
            await self.limits.bot_slot()
        if row.kind == "delete":
            await self.sender.delete(row.chat_id, list(payload.get("message_ids", [])))
            return None
        if row.kind == "commands":
            await self.sender.set_chat_commands(row.chat_id, [(c, d) for c, d in payload.get("commands", [])])
            return None
        reply = Reply.from_payload(payload)
        if row.kind == "edit":
            message_id = payload.get("message_id") or await asyncio.to_thread(self._message_id_of,
                                                                              payload.get("edit_ref"))
            if message_id is None:
                # The message to edit was never delivered (or is gone): send the new version instead.
                return await self.sender.send(row.chat_id, reply)
            await self.sender.edit(row.chat_id, message_id, reply)
            return int(message_id)
        return await self.sender.send(row.chat_id, reply)

    def _message_id_of(self, ref: str | None) -> int | None:
        if not ref:
            return None
        with session_scope(self.engine) as session:
            return session.exec(
                select(Outbox.message_id)
                .where(Outbox.ref == ref, col(Outbox.message_id).is_not(None))
                .order_by(col(Outbox.id).desc())
            ).first()

    async def _mark_loop(self) -> None:
        while True:
            await self._marks_ready.wait()
            self._marks_ready.clear()
            while self._marks:
                if not await self._flush_marks():
                    await asyncio.sleep(self.idle_poll)  # the database is away; the marks wait for it

    async def _flush_marks(self) -> bool:
        async with self._flushing:
            batch, self._marks = self._marks, []
            if not batch:
                return True
            try:
                # Shielded: a stop that cancels the mark loop must not abandon a mark half-way.
                await asyncio.shield(asyncio.to_thread(self._record_sent, batch))
            except Exception as exc:
                log.warning("outbox: cannot mark %s row(s) sent (%s)", len(batch), type(exc).__name__)
                self._marks = batch + self._marks
                return False
            for row, _ in batch:
                self._free(row)
            return True

    def _record_sent(self, sent: list[tuple[Outbox, int | None]]) -> None:
        """Mark rows sent in one Core-level transaction (no ORM session bookkeeping on this hot path)."""
        forget = [row.id for row, _ in sent if row.payload.get("forget")]
        keep = [{"row": row.id, "message": message_id} for row, message_id in sent if not row.payload.get("forget")]
        with self.engine.begin() as connection:
            if forget:
                connection.execute(delete(Outbox).where(col(Outbox.id).in_(forget)))
            if keep:
                connection.execute(
                    update(Outbox).where(col(Outbox.id) == bindparam("row")).values(
                        status="sent", sent_at=self.clock(), message_id=bindparam("message"), error=None,
                        attempts=col(Outbox.attempts) + 1, locked_until=None, locked_by=None),
                    keep)

    def _release(self, keep: tuple[int, ...]) -> None:
        """Hand back the rows we lease but did not send (a clean stop); rows sent but not marked stay ours."""
        with self.engine.begin() as connection:
            connection.execute(
                update(Outbox).where(col(Outbox.locked_by) == self.owner, col(Outbox.status) == "pending",
                                     col(Outbox.id).not_in(keep))
                .values(locked_by=None, locked_until=None))

    def _fail(self, row: Outbox, error: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                update(Outbox).where(col(Outbox.id) == row.id).values(
                    status="failed", error=error, attempts=col(Outbox.attempts) + 1, locked_until=None, locked_by=None))

    def _retry(self, row: Outbox, wait: dt.timedelta, error: str, count: bool = True) -> None:
        attempts = row.attempts + (1 if count else 0)
        with session_scope(self.engine) as session:
            if attempts >= MAX_ATTEMPTS:
                log.error("outbox row %s failed after %s attempts", row.id, attempts)
                values: dict[str, Any] = {"status": "failed", "error": error, "attempts": attempts,
                                          "locked_until": None, "locked_by": None}
            else:
                # The error marks the row as retrying: it holds back its chat's later rows (see _claim).
                values = {"available_at": self.clock() + wait, "error": error, "attempts": attempts,
                          "locked_until": None, "locked_by": None}
            session.execute(update(Outbox).where(col(Outbox.id) == row.id).values(**values))

    def _blocked(self, row: Outbox) -> None:
        with session_scope(self.engine) as session:
            session.execute(
                update(Profile).where(col(Profile.transport) == row.transport, col(Profile.chat_id) == row.chat_id)
                .values(blocked=True))
            session.execute(
                update(Outbox).where(col(Outbox.transport) == row.transport, col(Outbox.chat_id) == row.chat_id,
                                     col(Outbox.status) == "pending")
                .values(status="dropped", error="blocked", locked_until=None, locked_by=None))


class _Later(Exception):
    """Not now (fx the chat's flood window is full): reschedule without counting an attempt."""

    def __init__(self, wait: dt.timedelta, reason: str) -> None:
        super().__init__(reason)
        self.wait, self.reason = wait, reason


def pending_count(engine: Engine, transport: str | None = None) -> int:
    with session_scope(engine) as session:
        query = select(func.count()).select_from(Outbox).where(Outbox.status == "pending")
        if transport:
            query = query.where(Outbox.transport == transport)
        return session.exec(query).one()
