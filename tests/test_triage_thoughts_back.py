"""Suicidal thoughts that come back after a suicide attempt told as past are the thoughts now: an emergency, however
long ago the attempt was ("thoughts_back" in bot/data/triage.yaml). Before, the attempt's "two years ago" told the whole
message as background, and "lately the thoughts are coming back" was read as nothing. Said not to have come back, they
stay background.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

BACK = [
    ("I tried to kill myself in 2020. Now I feel ok but sometimes the thoughts come back", "en"),
    ("jeg prøvede at tage mit liv for to år siden, og nu er tankerne kommet igen", "da"),
]
NOT_BACK = [
    ("I tried to kill myself years ago, I am doing well now and the thoughts never came back", "en"),
    ("I attempted suicide at 16 and the thoughts have not come back since", "en"),
]


test_thoughts_coming_back_after_a_past_attempt_are_an_emergency = expect(BACK, Urgency.EMERGENCY,
                                                                          reason="suicide_or_self_harm")
test_thoughts_said_not_to_have_come_back_stay_background = expect(NOT_BACK, Urgency.NONE)
test_the_sentences_are_our_own = our_own(BACK, NOT_BACK)
