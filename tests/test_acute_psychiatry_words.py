"""People describe an acute psychiatric crisis by what they see ("psykotisk", "hører stemmer", "manic"), not by the
name of the place that helps: those words lead to the topic about acute psychiatric help."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer


@pytest.mark.parametrize("text", [
    "my friend is having a psychotic episode what do i do",
    "my sister is manic and hasnt slept for days",
    "min kæreste er psykotisk og vil ikke tage sin medicin",
])
def test_symptoms_of_an_acute_psychiatric_crisis_get_the_acute_psychiatry_topic(knowledge, text: str) -> None:
    kb, index = knowledge
    assert answer(kb, index, text, today=dt.date(2026, 12, 1), threshold=0.4).topic == "akut-psykiatri"
