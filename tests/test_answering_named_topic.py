"""A question that names what it asks about (boligstøtte) among words of another topic's situation (living at a
relative's, a family's) gets the topic it names first: the learned topic scorer has a share in choosing the best topic
(knowledge/index.py, LEARNED_BEST_WEIGHT). The sentences are our own (not near copies of the real messages)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 1)
# Before, the couch-surfing topic ("Jeg sover hos venner eller familie") came first and housing benefit second.
NAMES_HOUSING_BENEFIT = (
    "giver det boligstøtte at bo til leje i kælderen hos en familie",
    "jeg bor hos min moster og giver hende 2000 om måneden, kan jeg søge boligstøtte",
)


@pytest.mark.parametrize("text", NAMES_HOUSING_BENEFIT)
def test_the_topic_a_question_names_comes_first(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.topic == "boligstoette", (found.topic, found.search.suggestions)
    # The person sees housing benefit first; the topic of where they sleep is never the one sure answer.
    assert found.search.suggestions[0] == "boligstoette"
    assert not (found.confident and found.topic == "sofasurfer")


test_the_sentences_are_our_own = our_own(NAMES_HOUSING_BENEFIT)
