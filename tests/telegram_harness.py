"""Run Husly's Telegram bot against the fake Bot API server (tests/fake_telegram), two ways.

* :class:`HuslyProcess` starts the real ``husly run`` in a subprocess (aiogram or PTB, polling or webhook) on a
  fresh data dir, waits until it is ready and stops it with SIGTERM (then SIGKILL), keeping its stderr.
* :class:`InProcessBot` runs the same application object and front end (``handlers.telegram.*``) on an event
  loop in a thread of the test process, with real HTTP to the fake. It is much faster to start (aiogram alone
  takes ~4 s to import in a new process) and it can tell a test when updates have been handled and the
  outbox is empty, so "no answer" can be checked without sleeping.

Both offer the same ``send(update)`` (push for polling, POST to the webhook for webhook mode), so a test body
can run against either.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from pydantic import SecretStr
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from bot.config import Settings
from bot.models import Outbox, utcnow
from tests.fake_telegram import Call, FakeTelegram
from tests.support import wait_until

FRAMEWORKS = ("aiogram", "ptb")
MODES = ("polling", "webhook")
WEBHOOK_SECRET = "husly-test-secret_0123456789"
REPO = Path(__file__).resolve().parent.parent
HUSLY_RUN = [sys.executable, "-c", "from handlers.cli import main; main()", "run"]
READY_TIMEOUT = 60.0


# ---- small helpers ----------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _polling_started(tg: FakeTelegram) -> bool:
    # Calls are recorded only when answered, so a waiting getUpdates shows only here.
    return tg.polling


def buttons(call: Call | dict[str, Any]) -> list[dict[str, Any]]:
    """The inline buttons of a sendMessage call (or its params), flattened."""
    params = call.params if isinstance(call, Call) else call
    markup = params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def callback_datas(call: Call | dict[str, Any]) -> list[str]:
    return [b["callback_data"] for b in buttons(call) if "callback_data" in b]


def plain(call: Call) -> str:
    """The text of a sent message as the person sees it (the fake parsed the HTML)."""
    return str((call.result or {}).get("text", ""))


def sent_to(tg: FakeTelegram, chat_id: int, since: int = 0) -> list[Call]:
    """Successful sendMessage calls to ``chat_id`` after mark ``since``."""
    return [c for c in tg.calls[since:] if c.method == "sendMessage" and c.ok and c.params.get("chat_id") == chat_id]


def wait_sent(tg: FakeTelegram, chat_id: int, count: int = 1, since: int = 0, timeout: float = 10) -> list[Call]:
    """Block until ``count`` messages were sent to ``chat_id`` after mark ``since``; returns them."""

    def sent_to_chat(call: Call) -> bool:
        return call.method == "sendMessage" and call.ok and call.params.get("chat_id") == chat_id

    return tg.wait_for(sent_to_chat, count=count, since=since, timeout=timeout)


def wait_button(tg: FakeTelegram, chat_id: int, prefix: str, since: int = 0, timeout: float = 10) -> tuple[Call, str]:
    """Block until a message to ``chat_id`` (after ``since``) has a button whose data starts with ``prefix``."""

    def has_button(call: Call) -> bool:
        return (call.method == "sendMessage" and call.ok and call.params.get("chat_id") == chat_id
                and any(d.startswith(prefix) for d in callback_datas(call)))

    (call,) = tg.wait_for(has_button, since=since, timeout=timeout)[:1]
    return call, next(d for d in callback_datas(call) if d.startswith(prefix))


def with_button(tg: FakeTelegram, chat_id: int, prefix: str) -> tuple[Call, str]:
    """The latest message to ``chat_id`` with a button whose data starts with ``prefix``, and that data."""
    for call in reversed(sent_to(tg, chat_id)):
        for data in callback_datas(call):
            if data.startswith(prefix):
                return call, data
    raise AssertionError(f"no message to {chat_id} has a button starting with {prefix!r}")


def press(tg: FakeTelegram, call: Call, data: str, **kwargs: Any) -> dict[str, Any]:
    """A callback_query update for pressing the button ``data`` under the message sent by ``call``."""
    assert data in callback_datas(call), f"{data!r} is not a button of that message"
    return tg.callback(call.params["chat_id"], data, call.result["message_id"], **kwargs)


def post_webhook(url: str, body: dict[str, Any] | bytes, headers: dict[str, str] | None = None) -> int:
    """POST to the bot's webhook like an outsider would (no or a wrong secret); returns the HTTP status."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def pending_rows(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(Outbox).where(Outbox.status == "pending")).one())


