"""A malformed update that Telegram delivers again (a poll's answer lost or slow, seen under load in the PTB polling
test) is skipped and counted once, not once per delivery; another malformed update still counts."""

from __future__ import annotations

import asyncio
import logging

import pytest

from handlers.telegram.runtime import Runtime

NO_CHAT = {"update_id": 4711, "message": {"message_id": 1, "date": 0, "text": "hej",
                                          "from": {"id": 5, "is_bot": False, "first_name": "Kirsten"}}}


def test_a_malformed_update_delivered_twice_is_skipped_once(sqlite_engine, make_app,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    runtime = Runtime(make_app(sqlite_engine))
    other = {**NO_CHAT, "update_id": 4712}

    async def deliver() -> list[bool]:
        return [await runtime.handle(NO_CHAT), await runtime.handle(NO_CHAT), await runtime.handle(other)]

    with caplog.at_level(logging.WARNING):
        done = asyncio.run(deliver())

    assert done == [True, True, True]  # done with: nothing to answer, nothing to try again
    assert runtime.counters["malformed"] == 2
    assert caplog.text.count("skipped: malformed") == 2
    assert "hej" not in caplog.text and "Kirsten" not in caplog.text
