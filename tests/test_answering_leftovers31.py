"""Questions the console left at "not sure" with confidence 0.00 (ans31): the words and the learned topic scorer
disagreed, and the scorer was clear about its choice.

"hvad er boligstøtte egentlig": the filler "egentlig" stands in one phrasing of social support in one's home
("bostøtte"), so the words ranked that topic first and the housing benefit second; the learned scorer, which has read
real letters, put the housing benefit far ahead. Such a disagreement gave confidence 0 unless the words nearly tied the
two; now a clear scorer settles it (knowledge/index.py LEARNED_TIE_MARGIN), and the calibrated confidence decides.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.corpus import our_own
from tests.support import engine_answer

TODAY = dt.date(2026, 12, 7)

# (message, topic): a topic named plainly, with a word that says nothing of it
NAMED_WITH_FILLER = (
    ("hvordan fungerer boligstøtte egentlig", "boligstoette"),
    ("hvad er boligstøtte egentlig", "boligstoette"),
)

test_the_messages_are_our_own = our_own(NAMED_WITH_FILLER)


@pytest.mark.parametrize(("message", "topic"), NAMED_WITH_FILLER)
def test_a_topic_named_with_a_filler_word_is_answered(knowledge, message: str, topic: str) -> None:
    found = engine_answer(knowledge, message, today=TODAY)
    assert (found.kind, found.topic) == ("answer", topic), (found.kind, found.topic, found.search.suggestions,
                                                            found.search.confidence)
    assert found.search.confidence >= 0.4

