"""Core tables: who is talking to the bot, what was already handled, what is waiting to be sent, feedback.

Other features keep their tables beside their logic (bot/cases/models.py, bot/listings/models.py). Every
schema change comes with an Alembic migration in bot/migrations/versions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Date, DateTime, Index, Text, TypeDecorator, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC on every database: SQLite forgets the zone, so it is put back on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime: use bot.models.utcnow()")
        return value.astimezone(dt.UTC) if value is not None else None

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value


def timestamp_field(**kwargs: Any) -> Any:
    """The way to declare a timestamp column: timezone-aware UTC everywhere (``nullable``, ``default``, ...)."""
    return Field(sa_column=Column(UTCDateTime(), **kwargs))


class Profile(SQLModel, table=True):
    """One person in one chat. The conversation state lives here, so every bot instance sees the same."""

    __tablename__ = "profile"
    __table_args__ = (UniqueConstraint("transport", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    lang: str = Field(default="da", max_length=2)
    municipality: str | None = Field(default=None, max_length=32)
    # The conversation state: the active flow and each flow's or feature's own typed part; read and written only
    # through bot.conversation.state.State (``ctx.state``), so no flow overwrites another's part.
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    privacy_shown: bool = False
    blocked: bool = False
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    last_seen_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # Flood control: messages counted in the current one-minute window.
    window_start: dt.datetime | None = timestamp_field(nullable=True)
    window_count: int = 0
    flood_noticed: bool = False
    # The Danish day of the person's last question: the first question of a day counts them once in the
    # statistics (new or returning), without the statistics storing who they are.
    last_asked_on: dt.date | None = Field(default=None, sa_type=Date)


class ProcessedUpdate(SQLModel, table=True):
    """An update already handled; Telegram redelivers after a restart or a slow webhook, so we deduplicate."""

    __tablename__ = "processed_update"

    transport: str = Field(primary_key=True, max_length=16)
    update_id: int = Field(primary_key=True, sa_type=BigInteger)
    processed_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


class InboxUpdate(SQLModel, table=True):
    """An update received from the transport and not yet handled (the inbox, the mirror of the outbox).

    Telegram is told an update is safe (a polling offset, a webhook 200) only once its row is committed. The row
    is deleted in the transaction that handles the update, so the raw update (which holds what the person wrote)
    lives only as long as it must.
    """

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_chat", "transport", "chat_id", "update_id"),)

    transport: str = Field(primary_key=True, max_length=16)
    update_id: int = Field(primary_key=True, sa_type=BigInteger)
    # None for updates that belong to no chat (they have no order to keep).
    chat_id: int | None = Field(default=None, sa_type=BigInteger)
    # The update as the transport sent it (JSON text; NUL characters removed at intake).
    payload: str = Field(sa_column=Column(Text, nullable=False))
    received_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # The instance handling it; a row whose owner stopped beating is taken over (bot/instances.py).
    owner: str | None = Field(default=None, max_length=36)
    attempts: int = 0


class Instance(SQLModel, table=True):
    """A running bot process and its heartbeat: its leases (inbox and outbox rows) live as long as it beats."""

    __tablename__ = "instance"

    id: str = Field(primary_key=True, max_length=36)
    started_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    beat_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


class Outbox(SQLModel, table=True):
    """A message waiting to be sent, written in the same transaction as the change that caused it.

    The delivery worker sends rows in order per chat, retries with backoff, and marks them sent, so a crash
    between commit and send loses nothing.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "status", "available_at"), Index("ix_outbox_chat", "chat_id", "id"))

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    # send | edit | delete | document
    kind: str = Field(max_length=16)
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    # Lets a later row refer to this one's Telegram message (fx a case card that is edited in place).
    ref: str | None = Field(default=None, max_length=64, index=True)
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    # A worker leases a row while sending it: the instance (``locked_by``) and until when. A row whose owner
    # stopped beating (bot/instances.py), or whose lease ran out, is taken by another worker.
    locked_until: dt.datetime | None = timestamp_field(nullable=True)
    locked_by: str | None = Field(default=None, max_length=36)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    available_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    sent_at: dt.datetime | None = timestamp_field(nullable=True)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    error: str | None = Field(default=None, max_length=200)


class Feedback(SQLModel, table=True):
    """A 👍/👎 on an answer. Anonymous: which topic and municipality, not who."""

    __tablename__ = "feedback"

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(max_length=64, index=True)
    helpful: bool
    lang: str = Field(max_length=2)
    municipality: str | None = Field(default=None, max_length=32)
    # The Danish day (Europe/Copenhagen) it was given, for reports by day and week.
    day: dt.date | None = Field(default=None, sa_type=Date, index=True)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


class QueryStat(SQLModel, table=True):
    """What people ask about, for coordinators: topic, confidence and urgency, never the text or the person."""

    __tablename__ = "query_stat"
    # The report counts with GROUP BY in the order of these indexes, reading only the index (no sort, no table
    # rows): a year of questions in well under a second on SQLite (benchmarks/report.py).
    __table_args__ = (Index("ix_query_stat_report", "day", "municipality", "outcome", "lang", "visitor"),
                      Index("ix_query_stat_topics", "topic", "municipality", "outcome", "day"))

    id: int | None = Field(default=None, primary_key=True)
    # The best matching topic (the answer when ``outcome`` is "answered", else Husly's nearest guess).
    topic: str | None = Field(default=None, max_length=64)
    confidence: float
    urgency: str = Field(max_length=16)
    lang: str = Field(max_length=2)
    municipality: str | None = Field(default=None, max_length=32)
    # answered | unsure (suggestions offered) | unanswered (nothing found) | safety (crisis information)
    outcome: str = Field(default="answered", max_length=16)
    # "new" or "returning" on a person's first question of the day (else None): people counted, not stored.
    visitor: str | None = Field(default=None, max_length=9)
    # The Danish day (Europe/Copenhagen) it was asked, for reports by day and week.
    day: dt.date | None = Field(default=None, sa_type=Date)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
