"""Flood limits: moving windows that never let twice the limit through at a window's edge, the same in memory
and in Redis (shared by instances), and one shared pause after Telegram's 429.

Time is a fake clock (given to FloodLimits, and to the limits library where it reads ``time.time``) and sleeping
moves it, so nothing here waits for real.
"""

from __future__ import annotations

import os
import types
import uuid

import limits.aio.storage.memory
import limits.aio.storage.redis.redispy
import limits.aio.strategies
import pytest

from bot import ratelimit
from bot.config import Settings
from bot.ratelimit import FloodLimits

REDIS_URL = os.environ.get("HUSLY_TEST_REDIS_URL", "")


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """FloodLimits takes the clock; the limits library reads ``time.time()`` itself, so its modules (and only
    those: not the whole process, not the Redis client) see the fake time."""
    fake = Clock()
    stand_in = types.SimpleNamespace(time=fake)
    for module in (limits.aio.strategies, limits.aio.storage.memory, limits.aio.storage.redis.redispy):
        monkeypatch.setattr(module, "time", stand_in)
    return fake


@pytest.fixture(params=["memory", "redis"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "redis" and not REDIS_URL:
        pytest.skip("HUSLY_TEST_REDIS_URL is not set")
    return REDIS_URL if request.param == "redis" else ""


def prefix() -> str:
    """Every test its own Redis keys, so runs never see each other's windows."""
    return f"husly-test-{uuid.uuid4().hex}"


async def test_the_bot_wide_limit_holds_across_a_window_edge(clock: Clock, backend: str) -> None:
    limits = FloodLimits(backend, clock=clock, sleep=clock.sleep, bot_per_second=5, prefix=prefix())
    try:
        clock.now += 0.9  # late in a second: a fixed window would start afresh in 0.1 s
        for _ in range(5):
            await limits.bot_slot()
        assert clock.slept == []
        await limits.bot_slot()  # the sixth in a second must wait until the first leaves the window
        waited = sum(clock.slept)
        assert 0.9 <= waited <= 1.1, waited
    finally:
        await limits.close()


async def test_people_writing_at_25_a_second_never_wait_for_the_default_limit(clock: Clock, backend: str) -> None:
    """The default keeps to Telegram's ~30 a second, above the rate people write at at peak: a limit at their
    very rate built a queue that never drained (replies p99 0.8 s at 25 a second; benchmarks/latency.py)."""
    per_second = Settings(_env_file=None).messages_per_second
    limits = FloodLimits(backend, clock=clock, sleep=clock.sleep, bot_per_second=per_second, prefix=prefix())
    try:
        for _ in range(250):  # ten seconds of replies at 25 a second
            await limits.bot_slot()
            clock.now += 0.04
        assert clock.slept == []
        for _ in range(per_second):  # a burst: Telegram's ~30 in one second, and no more
            await limits.bot_slot()
        assert sum(clock.slept) > 0
        assert per_second <= 30
    finally:
        await limits.close()


async def test_a_group_gets_twenty_a_minute_and_is_told_how_long_to_wait(clock: Clock, backend: str) -> None:
    limits = FloodLimits(backend, clock=clock, sleep=clock.sleep, prefix=prefix())
    group = -100_000_000_000 - int(clock.now) % 1000
    try:
        assert [await limits.chat_delay(group) for _ in range(20)] == [0.0] * 20
        clock.now += 30
        wait = await limits.chat_delay(group)
        assert 29 <= wait <= 31, "the 21st waits until the first of the minute leaves the window"
        clock.now += wait + 0.01
        assert await limits.chat_delay(group) == 0.0
    finally:
        await limits.close()


async def test_a_private_chat_gets_a_few_at_once_then_about_one_a_second(clock: Clock, backend: str) -> None:
    limits = FloodLimits(backend, clock=clock, sleep=clock.sleep, prefix=prefix())
    chat = 900_000 + int(clock.now) % 1000
    try:
        burst = [await limits.chat_delay(chat) for _ in range(ratelimit.CHAT_BURST)]
        assert burst == [0.0] * ratelimit.CHAT_BURST, "one answer's two or three messages go at once"
        assert await limits.chat_delay(chat) > 0
    finally:
        await limits.close()


@pytest.mark.skipif(not REDIS_URL, reason="HUSLY_TEST_REDIS_URL is not set")
async def test_two_instances_share_one_window_and_one_pause_through_redis(clock: Clock) -> None:
    shared = prefix()
    first = FloodLimits(REDIS_URL, clock=clock, sleep=clock.sleep, prefix=shared)
    second = FloodLimits(REDIS_URL, clock=clock, sleep=clock.sleep, prefix=shared)
    chat = 800_000 + int(uuid.uuid4().int % 100_000)
    try:
        assert [await first.chat_delay(chat) for _ in range(ratelimit.CHAT_BURST)] == [0.0] * ratelimit.CHAT_BURST
        assert await second.chat_delay(chat) > 0, "the other instance sees the same chat window"

        await first.pause_bot(7.0)
        assert 6.9 <= await second.paused_for() <= 7.0, "a 429 seen by one instance pauses the other too"
        clock.now += 7.1
        assert await second.paused_for() == 0
    finally:
        await first.close()
        await second.close()


async def test_bot_slot_waits_out_a_pause(clock: Clock) -> None:
    limits = FloodLimits("", clock=clock, sleep=clock.sleep)
    await limits.pause_bot(3.0)
    await limits.bot_slot()
    assert sum(clock.slept) >= 3.0


def test_jitter_spreads_resumes_but_never_shortens_the_wait() -> None:
    waits = {ratelimit.jitter(5.0) for _ in range(50)}
    assert min(waits) >= 5.0 and max(waits) <= 6.0 and len(waits) > 1
