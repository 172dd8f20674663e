"""Suicidal thoughts denied in so many words, and self-harm said in young people's own word ("cutte").

A real letter about stress said "Det er ikke fordi jeg har selvmordstanker - overhovedet ikke" and was made an
emergency (a case opened at once, 112 and Livslinien first) for naming what it was not; a 14-year-old's
"Jeg er begyndt og cutte pga mobning" was not flagged at all (tests/data/real_messages_6.tsv, development part).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, by_rules, triage


@pytest.mark.parametrize("message", [
    "jeg er ikke selvmordstruet, men jeg har det skidt med eksamen",
    "I am not suicidal, I just feel low about school",
    "Det er ikker fordi jeg har selvmordstanker, jeg er bare stresset",
])
def test_suicidal_thoughts_denied_are_not_an_emergency(message: str) -> None:
    assert by_rules(message).urgency is not Urgency.EMERGENCY
    assert triage(message).urgency is not Urgency.EMERGENCY


@pytest.mark.parametrize("message", [
    # The denial does not cover other words of danger in the same sentence.
    "jeg har ingen selvmordstanker men jeg vil gerne dø",
    "not suicidal, just tired of everything, thinking about ending it all",
    "jeg har selvmordstanker",
    "Jeg er begyndt og cutte pga mobning, hvordan stopper jeg",
    "jeg er begyndt at cutte igen",
])
def test_danger_is_still_an_emergency(message: str) -> None:
    assert triage(message).urgency is Urgency.EMERGENCY


def test_cutting_a_video_is_not_self_harm() -> None:
    assert triage("kan du hjælpe mig med at cutte en video til youtube").urgency is Urgency.NONE


# A safe place denied is no safe place: "found a flat" inside "have not found a flat" told the beating as over.
@pytest.mark.parametrize("text", ["min far slår mig. jeg har ikke fundet en lejlighed endnu",
                                  "my stepdad hits me and i have not found a flat yet"])
def test_a_safe_place_not_found_does_not_tell_the_danger_as_over(text: str) -> None:
    assert triage(text).urgency is Urgency.EMERGENCY


def test_a_safe_place_found_still_tells_the_night_as_over() -> None:
    assert triage("I was thrown out last month but I found a flat now").urgency is Urgency.NONE
