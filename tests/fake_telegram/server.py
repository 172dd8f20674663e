"""A fake Telegram Bot API server for tests.

It runs an aiohttp server in its own thread with its own event loop, so it works for sync tests, async tests on
any event loop (pytest-asyncio gives every test a fresh loop) and bots running in subprocesses. Every call is
decoded with the Bot API 10.1 spec, validated, recorded, and answered with objects that aiogram's pydantic models
and PTB's ``de_json`` accept.

State shared between the server thread and the test thread is guarded by one lock; the long-polling
``getUpdates`` handlers (which live on the server loop) are woken with ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import json
import mimetypes
import random
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self

import aiohttp
from aiohttp import web

from .spec import load_spec, minimal_object
from .validator import (
    UploadedFile,
    Violation,
    check_call,
    decode_params,
    parse_entities,
    utf16_len,
    validate_object,
)

DEFAULT_TOKEN = "123456789:TEST-token-abc"

# Update types Telegram leaves out when allowed_updates is empty or was never set.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_MESSAGE_KEYS = ("message", "edited_message", "channel_post", "edited_channel_post", "business_message")
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"
    " as a current content and reply markup of the message"
)
_QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
# Methods that deliver something to a chat: a user who blocked the bot makes all of them fail with 403.
_DELIVERING_PREFIXES = ("send", "copymessage", "forwardmessage")
# send* methods whose Message result carries a media object of this (field, type).
_MEDIA_RESULTS = {
    "sendphoto": ("photo", "Array of PhotoSize"),
    "sendaudio": ("audio", "Audio"),
    "sendvideo": ("video", "Video"),
    "sendanimation": ("animation", "Animation"),
    "sendvoice": ("voice", "Voice"),
    "sendvideonote": ("video_note", "VideoNote"),
    "sendsticker": ("sticker", "Sticker"),
    "senddice": ("dice", "Dice"),
    "sendpoll": ("poll", "Poll"),
}


class ApiViolation(AssertionError):
    """Raised by :meth:`FakeTelegram.assert_no_violations` when a bot made calls Telegram would reject."""


@dataclass
class Call:
    """One recorded request. ``params`` are decoded (ints, bools, dicts); uploads are in ``files``.

    ``time`` is when the request arrived (``time.time()``); calls are appended when answered, so a delayed or
    long-polling call appears after calls that finished before it.
    """

    method: str
    params: dict[str, Any]
    time: float
    status: int = 200
    description: str | None = None
    injected: bool = False
    files: dict[str, UploadedFile] = field(default_factory=dict)
    response: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """True if Telegram would have answered ``ok: true``."""
        return self.status == 200

    @property
    def result(self) -> Any:
        """The ``result`` part of the answer (``None`` for failed calls)."""
        return (self.response or {}).get("result")

    def upload(self, name: str) -> UploadedFile | None:
        """The file sent for parameter ``name``, whether sent directly (PTB) or via ``attach://`` (aiogram)."""
        value = self.params.get(name)
        if isinstance(value, UploadedFile):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            return self.files.get(value.removeprefix("attach://"))
        return self.files.get(name)

    def __str__(self) -> str:
        shown = ", ".join(f"{k}={_short(v)}" for k, v in self.params.items())
        outcome = "ok" if self.ok else f"{self.status} {self.description}"
        return f"{self.method}({shown}) -> {outcome}{' [injected]' if self.injected else ''}"


