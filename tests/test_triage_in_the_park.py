"""Sleeping "in the park" is sleeping rough, as "in a park" and "i parken" already were; meeting there is not.

"we sleep in the park, can the kommune help us" and "i sleep in the park these days, where can i shower" were
NOTHING: bot/data/triage.yaml ``rough_place`` listed "in a park" but not "in the park".

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import closeness_to_real_messages

SLEEPING_THERE = ["we sleep in the park near the harbour these days", "me and my dog sleep in the park at the moment",
                  "i sleep in the park these days, where can i shower", "we sleep in the park, can the kommune help us"]
ONLY_THERE = "our youth club meets in the park on sundays"


@pytest.mark.parametrize("text", SLEEPING_THERE)
def test_sleeping_in_the_park_is_urgent(text: str) -> None:
    assert triage(text, "en").urgency is Urgency.URGENT


def test_meeting_in_the_park_is_not() -> None:
    assert triage(ONLY_THERE, "en").urgency is Urgency.NONE


@pytest.mark.parametrize("text", [*SLEEPING_THERE, ONLY_THERE])
def test_the_messages_are_our_own(text: str) -> None:
    assert closeness_to_real_messages(text) < 80
