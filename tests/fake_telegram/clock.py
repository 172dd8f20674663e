"""The fake's sense of time: message dates, call times, ``delay()`` and long-poll timeouts.

By default that is the real clock. A test that checks *when* the fake answers gives it a :class:`ManualClock`
instead: nothing then waits for real, the test moves time with :meth:`ManualClock.advance` and waits on
:meth:`ManualClock.wait_sleeping` (a condition, not a pause) to know the fake is holding a request back.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Protocol


class ServerClock(Protocol):
    def time(self) -> float:
        """Unix time in seconds (dates in messages, ``Call.time``)."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` on the server's event loop (a delayed answer, a long poll's timeout)."""
        ...


class RealClock:
    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class ManualClock:
    """Time that moves only when the test says so; ``sleep`` on the server loop returns once it has passed.

    Thread-safe: the server sleeps on its own loop while the test advances from its thread.
    """

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = start
        self._changed = threading.Condition()
        self._sleepers: list[tuple[float, asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def time(self) -> float:
        with self._changed:
            return self._now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        loop = asyncio.get_running_loop()
        wake: asyncio.Future[None] = loop.create_future()
        entry = (self.time() + seconds, loop, wake)
        with self._changed:
            self._sleepers.append(entry)
            self._changed.notify_all()
        try:
            await wake
        finally:
            with self._changed:
                if entry in self._sleepers:  # cancelled (a long poll woken by an update) rather than woken
                    self._sleepers.remove(entry)
                self._changed.notify_all()

    @property
    def sleeping(self) -> int:
        """How many sleeps are waiting for time to pass."""
        with self._changed:
            return len(self._sleepers)

    def advance(self, seconds: float) -> None:
        """Move time on and wake every sleep that is now over."""
        with self._changed:
            self._now += seconds
            due = [s for s in self._sleepers if s[0] <= self._now]
            self._sleepers = [s for s in self._sleepers if s[0] > self._now]
            self._changed.notify_all()
        for _, loop, wake in due:
            loop.call_soon_threadsafe(_wake, wake)

    def wait_sleeping(self, count: int = 1, timeout: float = 10) -> None:
        """Block until exactly ``count`` sleeps are waiting (fx the fake holds that many requests back; 0: none).

        From async code run it in a thread (``await asyncio.to_thread(clock.wait_sleeping)``) so the loop that
        sends the requests keeps going.
        """
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._sleepers) == count, timeout):
                raise AssertionError(f"timed out after {timeout:g} s waiting for {count} sleep(s) on the fake's clock"
                                     f" ({len(self._sleepers)} waiting)")


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
