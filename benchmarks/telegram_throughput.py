"""Telegram throughput: updates handled per second by one `husly run` process, next to a bare echo bot of the
same framework, both against the fake Bot API server (tests/fake_telegram) in this process.

For aiogram and python-telegram-bot: start the bot as a subprocess (long polling), let every chat say hello
once (first contact: Husly shows its privacy notice), then push N text updates at once, spread over many chats,
and time until N replies have been sent. Two baselines of the same framework: a bare echo bot (the issue's
yardstick) and a bot that answers each question with the very message Husly sends for it (HTML, buttons),
looked up in a dict: what the framework costs for Husly's traffic alone (long HTML texts cost it more to encode
and decode than a short echo). The questions are real ones, each answered by one message from the
knowledge base. Husly runs twice: with its flood limiter as in production (at most 25 messages a second, under
Telegram's ~30/s, so that number is the limiter's, by design) and with the limiter lifted, which is what
measures Husly's own cost. The goal: Husly's logic costs under 25% of the framework's own throughput
(husly / echo >= 0.75).

Run: .venv/bin/python benchmarks/telegram_throughput.py [--updates 300] [--chats 60] [--rounds 2] [--profile]

--profile runs one more Husly round with cProfile on every thread of the bot (CPU time, so waiting is left
out) and prints where the time goes.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.telegram_harness import HuslyProcess, wait_until  # noqa: E402

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

# `husly run` with the flood limiter lifted (it would cap every run at 25 messages a second).
UNLIMIT = ("import bot.ratelimit as limits\n"
           "async def _no_wait(self, *args): return 0.0\n"
           "limits.FloodLimits.chat_delay = _no_wait; limits.FloodLimits.bot_slot = _no_wait\n")
HUSLY_UNLIMITED = UNLIMIT + "from handlers.cli import main; main()"

# The same, profiled: CPU time of the event loop thread and of the threads the core runs in, from SIGUSR1 (after
# the warm-up) to the exit, written to PROFILE_OUT.
HUSLY_PROFILED = """
import asyncio, atexit, concurrent.futures, cProfile, os, pstats, signal, threading, time
import handlers.cli_run as cli_run
import bot.ratelimit as limits
async def _no_wait(self, *args): return 0.0
limits.FloodLimits.chat_delay = _no_wait; limits.FloodLimits.bot_slot = _no_wait
profiles, loop_profile = [], cProfile.Profile(time.thread_time)

def in_thread():
    profile = cProfile.Profile(time.thread_time)
    profiles.append(profile)
    profile.enable()

serve = cli_run._serve

async def profiled_serve(*args, **kwargs):
    executor = concurrent.futures.ThreadPoolExecutor(initializer=in_thread)
    asyncio.get_running_loop().set_default_executor(executor)
    return await serve(*args, **kwargs)

def dump():
    loop_profile.disable()
    stats = pstats.Stats(loop_profile)
    for profile in profiles:
        profile.disable()
        stats.add(profile)
    stats.dump_stats(os.environ["PROFILE_OUT"])

cli_run._serve = profiled_serve
signal.signal(signal.SIGUSR1, lambda *_: loop_profile.enable())
atexit.register(dump)
from handlers.cli import main
main()
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
        self.tg = tg
        env = {**os.environ, "TOKEN": tg.token, "API": tg.base_url, "REPLIES": str(replies or "")}
        if replies:
            code = ECHO_AIOGRAM_SAME_REPLIES if framework == "aiogram" else ECHO_PTB_SAME_REPLIES
        else:
            code = ECHO_AIOGRAM if framework == "aiogram" else ECHO_PTB
        self.process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        wait_until(lambda: any(c.method == "deleteWebhook" for c in tg.calls) and tg._active_poll is not None,
                   timeout=60, what="the echo bot polling")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def replies(tg: FakeTelegram, since: int) -> int:
    return sum(1 for c in tg.calls[since:] if c.method == "sendMessage" and c.ok)


def rounds(tg: FakeTelegram, n: int, chats: int, count: int, first_contact_replies: int,
           first: int = 0) -> list[float]:
    """Updates per second for ``count`` rounds of ``n`` updates, each round on fresh chats."""
    results = []
    for round_number in range(first, first + count):
        base = 1_000_000 * (round_number + 1)
        mark = tg.mark()
        for chat in range(chats):
            tg.push_update(tg.text_update(base + chat, QUESTIONS[chat % len(QUESTIONS)]))
        wait_until(lambda m=mark: replies(tg, m) >= chats * first_contact_replies, timeout=120, what="warm-up")
        updates = [tg.text_update(base + i % chats, QUESTIONS[i % len(QUESTIONS)]) for i in range(n)]
        mark = tg.mark()
        started = time.perf_counter()
        for update in updates:
            tg.push_update(update, validate=False)
        wait_until(lambda m=mark: replies(tg, m) >= n, timeout=300, what=f"{n} replies", interval=0.005)
        results.append(n / (time.perf_counter() - started))
        if replies(tg, mark) != n:
            raise SystemExit(f"expected {n} replies, got {replies(tg, mark)}")
    return results


