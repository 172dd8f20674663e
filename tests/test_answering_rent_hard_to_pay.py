"""Rent that is difficult to pay ("getting difficult to pay my rent", "having a hard time paying my rent") is the
arrears topic, as "hard to pay my rent" and "struggling to pay my rent" were.

On main these were "not sure" (confidence 0.23 to 0.34, arrears first): only "hard to", "struggling" and "trouble"
were in the lexicon (knowledge/lexicon/synonyms.yaml).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.corpus import our_own
from tests.support import engine_answer

HARD = ("its getting difficult to pay my rent each month, help",
        "having a hard time paying my rent since i lost hours at work",
        "me n my gf got difficulty paying the rent atm")

test_own = our_own(HARD)

ask = partial(engine_answer, today=dt.date(2026, 12, 7))


@pytest.mark.parametrize("text", HARD)
def test_rent_that_is_difficult_to_pay_answers_the_arrears_topic(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.confident and found.search.topic == "huslejerestance", (found.kind, found.search.topic)
