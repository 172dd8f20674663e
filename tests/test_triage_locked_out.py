"""Locked out of home by the one with the keys is being put out, by a rule and not only by the learned model.

Adding a knowledge-base answer about having no money for food (ordinary phrasings the learned model trains on) moved
the model enough that "mum changed the locks while I was at college and won't answer the door" was no longer urgent:
only the model had read it. A rule reads changed locks and a door kept shut now; one's own new lock is no crisis.
Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

LOCKED_OUT = [
    "dad changed the locks and wont let me in, my stuff is inside",
    "my stepmom changed the locks today and all my things are inside",
    "min mor har skiftet låsen mens jeg var i skole",
    "min far vil ikke lukke mig ind efter vores skænderi i går",
]
OWN_LOCK = [
    "we changed the locks after the burglary, can the landlord charge us",
    "is my landlord allowed to change the locks without telling me?",
    "my flatmate wont answer the door when the pizza guy comes",
    "my sister finally had to change the locks because her ex kept showing up",
]

test_locked_out_by_family_is_urgent = expect(LOCKED_OUT, Urgency.URGENT, how="at least", lang=DETECTED, by="rules")
test_a_lock_of_ones_own_is_not = expect(OWN_LOCK, Urgency.NONE, lang=DETECTED)
test_the_messages_are_our_own = our_own(LOCKED_OUT, OWN_LOCK)
