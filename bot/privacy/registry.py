"""Where personal data lives: each feature says how to export, erase and expire what it keeps about a chat.

A person is identified by (transport, chat_id). Export and erasure walk every registered store: a feature that
stores personal data adds its store in its ``register()`` (``router.stores``), and the rights requests and the
retention job cover it automatically. This module knows only the core stores, never a feature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, col

from bot.models import Outbox, ProcessedUpdate, Profile
from bot.privacy import leftovers
from bot.privacy.models import SentByUser
from bot.profiles import profile_of

Export = Callable[[Session, str, int], dict[str, Any]]
Erase = Callable[[Session, str, int, dt.datetime], int]
Expire = Callable[[Session, dt.datetime, dt.datetime], int]
# When the chat opened something that counts against a flood limit in the last hour (fx a case).
Opened = Callable[[Session, str, int, dt.datetime], list[dt.datetime]]


@dataclass(frozen=True)
class Store:
    name: str
    export: Export
    erase: Erase
    # Anonymise or delete what is older than the retention limit; gets (now, limit).
    expire: Expire | None = None
    # Kept under the pseudonym after an erasure (bot.privacy.leftovers), so erasing does not reset the limit.
    cases_opened: Opened | None = None


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.datetime | dt.date) else value


def _export_profile(session: Session, transport: str, chat_id: int) -> dict[str, Any]:
    profile = profile_of(session, transport, chat_id)
    if profile is None:
        return {}
    keep = ("lang", "municipality", "state", "created_at", "last_seen_at", "last_asked_on", "blocked")
    return {key: _iso(getattr(profile, key)) for key in keep}


def _erase_profile(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    result = session.exec(delete(Profile).where(col(Profile.transport) == transport, col(Profile.chat_id) == chat_id))
    return result.rowcount


def _export_messages(session: Session, transport: str, chat_id: int) -> dict[str, Any]:
    rows = session.execute(
        select(col(Outbox.created_at), col(Outbox.status), col(Outbox.payload))
        .where(col(Outbox.transport) == transport, col(Outbox.chat_id) == chat_id, col(Outbox.kind) == "send")
        .order_by(col(Outbox.id))
    ).all()
    return {"messages_from_husly": [
        {"at": _iso(at), "status": status, "text": payload.get("html", "")} for at, status, payload in rows
    ]}


def _erase_messages(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    # Pending rows go too: nothing more is sent to someone who asked to be forgotten.
    outbox = session.exec(delete(Outbox).where(col(Outbox.transport) == transport, col(Outbox.chat_id) == chat_id))
    refs = session.exec(delete(SentByUser).where(col(SentByUser.transport) == transport,
                                                 col(SentByUser.chat_id) == chat_id))
    return outbox.rowcount + refs.rowcount


# Sent messages are kept a week at most (long enough to edit a card or delete for /skjul), update ids a day.
SENT_MESSAGE_DAYS = 7


def _expire_messages(session: Session, now: dt.datetime, limit: dt.datetime) -> int:
    week = now - dt.timedelta(days=SENT_MESSAGE_DAYS)
    removed = session.exec(
        delete(Outbox).where(col(Outbox.status) != "pending", col(Outbox.created_at) < week)).rowcount
    removed += session.exec(delete(SentByUser).where(col(SentByUser.sent_at) < now - dt.timedelta(hours=48))).rowcount
    removed += session.exec(
        delete(ProcessedUpdate).where(col(ProcessedUpdate.processed_at) < now - dt.timedelta(days=1))).rowcount
    removed += leftovers.expire(session, now)
    return removed


def _expire_profiles(session: Session, now: dt.datetime, limit: dt.datetime) -> int:
    result = session.exec(delete(Profile).where(col(Profile.last_seen_at) < limit))
    return result.rowcount


CORE_STORES = (
    Store("profile", _export_profile, _erase_profile, _expire_profiles),
    Store("messages", _export_messages, _erase_messages, _expire_messages),
)


def export_person(session: Session, stores: Sequence[Store], transport: str, chat_id: int) -> dict[str, Any]:
    """Everything ``stores`` keep about one chat (the registered ones: ``deps.stores``)."""
    data: dict[str, Any] = {"transport": transport, "chat_id": chat_id}
    for store in stores:
        data[store.name] = store.export(session, transport, chat_id)
    return data


def erase_person(session: Session, stores: Sequence[Store], transport: str, chat_id: int, now: dt.datetime, *,
                 key: bytes | None = None) -> dict[str, int]:
    """Delete or anonymise everything about one chat, in the caller's transaction.

    With the pseudonym ``key``, the few things later actions need are kept under the pseudonym for 48 hours
    (bot.privacy.leftovers): message ids for /skjul, and the flood counters.
    """
    if key is not None:
        opened = [t for store in stores if store.cases_opened for t in store.cases_opened(session, transport, chat_id,
                                                                                          now)]
        leftovers.remember(session, key, transport, chat_id, now, opened)
    return {store.name: store.erase(session, transport, chat_id, now) for store in stores}


def expire_all(session: Session, stores: Sequence[Store], now: dt.datetime, retention_days: int) -> dict[str, int]:
    limit = now - dt.timedelta(days=retention_days)
    return {store.name: store.expire(session, now, limit) for store in stores if store.expire}
