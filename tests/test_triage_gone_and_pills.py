"""A letter that tells pills taken with three words between ("took a lot of pills") and the wish to be gone said as
others' gain ("would be better off if I was gone") is an emergency; a thing "better off gone" is not.

Such a letter (written by letters17, with "alone again tonight") was nothing: "took * pills" skips two words only,
and "better off dead" was the only such wish listed (bot/data/triage.yaml, ``suicide``).

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

LETTER = (
    "Hi, I don't really know why I'm writing this. Things have been hard since my mum moved abroad and I stay alone "
    "in our flat most of the week. Two days ago I took a lot of pills from the bathroom cabinet and nobody noticed, I "
    "just slept for a long time. I keep thinking everyone would be better off if I was gone. School is fine I guess "
    "and my friends don't know anything. I'm alone again tonight. What should I do?")
DANGER = [LETTER, "i keep thinking id be better off gone",
          "honestly my family would be better off if i was gone for good"]
THING = "this old sofa would be better off gone"


test_pills_and_the_wish_to_be_gone_are_an_emergency = expect(DANGER, Urgency.EMERGENCY, lang="en")
test_a_thing_better_off_gone_is_not = expect([THING], Urgency.NONE, lang="en")
test_the_messages_are_our_own = our_own(DANGER, THING)
