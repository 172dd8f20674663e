"""The curator queue's table. Items hold a scrubbed question, never a chat id: nothing links them to a person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from bot.models import timestamp_field, utcnow

# pending: an answered question kept for a short while in case the person taps 👎 (then it becomes open);
# open: waiting for a curator; resolved / new_topic / dismissed: a curator has handled it.
STATUSES = ("pending", "open", "resolved", "new_topic", "dismissed")
# Why it is in the queue.
REASONS = ("unsure", "unanswered", "thumbs_down")


class CuratorItem(SQLModel, table=True):
    __tablename__ = "curator_item"
    __table_args__ = (Index("ix_curator_item_status_key", "status", "key"),
                      Index("ix_curator_item_status_created", "status", "created_at"))

    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(default="open", max_length=16)
    reason: str = Field(max_length=16)
    # The question with phone numbers, e-mail and CPR numbers, addresses and names replaced (bot.curation.scrub).
    text: str = Field(sa_column=Column(Text, nullable=False))
    # The folded text: the same question asked again counts on the same item (``times``).
    key: str = Field(max_length=400)
    lang: str = Field(max_length=2)
    # The topic Husly answered with (👎) or guessed nearest (unsure), if any.
    topic: str | None = Field(default=None, max_length=64)
    times: int = 1
    # Put in the 👍/👎 buttons of the answer, so a 👎 finds this pending item (random, unguessable).
    token: str | None = Field(default=None, max_length=16, unique=True)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    last_asked_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    handled_at: dt.datetime | None = timestamp_field(nullable=True)
    # The topic a curator added the question to (resolved).
    resolved_topic: str | None = Field(default=None, max_length=64)
