"""Weeks on someone else's sofa is couch surfing, by a rule and not only by the learned model.

Playing the bot: "jeg har sovet på min vens sofa i en måned" was urgent only where the learned model happened to read
it so, and the same in other words was not flagged at all. Someone else's sofa, sleeping, and weeks or months of it
is couch surfing (tests/data/README.md: urgent). A sofa at home, a guest on the writer's own sofa, a festival week
or a sofa long ago is not. Every message was written for this test and is checked against the real-message
collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

WEEKS_ON_A_SOFA = [
    "har sovet på min venindes sofa i flere uger nu, hvad gør jeg",
    "har sovet på sofaen hos min kammerat i tre uger nu",
    "ive been sleeping on my cousins couch for weeks, is there any help",
    "been sleeping on her sofa for 2 months, shes my ex's sister lol",
]
NOT_COUCH_SURFING = [
    "since our big fight my husband has slept on the sofa for weeks",
    "back when i was 16 i slept on friends couches for months",
    "we slept on my friends couch for a week during the festival",
    "hvad sker der med min boligstøtte hvis jeg sover på en vens sofa i ugevis",
]

test_weeks_on_someone_elses_sofa_is_urgent = expect(WEEKS_ON_A_SOFA, Urgency.URGENT, how="at least", lang=DETECTED,
                                                     by="rules")
# The rules only: the learned model reads "my husband ... on the couch" as urgent (before this rule too).
test_a_sofa_at_home_or_long_ago_is_not = expect(NOT_COUCH_SURFING, Urgency.NONE, lang=DETECTED, by="rules")
test_the_messages_are_our_own = our_own(WEEKS_ON_A_SOFA, NOT_COUCH_SURFING)