def husly(framework: str, n: int, chats: int, count: int, unlimited: bool, profile: str | None = None) -> list[float]:
    with FakeTelegram() as tg, tempfile.TemporaryDirectory() as data:
        code = HUSLY_PROFILED if profile else HUSLY_UNLIMITED if unlimited else None
        env = {"PROFILE_OUT": profile} if profile else None
        process = HuslyProcess(tg, framework, "polling", Path(data) / "data", log_level="WARNING", env=env,
                               command=[sys.executable, "-c", code, "run"] if code else None)
        process.start()
        try:
            process.wait_ready()
            if profile:
                rounds(tg, n, chats, 1, first_contact_replies=2)
                assert process.process is not None
                process.process.send_signal(signal.SIGUSR1)
                return rounds(tg, n, chats, count, first_contact_replies=2, first=1)
            return rounds(tg, n, chats, count, first_contact_replies=2)
        finally:
            log = process.stop()
            if tg.violations or "Traceback" in log:
                print(log[-2000:], tg.violations[:5], file=sys.stderr)


def show_profile(path: str, framework: str) -> None:
    """Where the bot's CPU time went, by the functions that matter (cumulative, all threads)."""
    stats = pstats.Stats(path)
    total = sum(entry[2] for entry in stats.stats.values())  # type: ignore[attr-defined]  # typeshed omits Stats.stats
    wanted = {
        "core: Core.handle (one update, one transaction)": ("bot/conversation/engine.py", "handle"),
        "core: triage (urgency; called per message by several steps)": ("bot/triage.py", "triage"),
        "core: answering (retrieval and rendering)": ("bot/answering.py", "answer"),
        "core: listings free-text search": ("bot/listings/conversation.py", "free_text_search"),
        "core: open-case lookup for the relay": ("bot/cases/relay.py", "from_youth"),
        "core: duplicate-update check": ("bot/conversation/engine.py", "_first_delivery"),
        "outbox: claim rows": ("bot/outbox.py", "_claim"),
        "outbox: mark rows sent": ("bot/outbox.py", "_record_sent"),
        "outbox: send (framework HTTP)": ("bot/outbox.py", "_send"),
        "front end: typing action": (f"handlers/telegram/{framework}_front.py", "typing"),
    }
    print(f"  where {framework} Husly's CPU time goes ({total:.2f} s profiled, overlapping rows):")
    for label, (file, function) in wanted.items():
        seconds = sum(entry[3] for (path_, _line, name), entry in stats.stats.items()  # type: ignore[attr-defined]  # as above
                      if path_.endswith(file) and name == function)
        print(f"    {label:<62} {seconds / total:>5.0%}")


def echo(framework: str, n: int, chats: int, count: int, replies: Path | None = None) -> list[float]:
    with FakeTelegram() as tg:
        bot = EchoProcess(tg, framework, replies)
        try:
            return rounds(tg, n, chats, count, first_contact_replies=1)
        finally:
            bot.stop()


def main() -> None:
    # A bot stopped between rounds drops its open requests; the fake server's log of that is noise here.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=300)
    parser.add_argument("--chats", type=int, default=60, help="spread over this many chats (flood limit: 20/min)")
    parser.add_argument("--rounds", type=int, default=2, help="best of this many rounds")
    parser.add_argument("--framework", choices=["aiogram", "ptb"], action="append")
    parser.add_argument("--profile", action="store_true", help="also profile one Husly round per framework")
    args = parser.parse_args()
    if args.updates / args.chats > 15:
        parser.error("more than 15 updates per chat would hit Husly's flood limit (20 a minute per person)")
    print(f"Telegram throughput: {args.updates} text updates over {args.chats} chats, best of {args.rounds} "
          f"rounds, long polling, against the fake Bot API server (in this process), {os.cpu_count()} CPUs")
    print(f"{'framework':<10} {'echo bot':>10} {'same replies':>13} {'husly':>9} {'husly/echo':>11} "
          f"{'husly/same':>11} {'limiter on':>11}")
    with tempfile.TemporaryDirectory() as folder:
        replies = Path(folder) / "replies.json"
        husly_replies(replies)
        for framework in args.framework or ["aiogram", "ptb"]:
            bare = max(echo(framework, args.updates, args.chats, args.rounds))
            same = max(echo(framework, args.updates, args.chats, args.rounds, replies))
            ours = max(husly(framework, args.updates, args.chats, args.rounds, unlimited=True))
            limited = max(husly(framework, args.updates, args.chats, 1, unlimited=False))
            verdict = "ok" if ours / bare >= 0.75 else "over the 25% goal"
            print(f"{framework:<10} {bare:>8.1f}/s {same:>11.1f}/s {ours:>7.1f}/s {ours / bare:>11.2f} "
                  f"{ours / same:>11.2f} {limited:>9.1f}/s  {verdict}")
            if args.profile:
                out = str(Path(folder) / "husly.prof")
                husly(framework, args.updates, args.chats, 1, unlimited=True, profile=out)
                show_profile(out, framework)


if __name__ == "__main__":
    main()
