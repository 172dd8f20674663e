"""Which topic a message is answered with, where a word in passing took it elsewhere.

A grown-up's letter that says how long something lasted ("for the past 13 years", "de sidste 12 år") is not read
as the letter of someone under 18 (bot/reading.py ages_said): a number of years said as a length of time is no age.
Such a letter was offered the topic for minors (BørneTelefonen, a minor's rights) first, though its writer said an
adult age; now the grown-up's own topics come first and the topic for minors stays a later choice. An age said as one
("a 15 year old", "jeg er 17 år", "hun blev 15 år") still counts.

Help to pay for a move (a van, the costs of moving to something cheaper) is the one-off grant's question
(enkeltydelse, its specific answer on moving costs), not the topic about leaving one's parents' home: "flytning"
(a move) alone named that topic, and "is there help for the move itself?" was answered with it as the sure answer.
Someone moving away from home still gets that topic, and reporting a move still goes to the address topic.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.reading import ages_said
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 6)

# Grown-ups who tell how long they have lived somewhere or with someone.
GROWN_UP_LETTERS = [
    "Jeg er 27 år og har boet hjemme hos mine forældre de sidste 12 år. Min far bestemmer alt, også hvornår jeg skal "
    "være hjemme. Jeg vil gerne have mit eget sted, men jeg tjener ikke meget. Hvordan kommer jeg videre?",
    "I'm 31. For the past 13 years I have lived in my parents' house, and my stepmother still sets the rules for "
    "everything I do at home. I'd like a place of my own but I earn very little. What are my options?",
    "After 15 years my husband walked out on us in October. I'm 39, the lease was only ever in his name, and right now "
    "the children and I sleep at my mum and dad's. Where do we look for something cheap?",
]

# Each sentence with the ages ages_said reads in it (an age said twice, of the writer and as "N years old", is read
# twice; what matters here is which numbers are ages at all).
DURATIONS: list[tuple[str, list[int]]] = [
    ("Tobias and I shared the caravan for 6 yrs before he drove off with the dog", []),
    ("the bakery job of 2 years ended in march and the rent money ran dry", []),
    ("jeg har skiftet mellem sofaer og campingvogne i 3 år nu, uden egen adresse", []),
    ("for 2 år siden flyttede jeg fra Skive til en lejlighed over pizzeriaet", []),
    ("about 5 years ago my aunt sold the farm and moved to Spain with her dogs", []),
]
AGES: list[tuple[str, list[int]]] = [
    ("i am a 15 year old girl and my stepdad keeps taking my pocket money", [15]),
    ("I'm 16 years old and Grandpa told me to pack a bag and go", [16, 16]),
    ("jeg er 17 år og min plejemor har skiftet låsen ud", [17, 17]),
    ("min lillesøster blev 15 år i tirsdags og vil bo hos vores moster", [15]),
    ("dreng 14 år, min mor har smidt min madras ud på trappen", [14]),
    ("Jeg er en mor på 41 år. Efter 17 år med min mand er vi gået fra hinanden", [41]),
    ("min kusine er over 18 år, men hun vil stadig bo hos farmor i Ribe", [18]),
    ("lejeren skal være mindst 18 år for at skrive under på kontrakten til værelset", [18]),
]


@pytest.mark.parametrize("text", GROWN_UP_LETTERS)
def test_a_grown_up_who_tells_how_long_is_not_offered_the_minors_topic_first(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    # The first topic offered (or answered) is one for a grown-up; the minors' topic may stay a later choice.
    assert found.search.topic != "under-18"
    assert found.search.suggestions[0] != "under-18"
    assert found.kind in ("choices", "urgent", "answer", "not_sure")


@pytest.mark.parametrize(("text", "ages"), DURATIONS + AGES)
def test_a_length_of_time_is_no_age(text: str, ages: list[int]) -> None:
    assert ages_said(text) == ages


# Help to pay for a move: never the sure answer about leaving home; the one-off grant is offered at once.
MOVING_HELP = [
    "Er der hjælp at hente til selve flytningen?",
    "Is there any help with moving when I can't pay for it myself?",
]
# The neighbours keep their own questions.
MOVING_OTHERS = [
    ("Hvad koster en flytning, når man flytter hjemmefra første gang?", "flytte-hjemmefra"),
    ("Skal jeg melde flytning til kommunen?", "adresse-cpr"),
]


@pytest.mark.parametrize("text", MOVING_HELP)
def test_help_to_pay_for_a_move_is_not_answered_as_leaving_home(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert not (found.confident and found.topic == "flytte-hjemmefra")
    assert "enkeltydelse" in found.search.suggestions[:2]


def test_help_with_moving_costs_offers_the_one_off_grant_first(knowledge) -> None:
    kb, index = knowledge
    found = answer(kb, index, MOVING_HELP[1], today=TODAY, threshold=0.4)
    assert found.search.suggestions[0] == "enkeltydelse"


@pytest.mark.parametrize(("text", "topic"), MOVING_OTHERS)
def test_leaving_home_and_reporting_a_move_keep_their_topics(knowledge, text: str, topic: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.topic == topic
    assert found.confident


test_the_messages_are_our_own = our_own(GROWN_UP_LETTERS, DURATIONS, AGES, MOVING_HELP, MOVING_OTHERS)
