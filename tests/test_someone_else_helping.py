"""A friend who asks "what can I do?" about someone sleeping outside is a helper, not the one in trouble.

Playing a helper's night in the terminal chat: "min ven sover ude i nat, hvad kan jeg gøre?" and "my friend is
sleeping outside tonight, what can i do" were read as the writer's own crisis ("Du skal ikke stå alene", "do you
want a caseworker to write to you"), because the writer's "jeg"/"I" in the question counted as the one in trouble,
and Danish "i" ("i nat", "in") counted as the English "I". The writer in a helper's question now helps; someone who
is thrown out by a friend is still the one in trouble.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from bot.cases.models import Case
from bot.reading import read
from bot.someone_else import for_someone_else
from tests.test_console_understanding import converse, replies


@pytest.mark.parametrize("text", [
    "min ven sover ude i nat, hvad kan jeg gøre?",
    "my best friend is sleeping in the park tonight, what should i do",
    "min lillesøster er 16 og hendes kæreste har smidt hende ud, hun sover i en opgang i nat. hvad kan jeg gøre?",
    "my cousin got kicked out by his dad, is there anything i can do",
])
def test_a_helpers_question_about_someone_close_is_for_someone_else(text: str) -> None:
    assert for_someone_else(read(text))


@pytest.mark.parametrize("text", [
    "min ven smed mig ud i går, hvad skal jeg gøre?",
    "my mate threw me out of his flat last week, what do i do now",
    "min storebror truer mig hele tiden, hvad kan jeg gøre ved det",
    "jeg sover hos min ven i nat, hvad kan jeg gøre",
    "the hostel staff told my friend and i to leave tonight, can we do anything",
])
def test_the_writer_in_trouble_is_still_the_writer(text: str) -> None:
    assert not for_someone_else(read(text))


def test_a_friend_asking_at_night_gets_help_for_the_friend_and_no_case_in_their_name(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    said = replies(converse(app, "min ven sover ude i nat, hvad kan jeg gøre?", "/quit"))
    assert any(r.startswith("Husly: Den unge skal ikke stå alene") for r in said)
    assert not any("Du skal ikke stå alene" in r for r in said)
    assert any("om den unge" in r and "før du siger ja" in r for r in said), "a case only if the helper says yes"
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None