class _Sending:
    """``send(update)``: push it for polling, POST it to the webhook (with the right secret) otherwise."""

    tg: FakeTelegram
    mode: str

    def send(self, update: dict[str, Any]) -> int:
        """Hand an update to the bot; returns its update_id."""
        if self.mode == "polling":
            return self.tg.push_update(update)
        if "update_id" not in update:
            update = {"update_id": next(_WEBHOOK_IDS), **update}
        status = self.tg.deliver(update)
        assert status == 200, f"webhook answered {status}"
        return int(update["update_id"])


# Webhook updates get ids of their own range, so they never collide with pushed ones.
_WEBHOOK_IDS = itertools.count(500_000)


# ---- the real `husly run` in a subprocess ----------------------------------------------------------------------

def seed_model_cache(data_dir: Path) -> None:
    """Put the learned triage model's cache in ``data_dir``, as a bot started there before would have left it.

    Trained once per test process; without this, every `husly run` in a fresh data dir would train it again
    (seconds each; a minute on a busy machine).
    """
    from bot import model_cache

    path = data_dir / model_cache.FILE_NAME
    if not path.exists():
        model_cache.write(path, *_bundled_model())


@functools.cache
def _bundled_model() -> tuple[str, dict[str, Any]]:
    """The cache key and fitted numbers for the bundled knowledge base (what `husly run` computes at start)."""
    from bot import model_cache, triage_model
    from bot.triage import _rules_level
    from knowledge.loader import BUNDLED_ROOT, load

    kb = load(BUNDLED_ROOT)
    fitted = triage_model.Scorer.from_pipeline(triage_model.train(triage_model.training_rows(_rules_level, kb)))
    return model_cache.key(triage_model.training_sources(kb)), fitted.to_payload()


class HuslyProcess(_Sending):
    """``husly run`` as a subprocess against ``tg``: ``with HuslyProcess(tg, "ptb", "webhook", tmp) as bot: ...``.

    stderr goes to a file (a pipe could fill up at DEBUG and stall the bot); ``stop()`` returns it.
    """

    def __init__(self, tg: FakeTelegram, framework: str, mode: str, data_dir: Path, *, log_level: str = "INFO",
                 env: dict[str, str] | None = None, ready_timeout: float = READY_TIMEOUT,
                 command: list[str] | None = None, port: int | None = None, seed_model: bool = True) -> None:
        assert framework in FRAMEWORKS and mode in MODES
        self.tg, self.framework, self.mode, self.data_dir = tg, framework, mode, Path(data_dir)
        # False: the bot trains its triage model itself, as on a first start (see seed_model_cache).
        self.seed_model = seed_model
        self.command = command or HUSLY_RUN
        self.ready_timeout = ready_timeout
        # A restarted bot keeps its webhook address: pass the port of the one before.
        self.port = (port or free_port()) if mode == "webhook" else None
        self.webhook_url = f"http://127.0.0.1:{self.port}/hook" if self.port else ""
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("HUSLY_")}
        self.env.update({
            "HUSLY_TELEGRAM_TOKEN": tg.token, "HUSLY_TELEGRAM_API_URL": tg.base_url,
            "HUSLY_FRAMEWORK": framework, "HUSLY_DATA_DIR": str(self.data_dir), "HUSLY_LOG_LEVEL": log_level,
            "PYTHONPATH": str(REPO),
        })
        if self.port:
            self.env.update({"HUSLY_WEBHOOK_URL": self.webhook_url, "HUSLY_WEBHOOK_LISTEN": f"127.0.0.1:{self.port}",
                             "HUSLY_WEBHOOK_SECRET": WEBHOOK_SECRET})
        self.env.update(env or {})
        self.process: subprocess.Popen[bytes] | None = None
        self._stderr_path = self.data_dir.parent / f"{self.data_dir.name}-{framework}-{mode}-{id(self)}.stderr"
        self._stderr_file: Any = None

    def start(self) -> Self:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.seed_model and "HUSLY_KNOWLEDGE_DIR" not in self.env:
            seed_model_cache(self.data_dir)
        self._mark = self.tg.mark()
        self._stderr_file = self._stderr_path.open("wb")
        # cwd = the data dir: no developer's .env file is read.
        self.process = subprocess.Popen(self.command, env=self.env, cwd=self.data_dir, stdin=subprocess.DEVNULL,
                                        stdout=self._stderr_file, stderr=self._stderr_file)
        return self

    def wait_ready(self) -> Self:
        """Until getMe was answered and polling runs (polling) or the webhook is set and listening."""

        def ready() -> bool:
            calls = self.tg.calls[self._mark:]
            if not any(c.method == "getMe" and c.ok for c in calls):
                return False
            if self.mode == "polling":
                return any(c.method == "deleteWebhook" and c.ok for c in calls) and _polling_started(self.tg)
            return (any(c.method == "setWebhook" and c.ok for c in calls) and self.port is not None
                    and _port_open(self.port))

        def ready_or_exited() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"husly run exited with {self.process.returncode}:\n{self.stderr}")
            return ready()

        try:
            wait_until(ready_or_exited, self.ready_timeout, "husly run to be ready", interval=0.02)
        except AssertionError as error:
            raise AssertionError(f"{error}:\n{self.stderr}") from None
        return self

    @property
    def stderr(self) -> str:
        if self._stderr_file is not None:
            self._stderr_file.flush()
        return self._stderr_path.read_text(errors="replace") if self._stderr_path.exists() else ""

    def stop(self, timeout: float = 15) -> str:
        """SIGTERM, then SIGKILL after ``timeout``; returns everything the process wrote."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                if os.environ.get("HUSLY_TEST_SPY"):
                    subprocess.run(["py-spy", "dump", "--pid", str(self.process.pid)], check=False,
                                   stdout=self._stderr_file, stderr=self._stderr_file)
                self.process.kill()
                self.process.wait(5)
        return self._close()

    def kill(self) -> str:
        """SIGKILL at once (a crash); returns what the process wrote until then."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        return self._close()

    def _close(self) -> str:
        text = self.stderr
        if self._stderr_file is not None:
            self._stderr_file.close()
            self._stderr_file = None
        return text

    @property
    def returncode(self) -> int | None:
        return self.process.returncode if self.process else None

    def __enter__(self) -> Self:
        self.start()
        try:
            return self.wait_ready()
        except BaseException:
            self.kill()
            raise

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


