"""Flood limits shared by instances: the local limiter and the Redis one hold the same line."""

from __future__ import annotations

import asyncio
import os
import time
import uuid

import pytest

from bot.ratelimit import LocalRateLimiter, RedisRateLimiter

REDIS_URL = os.environ.get("HUSLY_TEST_REDIS_URL")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_local_limiter_lets_the_limit_through_then_waits(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.now += seconds

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    limiter = LocalRateLimiter(clock)
    for _ in range(3):
        await limiter.acquire("bot", 3, 1)
    assert waits == []
    await limiter.acquire("bot", 3, 1)
    assert waits and 0 < waits[0] <= 1


@pytest.mark.skipif(not REDIS_URL, reason="HUSLY_TEST_REDIS_URL is not set")
async def test_two_instances_share_one_limit_through_redis() -> None:
    key = f"test-{uuid.uuid4().hex}"
    first, second = RedisRateLimiter(REDIS_URL or "", prefix=key), RedisRateLimiter(REDIS_URL or "", prefix=key)
    try:
        # Start at the beginning of a fresh second so all 10 land in one window unless limited.
        await asyncio.sleep(1 - time.time() % 1 + 0.01)
        start = time.monotonic()
        await asyncio.gather(*(limiter.acquire("bot", 5, 1) for limiter in (first, second) for _ in range(5)))
        elapsed = time.monotonic() - start
    finally:
        await first.close()
        await second.close()
    # Ten events at five per second across both instances need a second window.
    assert elapsed >= 0.5
