"""Queue messages from outside a handler (jobs, the CLI, other people's chats) in the caller's transaction.

The same as ``Context.send``/``Context.edit``, for code that has a session but no context.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from bot.i18n import normalise_lang
from bot.models import Profile
from bot.outbox import enqueue
from bot.replies import Reply, split_html


def about(case_id: int | None, what: str) -> str:
    """The outbox ref of a message about case ``case_id`` sent to someone else than the young person: every
    such message carries one, so erasure finds and blanks it (bot.cases.privacy)."""
    return f"case:{case_id}:{what}"


def send(session: Session, transport: str, chat_id: int, reply: Reply, *, now: dt.datetime,
         ref: str | None = None) -> None:
    """Queue a message; a long text is split at line breaks and the buttons go on the last part."""
    parts = split_html(reply.html)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        piece = Reply(part, reply.buttons if last else (), reply.request_contact if last else None,
                      reply.remove_keyboard if last else False, reply.document if last else None)
        enqueue(session, transport=transport, chat_id=chat_id, reply=piece, ref=ref if last else None, now=now)


def edit(session: Session, transport: str, chat_id: int, ref: str, reply: Reply, *, now: dt.datetime) -> None:
    """Queue an in-place edit of the message sent under ``ref``.

    The edit carries the ref too: erasure finds it like the first message, and should the first message never
    have arrived (the edit is then sent as a new one), later edits find the new message.
    """
    enqueue(session, transport=transport, chat_id=chat_id, reply=reply, kind="edit", edit_ref=ref, ref=ref, now=now)


def chat_lang(session: Session, transport: str, chat_id: int, default: str = "da") -> str:
    """The language the person (or group) in this chat chose; ``default`` for a chat the bot has not seen."""
    profile = session.exec(
        select(Profile).where(Profile.transport == transport, Profile.chat_id == chat_id)
    ).first()
    return profile.lang if profile else normalise_lang(default)


def profile_of(session: Session, transport: str, chat_id: int) -> Profile | None:
    return session.exec(select(Profile).where(Profile.transport == transport, Profile.chat_id == chat_id)).first()
