"""Staff members and single-use invites. Staff are identified by their Telegram (or console) user id."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.models import _ts, utcnow

ROLES = ("caseworker", "partner", "admin")


class Staff(SQLModel, table=True):
    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("transport", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    user_id: int = Field(sa_type=BigInteger)
    # The private chat with the bot, where personal notifications go.
    chat_id: int = Field(sa_type=BigInteger)
    role: str = Field(max_length=16)
    # Caseworkers belong to one municipality; partners to a provider; admins to neither.
    municipality: str | None = Field(default=None, max_length=32)
    provider: str | None = Field(default=None, max_length=100)
    # The name the staff member gave (shown to colleagues, never to the young person).
    display_name: str = Field(default="", max_length=100)
    active: bool = True
    created_at: dt.datetime = _ts(nullable=False, default=utcnow)


class Invite(SQLModel, table=True):
    """A single-use invite code; only its SHA-256 hash is stored."""

    __tablename__ = "invite"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    role: str = Field(max_length=16)
    municipality: str | None = Field(default=None, max_length=32)
    provider: str | None = Field(default=None, max_length=100)
    created_at: dt.datetime = _ts(nullable=False, default=utcnow)
    expires_at: dt.datetime = _ts(nullable=False)
    used_at: dt.datetime | None = _ts(nullable=True)
    used_by: int | None = Field(default=None, foreign_key="staff.id")
