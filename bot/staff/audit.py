"""The admin audit log: who invited, revoked or added staff, changed a team chat, or handled a privacy request.

Case actions have their own log (bot.cases.models.CaseEvent). Entries hold ids and codes; a person's chat id
is stored only as a keyed pseudonym (bot.pseudonym: HMAC-SHA256), so an erasure request leaves no trace of
who asked that can be read without the key.
"""

from __future__ import annotations

import datetime as dt
import getpass

from sqlmodel import Field, Session, SQLModel, col, select

from bot.models import timestamp_field
from bot.pseudonym import pseudonym


class AdminAudit(SQLModel, table=True):
    __tablename__ = "admin_audit"

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32, index=True)
    detail: str = Field(default="", max_length=200)
    at: dt.datetime = timestamp_field(nullable=False)


def cli_actor() -> str:
    """Who ran a command on the server (the operating-system user)."""
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except Exception:  # no user name in some containers
        return "cli"


def chat_ref(key: bytes, transport: str, chat_id: int) -> str:
    """How the audit log names a person: their keyed pseudonym."""
    return "chat#" + pseudonym(key, transport, chat_id)


def record(session: Session, *, actor: str, action: str, now: dt.datetime, detail: str = "") -> None:
    session.add(AdminAudit(actor=actor[:64], action=action[:32], detail=detail[:200], at=now))


def entries(session: Session, since: dt.datetime | None = None) -> list[AdminAudit]:
    query = select(AdminAudit).order_by(col(AdminAudit.id))
    if since:
        query = query.where(AdminAudit.at >= since)
    return list(session.exec(query).all())
