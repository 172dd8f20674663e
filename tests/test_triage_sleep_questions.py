"""Asking where to sleep is a night without a bed; waking at night is a sleep trouble, not a danger to life.

Playing the night: "hvor kan jeg sove?" and "where can i sleep" got "I'm not sure I understood" (confidence 0.0 for
the Danish one): the person asking has no bed, so it is urgent now, by a rule, and gets the night's help. "i keep
waking up at night" was an emergency (112, Livslinien, and a case opened at once): the learned model's list of
dangers to life has "waking up" for "not waking up". A cheap bed on a trip, sleeping better and the wish never to
wake up again are told apart. Every message was written for this test and is checked against the real-message
collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.support import Chat, texts
from tests.triage_cases import DETECTED, expect

WHERE_TO_SLEEP = [
    "hvor kan jeg sove?",
    "hvor skal jeg sove henne",
    "where can i sleep",
    "ok but where do i sleep then",
]
NOT_A_NIGHT_WITHOUT_A_BED = [
    "hvor kan jeg sove billigt når jeg besøger min søster i kbh",
    "where can i sleep for cheap during the festival",
    "hvor kan jeg sove bedre, naboen larmer",
    "i keep waking up at night, any tips",
    "jeg vågner hele tiden om natten og er træt i skolen",
    "i wake up every night around 3 and cant fall back asleep",
]
STILL_EMERGENCIES = [
    "i dont want to wake up tomorrow, im so done",
    "i keep waking up at night because he comes into my room and hits me",
]

test_asking_where_to_sleep_is_urgent = expect(WHERE_TO_SLEEP, Urgency.URGENT, how="at least", lang=DETECTED,
                                              by="rules and bot")
test_a_trip_or_a_sleep_trouble_is_no_crisis = expect(NOT_A_NIGHT_WITHOUT_A_BED, Urgency.NONE, lang=DETECTED)
test_not_wanting_to_wake_or_a_blow_at_night_is_still_an_emergency = expect(STILL_EMERGENCIES, Urgency.EMERGENCY,
                                                                           lang=DETECTED)


def test_hvor_kan_jeg_sove_gets_the_nights_help(chat: Chat) -> None:
    reply = texts(chat.say("hvor kan jeg sove?"))
    assert "Her kan du få hjælp i nat" in reply
    assert "Jeg er ikke sikker på, at jeg forstod dig" not in reply


def test_waking_at_night_opens_no_case(chat: Chat) -> None:
    reply = texts(chat.say("i keep waking up at night, any tips"))
    assert "Livslinien" not in reply and "case number" not in reply and "sagsnummer" not in reply


# The questions of WHERE_TO_SLEEP are three to six everyday words, each of them in some long real letter (closeness
# 100 by token set): no copy can be told from them. The longer sentences are checked.
test_the_messages_are_our_own = our_own(NOT_A_NIGHT_WITHOUT_A_BED, STILL_EMERGENCIES)
