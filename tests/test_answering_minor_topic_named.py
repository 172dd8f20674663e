"""The topic for young people under 18 answers an urgent message only when something in it says a minor (an age under
18, a parent, school or care), and never a pet's running away (bot/answering.py ``_minors_topic_for_minors``).

"i ran away from home" says no age: it was answered with BørneTelefonen and the municipality's duty to a minor, as if
the writer were under 18; it gets tonight's help now, and the topic for minors stays a choice. "my dog ran away" matched
the topic's "ran away" and was answered with it.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)

NO_AGE = [
    "i ran away from home with a rucksack and 200 kroner",
    "jeg er stukket af hjemmefra med en rygsæk og 200 kr",
    "ran away from home yesterday, sitting in a café in Viborg",
]
A_MINOR = [
    "i ran away from home in Skive, im 15 and i dont know where to sleep",
    "i ran away from home, my parents scream at me every single evening",
    "jeg er stukket af hjemmefra og har pjækket fra skolen i to dage",
]
PETS = ["my puppy ran away, help", "my dog ran away yesterday in Viborg",
        "vores hund Bella er stukket af fra haven i Viborg"]


@pytest.mark.parametrize("text", NO_AGE)
def test_running_away_with_no_age_said_gets_tonights_help(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.kind == "urgent"
    assert found.search.topic == "hjemloes-akut"
    assert "under-18" in found.search.suggestions  # a choice for one who is under 18


@pytest.mark.parametrize("text", A_MINOR)
def test_running_away_as_a_minor_still_gets_the_topic_for_minors(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.kind == "urgent"
    assert found.search.topic == "under-18"


@pytest.mark.parametrize("text", PETS)
def test_a_pet_that_ran_away_is_not_answered_as_a_minor(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.kind != "urgent"
    assert found.search.topic != "under-18"


test_the_messages_are_our_own = our_own(NO_AGE, A_MINOR, PETS)
