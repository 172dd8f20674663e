"""Staff members and single-use invites. Staff are identified by their Telegram (or console) user id."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.models import timestamp_field, utcnow


class Role(StrEnum):
    """Who someone is to Husly. Staff rows hold one of the staff roles; everyone else is a young person."""

    YOUTH = "youth"
    CASEWORKER = "caseworker"
    # A caseworker who also runs their municipality's team: office hours and on-call, from the bot too.
    COORDINATOR = "coordinator"
    PARTNER = "partner"
    ADMIN = "admin"


# The roles an invite can give (a young person needs no invite).
ROLES: tuple[Role, ...] = (Role.CASEWORKER, Role.COORDINATOR, Role.PARTNER, Role.ADMIN)
# The roles that work with cases; coordinators and caseworkers belong to one municipality, admins to all.
CASE_ROLES = frozenset({Role.CASEWORKER, Role.COORDINATOR, Role.ADMIN})
MUNICIPAL_ROLES = frozenset({Role.CASEWORKER, Role.COORDINATOR})


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
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # Set with /vagt: the caseworker is on duty (answers cases) until then, also outside office hours.
    on_duty_until: dt.datetime | None = timestamp_field(nullable=True)


class Invite(SQLModel, table=True):
    """A single-use invite code; only its SHA-256 hash is stored."""

    __tablename__ = "invite"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    role: str = Field(max_length=16)
    municipality: str | None = Field(default=None, max_length=32)
    provider: str | None = Field(default=None, max_length=100)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    expires_at: dt.datetime = timestamp_field(nullable=False)
    used_at: dt.datetime | None = timestamp_field(nullable=True)
    used_by: int | None = Field(default=None, foreign_key="staff.id")
    # Cancelled before use (`husly staff cancel-invite`): the code no longer works.
    cancelled_at: dt.datetime | None = timestamp_field(nullable=True)
