"""A chat's profile and language, looked up one way everywhere (every update and many notices need them)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlmodel import Session, col

from bot.i18n import normalise_lang
from bot.models import Profile

# Built once: every update loads the profile (building the statement cost as much as running it).
_PROFILE_OF_CHAT = select(Profile).where(col(Profile.transport) == bindparam("transport"),
                                         col(Profile.chat_id) == bindparam("chat_id"))


def profile_of(session: Session, transport: str, chat_id: int) -> Profile | None:
    """The profile of the person (or group) in this chat; None for a chat the bot has not seen."""
    return session.execute(_PROFILE_OF_CHAT, {"transport": transport, "chat_id": chat_id}).scalars().first()


def chat_lang(session: Session, transport: str, chat_id: int, default: str = "da") -> str:
    """The language the person (or group) in this chat chose; ``default`` for a chat the bot has not seen."""
    profile = profile_of(session, transport, chat_id)
    return profile.lang if profile else normalise_lang(default)
