"""What a handler gets: the incoming message, the person's profile, a database session, and ways to reply.

Handlers never send anything directly: replies become outbox rows in the same transaction as any change
they make, so a reply and its cause are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import Session

from bot.config import Settings
from bot.conversation.scope import Place
from bot.conversation.state import State
from bot.i18n import _
from bot.models import Profile
from bot.outbox import enqueue, queue_edit, queue_reply
from bot.privacy.registry import Store
from bot.replies import Incoming, Outcome, Reply
from bot.staff.models import Role, Staff
from bot.staff.service import get_staff
from bot.triage import Triage, triage
from knowledge.index import Index
from knowledge.lexicon import Lang, as_lang, detect_language
from knowledge.loader import KnowledgeBase
from knowledge.normalise import fold


@dataclass(frozen=True)
class Deps:
    """Long-lived dependencies, built once in the entry point and passed down."""

    settings: Settings
    kb: KnowledgeBase
    index: Index
    clock: Callable[[], dt.datetime]
    # Every store of personal data the features registered (access, erasure and the retention job walk them).
    stores: tuple[Store, ...]


class Features(Protocol):
    """What a handler may look up among the features' registrations: bot.conversation.router.Router is one.

    A protocol, so this module needs nothing from the router (which imports this module for its handler types).
    """

    def help_for(self, ctx: Context) -> list[str]: ...

    @property
    def start_payloads(self) -> Sequence[Callable[[Context, str], bool]]: ...

    @property
    def menu_items(self) -> Mapping[str, Callable[[Context], None]]: ...

    @property
    def urgent(self) -> Callable[[Context, Triage], None] | None: ...

    def menu_for(self, role: Role | None, place: Place = Place.PRIVATE) -> list[tuple[str, str]]: ...


@dataclass
class Context:
    session: Session
    incoming: Incoming
    profile: Profile
    deps: Deps
    router: Features
    outcome: Outcome = field(default_factory=Outcome)
    # Set when the person's data was just erased: the engine then writes no profile back.
    erased: bool = False
    # True when this update created the chat's profile: nothing was stored about the chat before it.
    new_chat: bool = False
    _triaged: dict[str, Triage] = field(default_factory=dict)
    # The sender's staff membership, looked up once per update (a list so "looked up, none" is cached too).
    _staff: list[Staff | None] = field(default_factory=list)

    @property
    def lang(self) -> Lang:
        return as_lang(self.profile.lang)

    @property
    def now(self) -> dt.datetime:
        return self.deps.clock()

    def staff(self) -> Staff | None:
        """The sender's active staff membership, if any."""
        if not self._staff:
            self._staff.append(get_staff(self.session, transport=self.incoming.transport,
                                         user_id=self.incoming.user_id))
        return self._staff[0]

    def forget_staff(self) -> None:
        """Look the membership up again next time (fx just after an invite was redeemed)."""
        self._staff.clear()

    def role(self) -> Role:
        """The sender's role: their staff role, or a young person's."""
        staff = self.staff()
        return Role(staff.role) if staff is not None else Role.YOUTH

    def reply(self, reply: Reply, *, ref: str | None = None, forget: bool = False) -> None:
        """Answer the person in this chat (``forget``: delete the outbox row once it is sent)."""
        self.send(self.incoming.transport, self.incoming.chat_id, reply, ref=ref, forget=forget)

    def send(self, transport: str, chat_id: int, reply: Reply, *, ref: str | None = None,
             delay: dt.timedelta | None = None, forget: bool = False) -> None:
        """Queue a message to any chat (fx a case card to a team chat); long texts are split cleanly."""
        queue_reply(self.session, transport, chat_id, reply, now=self.now, ref=ref, delay=delay, forget=forget)

    def edit(self, transport: str, chat_id: int, ref: str, reply: Reply) -> None:
        """Queue an in-place edit of the message sent earlier under ``ref``."""
        queue_edit(self.session, transport, chat_id, ref, reply, now=self.now)

    def edit_pressed(self, reply: Reply) -> None:
        """Replace the message whose button was pressed (fx the next page of results), else send ``reply``."""
        if self.incoming.kind != "callback" or not self.incoming.message_id:
            self.reply(reply)
            return
        enqueue(self.session, transport=self.incoming.transport, chat_id=self.incoming.chat_id, reply=reply,
                kind="edit", message_id=self.incoming.message_id, now=self.now)

    def set_menu(self, role: Role | None, place: Place = Place.PRIVATE) -> None:
        """Give this chat the command menu of ``role`` in ``place`` (after the earlier messages), in the chat's
        language (a team chat gets the case commands, a caseworker's own chat theirs and everyone's)."""
        commands = [(name, _(description)) for name, description in self.router.menu_for(role, place)]
        enqueue(self.session, transport=self.incoming.transport, chat_id=self.incoming.chat_id, kind="commands",
                commands=commands, now=self.now)

    def delete_messages(self, message_ids: list[int]) -> None:
        """Queue deletion of messages in this chat (in order after what was sent before)."""
        enqueue(self.session, transport=self.incoming.transport, chat_id=self.incoming.chat_id, kind="delete",
                message_ids=message_ids, now=self.now)

    def triage(self, text: str | None = None) -> Triage:
        """Urgency of ``text`` (default: the incoming text), computed once per update however many features ask."""
        text = self.incoming.text if text is None else text
        if text not in self._triaged:
            # The message's own language, not the profile's: "I" marks the first person only in English.
            self._triaged[text] = triage(text, detect_language(fold(text).split(), text))
        return self._triaged[text]

    def answer_callback(self, text: str) -> None:
        self.outcome.callback_answer = text

    @property
    def state(self) -> State:
        """The person's conversation state: the active flow, and each flow's or feature's own typed part."""
        return State(self.profile)
