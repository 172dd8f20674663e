"""The curator queue's use cases on a session: keep a question, flag an answer on 👎, list, resolve, purge.

A question Husly was unsure about (or found nothing for) is kept at once, scrubbed. An answered question is
kept as "pending" under a random token that rides in the answer's 👍/👎 buttons: 👎 opens it for curators,
👍 deletes it, and an untouched one is deleted after ``PENDING_FOR``. The same question asked again (after
folding case, accents and punctuation) counts on the open item instead of adding one.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, update
from sqlmodel import Session, col, select

from bot.curation.models import CuratorItem
from bot.curation.scrub import scrub
from knowledge.normalise import fold

PENDING_FOR = dt.timedelta(hours=48)
MAX_TEXT = 300
MAX_KEY = 400
# Greetings and the like are not questions a curator can do anything with.
NOT_QUESTIONS = frozenset({"hej", "hejsa", "hi", "hello", "hey", "tak", "thanks", "thank you", "ok", "okay", "test",
                           "ja", "nej", "yes", "no", "godmorgen", "goddag", "hallo", "hallo hallo"})


@dataclass(frozen=True)
class Summary:
    open: int
    oldest: dt.datetime | None


def worth_keeping(text: str) -> bool:
    """A question a curator could use: two words or more, or one long word, and not a greeting."""
    folded = fold(text)
    return folded not in NOT_QUESTIONS and (len(folded.split()) >= 2 or len(folded) >= 6)


def _cleaned(text: str) -> tuple[str, str]:
    clean = scrub(text)
    if len(clean) > MAX_TEXT:
        clean = clean[:MAX_TEXT].rsplit(" ", 1)[0] + " …"
    return clean, fold(clean)[:MAX_KEY]


def keep_unanswered(session: Session, *, text: str, lang: str, topic: str | None, reason: str,
                    now: dt.datetime) -> None:
    """Keep a question Husly could not answer with confidence (scrubbed), or count it on the same open item."""
    if not worth_keeping(text):
        return
    clean, key = _cleaned(text)
    if not _count_again(session, key, now):
        session.add(CuratorItem(status="open", reason=reason, text=clean, key=key, lang=lang, topic=topic,
                                created_at=now, last_asked_at=now))


def keep_pending(session: Session, *, text: str, lang: str, topic: str, now: dt.datetime) -> str | None:
    """Keep an answered question for a while in case the answer gets 👎; return the token for its buttons."""
    if not worth_keeping(text):
        return None
    clean, key = _cleaned(text)
    token = secrets.token_urlsafe(6)
    session.add(CuratorItem(status="pending", reason="thumbs_down", text=clean, key=key, lang=lang, topic=topic,
                            token=token, created_at=now, last_asked_at=now))
    return token


def feedback(session: Session, token: str, helpful: bool, now: dt.datetime) -> None:
    """👍 forgets the pending question; 👎 hands it to the curators (counted on an open item if one matches)."""
    item = session.exec(select(CuratorItem).where(CuratorItem.token == token, CuratorItem.status == "pending")).first()
    if item is None:
        return
    if helpful or _count_again(session, item.key, now):
        session.delete(item)
        return
    item.status, item.token, item.last_asked_at = "open", None, now
    session.add(item)


def _count_again(session: Session, key: str, now: dt.datetime) -> bool:
    """Add one to the open item with this key, if there is one."""
    result = session.exec(
        update(CuratorItem).where(col(CuratorItem.status) == "open", col(CuratorItem.key) == key)
        .values(times=col(CuratorItem.times) + 1, last_asked_at=now).execution_options(synchronize_session=False))
    return bool(result.rowcount)


def open_items(session: Session, *, status: str = "open") -> list[CuratorItem]:
    """Items with ``status``, the most asked first, then the oldest."""
    return list(session.exec(select(CuratorItem).where(CuratorItem.status == status)
                             .order_by(col(CuratorItem.times).desc(), col(CuratorItem.created_at),
                                       col(CuratorItem.id))).all())


def summary(session: Session) -> Summary:
    count, oldest = session.execute(select(func.count(), func.min(CuratorItem.created_at))
                                    .where(CuratorItem.status == "open")).one()
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=dt.UTC)
    return Summary(int(count), oldest)


def most_asked(session: Session, *, at_least: int, limit: int) -> list[CuratorItem]:
    """Open items asked at least ``at_least`` times, the most asked first."""
    return list(session.exec(select(CuratorItem).where(CuratorItem.status == "open", CuratorItem.times >= at_least)
                             .order_by(col(CuratorItem.times).desc(), col(CuratorItem.id)).limit(limit)).all())


def get_open(session: Session, item_id: int) -> CuratorItem | None:
    item = session.get(CuratorItem, item_id)
    return item if item is not None and item.status == "open" else None


def close(session: Session, item: CuratorItem, status: str, now: dt.datetime, topic: str | None = None) -> None:
    """Mark an item handled: resolved (added to ``topic``), new_topic or dismissed."""
    item.status, item.handled_at, item.resolved_topic = status, now, topic
    session.add(item)


def expire(session: Session, now: dt.datetime, limit: dt.datetime) -> int:
    """Delete items first asked before the retention ``limit``, and pending ones older than PENDING_FOR."""
    result = session.exec(delete(CuratorItem).where(or_(
        col(CuratorItem.created_at) < limit,
        (col(CuratorItem.status) == "pending") & (col(CuratorItem.created_at) < now - PENDING_FOR))))
    return int(result.rowcount or 0)
