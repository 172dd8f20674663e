"""The little kept after /slet, under a keyed pseudonym: message ids for /skjul and the flood counters.

Erasure deletes the profile and every message row; without these, /skjul after /slet could delete nothing
(the crisis conversation stayed on the phone), and a person could erase and ask again to open one case
card after another. Nothing here holds a chat id, a text or a name; everything expires after 48 hours.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlmodel import Session, col

from bot.models import Outbox, Profile
from bot.privacy.models import ErasedChat, SentByUser
from bot.profiles import profile_of
from bot.pseudonym import pseudonym

# Telegram lets a bot delete messages in a private chat for 48 hours: longer would keep ids for nothing.
KEEP_FOR = dt.timedelta(hours=48)
CASE_WINDOW = dt.timedelta(hours=1)


def remember(session: Session, key: bytes, transport: str, chat_id: int, now: dt.datetime,
             case_times: list[dt.datetime]) -> None:
    """Before erasing: keep the chat's recent message ids, flood window and case times under its pseudonym."""
    since = now - KEEP_FOR
    bot_ids = session.execute(
        select(col(Outbox.message_id)).where(col(Outbox.transport) == transport, col(Outbox.chat_id) == chat_id,
                                             col(Outbox.message_id).is_not(None), col(Outbox.sent_at) >= since)
    ).scalars().all()
    own_ids = session.execute(
        select(col(SentByUser.message_id)).where(col(SentByUser.transport) == transport,
                                                 col(SentByUser.chat_id) == chat_id, col(SentByUser.sent_at) >= since)
    ).scalars().all()
    profile = profile_of(session, transport, chat_id)
    name = pseudonym(key, transport, chat_id)
    row = session.get(ErasedChat, name) or ErasedChat(pseudonym=name, erased_at=now, expires_at=now + KEEP_FOR)
    row.erased_at, row.expires_at = now, now + KEEP_FOR
    row.message_ids = sorted({*row.message_ids, *(int(i) for i in (*bot_ids, *own_ids) if i is not None)})
    if profile is not None and profile.window_start is not None:
        row.window_start, row.window_count = profile.window_start, profile.window_count
    # Each erasure adds the cases opened since the last one (earlier ones were anonymised then).
    recent = [t for t in (*_times(row.cases_opened), *case_times) if now - t < CASE_WINDOW]
    row.cases_opened = sorted(t.isoformat() for t in recent)
    session.add(row)


def find(session: Session, key: bytes, transport: str, chat_id: int, now: dt.datetime) -> ErasedChat | None:
    """What was kept for this chat, if it was erased within the last 48 hours."""
    row = session.get(ErasedChat, pseudonym(key, transport, chat_id))
    return row if row is not None and row.expires_at > now else None


def restore_flood_window(session: Session, key: bytes, profile: Profile, now: dt.datetime) -> None:
    """A new profile of a chat erased moments ago continues its flood window instead of starting at zero."""
    row = find(session, key, profile.transport, profile.chat_id, now)
    if row is not None and row.window_start is not None:
        profile.window_start, profile.window_count = row.window_start, row.window_count


def cases_opened_since(session: Session, key: bytes, transport: str, chat_id: int, now: dt.datetime) -> int:
    """Cases this chat opened in the last hour before it was erased (0 when it was not)."""
    row = find(session, key, transport, chat_id, now)
    return sum(1 for t in _times(row.cases_opened) if now - t < CASE_WINDOW) if row else 0


def take_message_ids(session: Session, key: bytes, transport: str, chat_id: int, now: dt.datetime) -> list[int]:
    """The message ids kept for /skjul (then forgotten: each is deleted once)."""
    row = find(session, key, transport, chat_id, now)
    if row is None or not row.message_ids:
        return []
    ids, row.message_ids = list(row.message_ids), []
    session.add(row)
    return ids


def expire(session: Session, now: dt.datetime) -> int:
    result = session.exec(delete(ErasedChat).where(col(ErasedChat.expires_at) <= now))
    return result.rowcount


def _times(values: list[str]) -> list[dt.datetime]:
    return [dt.datetime.fromisoformat(v) for v in values]
