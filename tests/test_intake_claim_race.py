"""An update stored and handled while the recovery loop claims rows is handled once, not twice.

The recovery loop (every half second) claims inbox rows this instance is not working on. It reads the ids being
worked on before its claim; an update stored just after that read, and handled before the claim returned, came
back in the claim although its row was already gone, and was started a second time (found in CI: the test
harness counted the second handling, and a caseworker's next command ran after the test had read the replies).
The race is made certain here: the claim waits until the update is stored, and its first handling waits until
the claim has read the row.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bot import inbox
from tests.fake_telegram import FakeTelegram
from tests.support import wait_until
from tests.telegram_harness import InProcessBot, plain

CHAT = 6_310_001
UPDATE_ID = 9_000_001


def test_an_update_handled_while_a_recovery_claim_runs_is_handled_once(
        fake_telegram: FakeTelegram, tmp_path: Path, knowledge: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    armed, claim_entered, claimed = threading.Event(), threading.Event(), threading.Event()
    rounds_after: list[int] = []
    real_claim = inbox.claim

    with InProcessBot(fake_telegram, "aiogram", tmp_path / "data", knowledge=knowledge) as bot:

        def racing_claim(engine: Engine, transport: str, *, owner: str, now: Any,
                         busy: Any = ()) -> list[inbox.Received]:
            if claimed.is_set():
                rounds_after.append(1)
            if not armed.is_set() or claimed.is_set():
                return real_claim(engine, transport, owner=owner, now=now, busy=busy)
            claim_entered.set()
            wait_until(lambda: inbox.waiting(engine) == 1, what="the update stored")
            rows = real_claim(engine, transport, owner=owner, now=now, busy=busy)
            claimed.set()
            wait_until(lambda: UPDATE_ID in bot.handled, what="the first handling")
            return rows

        handle = bot.runtime.handle

        async def held(raw: dict[str, Any]) -> bool:
            if raw.get("update_id") == UPDATE_ID and not claimed.is_set():
                await asyncio.to_thread(claimed.wait, 10)
            return bool(await handle(raw))

        bot.runtime.handle = held
        monkeypatch.setattr(inbox, "claim", racing_claim)
        armed.set()
        assert claim_entered.wait(10), "the recovery loop claims every half second"
        fake_telegram.push_update({"update_id": UPDATE_ID, **fake_telegram.text_update(CHAT, "hvad er boligstøtte")})
        wait_until(lambda: len(rounds_after) >= 1, what="the next recovery round (the racing one is over)")
        bot.wait_idle()

        assert bot.handled.count(UPDATE_ID) == 1, bot.handled
        assert bot.runtime.counters["recovered"] == 0
        answers = [plain(c) for c in fake_telegram.calls if c.method == "sendMessage"
                   and c.params.get("chat_id") == CHAT]
        assert [a for a in answers if "boligstøtte" in a.lower()] == answers[-1:], answers  # answered once
        assert inbox.waiting(bot.engine) == 0
