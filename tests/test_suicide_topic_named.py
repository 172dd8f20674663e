"""The topic about suicidal thoughts answers a message that speaks of suicide or self-harm or names the topic, and no
other. Letters about loneliness, a jealous partner or a quarrel at home were answered with it first, on words of
feeling alone (the real messages' development parts)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.triage import Urgency, triage
from tests.support import Chat

TODAY = dt.date(2026, 12, 1)
NO_SUICIDE_NAMED = [
    ("I am so tired of everything. I feel worthless and numb and I cry every night. My parents just yell at me. I dont "
     "know what to do anymore."),
    ("Min kæreste gennem to år bestemmer alt. Han læser mine beskeder, og jeg må ikke se mine veninder uden ham. "
     "Når vi skændes, siger han, at det er min skyld, og at ingen andre ville gide mig. Jeg føler mig lille og "
     "alene og ved ikke, hvad jeg skal gøre."),
]
SUICIDE_NAMED = [
    "har haft ondt i livet hele efteråret",  # the topic named by its own words
    "Min veninde skrev i går, at hun har tænkt på at tage sit liv. Hvad kan jeg gøre for hende?",
    "I tried to kill myself two years ago and lately the thoughts are coming back. Who can I talk to?",
]


@pytest.mark.parametrize("text", NO_SUICIDE_NAMED)
def test_a_letter_naming_no_suicide_is_not_answered_with_the_suicide_topic(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert found.topic != "selvmordstanker"


@pytest.mark.parametrize("text", SUICIDE_NAMED)
def test_a_message_naming_suicide_still_gets_the_suicide_topic(knowledge, text: str) -> None:
    kb, index = knowledge
    assert answer(kb, index, text, today=TODAY, threshold=0.4).topic == "selvmordstanker"


def test_a_letter_of_feelings_gets_other_topics_first_in_the_chat(chat: Chat) -> None:
    sent = chat.say(NO_SUICIDE_NAMED[0])
    topics = [b.data or "" for s in sent for b in s.buttons if (b.data or "").startswith("t:")]
    assert topics and topics[0] != "t:selvmordstanker", topics


@pytest.mark.parametrize("text", ["Hvordan støtter jeg bedst, hvis din kæreste har tanker om selvmord",
                                  "should I call someone if your friend keeps mentioning suicide"])
def test_a_general_question_about_a_friend_who_is_suicidal_is_no_emergency(text: str) -> None:
    """A heading's general "you" ("What to do if your friend is suicidal") is a question, not a friend in danger:
    it was an emergency, with a case offered."""
    assert triage(text).urgency is not Urgency.EMERGENCY


@pytest.mark.parametrize("text", ["my mate texted me goodbye and says he has the pills ready now",
                                  "I want to kill myself if your answer is no"])
def test_a_friend_in_danger_or_a_threat_to_oneself_stays_an_emergency(text: str) -> None:
    assert triage(text).urgency is Urgency.EMERGENCY
