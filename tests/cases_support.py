"""Helpers for the case tests (no tests here): a municipality desk with caseworkers, a team chat, young people.

Every chat shares one RecordingSender, so a test sees everything the bot sent to anyone, in delivery order.
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from bot.app import App
from bot.cases import service
from bot.cases.models import Case, CaseEvent, CaseMessage
from bot.db import session_scope
from bot.models import Outbox
from bot.staff.models import Staff
from bot.staff.service import create_invite
from handlers.cli import main
from handlers.cli_common import Husly
from tests.support import Chat, RecordingSender, Sent

URGENT_TEXT = "I have nowhere to sleep tonight"
EMERGENCY_TEXT = "I want to kill myself"
_chat_ids = itertools.count(5000)


class Desk:
    """One app with a shared sender, and helpers to add staff, team chats and young people."""

    def __init__(self, app: App, sender: RecordingSender | None = None) -> None:
        self.app = app
        self.engine: Engine = app.engine
        self.sender = sender or RecordingSender()

    def chat(self, chat_id: int | None = None, **kwargs: Any) -> Chat:
        kwargs.setdefault("lang", "en")
        return Chat(self.app, chat_id or next(_chat_ids), sender=self.sender, **kwargs)

    def staff(self, name: str, *, role: str = "caseworker", municipality: str | None = "aarhus",
              provider: str | None = None) -> Chat:
        """A staff member who redeemed an invite in a private chat (their chat id is their user id)."""
        with session_scope(self.engine) as session:
            code = create_invite(session, role=role, municipality=municipality if role == "caseworker" else None,
                                 provider=provider, now=self.app.deps.clock())
        chat = self.chat()
        chat.command("start", code, first_name=name)
        return chat

    def team(self, caseworker: Chat, chat_id: int | None = None) -> Chat:
        """A Telegram group made the caseworker's municipality's team chat with /team."""
        group = self.chat(chat_id or -(1_000_000 + next(_chat_ids)), chat_type="group", user_id=caseworker.user_id)
        group.command("team")
        return group

    def youth(self, municipality: str | None = "aarhus", **kwargs: Any) -> Chat:
        chat = self.chat(**kwargs)
        chat.command("start", municipality or "")
        return chat

    def youth_who_said_no(self) -> Chat:
        """A young person in Aarhus (a caseworker's team there) who wrote that they sleep in the street tonight and
        said "nej tak" to a caseworker."""
        self.team(self.staff("Mette"))
        youth = self.youth("aarhus", lang="da")
        youth.say("jeg sover på gaden i nat, min kæreste smed mig ud")
        youth.say("nej tak")
        return youth

    def open_case(self, youth: Chat, text: str = URGENT_TEXT) -> list[Sent]:
        """The young person writes about a crisis and accepts a caseworker."""
        sent = youth.say(text)
        with session_scope(self.engine) as session:
            created = service.open_case_for(session, youth.transport, youth.chat_id)
        if created is None:  # not an emergency: the person is offered a caseworker and says yes
            sent += youth.press("cy:go")
        return sent

    def open_and_skip(self, youth: Chat) -> None:
        """Open a case and skip every question: the case waits, the young person has nothing left to answer."""
        self.open_case(youth)
        for question in ("words", "age", "tonight", "consent"):
            youth.press(f"cy:skip:1:{question}")


def husly(app: App, capsys: Any, *args: str) -> str:
    """What the ``husly`` command prints for ``args`` on ``app`` (a caseworker's `cases show`, `staff add`)."""
    capsys.readouterr()
    main(list(args), husly=Husly(app=app))
    return str(capsys.readouterr().out)


def cases(engine: Engine) -> list[Case]:
    with session_scope(engine) as session:
        return list(session.exec(select(Case).order_by(col(Case.id))).all())


def case(engine: Engine, number: int = 1) -> Case:
    with session_scope(engine) as session:
        found = session.get(Case, number)
        assert found is not None
        return found


def transcript(engine: Engine, number: int = 1) -> list[CaseMessage]:
    with session_scope(engine) as session:
        return list(session.exec(select(CaseMessage).where(CaseMessage.case_id == number)
                                 .order_by(col(CaseMessage.id))).all())


def events(engine: Engine, number: int = 1) -> list[CaseEvent]:
    with session_scope(engine) as session:
        query = select(CaseEvent).where(CaseEvent.case_id == number).order_by(col(CaseEvent.id))
        return list(session.exec(query).all())


def staff_id(engine: Engine, chat: Chat) -> int:
    with session_scope(engine) as session:
        member = session.exec(select(Staff).where(Staff.user_id == chat.user_id)).one()
        assert member.id is not None
        return member.id


def outbox(engine: Engine) -> list[Outbox]:
    with session_scope(engine) as session:
        return list(session.exec(select(Outbox).order_by(col(Outbox.id))).all())


def to(sent: list[Sent], chat: Chat) -> list[Sent]:
    return [s for s in sent if s.chat_id == chat.chat_id]


def button_data(sent: list[Sent]) -> list[str]:
    return [b.data for s in sent for b in s.buttons if b.data]
