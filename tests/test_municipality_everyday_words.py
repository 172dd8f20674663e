"""An everyday word one letter from a town's name is not that town.

The municipalities' names match with a typo ("Roksilde"); so did every town and district in them, and "maling"
(paint) was read as Malling, "calling" and "falling" as Malling too, "loading" as Lading: a question about paint
when moving out got the Aarhus version of the answer, and the person's municipality was set to Aarhus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from knowledge.lexicon import detect_municipality
from knowledge.normalise import fold
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 4)

NO_PLACE = [
    "hvem skal betale for ny maling af væggene når jeg flytter ud af min lejlighed",
    "I am calling you guys because the heating in my dorm room has been broken for a week",
    "my grades keep falling since I moved into the shared flat, can I get help",
    "the page is loading forever when I try to sign up for a youth flat",
]
# Typos of the names themselves still match; towns and districts match written as they are.
PLACED = [
    ("jeg bor i roksilde og leder efter et værelse til studiet", "roskilde"),
    ("har i nogle billige boliger i kobenhavn til en på 20", "koebenhavn"),
    ("we are looking for a cheap room near copenhagen for my brother", "koebenhavn"),
    ("jeg bor i malling syd for byen og skal flytte hjemmefra", "aarhus"),
    ("bor i hedehusene og min mor har smidt mig ud", "hoeje-taastrup"),
    ("jeg bor i hojetaastrup og har brug for en billig bolig", "hoeje-taastrup"),
]

test_the_messages_are_our_own = our_own(NO_PLACE, [m for m, _ in PLACED])


@pytest.mark.parametrize("message", NO_PLACE)
def test_an_everyday_word_names_no_municipality(message: str) -> None:
    assert detect_municipality(fold(message).split()) is None


@pytest.mark.parametrize(("message", "place"), PLACED)
def test_the_municipalities_are_still_found(message: str, place: str) -> None:
    assert detect_municipality(fold(message).split()) == place


def test_a_question_about_paint_gets_no_local_answer(knowledge) -> None:
    kb, index = knowledge
    reply = answer(kb, index, NO_PLACE[0], today=TODAY, threshold=0.4)
    assert reply.municipality is None
    assert "Aarhus" not in "\n".join(part.html for part in reply.replies)
