"""A wish to disappear said with a word or two between ("vil gerne bare forsvinde") is a warning sign of suicide.

"Jeg vil bare forsvinde" was an emergency and "vil gerne bare forsvinde for altid" nothing: teenagers pile up
softeners ("gerne", "bare", "just"). Disappearing from a place or for a while stays calm.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.triage_probes import level, rules_level


@pytest.mark.parametrize("text", [
    "vil gerne bare forsvinde for altid",
    "jeg vil helst bare forsvinde",
    "i want to just disappear",
    "hver aften efter skolen har jeg lyst til at forsvinde",
])
def test_a_wish_to_disappear_with_softeners_is_an_emergency(text: str) -> None:
    assert level(text) is Urgency.EMERGENCY


@pytest.mark.parametrize("text", [
    "jeg vil gerne forsvinde fra byen en weekend",
    "i want to quietly disappear from the group chat",
    "vil bare have at smerten i ryggen forsvinder",
])
def test_disappearing_from_a_place_or_a_pain_going_away_is_not_for_the_rules(text: str) -> None:
    assert rules_level(text) is Urgency.NONE
