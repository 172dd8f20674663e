"""The age of a thing is no one's age: "a 15 year old picture of him", "my 16 year old car" (bot/reading.py, ages_said;
bot/data/triage.yaml, thing_age masks ``minor``). A parent searching for a grown-up son with an old photo of him was
read as writing about someone under 18: triage saw a minor and the letter was answered with the topic for young
people under 18 and BørneTelefonen. A young person's own age, said the same way ("my 16 year old daughter"), still
counts. A son or daughter said to be grown up ("our adult daughter", "min voksne datter") is no minor either
(bot/answering.py, _adults_are_not_minors): the topic for minors stays the last choice.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.conversation.texts import MINOR_REASONS
from bot.reading import ages_said
from bot.triage import triage
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)

GROWN_UP = [
    "Our grown son has been living rough in Odense for months and uses heroin. I carry a 15 year old picture of him "
    "and show it at every shelter and soup kitchen I pass. He answers my texts now and then but never says where he "
    "sleeps. Last night it was freezing and I could not stop thinking of him out there.",
    "My husband and I lost our flat in Vejle after the divorce papers came, and now we sleep in my 16 year old car "
    "behind the harbour warehouses. The heater barely works and the windows fog up every night.",
]
YOUNG = [
    "My 16 year old daughter was thrown out by her stepdad in Horsens tonight and has nowhere to sleep.",
    "I am a 15 year old boy and my mum's boyfriend locked me out of the flat in Kolding, I have nowhere to go tonight",
]


@pytest.mark.parametrize("text", GROWN_UP)
def test_an_old_photo_or_car_is_no_minor(knowledge, text: str) -> None:
    kb, index = knowledge
    assert ages_said(text) == []
    assert not MINOR_REASONS & set(triage(text, "en").reasons)
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    # Not answered with the topic for minors (BørneTelefonen) as the one sure answer.
    assert not (found.confident and found.topic == "under-18")
    # A young person's age said the same way still counts.
    for young in YOUNG:
        assert MINOR_REASONS & set(triage(young, "en").reasons)
        assert [age for age in ages_said(young) if age < 18]


GROWN_CHILD = [
    "Our adult daughter moved back in with us after her divorce, and she and her stepfather argue every single evening "
    "about house rules and chores. He wants her gone by spring. We love her but the home feels like a battlefield. "
    "What can we do as parents?",
    "Min voksne datter er flyttet hjem til os igen efter et brud, og hun og min mand skændes hver aften om regler og "
    "opvask. Han vil have hende ud inden foråret. Hvad kan vi gøre som forældre?",
]


@pytest.mark.parametrize("text", GROWN_CHILD)
def test_a_grown_child_is_no_minor(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.search.topic != "under-18"
    assert found.search.suggestions[0] != "under-18"


test_the_messages_are_our_own = our_own(GROWN_UP, YOUNG, GROWN_CHILD)
