"""A wish to disappear said with a word or two between ("vil gerne bare forsvinde") is a warning sign of suicide.

"Jeg vil bare forsvinde" was an emergency and "vil gerne bare forsvinde for altid" nothing: teenagers pile up
softeners ("gerne", "bare", "just"). Disappearing from a place or for a while stays calm.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_a_wish_to_disappear_with_softeners_is_an_emergency = expect([
    "vil gerne bare forsvinde for altid",
    "jeg vil helst bare forsvinde",
    "i want to just disappear",
    "hver aften efter skolen har jeg lyst til at forsvinde",
], Urgency.EMERGENCY, lang=DETECTED)


test_disappearing_from_a_place_or_a_pain_going_away_is_not_for_the_rules = expect([
    "jeg vil gerne forsvinde fra byen en weekend",
    "i want to quietly disappear from the group chat",
    "vil bare have at smerten i ryggen forsvinder",
], Urgency.NONE, lang=DETECTED, by="rules")
