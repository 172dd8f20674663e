"""Reply latency with durable intake, next to the code before it, in the same run.

Durable intake adds work to every update: it is stored in the inbox (one transaction) before it is handled, and
deleted in the handling transaction. This measures what a person feels: the time from an update reaching the
Bot API to the first reply to that chat (sendMessage), p50 and p99, for `husly run` (long polling, SQLite, the
flood limiter on) of this working tree and of a base revision (default: the last commit before durable intake),
checked out into a temporary git worktree and run with the same Python and packages.

Load: 30 people asking a question every 2 s each (15 updates a second, under Telegram's 25-30 messages a
second, so the limiter is not what is measured), for --seconds seconds, after a warm-up.

Run: .venv/bin/python benchmarks/intake_latency.py [--base c3b60b7] [--seconds 20] [--frameworks aiogram ptb]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.telegram_harness import HuslyProcess, wait_sent  # noqa: E402

BASE = "c3b60b7"  # main before durable intake
PEOPLE = 30
QUESTIONS = ["hvad er boligstøtte", "hvad er et depositum", "hvad er en ungdomsbolig", "hvad gør huslejenævnet",
             "hvad er fremleje", "hvordan undgår jeg boligsvindel"]


def latencies(tree: Path, framework: str, seconds: float, data: Path) -> list[float]:
    """Seconds from each update to the first reply in its chat after it."""
    command = [sys.executable, "-c", "from handlers.cli import main; main()", "run"]
    with FakeTelegram() as tg:
        bot = HuslyProcess(tg, framework, "polling", data, command=command, env={"PYTHONPATH": str(tree)})
        with bot:
            for chat in range(PEOPLE):  # warm-up: first contact (privacy notice), imports, caches
                tg.push_update(tg.text_update(9000 + chat, "hej"))
            for chat in range(PEOPLE):
                wait_sent(tg, 9000 + chat, 2, timeout=60)
            pushed: list[tuple[int, float, int]] = []
            interval = 2.0 / PEOPLE
            start = time.time()
            n = 0
            while time.time() - start < seconds:
                chat = 9000 + n % PEOPLE
                mark = tg.mark()
                tg.push_update(tg.text_update(chat, QUESTIONS[n % len(QUESTIONS)]))
                pushed.append((chat, time.time(), mark))
                n += 1
                time.sleep(max(start + n * interval - time.time(), 0))
            result = []
            for chat, at, mark in pushed:
                (reply,) = wait_sent(tg, chat, 1, since=mark, timeout=60)[:1]
                result.append(reply.time - at)
            bot.stop()
    return result


def checkout(revision: str, folder: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), revision], check=True,
                   capture_output=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--frameworks", nargs="+", default=["aiogram", "ptb"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = checkout(args.base, Path(tmp) / "base")
        try:
            print(f"{'framework':10} {'code':22} {'updates':>7} {'p50 ms':>8} {'p99 ms':>8}")
            for framework in args.frameworks:
                for label, tree in ((f"before ({args.base})", base), ("durable intake", ROOT)):
                    values = latencies(tree, framework, args.seconds, Path(tmp) / f"{framework}-{label[:6]}")
                    p50 = statistics.median(values) * 1000
                    p99 = statistics.quantiles(values, n=100)[98] * 1000
                    print(f"{framework:10} {label:22} {len(values):7} {p50:8.1f} {p99:8.1f}", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False,
                           capture_output=True)


if __name__ == "__main__":
    main()
