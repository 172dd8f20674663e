"""Fear of a person, and a threat to kill if one leaves, are emergencies; fear of how someone takes news is not.

"he says he will kill me if i leave", "my boyfriend controls all my money and im so scared of him" and "jeg er så
bange for ham" were nothing: a threat with "if" read as a figure of speech unless "him", "her" or "ever" followed
"leave", and "så" broke "er bange" (bot/data/triage.yaml: ``kill_if_leave``, ``afraid``, ``afraid_of_person``).
"my mum will kill me if I fail" stays a figure of speech, and "scared of her reaction" a worry (``reaction_fear``).

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

DANGER = [
    ("she controls everything and says she will kill me if i leave", "en"),
    ("min kæreste siger han slår mig ihjel hvis jeg slår op", "da"),
    ("my boyfriend keeps my bank card and im so scared of him", "en"),
    ("im really scared of my stepdad, he yells all the time", "en"),
]
WORRY = [
    ("my mum will kill me if i fail the exam", "en"),
    ("my dad will kill me if i leave the dishes again", "en"),
    ("jeg frygter hans reaktion", "da"),
    ("im terrified of my mom finding out about my grades", "en"),
]


test_fear_of_a_person_or_a_threat_to_kill_if_one_leaves_is_an_emergency = expect(DANGER, Urgency.EMERGENCY)
test_a_figure_of_speech_or_fear_of_a_reaction_is_not = expect(WORRY, Urgency.NONE)
test_the_messages_are_our_own = our_own(DANGER, WORRY)
