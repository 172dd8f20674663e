"""A municipality's desk over the real HTTP path: the bot (aiogram or PTB, in-process) against the fake Bot API,
caseworkers who joined with an invite, a team group, and young people writing. No tests here.

Every update goes through ``Desk.send``, which counts them, so ``Desk.sync()`` waits until the bot has handled
all of them and sent everything it queued: "nothing was sent" can be checked without sleeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from bot.cases.buttons import Youth, YouthAction
from bot.cases.models import Case
from bot.db import session_scope
from bot.staff.service import create_invite
from tests.fake_telegram import Call, FakeTelegram
from tests.telegram_harness import InProcessBot, callback_datas, plain, press

TEAM = -1001_555_000_111


class Desk:
    def __init__(self, bot: InProcessBot) -> None:
        self.bot, self.tg = bot, bot.tg
        self.sent_updates = 0

    # ---- sending ---------------------------------------------------------------------------------------------

    def send(self, update: dict[str, Any]) -> None:
        self.bot.send(update)
        self.sent_updates += 1

    def sync(self, timeout: float = 30) -> None:
        """Until every update sent so far is handled and nothing is left to deliver (Telegram's limit of about
        one message a second per chat makes a burst to one chat take that many seconds)."""
        self.bot.wait_idle(self.sent_updates, timeout=timeout)

    def write(self, chat: int, text: str, **kwargs: Any) -> int:
        """A young person (or a caseworker, privately) writes; returns a mark for ``since``."""
        mark = self.tg.mark()
        self.send(self.tg.text_update(chat, text, **kwargs))
        self.sync()
        return mark

    def upload(self, chat: int, content: bytes, file_name: str, mime_type: str = "text/csv") -> str:
        """A partner sends a file (a sheet of homes); returns what the bot answered, as one text."""
        file_id = self.tg.add_file(content, file_name=file_name, mime_type=mime_type)
        mark = self.tg.mark()
        self.send(self.tg.document_update(chat, file_id))
        self.sync()
        return " ".join(self.texts(chat, mark))

    def command(self, chat: int, name: str, args: str = "", **kwargs: Any) -> int:
        mark = self.tg.mark()
        self.send(self.tg.command(chat, name, args, **kwargs))
        self.sync()
        return mark

    def in_team(self, user: int, name: str, args: str = "", group: int = TEAM) -> int:
        """A caseworker writes a command in the team group."""
        return self.command(group, name, args, user_id=user, chat_type="supergroup")

    def press(self, call: Call, data: str, **kwargs: Any) -> int:
        mark = self.tg.mark()
        self.send(press(self.tg, call, data, **kwargs))
        self.sync()
        return mark

    def reply_to(self, chat: int, message: Call, text: str, user: int, chat_type: str = "supergroup") -> int:
        """A Telegram reply (swipe to reply) to the bot's message ``message`` in ``chat``."""
        mark = self.tg.mark()
        original = self.tg.message(chat, message.result["message_id"])
        self.send(self.tg.text_update(chat, text, user_id=user, chat_type=chat_type, reply_to_message=original))
        self.sync()
        return mark

    # ---- people ----------------------------------------------------------------------------------------------

    def join(self, user: int, name: str, municipality: str = "aarhus", role: str = "caseworker") -> int:
        """A member of staff redeems an invite in their private chat (their chat id is their user id)."""
        municipal = role in ("caseworker", "coordinator")
        with session_scope(self.bot.engine) as session:
            code = create_invite(session, role=role, municipality=municipality if municipal else None,
                                 provider="Boligselskab Test" if role == "partner" else None,
                                 now=self.bot.app.deps.clock())
        self.command(user, "start", code, first_name=name)
        return user

    def team(self, user: int, group: int = TEAM) -> None:
        self.in_team(user, "team", group=group)

    def youth(self, chat: int, municipality: str = "aarhus") -> int:
        self.command(chat, "start", municipality)
        return chat

    # ---- reading ---------------------------------------------------------------------------------------------

    def to(self, chat: int, since: int = 0) -> list[Call]:
        """Messages sent to ``chat`` (new ones and edits) after mark ``since``."""
        return [c for c in self.tg.calls[since:] if c.ok and c.params.get("chat_id") == chat
                and c.method in ("sendMessage", "editMessageText")]

    def texts(self, chat: int, since: int = 0) -> list[str]:
        return [plain(c) for c in self.to(chat, since)]

    def last_with(self, chat: int, prefix: str, since: int = 0) -> tuple[Call, str]:
        for call in reversed(self.to(chat, since)):
            for data in callback_datas(call):
                if data.startswith(prefix):
                    return call, data
        raise AssertionError(f"no message to {chat} has a button {prefix!r}: {self.texts(chat, since)}")

    def card(self, number: int, chat: int = TEAM) -> str:
        """The text of case ``number``'s card in ``chat`` as it stands now (after every edit)."""
        for call in reversed(self.to(chat)):
            text = plain(call)
            if text.startswith(("🔴", "🟠", "🟡")) and f"Sag #{number} " in text:
                return text
        raise AssertionError(f"no card for case {number} in {chat}")

    def case(self, number: int = 1) -> Case:
        with Session(self.bot.engine) as session:
            found = session.get(Case, number)
            assert found is not None
            return found

    def cases(self) -> list[Case]:
        with Session(self.bot.engine) as session:
            return list(session.exec(select(Case).order_by(col(Case.id))).all())

    def open_case(self, chat: int, text: str, *, words: bool = True) -> None:
        """A young person writes about a crisis, accepts a caseworker if asked, and answers the words question."""
        mark = self.write(chat, text)
        if any("cy:go" in callback_datas(c) for c in self.to(chat, mark)):
            offer, go = self.last_with(chat, "cy:go", mark)
            self.press(offer, go)
        question, data = self.last_with(chat, "cy:words:")
        asked = Youth.unpack(data)
        assert asked is not None
        self.press(question, Youth(YouthAction.WORDS, asked.case, "yes" if words else "no").pack())


def running_desk(tg: FakeTelegram, framework: str, data_dir: Path, knowledge: Any, *staff: tuple[int, str, str],
                 presses_answered: bool = True, **settings: Any) -> Iterator[Desk]:
    """The body of a ``desk`` fixture parametrized over FRAMEWORKS: the bot with ``staff`` joined ((user, name, role),
    in order; a caseworker also joins the team chat). After the test: no handler raised, and (``presses_answered``)
    every button press was answered."""
    with InProcessBot(tg, framework, data_dir, knowledge=knowledge, **settings) as bot:
        desk = Desk(bot)
        for user, name, role in staff:
            desk.join(user, name, role=role)
            if role == "caseworker":
                desk.team(user)
        yield desk
        assert bot.app.core.failures == 0, "a handler raised (someone got the apology)"
    if presses_answered:
        assert tg.unanswered_callback_queries() == [], "every button press is answered"
