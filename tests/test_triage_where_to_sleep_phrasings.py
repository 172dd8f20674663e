"""Asking where to sleep in the ways people type it at night ("so where am i supposed to sleep", "hvor skal jeg så
sove") is a night without a bed: urgent, with tonight's help.

On main "so where am i supposed to sleep" and "where am i gonna sleep" were "I'm not sure I understood" (the unknown
"supposed" even made the first out of scope), while "where can i sleep" was urgent. Sleeping better, or a bed on a
visit, stays calm (guards).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.corpus import our_own
from tests.support import engine_answer

ASKS = (
    "ok so where am i supposed to sleep then",
    "where am i gonna sleep lol im not joking",
    "and where are we supposed to sleep, me and my lil brother",
    "hvor skal jeg så sove henne i nat??",
    "hvor fanden skal jeg sove nu",
)
CALM = (
    "hvor skal jeg så sove bedre når naboerne fester hver eneste nat",
    "where are we supposed to sleep when we visit my nan for christmas",
)

test_own = our_own(ASKS, CALM)


ask = partial(engine_answer, today=dt.date(2026, 12, 7))


@pytest.mark.parametrize("text", ASKS)
def test_asking_where_to_sleep_is_urgent_with_tonights_help(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "urgent" and found.triage.urgency.value == "urgent", (found.kind, found.topic)
    assert found.topic in ("hjemloes-akut", "natvarmestue"), found.topic


@pytest.mark.parametrize("text", CALM)
def test_sleeping_better_or_on_a_visit_stays_calm(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.triage.urgency.value == "none", (found.kind, found.triage)
