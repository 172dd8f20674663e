"""What both Telegram front ends share: take updates in durably, hand them to the core off the event loop,
keep answering when the database is away, deliver the outbox, run the periodic jobs, stop cleanly.

Kept framework-free: aiogram and python-telegram-bot are only the Bot API client (``TelegramClient``).

An update's way: the intake (handlers/telegram/intake.py) calls ``accept``, which stores it in the inbox (or,
while the database is away, in the local spool and sends the fail-safe answer), and only then lets Telegram
forget it. The update is handled at once by this instance (``_process``); an update this instance could not
handle (the database went away), and any update left by an instance that died, is picked up by the recovery
loop, in order per chat.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import dataclasses
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any, Protocol

from bot import failsafe, inbox, instances
from bot.app import App
from bot.i18n import _, use_lang
from bot.inbox import Received
from bot.jobs import run_due
from bot.logs import log_failure
from bot.outbox import DeliveryWorker, Sender
from bot.ratelimit import FloodLimits
from bot.replies import Incoming, Outcome, Reply
from bot.spool import Spool
from handlers.telegram.updates import TRANSPORT, Malformed, received, to_incoming

log = logging.getLogger(__name__)
JOB_INTERVAL = 30.0
# Updates handled together in one transaction at most (see Runtime._core).
MAX_BATCH = 50
# Seconds Telegram shows a "typing…" indicator (or until the bot's next message).
TYPING_LASTS = 5.0
# How often stored updates nobody is handling are looked for (and the spool replayed).
RECOVER_EVERY = 0.5
# An update the database could not take waits this long (doubling, up to the maximum) before the next try.
RETRY_FIRST, RETRY_MAX = 0.5, 10.0
# At a clean stop, how long updates being handled may take to finish before they are handed back.
STOP_GRACE = 5.0
# Update ids whose fail-safe answer was sent (so a retry does not send it again), and malformed ones counted, newest
# kept.
REMEMBERED = 10_000


class TelegramClient(Sender, Protocol):
    """The Bot API as the runtime uses it: the outbox's Sender plus calls made directly (no delivery guarantee)."""

    async def typing(self, chat_id: int) -> None: ...

    async def answer_callback(self, callback_id: str, text: str | None) -> None: ...

    async def download(self, file_id: str) -> bytes | None: ...

    async def get_me(self) -> tuple[int, str]: ...

    async def delete_webhook(self) -> None: ...

    async def set_webhook(self, url: str, secret: str, allowed_updates: list[str]) -> None: ...

    async def set_commands(self, commands: dict[str, list[tuple[str, str]]]) -> None: ...

    async def close(self) -> None: ...


