"""What both Telegram front ends share: map an update, call the core off the event loop, deliver the outbox,
run the periodic jobs. Kept framework-free so aiogram and python-telegram-bot stay thin."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
import traceback
from collections.abc import AsyncIterator
from typing import Any, Protocol

from bot.app import App
from bot.i18n import _, use_lang
from bot.jobs import run_due
from bot.outbox import DeliveryWorker, Sender
from bot.ratelimit import make_rate_limiter
from bot.replies import Incoming, Outcome
from handlers.telegram.updates import TRANSPORT, to_incoming

log = logging.getLogger(__name__)
JOB_INTERVAL = 30.0
# Updates handled together in one transaction at most (see Runtime._core).
MAX_BATCH = 50
# Seconds Telegram shows a "typing…" indicator (or until the bot's next message).
TYPING_LASTS = 5.0


class TelegramSender(Sender, Protocol):
    """The outbox port plus the few calls a front end makes directly (they need no delivery guarantee)."""

    async def typing(self, chat_id: int) -> None: ...

    async def answer_callback(self, callback_id: str, text: str | None) -> None: ...

    async def download(self, file_id: str) -> bytes | None: ...


class Runtime:
    def __init__(self, app: App) -> None:
        self.app = app
        self.bot_id = 0
        self.bot_username = ""
        self.worker: DeliveryWorker | None = None
        # chat id -> (lock, number of updates holding or waiting for it); see _turn.
        self._turns: dict[int, tuple[asyncio.Lock, int]] = {}
        # Updates waiting for the core, with the futures their handlers await; see _core.
        self._waiting: list[tuple[Incoming, asyncio.Future[Outcome]]] = []
        self._batcher: asyncio.Task[None] | None = None
        # chat id -> when "typing…" was last shown there (a cosmetic cache; losing it costs one extra indicator).
        self._typing_shown: dict[int, float] = {}

    def set_identity(self, bot_id: int, username: str) -> None:
        self.bot_id, self.bot_username = bot_id, username

    @contextlib.asynccontextmanager
    async def _turn(self, chat_id: int) -> AsyncIterator[None]:
        """One update per chat at a time, in arrival order.

        aiogram handles updates as concurrent tasks: two quick messages from one person would otherwise run
        in parallel transactions on the same profile (answers out of order, a flow step lost).
        """
        lock, users = self._turns.get(chat_id, (asyncio.Lock(), 0))
        self._turns[chat_id] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._turns[chat_id]
            if users <= 1:
                del self._turns[chat_id]
            else:
                self._turns[chat_id] = (lock, users - 1)

    async def _core(self, incoming: Incoming) -> Outcome:
        """Run the core for one update, off the event loop.

        Updates that arrive while the core is busy wait and then go in together, as one transaction (group
        commit): under load most of the cost of a transaction is shared, and an idle bot still answers each
        update at once. One batch at a time, in arrival order; the per-chat turn keeps a chat's order.
        """
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._waiting.append((incoming, future))
        if self._batcher is None:
            self._batcher = asyncio.create_task(self._run_batches())
        return await future

    async def _run_batches(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
                try:
                    outcomes = await asyncio.to_thread(self.app.core.handle_many, [incoming for incoming, _ in batch])
                except asyncio.CancelledError:  # shutting down: nobody waits for these answers any more
                    for _, future in (*batch, *self._waiting):
                        future.cancel()
                    self._waiting = []
                    raise
                except Exception as exc:  # the core answers every update itself; this is the thread pool failing
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), outcome in zip(batch, outcomes, strict=True):
                    if not future.done():
                        future.set_result(outcome)
        finally:
            self._batcher = None

    @contextlib.asynccontextmanager
    async def _typing_while_slow(self, incoming: Incoming, sender: TelegramSender) -> AsyncIterator[None]:
        """Show "typing…" if the answer is not queued within ``typing_delay`` (fx when many people write at once)."""
        if incoming.kind not in ("text", "command") or not incoming.private:
            yield
            return

        async def typing_later() -> None:
            await asyncio.sleep(self.app.settings.typing_delay)
            now = time.monotonic()
            # Telegram shows the indicator for up to 5 s: once per chat in that time is enough (and under load,
            # when every answer is slow, one call per message would cost real throughput).
            if now - self._typing_shown.get(incoming.chat_id, -TYPING_LASTS) >= TYPING_LASTS:
                self._typing_shown[incoming.chat_id] = now
                if len(self._typing_shown) > 10_000:
                    self._typing_shown = {c: t for c, t in self._typing_shown.items() if now - t < TYPING_LASTS}
                await sender.typing(incoming.chat_id)

        timer = asyncio.create_task(typing_later())
        try:
            yield
        finally:
            # The answer is queued: an indicator not yet shown (or still on its way) is no longer needed.
            timer.cancel()

    async def handle(self, raw: dict[str, Any], sender: TelegramSender, *, callback_id: str | None = None) -> None:
        """Handle one update end to end; never raises into the framework."""
        incoming = to_incoming(raw, bot_id=self.bot_id, bot_username=self.bot_username)
        try:
            if incoming is None:
                return
            async with self._typing_while_slow(incoming, sender), self._turn(incoming.chat_id):
                if incoming.kind == "document" and incoming.document_file_id:
                    content = await sender.download(incoming.document_file_id)
                    incoming = dataclasses.replace(incoming, document_bytes=content)
                outcome = await self._core(incoming)
            if callback_id:
                await sender.answer_callback(callback_id, outcome.callback_answer)
                callback_id = None
        except Exception as exc:
            # Ids and the stack only: an exception's message may quote what the person wrote.
            log.error("update %s failed: %s\n%s", raw.get("update_id"), type(exc).__name__,
                      "".join(traceback.format_tb(exc.__traceback__)))
            if callback_id:
                await sender.answer_callback(callback_id, None)
        finally:
            if self.worker:
                self.worker.wake()

    def start_background(self, sender: Sender) -> list[asyncio.Task[Any]]:
        self.worker = DeliveryWorker(self.app.engine, TRANSPORT, sender, clock=self.app.deps.clock,
                                     limiter=make_rate_limiter(self.app.settings.redis_url))
        tasks = [asyncio.create_task(self.worker.run(), name="outbox"),
                 asyncio.create_task(self._jobs(), name="jobs")]
        return tasks

    async def stop_background(self, tasks: list[asyncio.Task[Any]]) -> None:
        if self.worker:
            self.worker.stop()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _jobs(self) -> None:
        while True:
            results = await asyncio.to_thread(run_due, self.app.engine, self.app.deps, self.app.deps.clock())
            if any(any(counts.values()) for counts in results.values()):
                log.info("jobs %s", results)
                if self.worker:
                    self.worker.wake()
            await asyncio.sleep(JOB_INTERVAL)

    def command_menus(self) -> dict[str, list[tuple[str, str]]]:
        """The command menu per language for setMyCommands (descriptions translated)."""
        router = self.app.core.router
        menus = {}
        for lang in ("da", "en"):
            with use_lang(lang):
                menus[lang] = [(name, _(description)) for name, description in router.menu_for(None)]
        return menus
