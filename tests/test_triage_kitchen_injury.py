"""A cut or a burn in the kitchen, told as one, is no emergency; a cut by someone, in the arm or on purpose is.

"jeg skar mig på en kniv i går da jeg lavede mad" was violence (a knife) and "I burned my hand on the oven" the learned
model's emergency (a burn): 112 and Livslinien for a finger. The kitchen's words of danger do not count inside
``kitchen_injury`` (bot/data/triage.yaml, ``masked_by``). A cut or a burn done on purpose is self-harm wherever it
is ("I burned my hand on purpose" was nothing before).

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

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


test_a_kitchen_injury_is_no_emergency = expect(KITCHEN, Urgency.NONE)
test_a_cut_by_someone_or_on_purpose_is_an_emergency = expect(HARM, Urgency.EMERGENCY)
test_the_messages_are_our_own = our_own(KITCHEN, HARM)
