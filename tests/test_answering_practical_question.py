"""A message that tells where the writer is staying and then asks a practical question is answered with the topic of
the question, however the question is put (bot/reading.py Reading.asking, read by knowledge/index.py ASKED_WEIGHT):

- after a conjunction in the same clause, with no comma or question mark ("... for a month but how do I apply for
  housing benefit", "... for tiden men hvordan søger jeg boligstøtte");
- in other words, as a statement ("I would like to know whether ...", "jeg vil gerne vide, om ...", "jeg er i tvivl
  om ...", "I wonder if ...").

Before, such a question was not read as the question, and the background (a cousin's sofa, friends' floors) chose
the couch-surfing topic, several times as the one sure answer.

Whether the landlord is allowed to come in is asked in everyday English words the lease topic's specific answer lacked
(knowledge/topics/lejekontrakt.yaml, udlejers-adgang): it is now the sure answer to them.

The sentences are our own (not near copies of the real messages).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.reading import read
from tests.corpus import our_own
from tests.support import answered, assert_asked_topic_first

TODAY = dt.date(2026, 12, 6)
COUCH = "sofasurfer"

ASKED_PAST_THE_COUCH = (
    ("I've been sleeping on my cousin's couch for a month but how do I apply for housing benefit", "boligstoette"),
    ("Jeg sover på min fætters sofa for tiden men hvordan søger jeg boligstøtte", "boligstoette"),
    ("I sleep at a friend's place these weeks and I would like to know whether I can get housing benefit.",
     "boligstoette"),
    ("I crash with different mates every week and I wonder if I have to report a change of address each time.",
     "adresse-cpr"),
    ("Jeg skifter mellem at sove hos forskellige venner og er i tvivl om jeg skal melde flytning hver gang.",
     "adresse-cpr"),
)
LANDLORD_COMES_IN = (
    "yesterday my landlord let himself into my flat with his own key, is that even allowed?",
    "the owner of our flat walks in whenever he likes, is he allowed to",
)
# What the reading takes for the question (folded where a phrase that asks in other words came before it).
ASKING = (
    ("I have a job now and the hostel is fine but where can I live once my time here ends",
     "but where can i live once my time here ends"),
    ("Min moster vil gerne vide om hun kan få bostøtte til sin søn", "om hun kan faa bostoette til sin soen"),
    ("My foster carer is moving abroad and I want to know more about aftercare", "aftercare"),
    # Knowing something is no question: "I need to know" opens none here.
    ("Since moving to Kolding my aunt and I need to know more people around the harbour", ""),
    ("We have lived in the caravan since May and are trying to find out how long a youth flat takes",
     "how long a youth flat takes"),
    # A story with no question in it asks nothing.
    ("Last winter we moved to Vejle and my brother found work at the harbour", ""),
)


@pytest.mark.parametrize(("text", "topic"), ASKED_PAST_THE_COUCH)
def test_the_practical_question_comes_before_the_background(knowledge, text: str, topic: str) -> None:
    assert_asked_topic_first(answered(knowledge, text, TODAY), topic, COUCH)


@pytest.mark.parametrize("text", LANDLORD_COMES_IN)
def test_whether_the_landlord_may_come_in_is_answered_in_everyday_words(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert (found.topic, found.faq, found.confident) == ("lejekontrakt", "udlejers-adgang", True)


@pytest.mark.parametrize(("text", "asks"), ASKING)
def test_what_the_message_asks(text: str, asks: str) -> None:
    assert read(text).asking == asks


test_the_sentences_are_our_own = our_own(ASKED_PAST_THE_COUCH, LANDLORD_COMES_IN, ASKING)
