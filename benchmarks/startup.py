"""Start-up and memory: `husly ask` and `husly run`, next to `python -c "import sqlmodel"` in the same run.

* `husly ask "hvad er boligstøtte"` cold (a new process each time, the triage model cached in the data
  directory as after the first start): wall time and peak resident memory, median of --runs, next to Python
  importing sqlmodel alone. The very first start, which trains the model and writes the cache, is shown too.
  Goals: at most 3x the sqlmodel import; at most 120 MB.
* `husly run` against the fake Bot API (tests/fake_telegram): seconds from starting the process to its first
  getUpdates call (ready to poll; median of --runs later starts, also as a multiple of the sqlmodel import,
  which shows how fast the machine is right now), and its resident memory then and after answering
  --questions questions. Goals: ready within 1.5 s; at most 150 MB.
* Where the bot's memory goes: resident memory after each step of building it, in a fresh process.

--base REV also times `husly ask` and `husly run` of another revision (exported with `git archive` into a
temporary folder, run with the same Python and packages, its caches written by a first start of its own), fx
--base main for the code before this work.

Run: .venv/bin/python benchmarks/startup.py [--runs 5] [--questions 100] [--framework aiogram ptb] [--base REV]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.telegram_bots import QUESTIONS, READY_TIMEOUT, EchoProcess, cache_model, rss_kb  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.telegram_harness import HuslyProcess, wait_sent  # noqa: E402

# -c, not -m: the code before this work could not run handlers.cli as a script (an import cycle).
ASK = [sys.executable, "-c", "from handlers.cli import main; main()", "ask", "hvad er boligstøtte"]
SQLMODEL = [sys.executable, "-c", "import sqlmodel"]

# Resident memory after each step of building the bot, printed as "step<TAB>kB" lines by a fresh process.
STEPS = """
import os, sys, time
from pathlib import Path
def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
def step(name):
    print(f"{name}\\t{rss()}", flush=True)
