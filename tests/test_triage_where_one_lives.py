""""Live" and "leve" alone are where one lives or what one lives on, not a wish to die.

They stood in the learned model's list of dangers (life_danger in bot/data/triage.yaml: a short message naming one may
be the model's emergency), so "my gran and I live in a small flat and she decides everything" got 112 and
Livslinien, and so did an e-mail address at live.dk given to a caseworker. Not wanting to live is still read.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

WHERE_ONE_LIVES = [
    ("my gran and I share a small flat and she decides everything", "en"),
    ("mit nummer er 20 30 40 50, skriv til mig på mads99@live.dk", "da"),
]
NOT_WANTING_TO_LIVE = [
    ("jeg orker ikke at leve længere", "da"),
    ("jeg har ingen grund til at leve", "da"),
    ("honestly i dont see how i can live like this one more week", "en"),
]


test_where_one_lives_is_no_emergency = expect(WHERE_ONE_LIVES, Urgency.URGENT, how="at most")
test_not_wanting_to_live_is_an_emergency = expect(NOT_WANTING_TO_LIVE, Urgency.EMERGENCY)
test_the_messages_are_our_own = our_own(WHERE_ONE_LIVES, NOT_WANTING_TO_LIVE)
