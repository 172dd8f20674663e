"""A Friday evening at 17:00 in Aarhus through the real HTTP path: the office is closed, nobody is on duty, Mette is
in the team chat. Shared by the Telegram tests of a waiting case (both front ends, each test's own database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import Desk
from tests.telegram_harness import InProcessBot
from tests.test_telegram_caseworkers import MovableClock

METTE, SARA = 7301, 5401


def evening_desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
                 knowledge) -> Iterator[tuple[Desk, MovableClock]]:
    """The body of a ``desk`` fixture parametrized over FRAMEWORKS."""
    clock = MovableClock()  # Friday 17:00 in Aarhus: the office is closed, nobody on duty
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge, clock=clock) as bot:
        desk = Desk(bot)
        desk.join(METTE, "Mette")
        desk.team(METTE)
        yield desk, clock
        assert bot.app.core.failures == 0, "a handler raised (someone got the apology)"
    assert fake_telegram.unanswered_callback_queries() == [], "every button press is answered"


def skip_the_questions(desk: Desk, chat: int) -> None:
    """Tap Skip at the age and tonight questions and stay anonymous, as the questions come."""
    for question in ("cy:skip:1:age", "cy:skip:1:tonight", "cy:anon:1"):
        asked, data = desk.last_with(chat, question)
        desk.press(asked, data)
