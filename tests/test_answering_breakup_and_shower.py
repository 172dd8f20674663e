"""A break-up with nowhere to live is a housing question, and a shower and a wash for one's clothes have their place.

"min kæreste og jeg er gået fra hinanden og det er hans lejlighed, hvor skal jeg bo" was given the topic on violence
and threats first (its title names a partner, its questions "hvor skal jeg bo"), though no violence was named. Now a
break-up with no violence, threat or fear named (bot/answering.py, _a_breakup_is_no_violence) gets the topic on being
put out (its title names a partner) and the violence topic as the last choice; with a threat named, the violence topic
stays. "hvor kan jeg gå i bad og vaske tøj i københavn" was "not sure": the lexicon now reads washing clothes and
taking a shower as the day places' words (knowledge/lexicon/synonyms.yaml), and the answer is the knowledge base's
own on food, warmth and showers, which tells the person to ask the municipality what exists where they are (no
laundry is named: none is sourced).

Every message was written for this test and is checked against the real-message collections (tests/corpus.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 7)

BREAKUPS = [
    "min kæreste og jeg er gået fra hinanden, og det er hans lejlighed, så hvor skal jeg bo nu",
    "my girlfriend and i broke up last week and the flat is hers, where am i supposed to live",
]
BREAKUP_THREAT = "we broke up on sunday and now he keeps threatening me, where do i go"


@pytest.mark.parametrize("text", BREAKUPS)
def test_a_breakup_with_nowhere_to_live_is_a_housing_question(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.topic == "smidt-ud", (found.topic, found.search.suggestions)
    assert found.search.suggestions[-1] == "vold-i-hjemmet"


def test_a_breakup_with_a_threat_keeps_the_violence_topic(knowledge) -> None:
    kb, index = knowledge
    found = answer(kb, index, BREAKUP_THREAT, today=TODAY, threshold=0.4)
    assert found.topic == "vold-i-hjemmet"


SHOWERS = [
    ("hvor kan man gå i bad og vaske sit tøj i københavn uden at have en lejlighed", "koebenhavn"),
    ("where can i have a shower and wash my clothes in copenhagen while i have no flat", "koebenhavn"),
]


@pytest.mark.parametrize(("text", "place"), SHOWERS)
def test_a_shower_and_clothes_washed_get_the_day_places(knowledge, text: str, place: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.kind == "answer" and found.topic == "natvarmestue", (found.kind, found.topic)
    assert found.search.municipality == place
    # The answer says where to ask; it names no laundry the knowledge base has no source for.
    html = found.reply.html.lower()
    assert "kommune" in html or "municipality" in html
    assert "vaskeri" not in html and "laundry" not in html


test_the_messages_are_our_own = our_own(BREAKUPS, BREAKUP_THREAT, [s for s, _ in SHOWERS])
