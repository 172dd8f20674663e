"""Danger said in the plain words people type is an emergency by the rules, not only by the learned model.

Played at night: "jeg orker ikke mere, jeg vil bare væk for altid" and "no point living" were not even urgent; "my dad
is hitting me right now" was an emergency only by the learned model's reading (the rules lacked the "-ing" form), and
"i was raped last night" was only urgent: the message was read as Danish ("i" is Danish too), so no English phrase
counted. A thing gone for ever, a game, a sport and being put out ("kicking me out") are no danger. Every message was
written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

DANGER = [
    "jeg orker ikke mere, jeg vil bare væk for altid fra det her lort",
    "honestly no point living, everything i touch goes wrong",
    "my dad is hitting me right now while mum just stands there watching",
    "my stepmum is throwing things at me and screaming in the kitchen",
    "i was raped last night at a party and cant stop shaking",
]
NO_DANGER = [
    "the magician on tv made the coin disappear forever, how does that trick work",
    "the boxing coach is hitting me too hard in sparring, should I switch clubs",
    "my folks say they're kicking me out of the house the week I turn 18 next spring",
    "jeg vil væk fra Randers for altid når jeg er færdig med gymnasiet",
    "no point living in Copenhagen if rent eats the whole SU, thinking of Roskilde",
    "my dad is hitting me with questions about my grades every single evening",
]

test_plain_danger_is_an_emergency = expect(DANGER, Urgency.EMERGENCY, lang=DETECTED, by="rules")
test_no_danger_is_no_emergency = expect(NO_DANGER, Urgency.URGENT, how="at most", lang=DETECTED, by="rules")
test_the_messages_are_our_own = our_own(DANGER, NO_DANGER)