@dataclass
class StoredFile:
    """A file the fake knows: added by a test (``add_file``) or uploaded by the bot."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


@dataclass
class _Fault:
    method: str | None
    status: int
    retry_after: int
    remaining: int
    description: str | None
    parameters: dict[str, Any] | None


@dataclass
class _RandomFailures:
    probability: float
    statuses: tuple[int, ...]
    retry_after: int
    rng: random.Random
    methods: frozenset[str] | None


def _in_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _matches_method(pattern: str | None, method: str) -> bool:
    # A wildcard must not hit getUpdates: a running poller would swallow the failure meant for the bot's calls.
    if pattern is None:
        return method.lower() != "getupdates"
    return pattern.lower() == method.lower()


def _error_body(status: int, description: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


class FakeTelegram:
    """In-process fake of the Telegram Bot API (see the module docstring and ``tests/fake_telegram/__init__``)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        username: str = "husly_test_bot",
        first_name: str = "Husly Test Bot",
    ) -> None:
        bot_id, sep, _ = token.partition(":")
        if not sep or not bot_id.isdigit():
            raise ValueError("token must look like '<digits>:<text>' (aiogram and PTB check this)")
        self.token = token
        self.bot_id = int(bot_id)
        self.username = username
        self.first_name = first_name
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._violations: list[str] = []
        self.deliveries: list[tuple[dict[str, Any], int]] = []
        self.skipped_updates: list[dict[str, Any]] = []
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._next_message_id: dict[int, int] = {}
        self._last_user_message: dict[int, int] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._callback_queries: dict[str, bool] = {}
        self._callback_counter = itertools.count(1)
        self._files: dict[str, StoredFile] = {}
        self._file_counter = itertools.count(1)
        self._commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._menu_buttons: dict[int | None, dict[str, Any]] = {}
        self._webhook: dict[str, Any] | None = None
        self._allowed_updates: list[str] | None = None
        self._faults: list[_Fault] = []
        self._random_failures: _RandomFailures | None = None
        self._delays: dict[str | None, float] = {}
        self._chat_delays: dict[int, float] = {}
        self._blocked: set[int | str] = set()
        self._results: dict[str, Any] = {}
        # Server-thread-only state.
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._closing = False
        self._poll_waiters: set[asyncio.Future[None]] = set()
        self._active_poll: asyncio.Future[None] | None = None
        self._handlers: dict[str, Callable[[dict[str, Any], Call], Any]] = {
            "getme": lambda p, c: self.bot_user,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "editmessagecaption": self._edit_message_caption,
            "deletemessage": self._delete_message,
            "deletemessages": self._delete_messages,
            "answercallbackquery": self._answer_callback_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "senddocument": self._send_document,
            "setchatmenubutton": self._set_chat_menu_button,
            "getchatmenubutton": self._get_chat_menu_button,
            "getchat": self._get_chat,
            "getfile": self._get_file,
            "getchatmember": self._get_chat_member,
            "copymessage": lambda p, c: {"message_id": self._allocate_message_id(self._chat_for(p["chat_id"])["id"])},
        }

    # ----------------------------------------------------------------------------------------------------------
    # Lifecycle
    # ----------------------------------------------------------------------------------------------------------

    def start(self) -> Self:
        """Start the server thread and wait until it listens (idempotent)."""
        if self._thread is not None:
            return self
        self._ready.clear()
        self._closing = False
        self._startup_error = None
        self._thread = threading.Thread(target=self._run, name="fake-telegram", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake Telegram server did not start within 10 s")
        if self._startup_error is not None:
            raise RuntimeError("fake Telegram server failed to start") from self._startup_error
        return self

    def stop(self) -> None:
        """Stop the server: pending long polls return at once, open connections are closed."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        with contextlib.suppress(RuntimeError):  # loop already gone
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(15)
            loop.call_soon_threadsafe(loop.stop)
        thread.join(15)
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``: give it to ``TelegramAPIServer.from_base`` (aiogram) or append ``/bot`` and
        ``/file/bot`` for PTB's ``base_url`` / ``base_file_url``."""
        if self._port is None:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        if self._port is None:
            raise RuntimeError("FakeTelegram is not started")
        return self._port

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            try:
                loop.run_until_complete(self._startup())
            except BaseException as error:  # reported to start() in the test thread
                self._startup_error = error
                return
            finally:
                self._ready.set()
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _startup(self) -> None:
        # Telegram accepts uploads up to 50 MB; aiohttp's default limit is 1 MiB.
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._handle_file)
        # A short shutdown_timeout: a bot that never closed its session must not stall test teardown for 60 s.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server  # aiohttp exposes the bound port only through the underlying asyncio server
        assert server is not None
        self._port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def _shutdown(self) -> None:
        self._closing = True
        self._wake_pollers()
        if self._runner is not None:
            await self._runner.cleanup()

    # ----------------------------------------------------------------------------------------------------------
    # HTTP layer
    # ----------------------------------------------------------------------------------------------------------

    async def _read_params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                body = json.loads(await request.text() or "{}")
                if isinstance(body, dict):
                    raw.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        files[key] = UploadedFile(value.filename, value.file.read(), value.content_type)
                    else:
                        raw[key] = value
        # A part referenced as attach://name belongs to another parameter; any other file part is itself a
        # parameter (PTB uploads `document` directly, aiogram sends document=attach://<random>).
        referenced = {name for name in files if any(f"attach://{name}" in str(v) for v in raw.values())}
        for name, upload in files.items():
            if name not in referenced:
                raw[name] = upload
        return raw, files

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(_error_body(401, "Unauthorized"), status=401)
        requested = request.match_info["method"]
        method_spec = load_spec().method(requested)
        method = method_spec.name if method_spec else requested
        try:
            raw, files = await self._read_params(request)
        except (ValueError, UnicodeDecodeError) as error:
            call = Call(method, {}, time.time(), 400, f"Bad Request: can't parse request body: {error}")
            body = _error_body(400, call.description or "")
            self._record(call, body, [f"{method}: request body could not be parsed: {error}"])
            return web.json_response(body, status=400)
        params = decode_params(method, raw)
        call = Call(method, params, time.time(), files=files)

        delay = self._delay_for(method, params)
        if delay:
            await asyncio.sleep(delay)

        violations = check_call(method, params, attachments=files.keys())
        if violations:
            status = 404 if method_spec is None else 400
            return self._reply_error(call, _ApiError(status, violations[0].description), violations)
        injected = self._take_fault(method)
        if injected is not None:
            call.injected = True
            return self._reply_error(call, injected)
        try:
            if method.lower() == "getupdates":
                result = await self._get_updates(params)
            else:
                self._check_blocked(method, params)
                result = self._dispatch(method, params, call)
        except _ApiError as error:
            return self._reply_error(call, error)
        except Exception as error:
            # A bug in the fake must fail the test loudly (via the violations list), not look like Telegram.
            bug = Violation(f"FAKE SERVER BUG: {type(error).__name__}: {error}", "Internal Server Error")
            return self._reply_error(call, _ApiError(500, "Internal Server Error"), [bug])
        body = {"ok": True, "result": result}
        call.status = 200
        self._record(call, body)
        return web.json_response(body)

    def _reply_error(self, call: Call, error: _ApiError, violations: Iterable[Violation] = ()) -> web.Response:
        call.status = error.status
        call.description = error.description
        body = _error_body(error.status, error.description, error.parameters)
        self._record(call, body, [f"{call.method}: {v.problem}" for v in violations])
        return web.json_response(body, status=error.status)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(_error_body(401, "Unauthorized"), status=401)
        path = request.match_info["path"]
        with self._lock:
            stored = next((f for f in self._files.values() if f.file_path == path), None)
        if stored is None:
            return web.json_response(_error_body(404, "Not Found"), status=404)
        return web.Response(body=stored.content, content_type=stored.mime_type or "application/octet-stream")

    def _record(self, call: Call, response: dict[str, Any], violations: Iterable[str] = ()) -> None:
        call.response = response
        with self._changed:
            self._calls.append(call)
            self._violations.extend(violations)
            self._changed.notify_all()

    # ----------------------------------------------------------------------------------------------------------
    # Fault injection
    # ----------------------------------------------------------------------------------------------------------

    def fail_next(
        self,
        method: str | None = None,
        status: int = 429,
        retry_after: int = 1,
        count: int = 1,
        description: str | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` with an error (``None`` = any method but getUpdates).

        429 answers carry ``parameters.retry_after`` (aiogram needs it for ``TelegramRetryAfter``); 403 reads
        "Forbidden: bot was blocked by the user"; 500/502 carry no parameters.
        """
        with self._lock:
            self._faults.append(_Fault(method, status, retry_after, count, description, parameters))

    def failure_rate(
        self,
        p: float,
        statuses: Iterable[int] = (429, 500),
        retry_after: int = 1,
        seed: int = 0,
        methods: Iterable[str] | None = None,
    ) -> None:
        """Fail each matching call with probability ``p`` (seeded, so reproducible); ``p=0`` switches it off."""
        with self._lock:
            self._random_failures = (
                _RandomFailures(
                    p,
                    tuple(statuses),
                    retry_after,
                    random.Random(seed),
                    frozenset(m.lower() for m in methods) if methods is not None else None,
                )
                if p > 0
                else None
            )

    def delay(self, seconds: float, method: str | None = None, chat_id: int | None = None) -> None:
        """Answer ``method`` (``None`` = every method but getUpdates) only after ``seconds``; 0 removes it.

        With ``chat_id``, only calls for that chat are delayed (fx one person's phone hanging), any method.
        """
        with self._lock:
            if chat_id is not None:
                if seconds > 0:
                    self._chat_delays[chat_id] = seconds
                else:
                    self._chat_delays.pop(chat_id, None)
                return
            key = method.lower() if method else None
            if seconds > 0:
                self._delays[key] = seconds
            else:
                self._delays.pop(key, None)

    def submit(self, coroutine: Any) -> Any:
        """Run ``coroutine`` on the server's event loop; returns a concurrent.futures.Future."""
        if self._loop is None:
            raise RuntimeError("FakeTelegram is not started")
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def block_user(self, chat_id: int | str, notify: bool = False) -> None:
        """From now on every message to ``chat_id`` fails with 403 "bot was blocked by the user".

        With ``notify`` also queue the ``my_chat_member`` update (status "kicked") Telegram sends in that case.
        """
        with self._lock:
            self._blocked.add(chat_id)
        if notify:
            self.push_update(self.my_chat_member(int(chat_id), "kicked"))

    def unblock_user(self, chat_id: int | str) -> None:
        """Undo :meth:`block_user`."""
        with self._lock:
            self._blocked.discard(chat_id)

    def _error_for(
        self, status: int, retry_after: int, description: str | None, parameters: dict[str, Any] | None
    ) -> _ApiError:
        if status == 429:
            parameters = {"retry_after": retry_after, **(parameters or {})}
            description = description or f"Too Many Requests: retry after {retry_after}"
        text = description or _DEFAULT_DESCRIPTIONS.get(status) or HTTPStatus(status).phrase
        return _ApiError(status, text, parameters)

    def _take_fault(self, method: str) -> _ApiError | None:
        with self._lock:
            for fault in self._faults:
                if fault.remaining > 0 and _matches_method(fault.method, method):
                    fault.remaining -= 1
                    self._faults = [f for f in self._faults if f.remaining > 0]
                    return self._error_for(fault.status, fault.retry_after, fault.description, fault.parameters)
            chaos = self._random_failures
            if chaos is None:
                return None
            name = method.lower()
            applies = name != "getupdates" if chaos.methods is None else name in chaos.methods
            if applies and chaos.rng.random() < chaos.probability:
                return self._error_for(chaos.rng.choice(chaos.statuses), chaos.retry_after, None, None)
        return None

    def _delay_for(self, method: str, params: dict[str, Any] | None = None) -> float:
        with self._lock:
            chat = (params or {}).get("chat_id")
            if chat in self._chat_delays:
                return self._chat_delays[chat]
            specific = self._delays.get(method.lower())
            if specific is not None:
                return specific
            return self._delays.get(None, 0.0) if method.lower() != "getupdates" else 0.0

    def _check_blocked(self, method: str, params: dict[str, Any]) -> None:
        if not method.lower().startswith(_DELIVERING_PREFIXES):
            return
        with self._lock:
            blocked = params.get("chat_id") in self._blocked
        if blocked:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")

    # ----------------------------------------------------------------------------------------------------------
    # Recorded calls
    # ----------------------------------------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Snapshot of every call so far, including failed and injected ones."""
        with self._lock:
            return list(self._calls)

    @property
    def violations(self) -> list[str]:
        """Every validation problem so far, as ``"method: problem"``."""
        with self._lock:
            return list(self._violations)

    def mark(self) -> int:
        """Current number of calls; pass it as ``since=`` to wait only for calls made after this point."""
        with self._lock:
            return len(self._calls)

    def calls_of(self, method: str) -> list[Call]:
        """All calls of ``method`` (case-insensitive), failed ones included (check ``call.ok``)."""
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def sent(self, chat_id: int | str | None = None) -> list[dict[str, Any]]:
        """Parameters of the *successful* sendMessage calls (optionally for one chat), oldest first."""
        return [
            c.params
            for c in self.calls
            if c.method == "sendMessage" and c.ok and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def sent_texts(self, chat_id: int | str | None = None) -> list[str]:
        """Texts of the successful sendMessage calls as the user sees them (markup parsed away)."""
        return [parse_entities(p.get("text", ""), p.get("parse_mode")).text for p in self.sent(chat_id)]

    def assert_no_violations(self) -> None:
        """Raise :class:`ApiViolation` listing every call Telegram would have rejected."""
        problems = self.violations
        if problems:
            raise ApiViolation(f"{len(problems)} Bot API violation(s):\n" + "\n".join(f"  - {p}" for p in problems))

    @staticmethod
    def _matcher(what: str | Callable[[Call], bool]) -> tuple[Callable[[Call], bool], str]:
        if isinstance(what, str):
            # A method name means "the bot did X": only successful calls count, so a 429 that the bot then
            # retries does not satisfy the wait early. Use a predicate to see failed calls.
            return (lambda c: c.method.lower() == what.lower() and c.ok), f"successful {what}"
        return what, getattr(what, "__name__", "predicate")

    def _timeout_message(self, description: str, count: int, matched: int, timeout: float, since: int) -> str:
        calls = self.calls
        lines = [
            f"timed out after {timeout:g} s waiting for {count} call(s) matching {description}"
            f" (since call #{since}); {matched} matched. {len(calls)} call(s) recorded:"
        ]
        lines += [f"  #{i} {c}" for i, c in enumerate(calls)][-40:]
        if self.violations:
            lines.append("violations:")
            lines += [f"  - {v}" for v in self.violations]
        with self._lock:
            pending = len(self._updates)
        if pending:
            lines.append(f"{pending} update(s) still unconfirmed (did the bot poll? was a webhook set?)")
        return "\n".join(lines)

    def wait_for(
        self,
        what: str | Callable[[Call], bool],
        count: int = 1,
        timeout: float = 10,
        since: int = 0,
    ) -> list[Call]:
        """Block until ``count`` calls match (method name = successful calls of it; or a predicate on Call).

        Returns all matching calls. Not for async code: it would block the loop the bot runs on; use
        :meth:`await_for` there.
        """
        if _in_running_loop():
            raise RuntimeError("wait_for() would block the running event loop; use `await tg.await_for(...)`")
        matcher, description = self._matcher(what)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                matched = [c for c in self._calls[since:] if matcher(c)]
                if len(matched) >= count:
                    return matched
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
        raise AssertionError(self._timeout_message(description, count, len(matched), timeout, since))

    async def await_for(
        self,
        what: str | Callable[[Call], bool],
        count: int = 1,
        timeout: float = 10,
        since: int = 0,
    ) -> list[Call]:
        """Async :meth:`wait_for`: polls every 10 ms so the caller's loop keeps running the bot."""
        matcher, description = self._matcher(what)
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                matched = [c for c in self._calls[since:] if matcher(c)]
            if len(matched) >= count:
                return matched
            if time.monotonic() >= deadline:
                raise AssertionError(self._timeout_message(description, count, len(matched), timeout, since))
            await asyncio.sleep(0.01)

    def set_result(self, method: str, result: Any) -> None:
        """Answer ``method`` with ``result`` (or ``result(params)`` if callable) instead of the built-in answer.

        The call is still validated and recorded; the result is not checked, so keep it a valid object.
        """
        with self._lock:
            self._results[method.lower()] = result

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Current state of a message the fake knows (sent, pushed, edited); ``None`` if unknown or deleted."""
        with self._lock:
            stored = self._messages.get((chat_id, message_id))
            return json.loads(json.dumps(stored)) if stored is not None else None

    def unanswered_callback_queries(self) -> list[str]:
        """Ids of pushed callback queries the bot never answered (Telegram shows a spinner until it does)."""
        with self._lock:
            return [qid for qid, answered in self._callback_queries.items() if not answered]

    # ----------------------------------------------------------------------------------------------------------
    # Updates: queue, long polling, webhooks
    # ----------------------------------------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any], validate: bool = True) -> int:
        """Queue an update for getUpdates; assigns the next ``update_id`` if missing and returns it.

        The update is validated against the spec first (``ValueError`` if invalid), so a hand-written update
        that aiogram would reject fails here, in the test, not somewhere in the bot's polling loop.
        """
        with self._lock:
            if "update_id" not in update:
                update = {"update_id": self._next_update_id, **update}
            self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
        if validate:
            problems = validate_object("Update", update)
            if problems:
                raise ValueError("invalid update: " + "; ".join(problems))
        with self._lock:
            self._remember_update(update)
            self._updates.append(update)
        self._wake_pollers()
        return int(update["update_id"])

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued and not yet confirmed by the bot (via a later getUpdates offset)."""
        with self._lock:
            return list(self._updates)

    def _wake_pollers(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if threading.current_thread() is self._thread:
            self._wake_in_loop()
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._wake_in_loop)

    def _wake_in_loop(self) -> None:
        for waiter in list(self._poll_waiters):
            if not waiter.done():
                waiter.set_result(None)

    def _allowed(self, update: dict[str, Any]) -> bool:
        kinds = [k for k in update if k != "update_id"]
        allowed = self._allowed_updates
        if not allowed:
            return not any(k in _OPT_IN_UPDATES for k in kinds)
        return any(k in allowed for k in kinds)

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            self._updates = self._updates[offset:]  # "-N": keep the last N, forget the rest
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    def _take_updates(self, limit: int) -> list[dict[str, Any]]:
        # Updates of types the bot did not ask for are dropped, as Telegram never delivers them.
        kept: list[dict[str, Any]] = []
        for update in self._updates:
            if self._allowed(update):
                kept.append(update)
            else:
                self.skipped_updates.append(update)
        self._updates = kept
        return [json.loads(json.dumps(u)) for u in kept[:limit]]

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        if self._webhook is not None:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the"
                " webhook first",
            )
        # Only one getUpdates may wait at a time: a newer one terminates the older with 409, like Telegram does
        # when two bot instances poll the same token.
        if self._active_poll is not None and not self._active_poll.done():
            self._active_poll.set_result(None)
        me: asyncio.Future[None] = loop.create_future()
        self._active_poll = me
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        timeout = max(float(params.get("timeout", 0)), 0.0)
        with self._lock:
            if "offset" in params:
                self._confirm(int(params["offset"]))
            if isinstance(params.get("allowed_updates"), list):
                self._allowed_updates = list(params["allowed_updates"])
        deadline = loop.time() + timeout
        try:
            while True:
                with self._lock:
                    batch = self._take_updates(limit)
                remaining = deadline - loop.time()
                if batch or remaining <= 0 or self._closing:
                    return batch
                waiter: asyncio.Future[None] = loop.create_future()
                self._poll_waiters.add(waiter)
                try:
                    await asyncio.wait({waiter, me}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    self._poll_waiters.discard(waiter)
                if me.done() and self._active_poll is not me:
                    raise _ApiError(409, _DEFAULT_DESCRIPTIONS[409])
        finally:
            if self._active_poll is me:
                self._active_poll = None

    def _set_webhook(self, params: dict[str, Any], call: Call) -> bool:
        with self._lock:
            if not params.get("url"):
                self._webhook = None  # Telegram: an empty url removes the webhook
            else:
                self._webhook = {
                    "url": params["url"],
                    "secret_token": params.get("secret_token"),
                    "max_connections": params.get("max_connections", 40),
                    "allowed_updates": params.get("allowed_updates"),
                }
                if isinstance(params.get("allowed_updates"), list):
                    self._allowed_updates = list(params["allowed_updates"])
            if params.get("drop_pending_updates"):
                self._updates.clear()
        self._wake_pollers()
        return True

    def _delete_webhook(self, params: dict[str, Any], call: Call) -> bool:
        with self._lock:
            self._webhook = None
            if params.get("drop_pending_updates"):
                self._updates.clear()
        return True

    def _get_webhook_info(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        with self._lock:
            hook = self._webhook or {}
            info: dict[str, Any] = {
                "url": hook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates),
            }
            if hook:
                info["max_connections"] = hook["max_connections"]
                if hook.get("allowed_updates"):
                    info["allowed_updates"] = hook["allowed_updates"]
                if "last_error_date" in hook:
                    info["last_error_date"] = hook["last_error_date"]
                    info["last_error_message"] = hook["last_error_message"]
            return info

    @property
    def webhook(self) -> dict[str, Any] | None:
        """The webhook set by the bot (url, secret_token, ...) or ``None``."""
        with self._lock:
            return dict(self._webhook) if self._webhook else None

    async def _post_webhook(self, update: dict[str, Any], timeout: float) -> int:
        with self._lock:
            hook = dict(self._webhook) if self._webhook else None
            if "update_id" not in update:
                update = {"update_id": self._next_update_id, **update}
        if hook is None:
            raise AssertionError("deliver(): no webhook is set (the bot never called setWebhook with a url)")
        problems = validate_object("Update", update)
        if problems:
            raise ValueError("invalid update: " + "; ".join(problems))
        with self._lock:
            self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
            self._remember_update(update)
        # Exactly what Telegram sends: PTB answers 403 unless Content-Type is exactly application/json.
        headers = {"Content-Type": "application/json"}
        if hook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
            session.post(hook["url"], data=json.dumps(update).encode(), headers=headers) as response,
        ):
            await response.read()
            status = response.status
        with self._lock:
            self.deliveries.append((update, status))
            if status != 200 and self._webhook is not None:
                self._webhook["last_error_date"] = int(time.time())
                self._webhook["last_error_message"] = f"Wrong response from the webhook: {status}"
        return status

    def deliver(self, update: dict[str, Any], timeout: float = 10) -> int:
        """POST ``update`` to the bot's webhook as Telegram would and return the HTTP status.

        Blocking: for a webhook app running in another thread or process. From async code use
        :meth:`adeliver`, otherwise the app on your own loop could never answer.
        """
        loop = self._loop
        if loop is None:
            raise RuntimeError("FakeTelegram is not started")
        if _in_running_loop():
            raise RuntimeError("deliver() would block the running event loop; use `await tg.adeliver(...)`")
        return asyncio.run_coroutine_threadsafe(self._post_webhook(update, timeout), loop).result(timeout + 5)

    async def adeliver(self, update: dict[str, Any], timeout: float = 10) -> int:
        """Async :meth:`deliver` that leaves the caller's event loop free to run the webhook app."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("FakeTelegram is not started")
        future = asyncio.run_coroutine_threadsafe(self._post_webhook(update, timeout), loop)
        return await asyncio.wrap_future(future)

    # ----------------------------------------------------------------------------------------------------------
    # Chats, messages, files
    # ----------------------------------------------------------------------------------------------------------

    def _remember_update(self, update: dict[str, Any]) -> None:
        for key in _MESSAGE_KEYS:
            if isinstance(update.get(key), dict):
                self._remember_message(update[key])
        query = update.get("callback_query")
        if isinstance(query, dict):
            self._callback_queries.setdefault(str(query["id"]), False)
            if isinstance(query.get("message"), dict) and "date" in query["message"]:
                self._remember_message(query["message"], only_chat=True)
        for key in ("my_chat_member", "chat_member", "chat_join_request"):
            if isinstance(update.get(key), dict):
                self._remember_chat(update[key]["chat"])

    def _remember_chat(self, chat: dict[str, Any]) -> None:
        self._chats[chat["id"]] = {**self._chats.get(chat["id"], {}), **chat}

    def _remember_message(self, message: dict[str, Any], only_chat: bool = False) -> None:
        if not isinstance(message.get("chat"), dict) or not isinstance(message.get("message_id"), int):
            return  # a malformed update a test pushes on purpose: nothing to remember
        chat_id = message["chat"]["id"]
        self._remember_chat(message["chat"])
        self._next_message_id[chat_id] = max(self._next_message_id.get(chat_id, 1), message["message_id"] + 1)
        if not only_chat:
            self._messages[(chat_id, message["message_id"])] = message

    def _allocate_message_id(self, chat_id: int) -> int:
        with self._lock:
            message_id = self._next_message_id.get(chat_id, 1)
            self._next_message_id[chat_id] = message_id + 1
            return message_id

    def _chat_for(self, chat_id: int | str) -> dict[str, Any]:
        with self._lock:
            if isinstance(chat_id, str):
                # "@channelusername": give it a stable fake id in the channel range.
                digest = int(hashlib.sha256(chat_id.encode()).hexdigest()[:9], 16)
                numeric = -1_000_000_000_000 - digest
                known = self._chats.get(numeric)
                if known is None:
                    known = {"id": numeric, "type": "channel", "title": chat_id[1:], "username": chat_id[1:]}
                    self._chats[numeric] = known
                return dict(known)
            known = self._chats.get(chat_id)
            if known is not None:
                return {
                    k: known[k] for k in ("id", "type", "title", "username", "first_name", "last_name") if k in known
                }
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "Test"}
        if chat_id < -1_000_000_000_000:
            return {"id": chat_id, "type": "supergroup", "title": "Test supergroup"}
        return {"id": chat_id, "type": "group", "title": "Test group"}

    def _store(self, message: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._messages[(message["chat"]["id"], message["message_id"])] = message
        return json.loads(json.dumps(message))

    def _new_bot_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat = self._chat_for(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": self._allocate_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
        }
        if isinstance(params.get("message_thread_id"), int):
            message["message_thread_id"] = params["message_thread_id"]
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and isinstance(reply.get("message_id"), int):
            with self._lock:
                replied = self._messages.get((chat["id"], reply["message_id"]))
            if replied is not None:
                message["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        message.update({k: v for k, v in content.items() if v is not None})
        markup = params.get("reply_markup")
        # Telegram echoes only inline keyboards (Message.reply_markup is an InlineKeyboardMarkup); echoing a
        # reply keyboard would make aiogram reject the whole answer.
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return self._store(message)

    @staticmethod
    def _text_content(text: str, parse_mode: str | None, entities: Any, key: str = "text") -> dict[str, Any]:
        parsed = parse_entities(text, parse_mode)
        content: dict[str, Any] = {key: parsed.text}
        found = parsed.entities if parse_mode else (entities if isinstance(entities, list) else [])
        if found:
            content["entities" if key == "text" else "caption_entities"] = found
        return content

    def add_file(self, content: bytes, file_name: str = "file.bin", mime_type: str | None = None) -> str:
        """Make a file downloadable via getFile + ``/file/bot<token>/<path>`` and return its file_id."""
        return self._add_file(content, file_name, mime_type, "documents").file_id

    def _add_file(self, content: bytes, file_name: str | None, mime_type: str | None, folder: str) -> StoredFile:
        number = next(self._file_counter)
        suffix = ""
        if file_name and "." in file_name:
            suffix = "." + file_name.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=f"BQACAgQAAxkBAAI{number:06d}FakeFileId",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"{folder}/file_{number}{suffix}",
            content=content,
            file_name=file_name,
            mime_type=mime_type or (mimetypes.guess_type(file_name)[0] if file_name else None),
        )
        with self._lock:
            self._files[stored.file_id] = stored
        return stored

    def file_content(self, file_id: str) -> bytes:
        """Bytes of a known file (added by the test or uploaded by the bot)."""
        with self._lock:
            return self._files[file_id].content

    def _file_object(self, stored: StoredFile, kind: str) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
        }
        if kind == "document":
            if stored.file_name:
                obj["file_name"] = stored.file_name
            if stored.mime_type:
                obj["mime_type"] = stored.mime_type
        return obj

    # ----------------------------------------------------------------------------------------------------------
    # Method handlers (run on the server loop; raise _ApiError for Telegram errors)
    # ----------------------------------------------------------------------------------------------------------

    def _dispatch(self, method: str, params: dict[str, Any], call: Call) -> Any:
        with self._lock:
            override = self._results.get(method.lower(), self)
        if override is not self:
            return override(params) if callable(override) else override
        handler = self._handlers.get(method.lower())
        if handler is not None:
            return handler(params, call)
        return self._generic_result(method, params, call)

    def _generic_result(self, method: str, params: dict[str, Any], call: Call) -> Any:
        method_spec = load_spec().method(method)
        returns = method_spec.returns if method_spec else ("Boolean",)
        if "Message" in returns and "chat_id" in params and "inline_message_id" not in params:
            if method.lower().startswith("edit"):
                return self._edit_generic(params)
            return self._send_generic(method, params, call)
        if returns[0] == "Array of Message" and "chat_id" in params:
            media: list[Any] = params["media"] if isinstance(params.get("media"), list) else [{}]
            return [self._new_bot_message(params, caption=item.get("caption")) for item in media]
        if returns[0] == "Array of MessageId":
            ids: list[Any] = params.get("message_ids") or []
            chat = self._chat_for(params["chat_id"])
            return [{"message_id": self._allocate_message_id(chat["id"])} for _ in ids]
        result = minimal_object(returns[0])
        if returns[0] == "ChatAdministratorRights":
            result["can_send_welcome_messages"] = False  # required by aiogram 3.31, newer than the 10.1 spec
        return result

    def _send_generic(self, method: str, params: dict[str, Any], call: Call) -> dict[str, Any]:
        content: dict[str, Any] = {}
        if isinstance(params.get("caption"), str):
            content.update(
                self._text_content(
                    params["caption"], params.get("parse_mode"), params.get("caption_entities"), "caption"
                )
            )
        media = _MEDIA_RESULTS.get(method.lower())
        if media is not None:
            key, type_expr = media
            if type_expr == "Array of PhotoSize":
                stored = self._stored_from_param(params, call, "photo", "photo.jpg", "photos")
                content[key] = [{**self._file_object(stored, "photo"), "width": 800, "height": 600}]
            else:
                value = minimal_object(type_expr)
                if "file_id" in value:
                    stored = self._stored_from_param(params, call, key, None, key + "s")
                    value.update(self._file_object(stored, key))
                content[key] = value
        elif method.lower() == "sendlocation":
            content["location"] = {"latitude": params["latitude"], "longitude": params["longitude"]}
        elif method.lower() == "sendcontact":
            content["contact"] = {
                k: params[k] for k in ("phone_number", "first_name", "last_name", "vcard") if k in params
            }
        return self._new_bot_message(params, **content)

    def _stored_from_param(
        self, params: dict[str, Any], call: Call, name: str, default_name: str | None, folder: str
    ) -> StoredFile:
        upload = call.upload(name)
        if upload is not None:
            return self._add_file(upload.content, upload.filename, upload.content_type, folder)
        value = params.get(name)
        with self._lock:
            known = self._files.get(value) if isinstance(value, str) else None
        if known is not None:
            return known
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self._add_file(b"", value.rsplit("/", 1)[-1] or default_name, None, folder)
        raise _ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _send_message(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        content = self._text_content(params["text"], params.get("parse_mode"), params.get("entities"))
        if isinstance(params.get("link_preview_options"), dict):
            content["link_preview_options"] = params["link_preview_options"]
        return self._new_bot_message(params, **content)

    def _send_document(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        stored = self._stored_from_param(params, call, "document", "document", "documents")
        content: dict[str, Any] = {"document": self._file_object(stored, "document")}
        if isinstance(params.get("caption"), str):
            content.update(
                self._text_content(
                    params["caption"], params.get("parse_mode"), params.get("caption_entities"), "caption"
                )
            )
        return self._new_bot_message(params, **content)

    def _editable(self, params: dict[str, Any]) -> tuple[tuple[int, int], dict[str, Any]]:
        if "chat_id" not in params or "message_id" not in params:
            raise _ApiError(400, "Bad Request: message identifier is not specified")
        chat = self._chat_for(params["chat_id"])
        key = (chat["id"], params["message_id"])
        with self._lock:
            stored = self._messages.get(key)
        if stored is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        if stored.get("from", {}).get("id") != self.bot_id:
            raise _ApiError(400, "Bad Request: message can't be edited")
        return key, stored

    def _apply_edit(self, key: tuple[int, int], stored: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        updated = {k: v for k, v in stored.items() if k not in changes or changes[k] is not None}
        updated.update({k: v for k, v in changes.items() if v is not None})
        if updated == stored:
            raise _ApiError(400, _NOT_MODIFIED)
        updated["edit_date"] = int(time.time())
        with self._lock:
            self._messages[key] = updated
        return json.loads(json.dumps(updated))

    @staticmethod
    def _inline_markup(params: dict[str, Any]) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        return markup if isinstance(markup, dict) and markup.get("inline_keyboard") else None

    def _edit_message_text(self, params: dict[str, Any], call: Call) -> Any:
        if "inline_message_id" in params:
            return True
        key, stored = self._editable(params)
        content = self._text_content(params.get("text", ""), params.get("parse_mode"), params.get("entities"))
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        changes = {
            "text": content["text"],
            "entities": content.get("entities"),
            "reply_markup": self._inline_markup(params),
        }
        stored_cmp = {k: v for k, v in stored.items() if k != "edit_date"}
        return self._apply_edit(key, stored_cmp, changes)

    def _edit_message_reply_markup(self, params: dict[str, Any], call: Call) -> Any:
        if "inline_message_id" in params:
            return True
        key, stored = self._editable(params)
        stored_cmp = {k: v for k, v in stored.items() if k != "edit_date"}
        return self._apply_edit(key, stored_cmp, {"reply_markup": self._inline_markup(params)})

    def _edit_message_caption(self, params: dict[str, Any], call: Call) -> Any:
        if "inline_message_id" in params:
            return True
        key, stored = self._editable(params)
        content = self._text_content(
            params.get("caption", ""), params.get("parse_mode"), params.get("caption_entities"), "caption"
        )
        changes = {
            "caption": content["caption"] or None,
            "caption_entities": content.get("caption_entities"),
            "reply_markup": self._inline_markup(params),
        }
        stored_cmp = {k: v for k, v in stored.items() if k != "edit_date"}
        return self._apply_edit(key, stored_cmp, changes)

    def _edit_generic(self, params: dict[str, Any]) -> Any:
        key, stored = self._editable(params)
        stored_cmp = {k: v for k, v in stored.items() if k != "edit_date"}
        updated = {**stored_cmp, "edit_date": int(time.time())}
        with self._lock:
            self._messages[key] = updated
        return json.loads(json.dumps(updated))

    def _delete_message(self, params: dict[str, Any], call: Call) -> bool:
        chat = self._chat_for(params["chat_id"])
        with self._lock:
            if self._messages.pop((chat["id"], params["message_id"]), None) is None:
                raise _ApiError(400, "Bad Request: message to delete not found")
        return True

    def _delete_messages(self, params: dict[str, Any], call: Call) -> bool:
        # Telegram skips messages that cannot be found instead of failing the whole call.
        chat = self._chat_for(params["chat_id"])
        with self._lock:
            for message_id in params["message_ids"]:
                self._messages.pop((chat["id"], message_id), None)
        return True

    def _answer_callback_query(self, params: dict[str, Any], call: Call) -> bool:
        query_id = str(params["callback_query_id"])
        with self._lock:
            if self._callback_queries.get(query_id) is not False:
                raise _ApiError(400, _QUERY_INVALID)
            self._callback_queries[query_id] = True
        return True

    @staticmethod
    def _commands_key(params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), params.get("language_code") or ""

    def _set_my_commands(self, params: dict[str, Any], call: Call) -> bool:
        with self._lock:
            self._commands[self._commands_key(params)] = list(params["commands"])
        return True

    def _get_my_commands(self, params: dict[str, Any], call: Call) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._commands.get(self._commands_key(params), []))

    def _delete_my_commands(self, params: dict[str, Any], call: Call) -> bool:
        with self._lock:
            self._commands.pop(self._commands_key(params), None)
        return True

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, Any]]:
        """Commands the bot registered for ``scope`` (default scope if ``None``) and ``language_code``."""
        with self._lock:
            return list(self._commands.get(self._commands_key({"scope": scope, "language_code": language_code}), []))

    def _set_chat_menu_button(self, params: dict[str, Any], call: Call) -> bool:
        with self._lock:
            self._menu_buttons[params.get("chat_id")] = params.get("menu_button") or {"type": "default"}
        return True

    def _get_chat_menu_button(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        with self._lock:
            chat_button = self._menu_buttons.get(params.get("chat_id"))
            return chat_button or self._menu_buttons.get(None) or {"type": "default"}

    def menu_button(self, chat_id: int | None = None) -> dict[str, Any] | None:
        """The menu button set for ``chat_id`` (``None`` = the default one), or ``None`` if never set."""
        with self._lock:
            return self._menu_buttons.get(chat_id)

    def _get_chat(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        chat = self._chat_for(params["chat_id"])
        with self._lock:
            known = self._chats.get(chat["id"], {})
        info = {**chat, **{k: v for k, v in known.items() if k in ("title", "username", "first_name", "last_name")}}
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return info

    def _get_chat_member(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        # Everyone is a plain member; a test that needs admins or "left" users overrides with set_result().
        user_id = params["user_id"]
        if user_id == self.bot_id:
            user = self.bot_user
        else:
            with self._lock:
                first_name = self._chats.get(user_id, {}).get("first_name", "Test")
            user = self._user(user_id, first_name, None)
        return {"status": "member", "user": user}

    def _get_file(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        with self._lock:
            stored = self._files.get(params["file_id"])
        if stored is None:
            raise _ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    # ----------------------------------------------------------------------------------------------------------
    # Update builders (return dicts; pass them to push_update)
    # ----------------------------------------------------------------------------------------------------------

    def _user(self, user_id: int, first_name: str, language_code: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user

    def _user_message(
        self,
        chat_id: int,
        user_id: int | None,
        chat_type: str,
        first_name: str,
        language_code: str | None,
        message_id: int | None,
        content: dict[str, Any],
        title: str | None = None,
    ) -> dict[str, Any]:
        # In a private chat the chat id is the user's id, so that is the default sender.
        sender_id = user_id if user_id is not None else (chat_id if chat_type == "private" else 1_000_001)
        if chat_type == "private":
            chat: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": first_name}
        else:
            chat = {"id": chat_id, "type": chat_type, "title": title or "Test group"}
        if message_id is None:
            message_id = self._allocate_message_id(chat_id)
        with self._lock:
            self._last_user_message[chat_id] = message_id
        return {
            "message_id": message_id,
            "from": self._user(sender_id, first_name, language_code),
            "chat": chat,
            "date": int(time.time()),
            **content,
        }

    def text_update(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = "da",
        message_id: int | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A ``message`` update with plain text (``extra`` is merged into the message, e.g. entities)."""
        message = self._user_message(
            chat_id, user_id, chat_type, first_name, language_code, message_id, {"text": text, **extra}
        )
        return {"message": message}

    def command(
        self,
        chat_id: int,
        command: str,
        args: str = "",
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = "da",
        message_id: int | None = None,
    ) -> dict[str, Any]:
        """A ``/command args`` message with the bot_command entity both frameworks look for."""
        name = command if command.startswith("/") else "/" + command
        text = f"{name} {args}" if args else name
        entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(name)}]
        return self.text_update(
            chat_id, text, user_id, chat_type, first_name, language_code, message_id, entities=entities
        )

    def group_text(
        self,
        chat_id: int,
        text: str,
        user_id: int = 1_000_001,
        chat_type: str = "group",
        title: str = "Test group",
        first_name: str = "Test",
        language_code: str | None = "da",
        message_id: int | None = None,
    ) -> dict[str, Any]:
        """A text message in a group or supergroup (``chat_id`` should be negative)."""
        message = self._user_message(
            chat_id, user_id, chat_type, first_name, language_code, message_id, {"text": text}, title
        )
        return {"message": message}

    def edited_text(
        self,
        chat_id: int,
        text: str,
        message_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = "da",
    ) -> dict[str, Any]:
        """An ``edited_message`` update (defaults to the user's last message built for this chat)."""
        if message_id is None:
            with self._lock:
                message_id = self._last_user_message.get(chat_id, 1)
        message = self._user_message(chat_id, user_id, chat_type, first_name, language_code, message_id, {"text": text})
        message["edit_date"] = message["date"]
        return {"edited_message": message}

    def callback(
        self,
        chat_id: int,
        data: str,
        message_id: int,
        user_id: int | None = None,
        first_name: str = "Test",
        language_code: str | None = "da",
    ) -> dict[str, Any]:
        """A ``callback_query`` for a button press on message ``message_id`` (a bot message the fake knows, or
        a stand-in bot message that is then remembered so edits of it work)."""
        with self._lock:
            stored = self._messages.get((chat_id, message_id))
        if stored is None:
            stored = self._store(
                {
                    "message_id": message_id,
                    "from": self.bot_user,
                    "chat": self._chat_for(chat_id),
                    "date": int(time.time()),
                    "text": "(message created by the fake for a callback)",
                }
            )
        sender_id = user_id if user_id is not None else chat_id
        return {
            "callback_query": {
                "id": f"{self.bot_id}{next(self._callback_counter):08d}",
                "from": self._user(sender_id, first_name, language_code),
                "message": json.loads(json.dumps(stored)),
                "chat_instance": str(-abs(chat_id) - 7_000_000_000),
                "data": data,
            }
        }

    def _media_update(
        self, chat_id: int, user_id: int | None, content: dict[str, Any], **kwargs: Any
    ) -> dict[str, Any]:
        message = self._user_message(
            chat_id,
            user_id,
            kwargs.get("chat_type", "private"),
            kwargs.get("first_name", "Test"),
            kwargs.get("language_code", "da"),
            kwargs.get("message_id"),
            content,
        )
        return {"message": message}

    def document_update(
        self,
        chat_id: int,
        file_id: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
        user_id: int | None = None,
    ) -> dict[str, Any]:
        """A message with a document; ``file_id`` usually comes from :meth:`add_file`."""
        with self._lock:
            stored = self._files.get(file_id)
        document: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": stored.file_unique_id if stored else f"uniq-{file_id[-12:]}",
        }
        name = file_name or (stored.file_name if stored else None)
        mime = mime_type or (stored.mime_type if stored else None)
        if name:
            document["file_name"] = name
        if mime:
            document["mime_type"] = mime
        if stored:
            document["file_size"] = len(stored.content)
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
        return self._media_update(chat_id, user_id, content)

    def photo(
        self,
        chat_id: int,
        content: bytes = b"\xff\xd8\xff\xe0fake-jpeg",
        caption: str | None = None,
        user_id: int | None = None,
    ) -> dict[str, Any]:
        """A photo message (two sizes, like Telegram); the bytes are downloadable via getFile."""
        stored = self._add_file(content, "photo.jpg", "image/jpeg", "photos")
        small = self._add_file(content, "photo_small.jpg", "image/jpeg", "photos")
        sizes = [
            {**self._file_object(small, "photo"), "width": 90, "height": 67},
            {**self._file_object(stored, "photo"), "width": 800, "height": 600},
        ]
        message_content: dict[str, Any] = {"photo": sizes}
        if caption:
            message_content["caption"] = caption
        return self._media_update(chat_id, user_id, message_content)

    def sticker(self, chat_id: int, emoji: str = "👍", user_id: int | None = None) -> dict[str, Any]:
        """A (regular, static) sticker message."""
        stored = self._add_file(b"RIFF-fake-webp", "sticker.webp", "image/webp", "stickers")
        sticker = {
            **self._file_object(stored, "sticker"),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._media_update(chat_id, user_id, {"sticker": sticker})

    def voice(
        self, chat_id: int, duration: int = 2, content: bytes = b"OggS-fake-voice", user_id: int | None = None
    ) -> dict[str, Any]:
        """A voice message whose audio bytes are downloadable via getFile."""
        stored = self._add_file(content, "voice.ogg", "audio/ogg", "voice")
        voice = {**self._file_object(stored, "voice"), "duration": duration, "mime_type": "audio/ogg"}
        return self._media_update(chat_id, user_id, {"voice": voice})

    def contact(
        self,
        chat_id: int,
        phone_number: str,
        first_name: str = "Test",
        user_id: int | None = None,
        own: bool = True,
    ) -> dict[str, Any]:
        """A shared contact; with ``own`` it is the sender's own contact (``contact.user_id`` = sender)."""
        contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name}
        if own:
            contact["user_id"] = user_id if user_id is not None else chat_id
        return self._media_update(chat_id, user_id, {"contact": contact}, first_name=first_name)

    def location(
        self, chat_id: int, latitude: float = 55.6761, longitude: float = 12.5683, user_id: int | None = None
    ) -> dict[str, Any]:
        """A location message (defaults to Copenhagen)."""
        return self._media_update(
            chat_id, user_id, {"location": {"latitude": float(latitude), "longitude": float(longitude)}}
        )

    def my_chat_member(self, chat_id: int, status: str = "kicked", user_id: int | None = None) -> dict[str, Any]:
        """The ``my_chat_member`` update Telegram sends when a user blocks ("kicked") or restarts ("member")."""
        sender_id = user_id if user_id is not None else chat_id
        now = int(time.time())
        old: dict[str, Any] = {"status": "member", "user": self.bot_user}
        new: dict[str, Any] = {"status": status, "user": self.bot_user}
        if status == "kicked":
            new["until_date"] = 0
        elif status == "member":
            old = {"status": "kicked", "user": self.bot_user, "until_date": 0}
        return {
            "my_chat_member": {
                "chat": self._chat_for(chat_id),
                "from": self._user(sender_id, "Test", None),
                "date": now,
                "old_chat_member": old,
                "new_chat_member": new,
            }
        }
