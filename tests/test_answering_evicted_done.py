"""An eviction carried out this morning is no home tonight; an eviction tomorrow is still ahead.

"jeg blev sat ud i morges af fogeden og har ingen steder at sove" was flagged urgent, but its own topic was the eviction
(udsaettelse), whose answer opens "Skal du sættes ud om få dage?": the Danish stemmer made "i morges" (this morning)
and "i morgen" (tomorrow) one word, so "fogeden kommer i morgen" pulled the done eviction back to days ahead. The
acute topic's specific question for an eviction today (hjemloes-akut, sat-ud-i-dag) is the answer that fits.

Every question was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from knowledge.normalise import stem
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)

DONE = ["jeg blev sat ud i morges af fogeden og har ingen steder at sove",
        "fogeden kom i morges og nu står vi uden lejlighed",
        "we got evicted this morning and don't have a bed for tonight"]
AHEAD = ["fogeden kommer i morgen og sætter mig ud",
         "jeg skal sættes ud i morgen, hvad gør jeg"]


@pytest.mark.parametrize("text", DONE)
def test_an_eviction_done_today_gets_tonights_help(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.kind == "urgent"
    assert found.search.topic == "hjemloes-akut"
    assert found.search.faq == "sat-ud-i-dag"


@pytest.mark.parametrize("text", AHEAD)
def test_an_eviction_still_ahead_gets_the_eviction_topic(knowledge, text: str) -> None:
    kb, index = knowledge
    assert answer(kb, index, text, today=TODAY, threshold=0.4).search.topic == "udsaettelse"


def test_this_morning_is_not_tomorrow() -> None:
    assert stem("morges", "da") != stem("morgen", "da")
    assert stem("imorges", "da") != stem("imorgen", "da")


test_the_questions_are_our_own = our_own(DONE, AHEAD)
