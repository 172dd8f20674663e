"""Telegram throughput: updates handled per second by one `husly run` process, next to a bare echo bot of the
same framework, both against the fake Bot API server (tests/fake_telegram) in this process.

For aiogram and python-telegram-bot: start the bot as a subprocess (long polling), let every chat say hello
once (first contact: Husly shows its privacy notice), then push N text updates at once, spread over many chats,
and time until N replies have been sent. Two baselines of the same framework: a bare echo bot (the issue's
yardstick) and a bot that answers each question with the very message Husly sends for it (HTML, buttons),
looked up in a dict: what the framework costs for Husly's traffic alone (long HTML texts cost it more to encode
and decode than a short echo). The questions are real ones, each answered by one message from the
knowledge base. Husly runs twice: with its flood limiter as in production (at most Telegram's ~30 messages a
second, so that number is the limiter's, by design) and with the limiter lifted, which is what
measures Husly's own cost. (Husly / echo >= 0.75 was once the goal; it is retired: one process handles several
times what Telegram lets a bot send. What people feel is measured by benchmarks/latency.py and startup.py.)

Run: .venv/bin/python benchmarks/telegram_throughput.py [--updates 300] [--chats 60] [--rounds 2] [--profile]

--profile runs one more Husly round with cProfile on every thread of the bot (CPU time, so waiting is left
out) and prints where the time goes.
"""

from __future__ import annotations

import argparse
import logging
import os
import pstats
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.telegram_bots import QUESTIONS, EchoProcess, husly_replies  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.telegram_harness import HuslyProcess, wait_until  # noqa: E402

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
            print(f"{framework:<10} {bare:>8.1f}/s {same:>11.1f}/s {ours:>7.1f}/s {ours / bare:>11.2f} "
                  f"{ours / same:>11.2f} {limited:>9.1f}/s")
            if args.profile:
                out = str(Path(folder) / "husly.prof")
                husly(framework, args.updates, args.chats, 1, unlimited=True, profile=out)
                show_profile(out, framework)


if __name__ == "__main__":
    main()