class Runtime:
    def __init__(self, app: App, *, instance_id: str | None = None) -> None:
        self.app = app
        self.instance = instance_id or instances.new_instance_id()
        self.bot_id = 0
        self.bot_username = ""
        self.client: TelegramClient | None = None
        self.worker: DeliveryWorker | None = None
        self.spool = Spool(app.settings.data_dir / "spool", self.instance)
        # What happened to updates, for logs, health checks and tests (never their content).
        self.counters: collections.Counter[str] = collections.Counter()
        # chat id -> (lock, number of updates holding or waiting for it); see _turn.
        self._turns: dict[int, tuple[asyncio.Lock, int]] = {}
        # Updates waiting for the core, with the futures their handlers await; see _core.
        self._waiting: list[tuple[Incoming, asyncio.Future[Outcome]]] = []
        self._batcher: asyncio.Task[None] | None = None
        # Update ids this instance is working on, and when a deferred one may be tried again (monotonic).
        self._in_flight: set[int] = set()
        # Ids started while a recovery claim runs: a row stored and handled during the claim is in its answer
        # although it is already done (the claim saw it before the handling deleted it); see recover_once.
        self._started_during_claim: set[int] | None = None
        self._not_before: dict[int, float] = {}
        self._retries: dict[int, int] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        # Updates waiting to be stored together (see accept), and the threads that store them: their own, so
        # intake never waits behind other work for a thread while the database is slow.
        self._to_store: list[tuple[list[Received], asyncio.Future[bool]]] = []
        self._storer: asyncio.Task[None] | None = None
        self._intake_pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="intake")
        self._background: list[asyncio.Task[Any]] = []
        # While the database is away: the chats told "I'm slow" and the updates given the fail-safe answer.
        self._told_slow: set[int] = set()
        self._failsafe_sent: collections.OrderedDict[int, None] = collections.OrderedDict()
        self._database_down = False
        # Ids of malformed updates already counted: Telegram sends an update again when a poll's answer was lost or
        # slow, and a skipped update is one skip, not one per delivery (a log line, so memory is enough).
        self._malformed_seen: collections.OrderedDict[int, None] = collections.OrderedDict()
        # chat id -> when "typing…" was last shown there (a cosmetic cache; losing it costs one extra indicator).
        self._typing_shown: dict[int, float] = {}
        # The typing indicator's time (the wait before it shows, and its 5 s), replaceable so tests need not wait.
        self.typing_sleep: Callable[[float], Awaitable[object]] = asyncio.sleep
        self.typing_clock: Callable[[], float] = time.monotonic

    def set_identity(self, bot_id: int, username: str) -> None:
        self.bot_id, self.bot_username = bot_id, username

    # ---- intake ------------------------------------------------------------------------------------------

    async def accept(self, updates: list[Any]) -> bool:
        """Store updates and start handling them; True once every one is safe (so Telegram may forget them).

        Safe means in the inbox, or, while the database does not answer, in the local spool; then each person
        gets the fail-safe answer at once. False only when neither would take them (Telegram keeps them).
        Updates that arrive while a store is running are stored together in the next one (as the core's group
        commit: a webhook under load costs one transaction per batch, not per update).
        """
        batch = self._readable(updates)
        if not batch:
            return True
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._to_store.append((batch, future))
        if self._storer is None:
            self._storer = asyncio.create_task(self._store_batches())
        return await future

    async def _store_batches(self) -> None:
        try:
            while self._to_store:
                waiting, self._to_store = self._to_store, []
                safe = await self._store([item for batch, _ in waiting for item in batch])
                for _, future in waiting:
                    if not future.done():
                        future.set_result(safe)
        finally:
            self._storer = None

    async def _store(self, batch: list[Received]) -> bool:
        if self._database_down:  # known to be away: do not make these people wait for it again
            return await self._spool(batch, None)
        loop = asyncio.get_running_loop()
        try:
            new = await asyncio.wait_for(loop.run_in_executor(
                self._intake_pool, lambda: inbox.store(self.app.engine, TRANSPORT, batch, owner=self.instance,
                                                       now=self.app.deps.clock())), timeout=STORE_TIMEOUT)
        except Exception as exc:  # away, locked or slow: keep the updates on disk and answer from memory
            return await self._spool(batch, exc)
        self._database_back()
        for item in batch:
            if item.update_id in new:
                self._start(item)
        return True

    def _readable(self, updates: list[Any]) -> list[Received]:
        batch = []
        for update in updates:
            try:
                batch.append(received(update))
            except Malformed as exc:
                self._malformed(update.get("update_id") if isinstance(update, dict) else None, exc)
        return batch

    async def _spool(self, batch: list[Received], exc: BaseException | None) -> bool:
        try:
            await asyncio.get_running_loop().run_in_executor(self._intake_pool, self.spool.append, batch)
        except OSError as disk:
            log.error("cannot store %s update(s): database %s, spool %s", len(batch),
                      type(exc).__name__ if exc else "away", type(disk).__name__)
            return False
        self._database_away(exc)
        self.counters["spooled"] += len(batch)
        for item in batch:
            with contextlib.suppress(Malformed):
                incoming = to_incoming(item.update(), bot_id=self.bot_id, bot_username=self.bot_username)
                if incoming is not None:
                    self._spawn(self._failsafe(incoming))
        return True

    def _start(self, item: Received) -> None:
        self._in_flight.add(item.update_id)
        if self._started_during_claim is not None:
            self._started_during_claim.add(item.update_id)
        self._spawn(self._process(item))

    def _spawn(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        # Kept referenced until done: a dropped task can vanish mid-way, and with it someone's answer.
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _process(self, item: Received) -> None:
        update_id = item.update_id
        try:
            done = await self.handle(item.update())
        except Exception as exc:
            log_failure(log, f"update {update_id}", exc)
            done = False
        finally:
            self._in_flight.discard(update_id)
        if done:
            self._not_before.pop(update_id, None)
            self._retries.pop(update_id, None)
        else:
            # Left in the inbox, ours: the recovery loop takes it again after a pause that grows.
            tries = self._retries[update_id] = self._retries.get(update_id, 0) + 1
            self._not_before[update_id] = time.monotonic() + min(RETRY_FIRST * 2 ** (tries - 1), RETRY_MAX)

    # ---- handling ------------------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _turn(self, chat_id: int) -> AsyncIterator[None]:
        """One update per chat at a time, in arrival order (two quick messages from one person must not run in
        parallel transactions on the same profile: answers out of order, a flow step lost)."""
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
    async def _typing_while_slow(self, incoming: Incoming) -> AsyncIterator[None]:
        """Show "typing…" if the answer is not queued within ``typing_delay`` (fx when many people write at once)."""
        client = self.client
        if client is None or incoming.kind not in ("text", "command") or not incoming.private:
            yield
            return

        sending = False

        async def typing_later() -> None:
            nonlocal sending
            await self.typing_sleep(self.app.settings.typing_delay)
            now = self.typing_clock()
            # Telegram shows the indicator for up to 5 s: once per chat in that time is enough.
            if now - self._typing_shown.get(incoming.chat_id, -TYPING_LASTS) >= TYPING_LASTS:
                self._typing_shown[incoming.chat_id] = now
                if len(self._typing_shown) > 10_000:
                    self._typing_shown = {c: t for c, t in self._typing_shown.items() if now - t < TYPING_LASTS}
                sending = True
                await client.typing(incoming.chat_id)

        timer = asyncio.create_task(typing_later())
        self._tasks.add(timer)
        timer.add_done_callback(self._tasks.discard)
        try:
            yield
        finally:
            # The answer is queued: an indicator not yet due is no longer needed (one on its way may finish).
            if not sending:
                timer.cancel()

    async def handle(self, update: dict[str, Any]) -> bool:
        """Handle one stored update end to end; True when it is done with (answered, or nothing to answer),
        False when the database did not answer and it must be tried again. Never raises into the intake."""
        update_id = update.get("update_id")
        callback = update.get("callback_query")
        callback_id = callback.get("id") if isinstance(callback, dict) else None
        try:
            incoming = to_incoming(update, bot_id=self.bot_id, bot_username=self.bot_username)
        except Malformed as exc:
            self._malformed(update_id, exc)
            return await self._forget(update_id)
        if incoming is None:  # an edit, a channel post, a service message: nothing to answer
            return await self._forget(update_id)
        async with self._typing_while_slow(incoming), self._turn(incoming.chat_id):
            if incoming.kind == "document" and incoming.document_file_id and self.client is not None:
                content = await self.client.download(incoming.document_file_id)
                incoming = dataclasses.replace(incoming, document_bytes=content)
            outcome = await self._core(incoming)
        if outcome.deferred:
            self._database_away(None)
            await self._failsafe(incoming)
            if callback_id and self.client is not None:  # stop the button's spinner; the press is kept
                with use_lang(failsafe.language_of(incoming)):
                    await self.client.answer_callback(str(callback_id), _("One moment…"))
            return False
        self.counters["handled"] += 1
        if callback_id and self.client is not None:
            await self.client.answer_callback(str(callback_id), outcome.callback_answer)
        if self.worker:
            self.worker.wake()
        return True

    async def _forget(self, update_id: Any) -> bool:
        if not isinstance(update_id, int):
            return True
        try:
            await asyncio.to_thread(inbox.forget_now, self.app.engine, TRANSPORT, update_id)
        except Exception:
            return False  # the database is away; the row is ours and is tried again
        return True

    def _malformed(self, update_id: Any, exc: Malformed) -> None:
        # Its id and what was wrong, never its content (it may hold what someone wrote, and their name).
        if isinstance(update_id, int):
            if update_id in self._malformed_seen:
                return
            self._malformed_seen[update_id] = None
            if len(self._malformed_seen) > REMEMBERED:
                self._malformed_seen.popitem(last=False)
        self.counters["malformed"] += 1
        log.warning("update %s skipped: malformed (%s)", update_id if isinstance(update_id, int) else "?", exc)

    # ---- the database away ------------------------------------------------------------------------------------

    async def _failsafe(self, incoming: Incoming) -> None:
        """Answer from memory while the database is away: the safety information for someone in crisis, else
        one "I'm slow right now" per chat. Each update gets it at most once, however often it is retried."""
        client, update_id = self.client, incoming.update_id
        if client is None or not incoming.private or update_id is None or update_id in self._failsafe_sent:
            return
        self._failsafe_sent[update_id] = None
        while len(self._failsafe_sent) > REMEMBERED:
            self._failsafe_sent.popitem(last=False)
        reply: Reply | None = failsafe.safety_now(self.app.deps.kb, incoming, self.app.deps.clock().date())
        if reply is not None:
            self.counters["failsafe_safety"] += 1
        elif incoming.chat_id not in self._told_slow:
            self._told_slow.add(incoming.chat_id)
            reply = failsafe.slow_notice(incoming)
            self.counters["failsafe_slow"] += 1
        if reply is None:
            return
        try:
            await asyncio.wait_for(client.send(incoming.chat_id, reply), self.app.settings.request_timeout + 2)
        except Exception as exc:
            log.warning("fail-safe answer to update %s not sent (%s)", update_id, type(exc).__name__)

    def _database_away(self, exc: BaseException | None) -> None:
        if not self._database_down:
            self._database_down = True
            log.error("the database does not answer (%s): answering from memory, handling later",
                      type(exc).__name__ if exc else "deferred")

    def _database_back(self) -> None:
        if self._database_down:
            self._database_down = False
            self._told_slow.clear()
            log.warning("the database answers again")

    # ---- background: heartbeat, recovery, delivery, jobs ---------------------------------------------------------

    async def start_background(self, client: TelegramClient) -> None:
        """Start beating, recovering, delivering and the jobs (the first beat is written before this returns,
        so this instance's leases count as alive from the start)."""
        self.client = client
        settings = self.app.settings
        with contextlib.suppress(Exception):
            await asyncio.to_thread(instances.beat, self.app.engine, self.instance, self.app.deps.clock())
        self.worker = DeliveryWorker(self.app.engine, TRANSPORT, client, clock=self.app.deps.clock,
                                     limits=FloodLimits(settings.redis_url,
                                                        bot_per_second=settings.messages_per_second),
                                     owner=self.instance,
                                     request_timeout=settings.request_timeout)
        self._background = [asyncio.create_task(self._beat(), name="heartbeat"),
                            asyncio.create_task(self._recover(), name="recover"),
                            asyncio.create_task(self.worker.run(), name="outbox"),
                            asyncio.create_task(self._jobs(), name="jobs")]

    async def stop_background(self) -> None:
        """A clean stop: finish or hand back the updates being handled, finish the sends in flight (no
        repeats), hand back every lease, and retire this instance."""
        self._background[1].cancel()  # recovery: take nothing new
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=STOP_GRACE)
        for task in self._tasks:
            task.cancel()
        if self.worker is not None:
            self.worker.stop()
            outbox = self._background[2]
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(outbox, timeout=self.app.settings.request_timeout + 5)
        for task in self._background:
            task.cancel()
        for task in self._background:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            await asyncio.to_thread(inbox.release, self.app.engine, owner=self.instance)
            await asyncio.to_thread(instances.retire, self.app.engine, self.instance)
        if self.worker is not None and self.worker.limits is not None:
            with contextlib.suppress(Exception):
                await self.worker.limits.close()
        self._intake_pool.shutdown(wait=False, cancel_futures=True)

    async def _beat(self) -> None:
        while True:
            try:
                await asyncio.to_thread(instances.beat, self.app.engine, self.instance, self.app.deps.clock())
            except Exception as exc:
                self._database_away(exc)
            else:
                # A write went through: the database takes updates again, once what waits in the spool is in
                # the inbox (so a newer update never overtakes an older one of the same chat).
                if not self.spool.pending():
                    self._database_back()
            await asyncio.sleep(instances.BEAT_EVERY)

    async def _recover(self) -> None:
        """Replay the spool and take over stored updates that nobody alive is handling."""
        while True:
            try:
                await self.recover_once()
            except Exception as exc:
                self._database_away(exc)
            await asyncio.sleep(RECOVER_EVERY)

    async def recover_once(self) -> int:
        """One round of recovery; returns how many updates it started handling."""
        engine, clock = self.app.engine, self.app.deps.clock
        if self.spool.pending():
            replayed = await asyncio.to_thread(
                self.spool.replay, lambda batch: inbox.store(engine, TRANSPORT, batch, owner=None, now=clock()))
            if replayed:
                log.info("%s update(s) moved from the spool to the inbox", replayed)
                self._database_back()
        self._started_during_claim = set()
        try:
            rows = await asyncio.to_thread(inbox.claim, engine, TRANSPORT, owner=self.instance, now=clock(),
                                           busy=tuple(self._in_flight))
        finally:
            started_meanwhile, self._started_during_claim = self._started_during_claim, None
        now, started = time.monotonic(), 0
        for row in rows:
            if row.update_id in self._in_flight or row.update_id in started_meanwhile \
                    or self._not_before.get(row.update_id, 0) > now:
                continue
            self._start(row)
            started += 1
        if started:
            self.counters["recovered"] += started
        return started

    async def _jobs(self) -> None:
        while True:
            try:
                results = await asyncio.to_thread(run_due, self.app.engine, self.app.deps, self.app.deps.clock())
            except Exception as exc:
                log_failure(log, "jobs", exc)
            else:
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


# Longer than the database's own wait (bot/db.py WAIT_SECONDS), so its errors, not this, decide; this only
# catches a database that neither answers nor fails.
STORE_TIMEOUT = 4.0