step("python")
import sqlmodel, sqlalchemy
step("database layer (sqlmodel, sqlalchemy, pydantic)")
import bot.app, bot.conversation.features
step("Husly's core modules (rapidfuzz, babel, yaml, phonenumbers...)")
from bot.config import Settings
settings = Settings()
from bot.app import load_knowledge
kb, index = load_knowledge(settings)
step("knowledge base and its search index")
from bot.triage import warm_up
warm_up(kb, settings.data_dir)
step("triage model (from its cache)")
from bot.app import build_app
app = build_app(settings, knowledge=(kb, index))
step("database opened, core built")
from handlers.telegram import serve
from handlers.telegram.runtime import Runtime
serve.connect(settings.framework, "1:x", "http://127.0.0.1:1", 5)
step(f"Telegram front end ({settings.framework}: aiohttp, httpx...)")
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (kB) of one run of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=env["PYTHONPATH"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return seconds, usage.ru_maxrss


def environment(data: Path, tree: Path = ROOT) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUSLY_")}
    env.update({"HUSLY_DATA_DIR": str(data), "PYTHONPATH": str(tree)})
    return env


def export(revision: str, folder: Path) -> Path:
    """The code of ``revision`` in ``folder`` (no git worktree: nothing in the repository changes)."""
    folder.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def ask_numbers(runs: int, base: str | None) -> float:
    """Print the `husly ask` numbers; return the median seconds of `import sqlmodel` (this machine's speed now)."""
    with tempfile.TemporaryDirectory() as folder:
        env = environment(Path(folder) / "data")
        first, first_peak = timed(ASK, env)  # trains the model and writes the cache
        baseline = [timed(SQLMODEL, env) for _ in range(runs)]
        ours = [timed(ASK, env) for _ in range(runs)]
        before = None
        if base:
            before_env = environment(Path(folder) / "base-data", export(base, Path(folder) / "base"))
            timed(ASK, before_env)  # its own first start: trains the model its code expects
            before = [timed(ASK, before_env) for _ in range(runs)]
    base_s, base_mb = statistics.median(b[0] for b in baseline), statistics.median(b[1] for b in baseline) / 1024
    ask_s, ask_mb = statistics.median(o[0] for o in ours), statistics.median(o[1] for o in ours) / 1024
    ratio = ask_s / base_s
    print(f"husly ask, cold, median of {runs} (a new process each time, {os.cpu_count()} CPUs):")
    baseline_label = 'python -c "import sqlmodel"'
    print(f"  {baseline_label:<42} {base_s:6.2f} s {base_mb:7.0f} MB peak")
    print(f"  {'husly ask (model cached)':<42} {ask_s:6.2f} s {ask_mb:7.0f} MB peak   "
          f"{ratio:.1f}x sqlmodel ({'ok' if ratio <= 3 else 'over'} the 3x goal; "
          f"{'ok' if ask_mb <= 120 else 'over'} the 120 MB goal)")
    print(f"  {'husly ask, first start (trains, caches)':<42} {first:6.2f} s {first_peak / 1024:7.0f} MB peak")
    if before:
        seconds, mb = statistics.median(b[0] for b in before), statistics.median(b[1] for b in before) / 1024
        print(f"  {f'husly ask @{base} (before)':<42} {seconds:6.2f} s {mb:7.0f} MB peak   "
              f"{seconds / base_s:.1f}x sqlmodel")
    return base_s


def first_poll(tg: FakeTelegram, started: float, since: int) -> float:
    """Seconds from ``started`` to the first getUpdates call that arrived after it."""
    polls = tg.wait_for(lambda c: c.method == "getUpdates" and c.time >= started, since=since, timeout=READY_TIMEOUT)
    poll = polls[0]
    return poll.time - started


def ask_questions(tg: FakeTelegram, count: int) -> None:
    for n in range(count):
        chat = 5000 + n % 50
        since = tg.mark()
        tg.push_update(tg.text_update(chat, QUESTIONS[n % len(QUESTIONS)]))
        wait_sent(tg, chat, 1, since=since, timeout=60)


def run_numbers(framework: str, questions: int, base: str | None, runs: int, sqlmodel_s: float) -> None:
    with FakeTelegram() as tg:
        mark, started = tg.mark(), time.time()
        echo = EchoProcess(tg, framework)
        try:
            ready = first_poll(tg, started, mark)
            at_ready = rss_kb(echo.process.pid) / 1024
            ask_questions(tg, questions)
            peak = rss_kb(echo.process.pid, "VmHWM") / 1024
        finally:
            echo.stop()
        print(f"  {framework:<8} {'bare echo bot (the yardstick)':<30} ready to poll {ready:5.2f} s, "
              f"{at_ready:4.0f} MB resident; after {questions} messages, peak {peak:.0f} MB", flush=True)
    with FakeTelegram() as tg, tempfile.TemporaryDirectory() as folder:
        trees = [("", ROOT, Path(folder) / "data")]
        if base:
            trees.append((f" @{base} (before)", export(base, Path(folder) / "base"), Path(folder) / "base-data"))
        for suffix, tree, data in trees:
            ready, at_ready, _ = _start(tg, framework, tree, data, 0)  # trains the model and writes the caches
            if not suffix:
                print(f"  {framework:<8} {'first start (trains, caches)':<30} ready to poll {ready:5.2f} s, "
                      f"{at_ready:4.0f} MB resident", flush=True)
            starts = [_start(tg, framework, tree, data, questions if n == runs - 1 else 0) for n in range(runs)]
            ready = statistics.median(r for r, _, _ in starts)
            at_ready = statistics.median(m for _, m, _ in starts)
            after, peak = starts[-1][2]
            label = f"later start{suffix}"
            print(f"  {framework:<8} {label:<30} ready to poll {ready:5.2f} s (median of {runs}; "
                  f"{ready / sqlmodel_s:.1f}x sqlmodel; {'ok' if ready <= 1.5 else 'over'} the 1.5 s goal), "
                  f"{at_ready:4.0f} MB resident; after {questions} questions {after:.0f} MB, peak {peak:.0f} MB "
                  f"({'ok' if peak <= 150 else 'over'} the 150 MB goal)", flush=True)


def _start(tg: FakeTelegram, framework: str, tree: Path, data: Path,
           questions: int) -> tuple[float, float, tuple[float, float]]:
    """Start `husly run` of ``tree``: seconds to its first poll, MB resident then, and (MB, peak MB) after
    answering ``questions`` questions (zeros when none are asked)."""
    bot = HuslyProcess(tg, framework, "polling", data, log_level="WARNING", env={"PYTHONPATH": str(tree)},
                       ready_timeout=READY_TIMEOUT, seed_model=False)
    mark, started = tg.mark(), time.time()
    bot.start()
    try:
        ready = first_poll(tg, started, mark)
        assert bot.process is not None
        at_ready = rss_kb(bot.process.pid) / 1024
        after = (0.0, 0.0)
        if questions:
            bot.wait_ready()
            ask_questions(tg, questions)
            after = (rss_kb(bot.process.pid) / 1024, rss_kb(bot.process.pid, "VmHWM") / 1024)
        return ready, at_ready, after
    finally:
        bot.stop()


def memory_steps(framework: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**environment(Path(folder)), "HUSLY_FRAMEWORK": framework}
        cache_model(Path(folder))
        out = subprocess.run([sys.executable, "-c", STEPS], env=env, cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout
    print(f"where `husly run`'s memory goes ({framework}), resident MB after each step in a fresh process:")
    before = 0
    for line in out.splitlines():
        name, kb = line.split("\t")
        print(f"  {name:<62} {int(kb) / 1024:6.0f} MB  (+{(int(kb) - before) / 1024:.0f})")
        before = int(kb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--framework", nargs="+", choices=["aiogram", "ptb"], default=["aiogram", "ptb"])
    parser.add_argument("--base", help="also measure this revision (fx main)")
    args = parser.parse_args()
    sqlmodel_s = ask_numbers(args.runs, args.base)
    print("husly run against the fake Bot API (long polling, SQLite, new data directory):")
    for framework in args.framework:
        run_numbers(framework, args.questions, args.base, args.runs, sqlmodel_s)
    for framework in args.framework:
        memory_steps(framework)


if __name__ == "__main__":
    main()
