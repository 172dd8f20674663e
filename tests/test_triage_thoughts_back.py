"""Suicidal thoughts that come back after a suicide attempt told as past are the thoughts now: an emergency, however
long ago the attempt was ("thoughts_back" in bot/data/triage.yaml). Before, the attempt's "two years ago" told the whole
message as background, and "lately the thoughts are coming back" was read as nothing. Said not to have come back, they
stay background.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import closeness_to_real_messages

BACK = [
    ("I tried to kill myself in 2020. Now I feel ok but sometimes the thoughts come back", "en"),
    ("jeg prøvede at tage mit liv for to år siden, og nu er tankerne kommet igen", "da"),
]
NOT_BACK = [
    ("I tried to kill myself years ago, I am doing well now and the thoughts never came back", "en"),
    ("I attempted suicide at 16 and the thoughts have not come back since", "en"),
]


@pytest.mark.parametrize(("text", "lang"), BACK)
def test_thoughts_coming_back_after_a_past_attempt_are_an_emergency(text: str, lang: str) -> None:
    found = triage(text, lang)
    assert found.urgency is Urgency.EMERGENCY and "suicide_or_self_harm" in found.reasons


@pytest.mark.parametrize(("text", "lang"), NOT_BACK)
def test_thoughts_said_not_to_have_come_back_stay_background(text: str, lang: str) -> None:
    assert triage(text, lang).urgency is Urgency.NONE


@pytest.mark.parametrize("text", [t for t, _ in (*BACK, *NOT_BACK)])
def test_the_sentences_are_our_own(text: str) -> None:
    assert closeness_to_real_messages(text) < 80
