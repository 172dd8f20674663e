"""Ids of the person's own recent messages, kept only so /skjul can delete them (Telegram allows 48 hours)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from bot.models import timestamp_field


class SentByUser(SQLModel, table=True):
    """A message id the person sent in a private chat: no text, only the id and when."""

    __tablename__ = "user_message_ref"
    __table_args__ = (Index("ix_user_message_ref_chat", "transport", "chat_id", "sent_at"),)

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    message_id: int = Field(sa_type=BigInteger)
    sent_at: dt.datetime = timestamp_field(nullable=False)


class ErasedChat(SQLModel, table=True):
    """What is kept after /slet, under a keyed pseudonym (never the chat id), for at most 48 hours.

    Only what later actions of the same person need: the ids (no text) of the messages of the last 48 hours,
    so /skjul still deletes them after /slet; the flood window, and when cases were opened in the last hour,
    so erasing and asking again cannot flood the caseworkers with new cases.
    """

    __tablename__ = "erased_chat"

    pseudonym: str = Field(primary_key=True, max_length=64)
    erased_at: dt.datetime = timestamp_field(nullable=False)
    expires_at: dt.datetime = timestamp_field(nullable=False, index=True)
    message_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    window_start: dt.datetime | None = timestamp_field(nullable=True)
    window_count: int = 0
    cases_opened: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
