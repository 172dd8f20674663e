"""Student housing named in English words that are not "dorm" ("campus housing", "student room", "student
accommodation") is the halls or youth homes.

On main "how do i get campus housing" offered temporary housing first, with no confidence; "im allocated student
accommodation far from town can i move" answered the municipality's housing allocation confidently ("allocated" stands
in its words), and "a student room" came with the night shelters among the choices. The lexicon now maps the words to
the halls and youth homes (knowledge/lexicon/synonyms.yaml).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.corpus import our_own
from tests.support import engine_answer

HALLS = ("kollegium", "ungdomsbolig")
ANSWERED = ("how do i get campus housing", "im allocated student accommodation far from town can i move",
            "how do i apply for a student room in aarhus")
# Not sure is honest here, but the halls or youth homes must lead.
LEADS = ("is there campus housing for first year students",
         "i was given a student room way outside the city, can i switch to one nearer to campus",)

test_own = our_own(ANSWERED, LEADS)

ask = partial(engine_answer, today=dt.date(2026, 12, 7))


@pytest.mark.parametrize("text", ANSWERED)
def test_student_housing_words_answer_the_halls(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.confident and found.search.topic in HALLS, (found.kind, found.search.topic)


@pytest.mark.parametrize("text", LEADS)
def test_student_housing_words_put_the_halls_first(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.search.topic in HALLS, (found.kind, found.search.topic, found.search.suggestions)
