"""Finding it hard to go on living is a danger now, also told in a parent's letter; helping someone cope is a helper.

Collection 15's development part: a mother wrote that her 19-year-old daughter, grieving, "finds it difficult to go on
living" (read as ordinary: no rule knew the words); an 18-year-old asked how to "help me help her cope" with his
pregnant girlfriend's parents (read as writing about himself). Every message here was written for this test and is
checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.reading import read
from bot.someone_else import for_someone_else
from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

DANGER = [
    "our son keeps saying he finds it hard to go on living since he lost his job",
    "i find it so difficult to keep on living right now, everything is grey",
    "min datter på 20 siger at hun har svært ved at leve videre efter bruddet",
    "jeg har så svært ved at leve videre, hvem kan jeg snakke med",
]
CALM = [
    "we find it hard to go on living in a single room with a baby, can we get a bigger flat",
    "after the breakup it was hard to keep living in our old flat so i moved out, is there help for the deposit",
    "vi har svært ved at leve videre i den lille bolig med tvillingerne, kan vi få en større",
    "det var svært at leve videre efter min mors død men nu har jeg det godt og søger en lejlighed",
]
HELPERS = [
    ("My flatmate's mum kicked her out and she is staying with us for now. She is only 18 and very stressed. "
     "Please help me help her find a room of her own."),
    "min lillebror er smidt ud af vores far, hvordan kan jeg hjælpe ham igennem det her",
]


test_hard_to_go_on_living_is_an_emergency = expect(DANGER, Urgency.EMERGENCY, lang=DETECTED)
test_living_somewhere_or_a_hard_time_over_is_not = expect(CALM, Urgency.URGENT, how="at most", lang=DETECTED)


@pytest.mark.parametrize("text", HELPERS)
def test_helping_someone_through_it_is_asking_for_them(text: str) -> None:
    assert for_someone_else(read(text))

test_the_messages_are_our_own = our_own(DANGER, CALM, HELPERS)
