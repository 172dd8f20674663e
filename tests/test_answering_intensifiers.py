"""An intensifier alone ("really??", "virkelig?") is surprise at an answer, small talk: no question for a topic.

On main "really??" was answered with the topic about the mind (confidence 0.45: "really" stands in its phrasings
"feeling really lonely"). Now it is small talk ("Okay. Write if there is anything else"); questions with an intensifier
in them are read as before (guards). Leaving "really" out of the search altogether fixed it too, but cost one held-out
real message its first topic.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.corpus import our_own
from tests.support import engine_answer

ALONE = ("really??", "rly", "virkelig?", "seriøst??", "for real?")
# Answered with the topic about the mind on main in other words ("im really struggling to pay my rent"); a guard.
NOT_THE_MIND = ("ive been rly struggling w paying my rent lately",)
NAMED = (
    ("i feel rly lonely n low most days", "psykisk-sundhed"),
    ("jeg føler mig virkelig alene og trist hele tiden", "psykisk-sundhed"),
    ("hvordan søger jeg virkelig boligstøtte", "boligstoette"),
)

test_own = our_own(NOT_THE_MIND, NAMED)


ask = partial(engine_answer, today=dt.date(2026, 12, 7))


@pytest.mark.parametrize("text", ALONE)
def test_an_intensifier_alone_answers_no_topic(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "small_talk" and not found.confident, (found.kind, found.search.topic)


@pytest.mark.parametrize("text", NOT_THE_MIND)
def test_really_does_not_make_rent_trouble_the_topic_about_the_mind(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert not (found.confident and found.search.topic == "psykisk-sundhed"), (found.kind, found.search.topic)


@pytest.mark.parametrize(("text", "topic"), NAMED)
def test_a_question_with_an_intensifier_is_still_answered(knowledge, text: str, topic: str) -> None:
    found = ask(knowledge, text)
    assert found.confident and found.search.topic == topic, (found.kind, found.search.topic)
