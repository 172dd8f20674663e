"""Thrown out, typed fast on a phone, is still thrown out.

Playing the night: "yo my stepdad kikked me out lol wat do i do now im 17" was not urgent at all and got "I'm not
sure I understood": short words get no typo tolerance, so "kikked" was no "kicked". The common phone spellings of
kicked, threw and smidt now read as the words. Every message was written for this test and is checked against the
real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

TYPED_FAST = [
    "yo my stepdad kikked me out lol wat do i do now im 17",
    "mum kickd me out again, sitting at the busstop",
    "dad trew me out after we argued about my grades",
    "min far har smit mig ud og jeg har ingen steder",
]
NOT_OUT = ["jeg har smit min telefon på gulvet af raseri", "we kikked off the birthday party at 8 with pizza"]

test_thrown_out_typed_fast_is_urgent = expect(TYPED_FAST, Urgency.URGENT, how="at least", lang=DETECTED, by="rules")
test_other_things_typed_fast_are_not = expect(NOT_OUT, Urgency.NONE, lang=DETECTED)
test_the_messages_are_our_own = our_own(TYPED_FAST, NOT_OUT)