# ---- the same application in this process -----------------------------------------------------------------

class InProcessBot(_Sending):
    """The real App + Runtime + front end on a loop in a background thread, talking HTTP to ``tg``.

    ``wait_handled(n)`` waits until the front end finished handing ``n`` updates to the core (and the core
    answered); ``wait_idle()`` additionally waits until the outbox has no pending rows, so everything the
    bot will send for them has been sent.
    """

    def __init__(self, tg: FakeTelegram, framework: str, data_dir: Path, mode: str = "polling", *,
                 knowledge: Any = None, clock: Callable[[], Any] | None = None, **settings: Any) -> None:
        assert framework in FRAMEWORKS and mode in MODES
        self.tg, self.framework, self.mode, self.data_dir = tg, framework, mode, Path(data_dir)
        self.knowledge = knowledge
        # A clock the test can move (fx past a reminder's deadline); None: the real one.
        self.clock = clock
        self.port = free_port() if mode == "webhook" else None
        self.webhook_url = f"http://127.0.0.1:{self.port}/hook" if self.port else ""
        self.settings = settings
        self.entered: list[int | None] = []
        self.handled: list[int | None] = []
        self._changed = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[Any] | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.app: Any = None
        self.runtime: Any = None

    @property
    def engine(self) -> Engine:
        return self.app.engine

    def _webhook(self) -> dict[str, Any] | None:
        if not self.port:
            return None
        return {"url": self.webhook_url, "path": "/hook", "host": "127.0.0.1", "port": self.port,
                "secret": WEBHOOK_SECRET}

    def start(self) -> Self:
        from bot.app import build_app
        from handlers.telegram import serve
        from handlers.telegram.runtime import Runtime

        self.data_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings(_env_file=None, data_dir=self.data_dir, telegram_token=SecretStr(self.tg.token),
                            telegram_api_url=self.tg.base_url, framework=self.framework,
                            webhook_url=self.webhook_url, **self.settings)
        self.app = build_app(settings, knowledge=self.knowledge, clock=self.clock or utcnow)
        self.runtime = Runtime(self.app)
        self._count_handled(self.runtime)
        self._mark = self.tg.mark()
        started = threading.Event()

        def run() -> None:
            async def main() -> None:
                self._loop = asyncio.get_running_loop()
                self._task = asyncio.current_task()
                self._stop = asyncio.Event()
                started.set()
                client = serve.connect(self.framework, self.tg.token, self.tg.base_url, settings.request_timeout)
                await serve.run(self.runtime, client, self.tg.token, self._webhook(), self._stop)

            try:
                asyncio.run(main())
            except asyncio.CancelledError:
                pass
            except BaseException as error:  # reported by wait_ready / stop
                self._error = error
            finally:
                started.set()

        self._thread = threading.Thread(target=run, name=f"husly-{self.framework}", daemon=True)
        self._thread.start()
        started.wait(10)
        return self

    def _count_handled(self, runtime: Any) -> None:
        handle = runtime.handle

        async def counted(raw: dict[str, Any]) -> bool:
            with self._changed:
                self.entered.append(raw.get("update_id"))
            try:
                return await handle(raw)
            finally:
                with self._changed:
                    self.handled.append(raw.get("update_id"))
                    self._changed.notify_all()

        runtime.handle = counted

    def wait_ready(self, timeout: float = 60) -> Self:

        def ready() -> bool:
            calls = self.tg.calls[self._mark:]
            if self.mode == "polling":
                return any(c.method == "deleteWebhook" and c.ok for c in calls) and _polling_started(self.tg)
            return any(c.method == "setWebhook" and c.ok for c in calls) and self.port is not None and \
                _port_open(self.port)

        def ready_or_stopped() -> bool:
            if self._error is not None or (self._thread is not None and not self._thread.is_alive()):
                raise AssertionError(f"the bot stopped while starting: {self._error!r}")
            return ready()

        wait_until(ready_or_stopped, timeout, "the bot to be ready")
        return self

    def wait_handled(self, count: int, timeout: float = 10) -> None:
        """Until the front end has handled ``count`` updates (since start) end to end."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.handled) >= count, timeout):
                raise AssertionError(f"{len(self.handled)} of {count} updates handled after {timeout:g} s")

    def wait_idle(self, count: int | None = None, timeout: float = 10) -> None:
        """Until ``count`` updates were handled (if given) and nothing is left in the outbox to send."""
        if count is not None:
            self.wait_handled(count, timeout)
        wait_until(lambda: pending_rows(self.engine) == 0, timeout, "an empty outbox")

    def stop(self) -> None:
        """Stop as SIGTERM does: sends in flight finish, leases are handed back."""
        loop, stop = self._loop, getattr(self, "_stop", None)
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(20)
            assert not self._thread.is_alive(), "the bot did not stop within 20 s"
        if self.app is not None:
            self.app.engine.dispose()
        if self._error is not None:
            raise AssertionError(f"the bot crashed: {self._error!r}") from self._error

    def __enter__(self) -> Self:
        self.start()
        try:
            return self.wait_ready()
        except BaseException:
            with contextlib.suppress(BaseException):
                self.stop()
            raise

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def husly_cli(data_dir: Path, *args: str) -> str:
    """Run a `husly` admin command (fx `team set ...`) in-process on ``data_dir``; returns its output."""
    from click.testing import CliRunner

    from handlers.cli import cli

    # Only the data dir: no HUSLY_* setting from the developer's shell, no .env file (cwd = the data dir).
    env: dict[str, str | None] = {name: None for name in os.environ if name.startswith("HUSLY_")}
    env["HUSLY_DATA_DIR"] = str(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.chdir(data_dir):
        result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, f"husly {' '.join(args)} failed ({result.exit_code}): {result.output}"
    return result.output


def started(tg: FakeTelegram, framework: str, data_dir: Path, knowledge: Any, chat: int) -> Iterator[InProcessBot]:
    """The body of a ``bot`` fixture parametrized over FRAMEWORKS: the bot, and ``chat`` has sent /start and had its
    welcome and privacy note."""
    with InProcessBot(tg, framework, data_dir, knowledge=knowledge) as running:
        running.send(running.tg.command(chat, "start"))
        wait_sent(running.tg, chat, 2)
        running.wait_idle(1)
        yield running


def reply_text(bot: InProcessBot, chat: int, text: str, language_code: str = "da") -> str:
    """``text`` sent as the person in ``chat`` (their Telegram app in ``language_code``); the one reply, as plain
    text."""
    mark = bot.tg.mark()
    bot.send(bot.tg.text_update(chat, text, language_code=language_code))
    (reply,) = wait_sent(bot.tg, chat, 1, since=mark)
    return plain(reply)
