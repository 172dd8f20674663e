"""Telegram's flood limits, shared by every bot instance: about 30 messages a second per bot, and 20 a minute
per group. With HUSLY_REDIS_URL the counters live in Redis so several instances share them; without it a
process-local limiter does the same for one instance. 429 answers are honoured by the outbox either way: this
keeps us from causing them."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Protocol

GLOBAL_PER_SECOND = 25  # a margin under Telegram's ~30/s
GROUP_PER_MINUTE = 20


class RateLimiter(Protocol):
    async def acquire(self, key: str, limit: int, window: int) -> None:
        """Wait until one more event under ``key`` fits in ``limit`` per ``window`` seconds."""


class LocalRateLimiter:
    """Fixed-window counters in this process (one bot instance)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._counts: dict[tuple[str, int], int] = defaultdict(int)
        self._lock = asyncio.Lock()

    async def acquire(self, key: str, limit: int, window: int) -> None:
        while True:
            async with self._lock:
                now = self._clock()
                slot = int(now // window)
                if self._counts[(key, slot)] < limit:
                    self._counts[(key, slot)] += 1
                    # Forget old windows so memory stays flat.
                    for old in [k for k in self._counts if k[1] < slot - 1]:
                        del self._counts[old]
                    return
                wait = (slot + 1) * window - now
            await asyncio.sleep(wait)


class RedisRateLimiter:
    """Fixed-window counters in Redis (INCR + EXPIRE), shared by every instance."""

    def __init__(self, url: str, prefix: str = "husly:rl") -> None:
        import redis.asyncio as redis

        self._redis = redis.from_url(url)
        self._prefix = prefix

    async def acquire(self, key: str, limit: int, window: int) -> None:
        while True:
            now = time.time()
            slot = int(now // window)
            name = f"{self._prefix}:{key}:{slot}"
            async with self._redis.pipeline(transaction=True) as pipe:
                count, _ = await pipe.incr(name).expire(name, window * 2).execute()
            if count <= limit:
                return
            await asyncio.sleep((slot + 1) * window - now)

    async def close(self) -> None:
        await self._redis.aclose()


def make_rate_limiter(redis_url: str) -> RateLimiter:
    return RedisRateLimiter(redis_url) if redis_url else LocalRateLimiter()


async def before_send(limiter: RateLimiter, chat_id: int) -> None:
    """Wait for room under the bot-wide limit, and under the per-group limit for group chats."""
    if chat_id < 0:
        await limiter.acquire(f"chat:{chat_id}", GROUP_PER_MINUTE, 60)
    await limiter.acquire("bot", GLOBAL_PER_SECOND, 1)
