"""The inbox: updates are stored before the transport is told they are safe, and handled from here.

Telegram sends an update again only while the bot has not confirmed it (a polling offset, a webhook 200). So an
update is confirmed only once it is a row here (or in the local spool when the database is away, bot/spool.py).
The instance that stored a row handles it at once; the row is deleted in the very transaction that handles it
(bot/conversation/engine.py). Rows whose instance died, or that were handed back at a clean stop, are taken
over by any instance (``claim``), in update order per chat.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, bindparam, delete, exists, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from bot.instances import alive
from bot.models import InboxUpdate

# Rows taken over in one go; the rest wait for the next round.
CLAIM_LIMIT = 200


@dataclass(frozen=True)
class Received:
    """One update as it arrived: its id, its chat (for order) and the update itself as JSON text."""

    update_id: int
    chat_id: int | None
    payload: str

    def update(self) -> dict[str, Any]:
        value = json.loads(self.payload)
        return value if isinstance(value, dict) else {}

    def to_json(self) -> dict[str, Any]:
        return {"update_id": self.update_id, "chat_id": self.chat_id, "payload": self.payload}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Received:
        return cls(int(value["update_id"]), value.get("chat_id"), str(value["payload"]))


def store(engine: Engine, transport: str, updates: Iterable[Received], *, owner: str | None,
          now: dt.datetime) -> set[int]:
    """Insert updates not yet in the inbox, leased to ``owner``; return the ids that were new.

    An id already stored (a redelivery, or a spooled copy) is skipped in the same statement, so storing twice
    is harmless. ``owner`` None leaves the rows for whichever instance claims them first.
    """
    rows = [{"transport": transport, "update_id": u.update_id, "chat_id": u.chat_id, "payload": u.payload,
             "received_at": now, "owner": owner, "attempts": 0} for u in updates]
    if not rows:
        return set()
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[engine.dialect.name]
    statement = dialect.insert(InboxUpdate).on_conflict_do_nothing().returning(InboxUpdate.update_id)
    with engine.begin() as connection:
        return {int(i) for i in connection.execute(statement, rows).scalars()}


def claim(engine: Engine, transport: str, *, owner: str, now: dt.datetime,
          busy: Iterable[int] = ()) -> list[Received]:
    """Take the rows nobody alive is handling, oldest first: handed back, left by a dead instance, or this
    instance's own rows that it is not working on (``busy`` lists those it is).

    A chat with a row that another live instance is handling is skipped, so a chat's updates stay in order.
    """
    others = aliased(InboxUpdate)
    living = alive(now)
    mine_idle = and_(col(InboxUpdate.owner) == owner, col(InboxUpdate.update_id).not_in(list(busy)))
    free = or_(col(InboxUpdate.owner).is_(None), col(InboxUpdate.owner).not_in(living), mine_idle)
    chat_held_elsewhere = exists().where(
        col(others.transport) == InboxUpdate.transport, col(others.chat_id) == InboxUpdate.chat_id,
        col(others.owner).in_(living), col(others.owner) != owner)
    with engine.begin() as connection:
        ids = list(connection.execute(
            select(col(InboxUpdate.update_id))
            .where(col(InboxUpdate.transport) == transport, free, ~chat_held_elsewhere)
            .order_by(col(InboxUpdate.update_id)).limit(CLAIM_LIMIT)).scalars())
        if not ids:
            return []
        # The same conditions again in the UPDATE: of two instances claiming at once, each row goes to one.
        taken = connection.execute(
            update(InboxUpdate)
            .where(col(InboxUpdate.transport) == transport, col(InboxUpdate.update_id).in_(ids), free)
            .values(owner=owner, attempts=col(InboxUpdate.attempts) + 1)
            .returning(col(InboxUpdate.update_id), col(InboxUpdate.chat_id), col(InboxUpdate.payload))).all()
    return sorted((Received(int(i), c, p) for i, c, p in taken), key=lambda r: r.update_id)


def release(engine: Engine, *, owner: str) -> int:
    """Hand back every row ``owner`` holds (a clean stop): another instance, or the next start, takes them."""
    with engine.begin() as connection:
        result = connection.execute(
            update(InboxUpdate).where(col(InboxUpdate.owner) == owner).values(owner=None))
    return int(result.rowcount or 0)


_FORGET = delete(InboxUpdate).where(col(InboxUpdate.transport) == bindparam("transport"),
                                    col(InboxUpdate.update_id) == bindparam("update_id"))


def forget(session: Session, transport: str, update_id: int) -> None:
    """Delete a handled update, in the transaction that handled it (what the person wrote leaves with it)."""
    session.connection().execute(_FORGET, {"transport": transport, "update_id": update_id})


def forget_now(engine: Engine, transport: str, update_id: int) -> None:
    """Delete an update that needs no handling (fx an edit, or one too malformed to read)."""
    with engine.begin() as connection:
        connection.execute(_FORGET, {"transport": transport, "update_id": update_id})


def waiting(engine: Engine, transport: str | None = None) -> int:
    """How many updates wait to be handled (for health checks and tests)."""
    query = select(func.count()).select_from(InboxUpdate)
    if transport:
        query = query.where(col(InboxUpdate.transport) == transport)
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())
