"""A message that tells where the writer sleeps and then asks about something else is about what it asks: the clause
that asks (bot/reading.py Reading.asking) names the topic, and that topic comes first over the one the background
words match (knowledge/index.py, ASKED_WEIGHT). The sentences are our own (not near copies of the real messages)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.reading import read
from tests.corpus import our_own
from tests.support import answered, assert_asked_topic_first

TODAY = dt.date(2026, 12, 1)
# Before, the couch-surfing topic ("Jeg sover hos venner eller familie") was the one sure answer to each of these.
ASKS_PAST_THE_SOFA = (
    ("jeg skifter mellem at sove hos forskellige venner, skal jeg melde flytning hver gang", "adresse-cpr"),
    ("min kusine lader mig sove på hendes sofa, kan jeg søge boligstøtte", "boligstoette"),
    ("I sleep on a friends couch, how do I apply for housing benefit", "boligstoette"),
)
# Three topics have "venteliste" as a keyword: naming all three alike, the question keeps the words' order.
WAITING_LIST = ("kan det gå hurtigere med ventelisten",
                "vi bor fire i en lille toværelses, kan det gå hurtigere med ventelisten")
ASKING = (
    ("jeg bor hos en ven lige nu, skal jeg melde flytning", "skal jeg melde flytning"),
    ("My mum threw me out, which made me sleep in the park.", ""),
    ("jeg bor hos en ven, hvor jeg sover i stuen.", ""),
)


@pytest.mark.parametrize(("text", "topic"), ASKS_PAST_THE_SOFA)
def test_the_topic_the_question_names_comes_first(knowledge, text: str, topic: str) -> None:
    found = answered(knowledge, text, TODAY)
    assert_asked_topic_first(found, topic)
    assert found.topic == topic


@pytest.mark.parametrize("text", WAITING_LIST)
def test_a_word_several_topics_have_keeps_the_order_of_the_words(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.search.suggestions[0] == "boligsoegning", found.search.suggestions


@pytest.mark.parametrize(("text", "asks"), ASKING)
def test_the_asking_clause_is_the_one_that_turns_to_ask(text: str, asks: str) -> None:
    # A question word that opens a relative clause ("which made me", "hvor jeg sover") asks nothing.
    assert read(text).asking == asks


test_the_sentences_are_our_own = our_own(ASKS_PAST_THE_SOFA, WAITING_LIST, ASKING)
