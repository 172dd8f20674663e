"""Short chat through the real HTTP path (aiogram and python-telegram-bot against the fake Bot API), in Danish: a
feeling gets a warm line, not a topic; "tak", "👍" and "farvel" on a waiting case get a short warm reply and stay off
the case; "Tal med en medarbejder" pressed again says where the case stands. Each failed on lead."""

from __future__ import annotations

import pytest

from tests.cases_support import events
from tests.telegram_desk import Desk
from tests.telegram_evening import SARA, evening_desk, skip_the_questions
from tests.telegram_harness import FRAMEWORKS
from tests.test_telegram_caseworkers import MovableClock

WAITS = "Du får besked her, når en medarbejder tager din sag."

desk = pytest.fixture(params=FRAMEWORKS, name="desk")(evening_desk)


def test_a_feeling_gets_a_warm_line_not_a_topic(desk: tuple[Desk, MovableClock]) -> None:
    desk_, _clock = desk
    desk_.youth(SARA)
    said = desk_.texts(SARA, desk_.write(SARA, "jeg er så træt"))
    assert len(said) == 1 and said[0].startswith("Det er helt okay at have det sådan."), said


def test_thanks_on_a_waiting_case_and_the_caseworker_button_again(desk: tuple[Desk, MovableClock]) -> None:
    desk_, _clock = desk
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    # In the questions: the thanks is answered, and the question comes again.
    said = desk_.texts(SARA, desk_.write(SARA, "tak"))
    assert said[0] == "Selv tak. " + WAITS and not any("Jeg har lagt din besked" in t for t in said), said
    skip_the_questions(desk_, SARA)
    assert desk_.texts(SARA, desk_.write(SARA, "okay tak")) == ["Selv tak. " + WAITS]
    assert desk_.texts(SARA, desk_.write(SARA, "👍")) == ["Okay. " + WAITS]
    bye = desk_.texts(SARA, desk_.write(SARA, "farvel"))
    assert bye == ["Pas på dig selv. " + WAITS + " Er du i fare, så ring 112."], bye
    assert not [e for e in events(desk_.bot.engine) if e.action == "youth_wrote"], "none of them went on the case"
    # "Tal med en medarbejder" again: where the case stands, not the safety information and the whole notice again.
    menu, staff = desk_.last_with(SARA, "menu:staff")
    said = desk_.texts(SARA, desk_.press(menu, staff))
    assert len(said) == 1 and said[0].startswith("Din sag (nummer 1) ligger hos medarbejderne i Aarhus Kommune."), said
    assert "mandag kl. 08:00" in said[0]
