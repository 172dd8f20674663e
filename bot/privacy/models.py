"""Ids of the person's own recent messages, kept only so /skjul can delete them (Telegram allows 48 hours)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Index
from sqlmodel import Field, SQLModel

from bot.models import _ts


class SentByUser(SQLModel, table=True):
    """A message id the person sent in a private chat: no text, only the id and when."""

    __tablename__ = "user_message_ref"
    __table_args__ = (Index("ix_user_message_ref_chat", "transport", "chat_id", "sent_at"),)

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    message_id: int = Field(sa_type=BigInteger)
    sent_at: dt.datetime = _ts(nullable=False)
