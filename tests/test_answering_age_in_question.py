"""The age said around a question is part of it (bot/answering.py, _question_inside): which specific answer fits
depends on it. "jeg er 16 og har det dårligt derhjemme, kan jeg flytte hjemmefra?" got "not sure": read whole, its
words split between moving out and the topic for those under 18; its question read alone ("kan jeg flytte
hjemmefra?") had no age, so it was no specific question. Read with the age, it is the question whether one may move
out under 18, and that answer (parents decide, the municipality must help if home is not safe, BørneTelefonen) comes.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 7)

MINOR_DA = "jeg er 16 og har det dårligt derhjemme, kan jeg flytte hjemmefra?"
ADULT_DA = "jeg er 20 og har det dårligt derhjemme, kan jeg flytte hjemmefra?"

test_own = our_own(MINOR_DA, ADULT_DA)


def test_a_16_year_old_asking_to_move_out_gets_the_answer_for_under_18s(knowledge) -> None:
    kb, index = knowledge
    found = answer(kb, index, MINOR_DA, today=TODAY, threshold=0.4)
    assert found.kind == "answer" and found.faq == "under-18-flytte", (found.kind, found.topic, found.faq)
    assert "116 111" in found.reply.html


def test_a_20_year_old_asking_to_move_out_does_not_get_it(knowledge) -> None:
    # Guard (passes on the old code too): the answer for under-18s is no answer for a grown-up.
    kb, index = knowledge
    assert answer(kb, index, ADULT_DA, today=TODAY, threshold=0.4).faq != "under-18-flytte"
