"""Reply latency at Telegram's rate: what a person feels, next to a bare echo bot at the same rate.

200 people write for --seconds seconds (default 60), 25 messages a second in all (Telegram lets a bot send
about 30 a second; Husly's flood limiter allows that, and is on here, as in production), each one a question that
Husly answers with one message. Latency is the time from an update reaching the fake Bot API (tests/fake_telegram,
in this process) to the reply's sendMessage arriving there. Before the measured part every person says hello
once (first contact: Husly shows its privacy notice). For aiogram and python-telegram-bot: `husly run` (long
polling, SQLite) and a bare echo bot of the same framework. The goal: Husly's p99 within 100 ms of the echo bot's.

Run: .venv/bin/python benchmarks/latency.py [--seconds 60] [--people 200] [--rate 25] [--framework aiogram ptb]
     [--env HUSLY_MESSAGES_PER_SECOND=25 ...]  (settings for `husly run`, fx to compare another flood limit)
With --env HUSLY_DATABASE_URL=postgresql+psycopg://...: a new database for each framework and run. The fake
server numbers updates from 1 every time, and Husly ignores update ids it handled within the last day.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.telegram_bots import (  # noqa: E402
    QUESTIONS,
    READY_TIMEOUT,
    EchoProcess,
    cache_model,
    percentiles,
    rss_kb,
)
from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.telegram_harness import HuslyProcess, wait_sent  # noqa: E402

FIRST_CHAT = 10_000


def say_hello(tg: FakeTelegram, people: int, replies_each: int, rate: float) -> None:
    """Every person's first message, at the same rate, and every reply to it."""
    marks = []
    for n in range(people):
        marks.append(tg.mark())
        tg.push_update(tg.text_update(FIRST_CHAT + n, "hej"), validate=False)
        time.sleep(1 / rate)
    for n, mark in enumerate(marks):
        wait_sent(tg, FIRST_CHAT + n, replies_each, since=mark, timeout=300)


def measure(tg: FakeTelegram, seconds: float, people: int, rate: float) -> list[float]:
    """Seconds from each update to the first reply in its chat after it, for ``seconds`` of load at ``rate``."""
    pushed: list[tuple[int, float, int]] = []
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < seconds:
        chat = FIRST_CHAT + n % people
        mark = tg.mark()
        at = time.time()
        tg.push_update(tg.text_update(chat, QUESTIONS[n % len(QUESTIONS)]), validate=False)
        pushed.append((chat, at, mark))
        n += 1
        time.sleep(max(started + n / rate - time.monotonic(), 0))
    latencies = []
    for chat, at, mark in pushed:
        (reply,) = wait_sent(tg, chat, 1, since=mark, timeout=300)[:1]
        latencies.append(reply.time - at)
    return latencies


@contextmanager
def echo_bot(framework: str) -> Iterator[tuple[FakeTelegram, int, int]]:
    """A running echo bot: its fake server, replies per hello, and its process id."""
    with FakeTelegram() as tg:
        bot = EchoProcess(tg, framework)
        try:
            yield tg, 1, bot.process.pid
        finally:
            bot.stop()


@contextmanager
def husly_bot(framework: str, env: dict[str, str] | None = None) -> Iterator[tuple[FakeTelegram, int, int]]:
    with FakeTelegram() as tg, tempfile.TemporaryDirectory() as folder:
        cache_model(Path(folder) / "data")  # a later start, as in production: the model from its cache
        with HuslyProcess(tg, framework, "polling", Path(folder) / "data", log_level="WARNING",
                          ready_timeout=READY_TIMEOUT, env=env) as bot:
            assert bot.process is not None
            yield tg, 2, bot.process.pid
            log = bot.stop()
        if tg.violations or "Traceback" in log:
            print(log[-2000:], tg.violations[:5], file=sys.stderr)


def main() -> None:
    # An echo bot stopped at the end drops its open poll; the fake server's log of that is noise here.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--rate", type=float, default=25, help="messages a second, all people together")
    parser.add_argument("--framework", nargs="+", choices=["aiogram", "ptb"], default=["aiogram", "ptb"])
    parser.add_argument("--env", nargs="*", default=[], metavar="NAME=VALUE",
                        help="settings for husly run, fx HUSLY_MESSAGES_PER_SECOND=30 (the benchmark's own are kept)")
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    if args.rate * 60 / args.people > 15:
        parser.error("more than 15 messages a minute per person would hit Husly's flood limit (20 a minute)")
    print(f"Reply latency: {args.people} people, {args.rate:g} messages a second in all, {args.seconds:g} s, long "
          f"polling, flood limiter on, against the fake Bot API")
    print(f"{'framework':<10} {'bot':<10} {'updates':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'peak MB':>8}"
          f" {'p99 - echo':>11}")
    for framework in args.framework:
        echo_p99 = 0.0
        bots = (("echo bot", echo_bot), ("husly", lambda name: husly_bot(name, env)))
        for label, bot in bots:
            with bot(framework) as (tg, replies_each, pid):
                say_hello(tg, args.people, replies_each, args.rate)
                values = measure(tg, args.seconds, args.people, args.rate)
                peak = rss_kb(pid, "VmHWM") / 1024
            p50, p99 = percentiles(values)
            if label == "echo bot":
                echo_p99, versus = p99, ""
            else:
                gap = (p99 - echo_p99) * 1000
                versus = f"{gap:+9.0f} ms  {'ok' if gap <= 100 else 'over the 100 ms goal'}"
            print(f"{framework:<10} {label:<10} {len(values):7} {p50 * 1000:8.1f} {p99 * 1000:8.1f} "
                  f"{max(values) * 1000:8.1f} {peak:8.0f} {versus}", flush=True)


if __name__ == "__main__":
    main()
