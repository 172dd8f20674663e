"""Telegram's flood limits, kept by every bot instance together.

Telegram lets a bot send about 30 messages a second in all, about one a second to one chat, and 20 a minute to
one group; past that it answers 429 with ``retry_after``. We stay under the limits with moving windows from the
``limits`` library (a fixed window would let twice the limit through around a window's edge), in this process's
memory, or in Redis when ``HUSLY_REDIS_URL`` is set so several instances share them.

And when Telegram answers 429 anyway, we pause what it names: a group's 429 pauses that group (the outbox
reschedules its row; bot/outbox.py), while a 429 in a private chat, which we keep under one message a second,
means the bot as a whole is over its limit, so every send waits (one shared pause, with jitter, as
python-telegram-bot's AIORateLimiter does).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

BOT_PER_SECOND = 30  # Telegram's ~30/s; see Settings.messages_per_second
GROUP_PER_MINUTE = 20
# About one a second per private chat, with room for the two or three messages of one answer at once.
CHAT_BURST, CHAT_SECONDS = 3, 3
KEY_PREFIX = "husly:flood"


def jitter(seconds: float, rng: random.Random | None = None) -> float:
    """``seconds`` plus up to 10% and half a second: instances paused together do not all resume at once."""
    return seconds + (rng or random).uniform(0, seconds * 0.1 + 0.5)


class FloodLimits:
    """The three limits and the shared pause. ``clock`` is wall-clock seconds (tests move it)."""

    def __init__(self, redis_url: str = "", *, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 bot_per_second: int = BOT_PER_SECOND, prefix: str = KEY_PREFIX) -> None:
        self._clock, self._sleep = clock, sleep
        self._pause_key = f"{prefix}:pause"
        self._redis: Any = None
        storage: Storage
        if redis_url:
            import redis.asyncio as redis

            # One connection pool for the windows (the limits library's client) and the pause (ours).
            self._redis = redis.Redis.from_url(redis_url)
            storage = RedisStorage(_async_uri(redis_url), implementation="redispy", key_prefix=prefix,
                                   connection_pool=self._redis.connection_pool)
        else:
            storage = MemoryStorage()
        self._windows = MovingWindowRateLimiter(storage)
        self._bot = RateLimitItemPerSecond(bot_per_second)
        self._group = RateLimitItemPerMinute(GROUP_PER_MINUTE)
        self._chat = RateLimitItemPerSecond(CHAT_BURST, CHAT_SECONDS)
        self._paused_until = 0.0

    async def chat_delay(self, chat_id: int) -> float:
        """0 when one more message to ``chat_id`` fits now (and count it); else the seconds until it does."""
        item = self._group if chat_id < 0 else self._chat
        if await self._windows.hit(item, "chat", str(chat_id)):
            return 0.0
        # Never 0 here: 0 means "counted, send now".
        return max(await self._until_room(item, "chat", str(chat_id)), 0.05)

    async def bot_slot(self) -> None:
        """Wait until the bot may send one more message (no pause, room in the bot-wide window); count it."""
        while True:
            paused = await self.paused_for()
            if paused > 0:
                await self._sleep(paused)
                continue
            if await self._windows.hit(self._bot, "bot"):
                return
            await self._sleep(max(await self._until_room(self._bot, "bot"), 0.01))

    async def pause_bot(self, seconds: float) -> None:
        """Hold every send of every instance for ``seconds`` (Telegram said the bot is over its limit)."""
        until = self._clock() + seconds
        self._paused_until = max(self._paused_until, until)
        if self._redis is not None:
            await self._redis.set(self._pause_key, repr(until), px=max(int(seconds * 1000), 1))

    async def paused_for(self) -> float:
        """Seconds left of a pause (0 when none)."""
        until = self._paused_until
        if self._redis is not None:
            shared = await self._redis.get(self._pause_key)
            if shared:
                until = max(until, float(shared))
        return max(until - self._clock(), 0.0)

    async def close(self) -> None:
        if self._redis is not None:
            await self._redis.aclose(close_connection_pool=True)

    async def _until_room(self, item: RateLimitItem, *identifiers: str) -> float:
        stats = await self._windows.get_window_stats(item, *identifiers)
        return max(stats.reset_time - self._clock(), 0.0) if stats.remaining <= 0 else 0.0


def _async_uri(url: str) -> str:
    """``redis://...`` as the ``limits`` library names its asyncio storage."""
    return url if url.startswith("async+") else f"async+{url}"
