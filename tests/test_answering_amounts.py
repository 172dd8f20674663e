"""An amount of money in a question says how much, not what the question is about (knowledge/index.py, _amount).

"jeg har fået en inkasso på 12000 kr" was answered with the loan for a deposit, whose phrasing happens to name 12000
kr, and "12000 kr" alone leaned to the listings of cheap housing (whose phrasings name rents in kroner). The words
around the amount decide the topic.

Every question was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)

ABOUT = [
    ("jeg har fået en inkasso på 12000 kr hvad gør jeg", "gaeld"),
    ("jeg skylder 12000 kroner væk og kan ikke betale", "gaeld"),
    ("i owe 3000 euro to a loan firm, what now", "gaeld"),
    ("indskuddet er 14.000 og dem har jeg ikke", "indskudslaan"),
    ("får jeg boligstøtte til en husleje på 4500 kr", "boligstoette"),
]


@pytest.mark.parametrize(("text", "topic"), ABOUT)
def test_the_words_around_an_amount_decide_the_topic(knowledge, text: str, topic: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.search.topic == topic
    assert found.kind == "answer", "said with an amount, the question is as clear as without one"


test_the_questions_are_our_own = our_own(ABOUT)
