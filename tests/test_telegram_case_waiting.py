"""A waiting case through the real HTTP path (aiogram and python-telegram-bot against the fake Bot API): on a Friday
evening with nobody on duty, the "office is closed" notice comes once, not on every message, and again three hours
later; "jeg er så bange" gets a warm line, not the answer about violence at home. Each failed before its fix."""

from __future__ import annotations

import pytest

from bot.cases import jobs
from tests.telegram_desk import Desk
from tests.telegram_evening import SARA, evening_desk, skip_the_questions
from tests.telegram_harness import FRAMEWORKS
from tests.test_telegram_caseworkers import MovableClock

CLOSED = "mandag kl. 08:00"
SHORT = "Jeg har lagt din besked på din sag (nummer 1). Er du i fare, så ring 112."

desk = pytest.fixture(params=FRAMEWORKS, name="desk")(evening_desk)


def test_the_closed_office_is_said_once_and_a_feeling_gets_a_warm_line(desk: tuple[Desk, MovableClock]) -> None:
    desk_, clock = desk
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    skip_the_questions(desk_, SARA)
    first = desk_.texts(SARA, desk_.write(SARA, "hallo?"))
    assert len(first) == 1 and CLOSED in first[0], first
    assert desk_.texts(SARA, desk_.write(SARA, "ok jeg venter på jer")) == [SHORT]
    # "er der nogen?" is told it is not forgotten, with a short line (the office is still closed).
    assert desk_.texts(SARA, desk_.write(SARA, "er der nogen")) == ["Du er ikke glemt. Den er også lagt på din sag."]
    feeling = desk_.texts(SARA, desk_.write(SARA, "jeg er så bange"))
    # Not the same short line a third time: in other words.
    assert feeling == ["Det er helt okay at have det sådan. Det er også med på din sag. Er du i fare, så ring 112."], \
        feeling
    assert "jeg er så bange" in desk_.card(1), "the message reached the case"
    clock.advance(hours=3, minutes=1)
    later = desk_.texts(SARA, desk_.write(SARA, "hallo"))
    assert len(later) == 1 and CLOSED in later[0], later


def test_a_message_right_after_the_still_waiting_notice_is_short(desk: tuple[Desk, MovableClock]) -> None:
    """The safety net's "I'm sorry, nobody has taken your case yet ... not before Monday at 08:00" and then, for the
    "hallo??" written the same minute, the office's closing time all over again."""
    desk_, clock = desk
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    skip_the_questions(desk_, SARA)
    clock.advance(minutes=31)
    mark = desk_.tg.mark()
    assert jobs.tick(desk_.bot.engine, desk_.bot.app.deps, clock())["escalated"] == 1
    desk_.sync()
    assert any(CLOSED in t for t in desk_.texts(SARA, mark))
    assert desk_.texts(SARA, desk_.write(SARA, "hallo??")) == ["Du er ikke glemt. " + SHORT]
