"""Test helpers: drive the core like a person in a chat, and record what would be sent."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from bot.answering import Answer, answer
from bot.app import App
from bot.cases.models import Case
from bot.outbox import DeliveryWorker
from bot.replies import Button, Incoming, IncomingKind, Reply, to_plain


def wait_until(condition: Callable[[], object], timeout: float = 10, what: str = "condition",
               interval: float = 0.01) -> None:
    """Poll ``condition`` until it is true: for state nothing signals, fx a database row another process writes.

    The one place tests poll: the short sleep is the polling interval and the real clock only bounds how long a
    broken test hangs; neither judges behaviour. Prefer an event or ``FakeTelegram.wait_for`` when there is one.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


async def await_until(condition: Callable[[], object], timeout: float = 10, what: str = "condition",
                      interval: float = 0.01) -> None:
    """:func:`wait_until` for async tests: the loop keeps running (the bot under test lives on it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        await asyncio.sleep(interval)



def engine_answer(knowledge: Any, text: str, *, today: dt.date, **kwargs: Any) -> Answer:
    """``text`` answered by the engine alone (no chat, no state), at the chat's confidence threshold, on ``today``."""
    kb, index = knowledge
    return answer(kb, index, text, today=today, threshold=0.4, **kwargs)

@dataclass
class Sent:
    chat_id: int
    reply: Reply
    message_id: int
    kind: str = "send"

    @property
    def text(self) -> str:
        return to_plain(self.reply.html)

    @property
    def buttons(self) -> list[Button]:
        return [b for row in self.reply.buttons for b in row]


@dataclass
class RecordingSender:
    """A Sender that records instead of sending (the outbox port's fake)."""

    sent: list[Sent] = field(default_factory=list)
    deleted: list[tuple[int, list[int]]] = field(default_factory=list)
    menus: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1000))

    async def send(self, chat_id: int, reply: Reply) -> int:
        message_id = next(self._ids)
        self.sent.append(Sent(chat_id, reply, message_id))
        return message_id

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        self.sent.append(Sent(chat_id, reply, message_id, "edit"))

    async def delete(self, chat_id: int, message_ids: list[int]) -> None:
        self.deleted.append((chat_id, message_ids))

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        self.menus[chat_id] = commands


class Chat:
    """One person chatting with the core; every call returns what the bot sent to anyone as a result."""

    _update_ids = itertools.count(1)

    def __init__(self, app: App, chat_id: int = 4242, *, transport: str = "telegram", lang: str = "da",
                 sender: RecordingSender | None = None, chat_type: str = "private", user_id: int | None = None):
        self.app = app
        self.chat_id = chat_id
        self.user_id = user_id or chat_id
        self.transport = transport
        self.lang = lang
        self.chat_type = chat_type
        self.sender = sender or RecordingSender()
        self.worker = DeliveryWorker(app.engine, transport, self.sender, clock=app.deps.clock)
        self.callback_answers: list[str | None] = []

    def deliver(self) -> list[Sent]:
        before = len(self.sender.sent)

        async def drain() -> None:
            while await self.worker.deliver_once():
                pass

        asyncio.run(drain())
        return self.sender.sent[before:]

    def send(self, incoming: Incoming) -> list[Sent]:
        outcome = self.app.core.handle(incoming)
        self.callback_answers.append(outcome.callback_answer)
        return self.deliver()

    def _incoming(self, kind: IncomingKind, **fields: Any) -> Incoming:
        fields.setdefault("update_id", next(self._update_ids))
        return Incoming(self.transport, self.chat_id, self.user_id, kind, chat_type=self.chat_type,
                        language_code=self.lang, **fields)

    def say(self, text: str, **fields: object) -> list[Sent]:
        return self.send(self._incoming("text", text=text, **fields))

    def command(self, name: str, args: str = "", **fields: object) -> list[Sent]:
        return self.send(self._incoming("command", text=f"/{name} {args}".strip(), command=name, args=args, **fields))

    def press(self, data: str, message_id: int | None = None) -> list[Sent]:
        return self.send(self._incoming("callback", callback_data=data, message_id=message_id))

    def press_button(self, sent: list[Sent], label: str) -> list[Sent]:
        """Press the first button whose text contains ``label`` in the messages just received."""
        for message in reversed(sent):
            for button in message.buttons:
                if label.lower() in button.text.lower() and button.data:
                    return self.press(button.data, message.message_id)
        raise AssertionError(f"no button {label!r} in {[b.text for m in sent for b in m.buttons]}")

    def mine(self, sent: list[Sent]) -> list[Sent]:
        return [s for s in sent if s.chat_id == self.chat_id]


def texts(sent: list[Sent]) -> str:
    return "\n---\n".join(s.text for s in sent)


def cases_of(chat: Chat) -> list[Case]:
    """The cases opened from ``chat``'s private chat."""
    with Session(chat.app.engine) as session:
        return list(session.exec(select(Case).where(Case.chat_id == chat.chat_id)))


def answered(knowledge: tuple[Any, Any], text: str, today: dt.date = dt.date(2026, 12, 6)) -> Answer:
    """How the engine answers ``text`` alone (the session's knowledge base and index, threshold 0.4)."""
    kb, index = knowledge
    return answer(kb, index, text, today=today, threshold=0.4)


def assert_asked_topic_first(found: Answer, topic: str, background: str = "sofasurfer") -> None:
    """The topic the message asks about comes first; the background it tells (where they sleep) stays a choice,
    never the one sure answer."""
    assert found.search.suggestions[0] == topic, (found.topic, found.search.suggestions)
    assert background in found.search.suggestions
    assert not (found.confident and found.topic == background)


def upgrade_with_alembic(url: str, target: str) -> None:
    """Bring the database at ``url`` to the Alembic revision ``target`` (an older schema, to test an upgrade from)."""
    from alembic import command
    from alembic.config import Config

    from bot.db import MIGRATIONS, make_engine

    engine = make_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    engine.dispose()
