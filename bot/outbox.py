"""Transactional outbox: every message the bot sends is first a row, written with the change that caused it.

A delivery worker sends the rows through a ``Sender`` (one per transport: aiogram, PTB, console), in order per
chat, and marks them sent. A crash between commit and send loses nothing: on restart the row is still
pending (or its lease runs out) and is sent then. Telegram's 429 ``retry_after`` is honoured, other
transient errors back off exponentially, a user who blocked the bot is marked and not retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine, bindparam, delete, func, or_, update
from sqlmodel import Session, select

from bot.db import insert_row, session_scope
from bot.models import Outbox, Profile, utcnow
from bot.ratelimit import RateLimiter, before_send
from bot.replies import Reply

log = logging.getLogger(__name__)

# Long enough for one slow send (PTB gives up after 5 s, aiogram after 60 s on a hung connection, but a hung
# send is rare); short enough that after a crash the next process sends a young person's safety info soon.
LEASE = dt.timedelta(seconds=30)
MAX_ATTEMPTS = 12
BATCH = 50
# Sends finished within this many seconds of each other are marked sent in one transaction.
MARK_TOGETHER_WITHIN = 1.0


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


def _backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(2 ** attempts, 300))


@dataclass
class DeliveryWorker:
    """Sends pending outbox rows for one transport. Safe to run in several processes at once."""

    engine: Engine
    transport: str
    sender: Sender
    clock: Callable[[], dt.datetime] = utcnow
    idle_poll: float = 0.5
    # Keeps us under Telegram's flood limits (shared through Redis when several instances run).
    limiter: RateLimiter | None = None

    def __post_init__(self) -> None:
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        """Tell the worker new rows were committed (other instances find them by polling)."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopping:
            sent = await self.deliver_once()
            if not sent:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.idle_poll)
                self._wake.clear()

    def _claim(self) -> list[Outbox]:
        """Lease the oldest pending row of every chat that has one, so order per chat is kept."""
        now = self.clock()
        with session_scope(self.engine) as session:
            head = (
                select(func.min(Outbox.id))
                .where(Outbox.transport == self.transport, Outbox.status == "pending")
                .group_by(Outbox.chat_id)
            )
            rows = session.exec(
                select(Outbox)
                .where(Outbox.id.in_(head), Outbox.available_at <= now,  # type: ignore[union-attr]
                       or_(Outbox.locked_until.is_(None), Outbox.locked_until < now))  # type: ignore[union-attr]
                .order_by(Outbox.id)
                .limit(BATCH)
            ).all()
            if not rows:
                return []
            # One conditional update for the batch (it used to be one per row); RETURNING names the rows this
            # worker leased, so a row another worker took first is skipped. Core-level: no ORM bookkeeping.
            claimed = set(session.connection().execute(
                update(Outbox)
                .where(Outbox.id.in_([row.id for row in rows]), Outbox.status == "pending",  # type: ignore[union-attr]
                       or_(Outbox.locked_until.is_(None), Outbox.locked_until < now))  # type: ignore[union-attr]
                .values(locked_until=now + LEASE)
                .returning(Outbox.id)
            ).scalars())
            return [row for row in rows if row.id in claimed]

    async def deliver_once(self) -> int:
        """Send what is due now; return how many rows were handled."""
        rows = await asyncio.to_thread(self._claim)
        if not rows:
            return 0
        sends = [asyncio.create_task(self._deliver(row)) for row in rows]
        # Sends that finish together are marked in one transaction (one per message cost more than the
        # message); a slow one is marked alone when it finishes, so it holds back no one else's mark.
        try:
            done, slow = await asyncio.wait(sends, timeout=MARK_TOGETHER_WITHIN)
            await self._mark_sent([task.result() for task in done])
            for finished in asyncio.as_completed(slow):
                await self._mark_sent([await finished])
        except asyncio.CancelledError:
            for task in sends:
                task.cancel()
            raise
        return len(rows)

    async def _deliver(self, row: Outbox) -> tuple[Outbox, int | None] | None:
        """Send one row: the row and its message id when sent, None when it was rescheduled or failed."""
        try:
            message_id = await self._send(row)
        except RetryAfter as exc:
            await asyncio.to_thread(self._retry, row, dt.timedelta(seconds=exc.seconds), "429", count=False)
        except Blocked:
            await asyncio.to_thread(self._blocked, row)
        except Rejected as exc:
            log.warning("outbox row %s rejected: %s", row.id, type(exc).__name__)
            await asyncio.to_thread(self._fail, row, str(exc)[:200])
        except (Transient, TimeoutError, OSError) as exc:
            await asyncio.to_thread(self._retry, row, _backoff(row.attempts), type(exc).__name__)
        except Exception:
            # Never let one bad row stop delivery for everyone; it is retried and then parked as failed.
            log.exception("outbox row %s: unexpected error", row.id)
            await asyncio.to_thread(self._retry, row, _backoff(row.attempts), "unexpected")
        else:
            return row, message_id
        return None

    async def _send(self, row: Outbox) -> int | None:
        payload = row.payload
        if self.limiter is not None:
            await before_send(self.limiter, row.chat_id)
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
            return message_id
        return await self.sender.send(row.chat_id, reply)

    def _message_id_of(self, ref: str | None) -> int | None:
        if not ref:
            return None
        with session_scope(self.engine) as session:
            return session.exec(
                select(Outbox.message_id)
                .where(Outbox.ref == ref, Outbox.message_id.is_not(None))  # type: ignore[union-attr]
                .order_by(Outbox.id.desc())  # type: ignore[union-attr]
            ).first()

    async def _mark_sent(self, sent: list[tuple[Outbox, int | None] | None]) -> None:
        sent_rows = [item for item in sent if item is not None]
        if sent_rows:
            await asyncio.to_thread(self._record_sent, sent_rows)

    def _record_sent(self, sent: list[tuple[Outbox, int | None]]) -> None:
        """Mark rows sent in one Core-level transaction (no ORM session bookkeeping on this hot path)."""
        forget = [row.id for row, _ in sent if row.payload.get("forget")]
        keep = [{"row": row.id, "message": message_id} for row, message_id in sent if not row.payload.get("forget")]
        with self.engine.begin() as connection:
            if forget:
                connection.execute(delete(Outbox).where(Outbox.id.in_(forget)))  # type: ignore[union-attr]
            if keep:
                connection.execute(
                    update(Outbox).where(Outbox.id == bindparam("row")).values(
                        status="sent", sent_at=self.clock(), message_id=bindparam("message"), error=None,
                        attempts=Outbox.attempts + 1, locked_until=None),
                    keep)

    def _fail(self, row: Outbox, error: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                update(Outbox).where(Outbox.id == row.id).values(
                    status="failed", error=error, attempts=Outbox.attempts + 1, locked_until=None))

    def _retry(self, row: Outbox, wait: dt.timedelta, error: str, count: bool = True) -> None:
        attempts = row.attempts + (1 if count else 0)
        with session_scope(self.engine) as session:
            if attempts >= MAX_ATTEMPTS:
                log.error("outbox row %s failed after %s attempts", row.id, attempts)
                values: dict[str, Any] = {"status": "failed", "error": error, "attempts": attempts,
                                          "locked_until": None}
            else:
                values = {"available_at": self.clock() + wait, "error": error, "attempts": attempts,
                          "locked_until": None}
            session.execute(update(Outbox).where(Outbox.id == row.id).values(**values))

    def _blocked(self, row: Outbox) -> None:
        with session_scope(self.engine) as session:
            session.execute(
                update(Profile).where(Profile.transport == row.transport, Profile.chat_id == row.chat_id)
                .values(blocked=True))
            session.execute(
                update(Outbox).where(Outbox.transport == row.transport, Outbox.chat_id == row.chat_id,
                                     Outbox.status == "pending")
                .values(status="dropped", error="blocked", locked_until=None))


def pending_count(engine: Engine, transport: str | None = None) -> int:
    with session_scope(engine) as session:
        query = select(func.count()).select_from(Outbox).where(Outbox.status == "pending")
        if transport:
            query = query.where(Outbox.transport == transport)
        return session.exec(query).one()
