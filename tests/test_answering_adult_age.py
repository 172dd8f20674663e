"""A grown-up's letter is not answered with the topic for young people under 18 (bot/answering.py,
_adults_are_not_minors): its words (parents, home, rules, a stepmother) stand in grown-ups' letters too. A young person
who says an age under 18, or whom triage sees as a minor, still gets it.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)

GROWN_UP = [
    "Jeg er 20 og mine forældre bestemmer alt derhjemme, men jeg har ikke råd til at flytte. Hvad kan jeg gøre?",
    "Jeg er 23 og bor stadig hjemme hos min mor og stedfar, fordi jeg ikke har råd til andet. De blander sig i alt, "
    "hvornår jeg kommer hjem og hvem jeg ser. Hvordan kommer jeg videre?",
]
YOUNG = [
    "jeg er 15 og mine forældre bestemmer alt derhjemme og jeg kan ikke holde det ud mere, kan jeg bo et andet sted",
    "im 16 and my parents keep making rules for me at home, can i move somewhere else",
]


@pytest.mark.parametrize("text", GROWN_UP)
def test_a_grown_up_living_with_parents_is_not_answered_as_a_minor(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    # Not BørneTelefonen and a minor's rights first; the topic stays a choice for one who is asking for a sibling.
    assert found.search.topic != "under-18"
    assert found.search.suggestions[0] != "under-18"


@pytest.mark.parametrize("text", YOUNG)
def test_a_young_person_under_18_still_gets_the_topic_for_minors(knowledge, text: str) -> None:
    kb, index = knowledge
    assert answer(kb, index, text, today=TODAY, threshold=0.4).search.topic == "under-18"


test_the_messages_are_our_own = our_own(GROWN_UP, YOUNG)
