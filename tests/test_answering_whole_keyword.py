"""A word of a topic's name is not its name: a keyword phrase ("free municipality") or a hyphenated name in a title
("The free-municipality network") counts as naming its topic only when the question says all of it (knowledge/index.py
Index._focus). "is it free?" alone shared "free" with the free-municipality network's name and was answered with that
topic as the one sure answer; it names nothing, and gets the closest topics instead (or, after an answer, is read with
the topic just shown)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)
FREE_NETWORK = "frikommune"

# Too short for the closeness check against the real messages (three or four generic words always come close to
# something there), so not in our_own below: "is it free?", "er det gratis?".
JUST_FREE = ("is it free?", "Is it free", "er det gratis?", "Er det gratis")
# The whole name still names the topic.
THE_WHOLE_NAME = (
    ("which towns belong to the free municipality network on cheap housing", FREE_NETWORK),
    ("hvilke byer er med i frikommunenetværket om billige boliger", FREE_NETWORK),
)


@pytest.mark.parametrize("text", JUST_FREE)
def test_asking_whether_it_is_free_is_not_answered_with_the_free_municipality_network(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert not (found.confident and found.topic == FREE_NETWORK), (found.topic, found.search.confidence)


@pytest.mark.parametrize("text", JUST_FREE)
def test_the_focus_of_a_word_of_a_name_is_not_the_name(knowledge, text: str) -> None:
    # "free" is a word of the keyword "free municipality" and of the title's "free-municipality": neither is said whole.
    _, index = knowledge
    found = index.search(text)
    if found.topic == FREE_NETWORK:
        assert found.features["focus"] == 0.0


@pytest.mark.parametrize(("text", "topic"), THE_WHOLE_NAME)
def test_the_whole_name_still_names_the_topic(knowledge, text: str, topic: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.confident and found.topic == topic, (found.topic, found.search.confidence)


test_the_sentences_are_our_own = our_own(THE_WHOLE_NAME)
