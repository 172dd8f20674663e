"""Fault injection: the errors, slowness and blocked users a test asks the fake for.

A wildcard (no method named) never hits ``getUpdates``: a running poller would swallow the failure meant for the
bot's calls.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import ApiError

# Methods that deliver something to a chat: a user who blocked the bot makes all of them fail with 403.
_DELIVERING_PREFIXES = ("send", "copymessage", "forwardmessage")


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


def _matches_method(pattern: str | None, method: str) -> bool:
    if pattern is None:
        return method.lower() != "getupdates"
    return pattern.lower() == method.lower()


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[_Fault] = []
        self._random_failures: _RandomFailures | None = None
        self._delays: dict[str | None, float] = {}
        self._chat_delays: dict[int, float] = {}
        self._blocked: set[int | str] = set()

    def fail_next(self, method: str | None, status: int, retry_after: int, count: int, description: str | None,
                  parameters: dict[str, Any] | None) -> None:
        with self._lock:
            self._faults.append(_Fault(method, status, retry_after, count, description, parameters))

    def failure_rate(self, p: float, statuses: Iterable[int], retry_after: int, seed: int,
                     methods: Iterable[str] | None) -> None:
        names = frozenset(m.lower() for m in methods) if methods is not None else None
        failures = _RandomFailures(p, tuple(statuses), retry_after, random.Random(seed), names) if p > 0 else None
        with self._lock:
            self._random_failures = failures

    def delay(self, seconds: float, method: str | None, chat_id: int | None) -> None:
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

    def block(self, chat_id: int | str) -> None:
        with self._lock:
            self._blocked.add(chat_id)

    def unblock(self, chat_id: int | str) -> None:
        with self._lock:
            self._blocked.discard(chat_id)

    def take(self, method: str) -> ApiError | None:
        """The injected error for this call of ``method``, if any (a queued one is used up)."""
        with self._lock:
            for fault in self._faults:
                if fault.remaining > 0 and _matches_method(fault.method, method):
                    fault.remaining -= 1
                    self._faults = [f for f in self._faults if f.remaining > 0]
                    return ApiError.of(fault.status, fault.retry_after, fault.description, fault.parameters)
            chaos = self._random_failures
            if chaos is None:
                return None
            name = method.lower()
            applies = name != "getupdates" if chaos.methods is None else name in chaos.methods
            if applies and chaos.rng.random() < chaos.probability:
                return ApiError.of(chaos.rng.choice(chaos.statuses), chaos.retry_after)
        return None

    def delay_for(self, method: str, params: dict[str, Any]) -> float:
        with self._lock:
            chat = params.get("chat_id")
            if chat in self._chat_delays:
                return self._chat_delays[chat]
            specific = self._delays.get(method.lower())
            if specific is not None:
                return specific
            return self._delays.get(None, 0.0) if method.lower() != "getupdates" else 0.0

    def check_blocked(self, method: str, params: dict[str, Any]) -> None:
        if not method.lower().startswith(_DELIVERING_PREFIXES):
            return
        with self._lock:
            blocked = params.get("chat_id") in self._blocked
        if blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
