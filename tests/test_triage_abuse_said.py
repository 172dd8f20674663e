"""Abuse said as going on is an emergency in a short message too, and so is a blow to "us"; abuse asked about,
denied or past is not, and neither is being beaten at a game.

"my boyfriend is abusive" and "my stepdad is abusive to my little brothers" were nothing: the short messages'
violence list names hitting, threats and "violent", and "is abusive" was read only in letters
(bot/data/triage.yaml, ``abusive_now``). A real development question (dev13, a teenager asking about a stepfather
abusive to the younger siblings) was missed the same way. "our dad hits us" was nothing too: the lists named blows to
"me", "him" and "her" (``assault``), not to "us".

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

GOING_ON = [
    ("my stepmom is abusive, what do i do???", "en"),
    ("since the summer my uncle is abusive when he drinks, what can i do", "en"),
    ("grandpa is abusive to my cousins when they visit us", "en"),
    ("min far slår os når han er fuld", "da"),
    ("my stepdad beats us whenever mum is at work", "en"),
    ("han slår os i hovedet når han er sur", "da"),
]
NOT_NOW = [
    ("is it abusive if my parents read my messages?", "en"),
    ("my mum says my dad is abusive but he never hits anyone", "en"),
    ("de slår os altid i fodbold", "da"),
    ("my cousins always beat us at fifa", "en"),
]


test_abuse_going_on_is_an_emergency = expect(GOING_ON, Urgency.EMERGENCY)
test_abuse_asked_about_or_denied_or_a_game_is_not = expect(NOT_NOW, Urgency.NONE)
test_the_messages_are_our_own = our_own(GOING_ON, NOT_NOW)
