"""A situation told first and a question whether it costs the home ("..., kan de smide mig ud?"): the situation is
what the answer is about, as when it is said after the question in a condition (ans30's "kan jeg blive smidt ud hvis
jeg ikke betaler husleje").

Played in the console: "jeg har fået et brev om at jeg skylder 3 måneders husleje, kan de smide mig ud?" got "not
sure" at 0.07 with the topic of being thrown out by one's parents first; the rent arrears topic (what to do about the
arrears before an eviction) was second.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.corpus import our_own
from tests.support import engine_answer

TODAY = dt.date(2026, 12, 7)

# (message, topic): the arrears told, then losing the home asked
TOLD_THEN_ASKED = (
    ("der kom et brev om at jeg skylder husleje for tre måneder, kan de så smide mig ud?", "huslejerestance"),
    ("i havent paid rent since october, is my landlord allowed to throw me out?", "huslejerestance"),
)
# A quarrel at home told, then being thrown out asked: the parents' throwing out stays the topic.
AT_HOME = (
    ("min mor og jeg skændes hele tiden, kan hun bare smide mig ud?", "smidt-ud"),
)

test_the_messages_are_our_own = our_own(TOLD_THEN_ASKED, AT_HOME)


@pytest.mark.parametrize(("message", "topic"), TOLD_THEN_ASKED)
def test_the_situation_told_first_is_answered(knowledge, message: str, topic: str) -> None:
    found = engine_answer(knowledge, message, today=TODAY)
    assert (found.kind, found.topic) == ("answer", topic), (found.kind, found.topic, found.search.suggestions,
                                                            found.search.confidence)


@pytest.mark.parametrize(("message", "topic"), AT_HOME)
def test_a_quarrel_at_home_keeps_the_throwing_out_first(knowledge, message: str, topic: str) -> None:
    assert engine_answer(knowledge, message, today=TODAY).search.topic == topic
