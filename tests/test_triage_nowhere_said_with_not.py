"""Nowhere to sleep said with a negation is urgent.

"I don't have anywhere to stay" and "I haven't got anywhere to stay" were not urgent at all (only "I have nowhere to
stay" was): people mostly write it with a negation. Every message was written for this test and is checked against the
real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

NOWHERE_SAID_WITH_NOT = [
    "my stepdad threw my bags in the hall and i don't have anywhere to stay now",
    "I haven't got anywhere to stay after the fight with my parents, what do I do",
    "i havent got a place to sleep tonight and my phone is almost dead",
    "i dont have any where to sleep, the hostel said they are full",
    "We broke up and I don't have a place to stay, can the council help me",
    # No bed for nights, said with a negation too (tests/test_triage_havent.py: the rules read it only by an accident).
    "haven't slept in a bed for four nights now, mostly riding night buses",
    "jeg har ikke sovet i en seng i tre døgn, kun på bænke og i opgange",
]
NOT_A_NIGHT_WITHOUT_A_BED = [
    "I haven't eaten breakfast yet and my first lecture starts soon",
    "I don't have anywhere to store my bike in the new flat, any ideas",
    "we haven't got a place for the big sofa yet so it stands in the hall",
    "we haven't slept in a bed since the festival started, tents are fun",
]

test_nowhere_said_with_not_is_urgent = expect(NOWHERE_SAID_WITH_NOT, Urgency.URGENT, how="at least", lang=DETECTED,
                                              by="rules")
test_no_night_without_a_bed = expect(NOT_A_NIGHT_WITHOUT_A_BED, Urgency.NONE, lang=DETECTED)
test_the_messages_are_our_own = our_own(NOWHERE_SAID_WITH_NOT, NOT_A_NIGHT_WITHOUT_A_BED)
