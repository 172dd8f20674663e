"""A fake Telegram Bot API server for tests: the one object a test holds.

It puts the parts together: :mod:`.state` (what the fake knows), :mod:`.methods` (what each Bot API method
does), :mod:`.updates` (getUpdates and webhooks), :mod:`.builders` (updates a test sends), :mod:`.faults`
(errors and slowness on request) and :mod:`.http_server` (the aiohttp server in its own thread). What is left
here is the test-facing API: start and stop, fault injection, and looking at and waiting for recorded calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, Self

from .builders import UpdateBuilders
from .clock import RealClock, ServerClock
from .faults import Faults
from .http_server import HttpServer
from .methods import Methods, commands_key
from .spec import load_spec
from .state import Call, State, StoredFile
from .updates import Updates
from .validator import parse_entities

__all__ = ["DEFAULT_TOKEN", "ApiViolation", "Call", "FakeTelegram", "StoredFile"]

DEFAULT_TOKEN = "123456789:TEST-token-abc"


class ApiViolation(AssertionError):
    """Raised by :meth:`FakeTelegram.assert_no_violations` when a bot made calls Telegram would reject."""


def _in_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class FakeTelegram:
    """In-process fake of the Telegram Bot API (see ``tests/fake_telegram/__init__``).

    ``clock`` is the fake's time (message dates, ``delay()``, long-poll timeouts): the real one unless a test
    passes a :class:`~tests.fake_telegram.clock.ManualClock`.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        username: str = "husly_test_bot",
        first_name: str = "Husly Test Bot",
        clock: ServerClock | None = None,
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
        self.clock = clock or RealClock()
        self._state = State(self.bot_user, self.clock)
        self._faults = Faults()
        self._updates = Updates(self._state)
        self._methods = Methods(self._state, self._updates)
        self._server = HttpServer(token, self._state, self._faults, self._methods, self._updates)
        builders = UpdateBuilders(self._state)
        # The builders are the test's vocabulary for "a person does X"; exposed as they are.
        self.text_update = builders.text_update
        self.command = builders.command
        self.group_text = builders.group_text
        self.edited_text = builders.edited_text
        self.callback = builders.callback
        self.document_update = builders.document_update
        self.photo = builders.photo
        self.sticker = builders.sticker
        self.voice = builders.voice
        self.contact = builders.contact
        self.location = builders.location
        self.my_chat_member = builders.my_chat_member

    # Lifecycle ------------------------------------------------------------------------------------------------

    def start(self) -> Self:
        """Start the server thread and wait until it listens (idempotent).

        Loads the Bot API spec first, so a missing spec is one clear error here, not a 500 on every call.
        """
        load_spec()
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop the server: pending long polls return at once, open connections are closed."""
        self._server.stop()

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
        return f"http://127.0.0.1:{self.port}"

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        if self._server.port is None:
            raise RuntimeError("FakeTelegram is not started")
        return self._server.port

    def submit(self, coroutine: Any) -> Any:
        """Run ``coroutine`` on the server's event loop; returns a concurrent.futures.Future."""
        return self._updates.submit(coroutine)

    # Fault injection ------------------------------------------------------------------------------------------

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
        self._faults.fail_next(method, status, retry_after, count, description, parameters)

    def failure_rate(
        self,
        p: float,
        statuses: Iterable[int] = (429, 500),
        retry_after: int = 1,
        seed: int = 0,
        methods: Iterable[str] | None = None,
    ) -> None:
        """Fail each matching call with probability ``p`` (seeded, so reproducible); ``p=0`` switches it off."""
        self._faults.failure_rate(p, statuses, retry_after, seed, methods)

    def delay(self, seconds: float, method: str | None = None, chat_id: int | None = None) -> None:
        """Answer ``method`` (``None`` = every method but getUpdates) only after ``seconds``; 0 removes it.

        With ``chat_id``, only calls for that chat are delayed (fx one person's phone hanging), any method.
        """
        self._faults.delay(seconds, method, chat_id)

    def block_user(self, chat_id: int | str, notify: bool = False) -> None:
        """From now on every message to ``chat_id`` fails with 403 "bot was blocked by the user".

        With ``notify`` also queue the ``my_chat_member`` update (status "kicked") Telegram sends in that case.
        """
        self._faults.block(chat_id)
        if notify:
            self.push_update(self.my_chat_member(int(chat_id), "kicked"))

    def unblock_user(self, chat_id: int | str) -> None:
        """Undo :meth:`block_user`."""
        self._faults.unblock(chat_id)

    def set_result(self, method: str, result: Any) -> None:
        """Answer ``method`` with ``result`` (or ``result(params)`` if callable) instead of the built-in answer.

        The call is still validated and recorded; the result is not checked, so keep it a valid object.
        """
        self._methods.set_result(method, result)

    # Updates --------------------------------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any], validate: bool = True) -> int:
        """Queue an update for getUpdates; assigns the next ``update_id`` if missing and returns it.

        The update is validated against the spec first (``ValueError`` if invalid), so a hand-written update
        that aiogram would reject fails here, in the test, not somewhere in the bot's polling loop.
        """
        return self._updates.push(update, validate)

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued and not yet confirmed by the bot (via a later getUpdates offset)."""
        return self._updates.pending()

    @property
    def polling(self) -> bool:
        """True while a ``getUpdates`` call waits for updates (the bot is polling)."""
        return self._updates.polling

    @property
    def skipped_updates(self) -> list[dict[str, Any]]:
        """Updates dropped because the bot's ``allowed_updates`` did not ask for them."""
        with self._state.lock:
            return self._state.skipped_updates

    @property
    def deliveries(self) -> list[tuple[dict[str, Any], int]]:
        """Every webhook POST so far: (update, HTTP status the bot answered)."""
        with self._state.lock:
            return self._state.deliveries

    @property
    def webhook(self) -> dict[str, Any] | None:
        """The webhook set by the bot (url, secret_token, ...) or ``None``."""
        with self._state.lock:
            return dict(self._state.webhook) if self._state.webhook else None

    def deliver(self, update: dict[str, Any], timeout: float = 10) -> int:
        """POST ``update`` to the bot's webhook as Telegram would and return the HTTP status.

        Blocking: for a webhook app running in another thread or process. From async code use
        :meth:`adeliver`, otherwise the app on your own loop could never answer.
        """
        if _in_running_loop():
            raise RuntimeError("deliver() would block the running event loop; use `await tg.adeliver(...)`")
        return int(self.submit(self._updates.post_webhook(update, timeout)).result(timeout + 5))

    async def adeliver(self, update: dict[str, Any], timeout: float = 10) -> int:
        """Async :meth:`deliver` that leaves the caller's event loop free to run the webhook app."""
        return int(await asyncio.wrap_future(self.submit(self._updates.post_webhook(update, timeout))))

    # What the bot did -----------------------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Snapshot of every call so far, including failed and injected ones."""
        with self._state.lock:
            return list(self._state.calls)

    @property
    def violations(self) -> list[str]:
        """Every validation problem so far, as ``"method: problem"``."""
        with self._state.lock:
            return list(self._state.violations)

    def mark(self) -> int:
        """Current number of calls; pass it as ``since=`` to wait only for calls made after this point."""
        with self._state.lock:
            return len(self._state.calls)

    def arrived(self) -> int:
        """How many requests have reached the fake so far, answered or not (``Call.number`` counts the same)."""
        with self._state.lock:
            return self._state.arrivals

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

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Current state of a message the fake knows (sent, pushed, edited); ``None`` if unknown or deleted."""
        return self._state.message(chat_id, message_id)

    def unanswered_callback_queries(self) -> list[str]:
        """Ids of pushed callback queries the bot never answered (Telegram shows a spinner until it does)."""
        with self._state.lock:
            return [qid for qid, answered in self._state.callback_queries.items() if not answered]

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, Any]]:
        """Commands the bot registered for ``scope`` (default scope if ``None``) and ``language_code``."""
        with self._state.lock:
            return list(self._state.commands.get(commands_key(scope, language_code), []))

    def menu_button(self, chat_id: int | None = None) -> dict[str, Any] | None:
        """The menu button set for ``chat_id`` (``None`` = the default one), or ``None`` if never set."""
        with self._state.lock:
            return self._state.menu_buttons.get(chat_id)

    def add_file(self, content: bytes, file_name: str = "file.bin", mime_type: str | None = None) -> str:
        """Make a file downloadable via getFile + ``/file/bot<token>/<path>`` and return its file_id."""
        return self._state.add_file(content, file_name, mime_type, "documents").file_id

    def file_content(self, file_id: str) -> bytes:
        """Bytes of a known file (added by the test or uploaded by the bot)."""
        stored = self._state.file(file_id)
        if stored is None:
            raise KeyError(file_id)
        return stored.content

    # Waiting for the bot --------------------------------------------------------------------------------------

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
        matcher, description = _matcher(what)
        matched: list[Call] = []

        def enough() -> bool:
            nonlocal matched
            matched = [c for c in self._state.calls[since:] if matcher(c)]
            return len(matched) >= count

        # A timeout on the real clock on purpose: it bounds how long a broken test hangs, it judges nothing.
        with self._state.changed:
            if self._state.changed.wait_for(enough, timeout):
                return matched
        raise AssertionError(self._timeout_message(description, count, len(matched), timeout, since))

    async def await_for(
        self,
        what: str | Callable[[Call], bool],
        count: int = 1,
        timeout: float = 10,
        since: int = 0,
    ) -> list[Call]:
        """Async :meth:`wait_for`: waits in another thread so the caller's loop keeps running the bot."""
        matcher, description = _matcher(what)
        matched: list[Call] = []

        def enough() -> bool:
            nonlocal matched
            matched = [c for c in self._state.calls[since:] if matcher(c)]
            return len(matched) >= count

        loop = asyncio.get_running_loop()
        done: asyncio.Future[bool] = loop.create_future()

        def wait() -> None:
            with self._state.changed:
                found = self._state.changed.wait_for(enough, timeout)
            with contextlib.suppress(RuntimeError):  # the caller's loop is gone: nobody waits any more
                loop.call_soon_threadsafe(_settle, done, found)

        # Its own daemon thread rather than the loop's executor: the bot under test may need every worker.
        threading.Thread(target=wait, name="fake-telegram-await", daemon=True).start()
        if await done:
            return matched
        raise AssertionError(self._timeout_message(description, count, len(matched), timeout, since))

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
        pending = len(self.pending_updates())
        if pending:
            lines.append(f"{pending} update(s) still unconfirmed (did the bot poll? was a webhook set?)")
        return "\n".join(lines)


def _settle(future: asyncio.Future[bool], value: bool) -> None:
    if not future.done():
        future.set_result(value)


def _matcher(what: str | Callable[[Call], bool]) -> tuple[Callable[[Call], bool], str]:
    if isinstance(what, str):
        # A method name means "the bot did X": only successful calls count, so a 429 that the bot then retries
        # does not satisfy the wait early. Use a predicate to see failed calls.
        return (lambda c: c.method.lower() == what.lower() and c.ok), f"successful {what}"
    return what, getattr(what, "__name__", "predicate")

