"""Print a caseworker's Friday evening in Aarhus as a transcript, from a real run of the conversation core.

Two caseworkers (Mette and Ole) and their team group; two young people (Sara, 16, and Jonas) write within
minutes. Everything printed is what the bot sent, rendered as plain text ([buttons] in brackets, an edited
card as one "✎" line). docs/cases.md shows this transcript; rerun it after changing what cases say:

    .venv/bin/python scripts/caseworker_day.py
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_app  # noqa: E402
from bot.cases import jobs  # noqa: E402
from bot.cases.hours import TZ  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import make_engine, migrate, session_scope  # noqa: E402
from bot.outbox import DeliveryWorker  # noqa: E402
from bot.replies import Incoming, Reply, to_plain  # noqa: E402
from bot.staff.service import create_invite  # noqa: E402

TEAM = -100_200_300
METTE, OLE, SARA, JONAS = 71, 72, 51, 52
NAMES = {TEAM: "Teamgruppen", METTE: "Mette", OLE: "Ole", SARA: "Sara", JONAS: "Jonas"}
WIDTH = 100


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 27, 15, 55, tzinfo=dt.UTC)  # Friday 16:55 in Aarhus

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


class Printer:
    """A Sender that prints what each chat gets; message ids let people reply to a message."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.ids = itertools.count(100)
        self.last: dict[int, int] = {}

    def _time(self) -> str:
        return self.clock.now.astimezone(TZ).strftime("%H:%M")

    def _print(self, who: str, text: str) -> None:
        lines = text.splitlines() or [""]
        print(f"{self._time()}  {who:<22} {lines[0]}")
        for line in lines[1:]:
            print(f"{'':29}{line}")

    async def send(self, chat_id: int, reply: Reply) -> int:
        text = to_plain(reply.html)
        buttons = "  ".join(f"[{b.text}]" for row in reply.buttons for b in row)
        self._print(f"Husly → {NAMES.get(chat_id, chat_id)}:", text + (f"\n{buttons}" if buttons else ""))
        message_id = next(self.ids)
        self.last[chat_id] = message_id
        return message_id

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        lines = to_plain(reply.html).splitlines()
        summary = lines[0] + (" … " + lines[-1] if len(lines) > 1 else "")
        self._print(f"Husly ✎ {NAMES.get(chat_id, chat_id)}:", summary)

    async def delete(self, chat_id: int, message_ids: list[int]) -> None:
        self._print(f"Husly ✕ {NAMES.get(chat_id, chat_id)}:", f"({len(message_ids)} beskeder slettet)")

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        shown = " ".join("/" + name for name, _description in commands)
        self._print(f"Husly ☰ {NAMES.get(chat_id, chat_id)}:", f"(kommandomenu: {shown})")


def main() -> None:
    clock = Clock()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'day.sqlite3'}")
        migrate(engine)
        app = build_app(Settings(_env_file=None, data_dir=Path(folder)), engine=engine, clock=clock)
        printer = Printer(clock)
        worker = DeliveryWorker(engine, "telegram", printer, clock=clock)
        updates = itertools.count(1)

        def deliver() -> None:
            async def drain() -> None:
                while await worker.deliver_once():
                    pass
            asyncio.run(drain())

        def say(chat: int, text: str, *, user: int | None = None, chat_type: str = "private",
                reply_to: int | None = None, quiet: bool = False) -> None:
            user = user or chat
            who = NAMES[user] + (" (i gruppen)" if chat_type != "private" else "")
            if not quiet:
                printer._print(f"{who}:", ("↩ " if reply_to else "") + text)
            word, _sep, args = text.partition(" ")
            if text.startswith("/"):
                incoming = Incoming("telegram", chat, user, "command", update_id=next(updates), text=text,
                                    command=word[1:], args=args, chat_type=chat_type, language_code="da",
                                    first_name=NAMES[user])
            else:
                incoming = Incoming("telegram", chat, user, "text", update_id=next(updates), text=text,
                                    chat_type=chat_type, language_code="da", reply_to_message_id=reply_to,
                                    message_id=next(printer.ids))
            app.core.handle(incoming)
            deliver()

        def press(chat: int, data: str, label: str, *, user: int | None = None) -> None:
            user = user or chat
            printer._print(f"{NAMES[user]}:", f"trykker [{label}]")
            outcome = app.core.handle(Incoming("telegram", chat, user, "callback", update_id=next(updates),
                                               callback_data=data, message_id=printer.last.get(chat),
                                               chat_type="private" if chat > 0 else "supergroup",
                                               language_code="da"))
            if outcome.callback_answer:
                printer._print("Husly (pop-up):", outcome.callback_answer)
            deliver()

        def note(text: str) -> None:
            print(f"\n       — {text} —\n")

        note("Mette og Ole har fået en invitation; Mette gør gruppen til team, Ole har vagt i aften")
        for user in (METTE, OLE):
            with session_scope(engine) as session:
                code = create_invite(session, role="caseworker", municipality="aarhus", now=clock())
            say(user, f"/start {code}", quiet=True)
        say(TEAM, "/team", user=METTE, chat_type="supergroup")
        say(OLE, "/vagt")

        clock.advance(5)
        note("Sara, 16, skriver")
        say(SARA, "/start aarhus", quiet=True)
        say(SARA, "jeg er 16 og min stedfar slår mig")
        press(SARA, "cy:words:1:yes", "Ja, det må de")

        clock.advance(1)
        note("Mette svarer på kortet i gruppen, til kollegerne")
        say(TEAM, "Jeg tager den her om 10 min", user=METTE, chat_type="supergroup", reply_to=printer.last[TEAM])

        clock.advance(1)
        note("Jonas skriver")
        say(JONAS, "/start aarhus", quiet=True)
        say(JONAS, "jeg har ingen steder at sove i nat")
        press(JONAS, "cy:go", "Ja tak")
        press(JONAS, "cy:words:2:no", "Nej, kun mine svar")
        clock.advance(1)
        say(JONAS, "hallo? er der nogen? jeg sidder på banegården")

        clock.advance(2)
        note("Mette tager Saras sag")
        say(TEAM, "/tag 1", user=METTE, chat_type="supergroup")
        say(METTE, "/svar 1 Hej Sara, jeg hedder Mette og er medarbejder. Er du et sikkert sted lige nu?")
        clock.advance(2)
        say(SARA, "jeg er hos min veninde Emma")

        clock.advance(1)
        note("Ole ser køen og vil flytte Jonas' sag")
        say(TEAM, "/sager", user=OLE, chat_type="supergroup")
        say(TEAM, "/flyt 2 favrskov", user=OLE, chat_type="supergroup")
        say(TEAM, "/tag 2", user=OLE, chat_type="supergroup")

        clock.advance(31)
        note("En halv time senere: Ole har ikke skrevet til Jonas, og Sara venter på Mette")
        jobs.tick(engine, app.deps, clock())
        deliver()
        say(OLE, "/overdrag 2 Mette")
        say(METTE, "/svar 2 Hej Jonas, jeg hedder Mette. Gå hen til Forsorgshjemmet Aarhus; jeg ringer til dem nu.")

        clock.advance(20)
        note("Mette lukker Saras sag")
        say(METTE, "/luk 1 herberg")
        press(METTE, "cs:ok:1:shelter", "Ja, luk den", user=METTE)

        clock.advance(60 * 3)
        note("Om aftenen skriver Sara igen")
        say(SARA, "han står uden for døren igen")
        engine.dispose()


if __name__ == "__main__":
    main()
