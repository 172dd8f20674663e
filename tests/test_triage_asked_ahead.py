"""A question asked ahead ("hvad gør jeg hvis ...") with no danger named is not a crisis now.

Asking the bot typical questions, the lead got an emergency (the violence topic, 112) for "hvad gør jeg hvis min
kæreste og jeg går fra hinanden og lejligheden står i hans navn": the learned model read a breakup and a flat as a
crisis now. A breakup said as "går fra hinanden" is an everyday cause, and the model does not raise a question
asked ahead that names no danger; a night without a bed or pills taken still are what they are.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_a_breakup_or_a_question_asked_ahead_is_no_crisis = expect([
    "hvad gør jeg hvis min kæreste og jeg går fra hinanden og lejligheden står i hans navn",
    "min kæreste og jeg går fra hinanden",
    "hvad gør jeg hvis vi går fra hinanden og kontrakten kun står i hans navn",
    "what happens to me if we break up and only her name is on the tenancy",
], Urgency.NONE, lang=DETECTED)


test_danger_or_a_night_without_a_bed_still_counts = expect([
    ("what do i do if i have nowhere to sleep tonight", Urgency.URGENT),
    ("hvad gør jeg hvis jeg har slugt alt for mange piller", Urgency.EMERGENCY),
    ("vi går fra hinanden og han truer med at slå mig ihjel", Urgency.EMERGENCY),
], lang=DETECTED)
