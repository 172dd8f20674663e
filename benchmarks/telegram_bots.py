"""What the Telegram benchmarks share: the questions they ask, bare echo bots of each framework as subprocesses
(the yardstick), and reading a process's memory. The bots talk to the fake Bot API server (tests/fake_telegram)
running in the benchmark's own process.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.telegram_harness import wait_sent  # noqa: E402

# A shared machine can be slow: how long a bot may take to start before the benchmark gives up.
READY_TIMEOUT = 300.0
# A chat no benchmark writes from: the echo bots answer it once to show they are ready.
PING_CHAT = 999_999_999


# Each is answered with exactly one message (checked: not urgent, under 4096 characters).
QUESTIONS = [
    "hvordan får jeg boligstøtte?", "hvad er et indskudslån", "hvordan finder jeg et værelse til leje",
    "kan jeg få kontanthjælp", "hvad er en lejekontrakt", "hvordan skriver jeg mig op til en ungdomsbolig",
    "hvad koster en kollegieværelse", "hvordan flytter jeg min adresse", "what is housing benefit",
    "how do I find a room to rent",
]

ECHO_AIOGRAM = """
import asyncio, os
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

async def main():
    bot = Bot(os.environ["TOKEN"], session=AiohttpSession(api=TelegramAPIServer.from_base(os.environ["API"])))
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text)

    await bot.delete_webhook()
    await dispatcher.start_polling(bot)

asyncio.run(main())
"""

# The same bot, but each answer is the very message Husly sends for that question (HTML, buttons, no link
# preview), looked up in a dict: what the framework itself costs for Husly's traffic, without Husly's logic.
ECHO_AIOGRAM_SAME_REPLIES = """
import asyncio, json, os
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

REPLIES = json.loads(open(os.environ["REPLIES"], encoding="utf-8").read())

async def main():
    bot = Bot(os.environ["TOKEN"], session=AiohttpSession(api=TelegramAPIServer.from_base(os.environ["API"])),
              default=DefaultBotProperties(parse_mode="HTML"))
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        reply = REPLIES.get(message.text) or {"html": message.text, "buttons": []}
        keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(**b) for b in row]
                                                         for row in reply["buttons"]])
        await message.answer(reply["html"], reply_markup=keyboard if reply["buttons"] else None,
                             link_preview_options={"is_disabled": True})

    await bot.delete_webhook()
    await dispatcher.start_polling(bot)

asyncio.run(main())
"""

ECHO_PTB_SAME_REPLIES = """
import json, os
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, MessageHandler, filters

REPLIES = json.loads(open(os.environ["REPLIES"], encoding="utf-8").read())

async def echo(update, context):
    reply = REPLIES.get(update.message.text) or {"html": update.message.text, "buttons": []}
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(**b) for b in row] for row in reply["buttons"]])
    await update.message.reply_text(reply["html"], parse_mode=ParseMode.HTML,
                                    reply_markup=keyboard if reply["buttons"] else None,
                                    link_preview_options=LinkPreviewOptions(is_disabled=True))

api = os.environ["API"]
application = (ApplicationBuilder().token(os.environ["TOKEN"]).base_url(api + "/bot")
               .base_file_url(api + "/file/bot").build())
application.add_handler(MessageHandler(filters.TEXT & filters.UpdateType.MESSAGE, echo))
application.run_polling()
"""

ECHO_PTB = """
import os
from telegram.ext import ApplicationBuilder, MessageHandler, filters

async def echo(update, context):
    await update.message.reply_text(update.message.text)

api = os.environ["API"]
application = (ApplicationBuilder().token(os.environ["TOKEN"]).base_url(api + "/bot")
               .base_file_url(api + "/file/bot").build())
application.add_handler(MessageHandler(filters.TEXT & filters.UpdateType.MESSAGE, echo))
application.run_polling()
"""

def husly_replies(path: Path) -> None:
    """Write, for each question, the message Husly answers it with (to a person it has met) as JSON."""
    from bot.app import build_app
    from bot.config import Settings
    from tests.support import Chat

    with tempfile.TemporaryDirectory() as data:
        chat = Chat(build_app(Settings(_env_file=None, data_dir=Path(data))))
        chat.command("start")
        replies = {}
        for question in QUESTIONS:
            (answer,) = chat.say(question)
            replies[question] = {"html": answer.reply.html, "buttons": [
                [{"text": b.text, "callback_data": b.data} if b.data else {"text": b.text, "url": b.url} for b in row]
                for row in answer.reply.buttons]}
    path.write_text(json.dumps(replies, ensure_ascii=False), encoding="utf-8")


class EchoProcess:
    """A bare echo bot of one framework as a subprocess, ready when it polls.

    ``replies``: a JSON file from ``husly_replies``; the bot then answers with Husly's messages, not an echo.
    """

    def __init__(self, tg: FakeTelegram, framework: str, replies: Path | None = None) -> None:
        self.started = time.time()
        self.tg = tg
        env = {**os.environ, "TOKEN": tg.token, "API": tg.base_url, "REPLIES": str(replies or "")}
        if replies:
            code = ECHO_AIOGRAM_SAME_REPLIES if framework == "aiogram" else ECHO_PTB_SAME_REPLIES
        else:
            code = ECHO_AIOGRAM if framework == "aiogram" else ECHO_PTB
        self.process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        # Ready when it answers: one message to a chat of its own, which no benchmark uses.
        mark = tg.mark()
        tg.push_update(tg.text_update(PING_CHAT, "ping"))
        wait_sent(tg, PING_CHAT, 1, since=mark, timeout=READY_TIMEOUT)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()




def cache_model(data: Path) -> None:
    """Train the triage model into ``data`` (what the first start does), so a bot started there later reads it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUSLY_")}
    env.update({"HUSLY_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)})
    subprocess.run([sys.executable, "-c", "from handlers.cli import main; main()", "ask", "hej"], env=env, cwd=ROOT,
                   check=True, capture_output=True)


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    """A process's resident memory (VmRSS) or its peak (VmHWM) in kB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise ValueError(f"no {field} for process {pid}")


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p99 of ``values``."""
    if len(values) < 2:
        return values[0], values[0]
    return statistics.median(values), statistics.quantiles(values, n=100, method="inclusive")[98]
