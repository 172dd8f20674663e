"""A cut or a burn in the kitchen, told as one, is no emergency; a cut by someone, in the arm or on purpose is.

"jeg skar mig på en kniv i går da jeg lavede mad" was violence (a knife) and "I burned my hand on the oven" the learned
model's emergency (a burn): 112 and Livslinien for a finger. The kitchen's words of danger do not count inside
``kitchen_injury`` (bot/data/triage.yaml, ``masked_by``). A cut or a burn done on purpose is self-harm wherever it
is ("I burned my hand on purpose" was nothing before).

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import closeness_to_real_messages

KITCHEN = [
    ("jeg skar mig på en kniv i går da jeg lavede mad", "da"),
    ("I cut my finger on a knife while cooking, should I see a doctor", "en"),
    ("jeg brændte mig på komfuret", "da"),
    ("I burned my hand on the oven", "en"),
]
HARM = [
    ("han skar mig med en kniv mens jeg lavede mad", "da"),
    ("jeg skar mig i fingeren med vilje", "da"),
    ("I burned my hand on purpose", "en"),
    ("i cut my finger on purpose again", "en"),
    ("jeg skar mig i armen i går", "da"),
]


@pytest.mark.parametrize(("text", "lang"), KITCHEN)
def test_a_kitchen_injury_is_no_emergency(text: str, lang: str) -> None:
    assert triage(text, lang).urgency is Urgency.NONE


@pytest.mark.parametrize(("text", "lang"), HARM)
def test_a_cut_by_someone_or_on_purpose_is_an_emergency(text: str, lang: str) -> None:
    assert triage(text, lang).urgency is Urgency.EMERGENCY


@pytest.mark.parametrize(("text", "lang"), KITCHEN + HARM)
def test_the_messages_are_our_own(text: str, lang: str) -> None:
    assert closeness_to_real_messages(text) < 80
