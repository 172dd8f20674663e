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
from bot.triage import Urgency, triage
from tests.corpus import closeness_to_real_messages

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


@pytest.mark.parametrize("text", DANGER)
def test_hard_to_go_on_living_is_an_emergency(text: str) -> None:
    assert triage(text).urgency is Urgency.EMERGENCY


@pytest.mark.parametrize("text", CALM)
def test_living_somewhere_or_a_hard_time_over_is_not(text: str) -> None:
    assert triage(text).urgency is not Urgency.EMERGENCY


@pytest.mark.parametrize("text", HELPERS)
def test_helping_someone_through_it_is_asking_for_them(text: str) -> None:
    assert for_someone_else(read(text))


def test_the_team_sentences_are_not_real_messages() -> None:
    assert max(closeness_to_real_messages(text) for text in DANGER + CALM + HELPERS) < 80
