"""Webhook delivery as Telegram does it: an update is POSTed again until the bot answers 2xx.

``FakeTelegram.deliver`` POSTs once and returns the status, for tests of one request. Real Telegram keeps an
update until the webhook accepts it: a refused connection (the bot is restarting), a timeout or any other status
means "try again later". ``Redelivery`` does that, with up to ``max_connections`` deliveries at once (Telegram's
``max_connections``). Between attempts it waits ``retry_every`` real seconds: the bot under test is a real
process, and the pause is Telegram's pacing, not a wait for something to happen.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import threading
from concurrent.futures import Future
from typing import Any

import aiohttp

from .server import FakeTelegram

_IDS = itertools.count(700_000)


class Redelivery:
    def __init__(self, tg: FakeTelegram, *, retry_every: float = 0.25, timeout: float = 10.0,
                 max_connections: int = 40) -> None:
        self.tg = tg
        self.retry_every, self.timeout = retry_every, timeout
        self._slots: asyncio.Semaphore | None = None
        self._max = max_connections
        self._lock = threading.Lock()
        self._futures: list[Future[int]] = []
        # update_id -> number of attempts
        self.attempts: dict[int, int] = {}

    def push(self, update: dict[str, Any]) -> int:
        """Queue ``update`` for delivery; returns its update_id."""
        if "update_id" not in update:
            update = {"update_id": next(_IDS), **update}
        update_id = int(update["update_id"])
        with self._lock:
            self._futures.append(self.tg.submit(self._deliver(update)))
        return update_id

    def wait(self, timeout: float = 60) -> None:
        """Until every queued update was accepted (2xx) by the bot."""
        with self._lock:
            futures = list(self._futures)
        done, pending = concurrent.futures.wait(futures, timeout)
        if pending:
            raise TimeoutError(f"{len(pending)} of {len(futures)} update(s) not accepted after {timeout:g} s")
        for future in done:
            future.result()

    @property
    def undelivered(self) -> int:
        with self._lock:
            return sum(not f.done() for f in self._futures)

    async def _deliver(self, update: dict[str, Any]) -> int:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._max)
        update_id = int(update["update_id"])
        while True:
            async with self._slots:
                self.attempts[update_id] = self.attempts.get(update_id, 0) + 1
                try:
                    status = await self.tg.adeliver(update, timeout=self.timeout)
                except (aiohttp.ClientError, TimeoutError, OSError):
                    status = 0
            if 200 <= status < 300:
                return status
            await asyncio.sleep(self.retry_every)
