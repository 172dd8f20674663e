"""A chat with the bot in the terminal, on the same core as Telegram.

Type a question, a /command, or the number of a button. Messages from a caseworker arrive here too, through
the same outbox as on Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import sys
from dataclasses import dataclass, field
from typing import TextIO

from sqlmodel import Session

from bot import failsafe
from bot.app import App
from bot.outbox import DeliveryWorker
from bot.profiles import profile_of
from bot.replies import Button, Incoming, Reply, to_text

TRANSPORT = "console"


@dataclass
class ConsoleSender:
    """Prints outbox messages; remembers the buttons shown so a number can press one."""

    out: TextIO = sys.stdout
    buttons: list[Button] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    async def send(self, chat_id: int, reply: Reply) -> int:
        self._print(reply)
        return next(self._ids)

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        self._print(reply)

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        """The terminal has no command menu; /help lists the commands."""

    async def delete(self, chat_id: int, message_ids: list[int]) -> None:
        self.out.write("\n" * 3 + "(chat skjult / chat hidden)\n")

    def _print(self, reply: Reply) -> None:
        lines = ["", "Husly: " + to_text(reply.html).replace("\n", "\n       ")]
        flat = [b for row in reply.buttons for b in row]
        if flat:
            self.buttons = flat
            for number, button in enumerate(flat, 1):
                lines.append(f"  [{number}] {button.text}" + (f" ({button.url})" if button.url else ""))
        if reply.document:
            lines.append(f"  [fil / file: {reply.document.file_name}, {len(reply.document.content)} bytes]")
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()


def to_incoming(line: str, chat_id: int, sender: ConsoleSender, lang: str) -> Incoming:
    """Turn one typed line into an update: a command, a button press (its number) or text."""
    text = line.strip()
    if text.startswith("/"):
        name, _, args = text[1:].partition(" ")
        return Incoming(TRANSPORT, chat_id, chat_id, "command", text=text, command=name.lower(), args=args,
                        language_code=lang)
    if text.isdigit() and 1 <= int(text) <= len(sender.buttons):
        button = sender.buttons[int(text) - 1]
        if button.data:
            return Incoming(TRANSPORT, chat_id, chat_id, "callback", callback_data=button.data, language_code=lang)
    return Incoming(TRANSPORT, chat_id, chat_id, "text", text=line, language_code=lang)


# Seconds between tries of a message the database did not take.
RETRY_PAUSES = (1.0, 2.0, 4.0, 8.0, 15.0)


async def chat(app: App, *, chat_id: int = 1, lang: str = "da", stdin: TextIO = sys.stdin,
               out: TextIO = sys.stdout) -> None:
    """Run the console chat until end of input or /quit."""
    sender = ConsoleSender(out)
    worker = DeliveryWorker(app.engine, TRANSPORT, sender, idle_poll=0.3)
    delivery = asyncio.create_task(worker.run())
    out.write("Husly – skriv dit spørgsmål, et tal for en knap, eller /quit for at stoppe.\n"
              "Write your question, a number for a button, or /quit to stop.\n")
    if _new_chat(app, chat_id):
        await _deliver(app, Incoming(TRANSPORT, chat_id, chat_id, "command", text="/start", command="start",
                                     language_code=lang), worker, out)
    else:
        # A chat that goes on (fx to read a caseworker's answer): what waits for it is printed, and no welcome and
        # menu after it, as if the chat began again (Telegram sends /start only once, too).
        await worker.settle()
    try:
        while True:
            line = await asyncio.to_thread(stdin.readline)
            if not line or line.strip() in ("/quit", "/exit"):
                break
            if not line.strip():
                continue
            await _deliver(app, to_incoming(line.rstrip("\n"), chat_id, sender, lang), worker, out)
    finally:
        # Let the last replies print before leaving.
        await worker.settle()
        worker.stop()
        with contextlib.suppress(asyncio.CancelledError):
            await delivery


def _new_chat(app: App, chat_id: int) -> bool:
    """Whether this console chat has never been used (no profile yet): only then does it start with the welcome."""
    with Session(app.engine) as session:
        return profile_of(session, TRANSPORT, chat_id) is None


async def _deliver(app: App, incoming: Incoming, worker: DeliveryWorker, out: TextIO) -> None:
    outcome = await asyncio.to_thread(app.core.handle, incoming)
    for pause in RETRY_PAUSES:
        if not outcome.deferred:
            break
        # The database did not answer (fx another process holds the SQLite file): say what matters from memory
        # once, then try the same message again.
        if pause == RETRY_PAUSES[0]:
            today = app.deps.clock().date()
            notice = failsafe.safety_now(app.deps.kb, incoming, today) or failsafe.slow_notice(incoming)
            out.write(to_text(notice.html) + "\n")
        await asyncio.sleep(pause)
        outcome = await asyncio.to_thread(app.core.handle, incoming)
    if outcome.callback_answer:
        out.write(f"  ({outcome.callback_answer})\n")
    await worker.settle()
