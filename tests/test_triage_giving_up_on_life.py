"""Giving up on life, walking away from life, not affording to exist any more: a wish not to live, an emergency.

A blog post by someone out of work and in debt that ended "All I want to do is give up. Walk away from life." was not
flagged at all (a development row of the twenty-first collection); nor were the Danish "give op på livet" and "færdig
med livet". Life in a place, a cost of living said as hyperbole and being done with living at home stay calm.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

WISHES = [
    "i lost my job and cant pay rent. all i want is to give up, walk away from life",
    "i cant afford to exist anymore, the debt is crushing me",
    "jeg vil bare give op på livet, jeg kan ikke betale min husleje",
    "jeg er færdig med livet",
    "im so done with life honestly",
    "jeg giver op på livet nu, der er ingen der hjælper",
]
CALM = [
    "i'm done with life in this town, can i move to aarhus",
    "jeg er færdig med livet i københavn, kan jeg få en bolig i aarhus",
    "we can barely afford to exist in this city with these rents",
    "tbh im done with living at my moms place, any cheap flats in randers",
]

test_giving_up_on_life_is_an_emergency = expect(WISHES, Urgency.EMERGENCY, lang=DETECTED)
test_life_in_a_place_or_the_cost_of_living_is_not_for_the_rules = expect(CALM, Urgency.NONE, lang=DETECTED,
                                                                           by="rules")
test_the_messages_are_our_own = our_own(WISHES, CALM)
