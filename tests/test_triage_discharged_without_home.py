"""Discharged, out of prison or out of care and lacking a home is urgent; lacking one tonight too.

"jeg er ikke længere selvmordstruet, blev udskrevet i går og mangler et sted at bo" got only the learned model's unsure
emergency ("are you in danger right now?" and the suicide topic): the rules read no crisis in "mangler et sted at bo"
beside a discharge, so the one thing the writer asked for, a place to live, was not what the reply was about. Lacking a
home said alone stays a housing question (as often a flat wanted for studies). Every message was written for this
test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import MAYBE_IN_DANGER, Urgency
from tests.corpus import our_own
from tests.support import answered
from tests.triage_cases import DETECTED, expect

OUT_AND_NO_HOME = [
    "blev udskrevet fra psykiatrisk afdeling i forgårs og mangler et sted at bo nu",
    "jeg er lige blevet løsladt og mangler et sted at sove, hvad gør jeg",
    "I turned 18 last month, my foster placement ended and I need somewhere to live",
    "jeg mangler et sted at sove i nat, min kæreste har smidt mine ting ud",
]
A_HOME_WANTED = [
    "I need a place to live when I start my studies in Aarhus next autumn",
    "jeg fylder 18 næste år og skal ud af plejefamilien, hvor skal jeg så bo",
    "da jeg blev løsladt for tre år siden manglede jeg et sted at bo, men nu har jeg min egen lejlighed",
]
NO_LONGER_SUICIDAL = "har ikke længere selvmordstanker, blev udskrevet i går men mangler et sted at bo"

test_out_and_no_home_is_urgent = expect(OUT_AND_NO_HOME, Urgency.URGENT, how="at least", lang=DETECTED, by="rules")
test_a_home_wanted_is_no_crisis = expect(A_HOME_WANTED, Urgency.NONE, lang=DETECTED, by="rules")
test_the_messages_are_our_own = our_own(OUT_AND_NO_HOME, A_HOME_WANTED, [NO_LONGER_SUICIDAL])


def test_discharged_without_a_home_gets_the_nights_help_not_are_you_in_danger(knowledge: tuple[object, object]) -> None:
    reply = answered(knowledge, NO_LONGER_SUICIDAL)

    assert reply.triage.urgency is Urgency.URGENT
    assert MAYBE_IN_DANGER not in reply.triage.reasons
    assert "i nat" in reply.reply.html and "Er du i fare lige nu?" not in reply.reply.html
