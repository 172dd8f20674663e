"""A young person in crisis in a town outside the six municipalities is told so, and how to reach their own.

Playing the night: "jeg bor i Odense og har ingen steder at sove i nat" got the night's text and then "Which
municipality are you in?" (they had just said it); typed "Odense" got "What I know about rules and rights holds
everywhere in Denmark:" and nothing after the colon; a yes to a caseworker got "Tell me your municipality, so I can
send your case to the right caseworkers", promising a caseworker from a town no one on Husly serves, and "Odense" to
the municipality question was put on the case unread. Now each says that Husly does not know the local help there and
to contact that municipality (its number is on its website: we vouch for no number we have no source for).
"""

from __future__ import annotations

import datetime as dt

from bot.failsafe import safety_now
from bot.replies import Incoming, to_plain
from tests.corpus import our_own
from tests.support import Chat, cases_of, texts

IN_ODENSE = "jeg bor i Odense og har ingen steder at sove i nat"
HELPER_IN_AALBORG = "my son is 19 and has slept in his car for a week in Aalborg, what can he do"
UNKNOWN_DA = "Husly kender ikke den lokale hjælp i Odense. Kontakt kommunen dér nu"
NO_CASEWORKERS_DA = "Husly har ingen medarbejdere fra Odense"
ASKED_DA = "Hvilken kommune er du i?"


def test_an_urgent_message_naming_another_town_is_told_how_to_reach_it(chat: Chat) -> None:
    reply = texts(chat.say(IN_ODENSE))
    assert UNKNOWN_DA in reply
    assert ASKED_DA not in reply
    assert "112" in reply and "Vil du have, at en medarbejder" in reply


def test_a_helper_reads_it_for_the_young_person_in_english(chat: Chat) -> None:
    reply = texts(chat.say(HELPER_IN_AALBORG))
    assert "Husly does not know the local help in Aalborg. The young person should contact the municipality" in reply
    assert "Which municipality does the young person live in?" not in reply


def test_typing_the_town_at_the_offer_gets_the_way_there_and_no_second_offer(chat: Chat) -> None:
    chat.say("har ingen steder at sove i nat")
    reply = texts(chat.say("Odense"))
    assert UNKNOWN_DA in reply
    assert not reply.rstrip().endswith(":")
    assert "Vil du have, at en medarbejder" not in reply


def test_a_case_opened_from_another_town_promises_no_local_caseworker(chat: Chat) -> None:
    chat.say(IN_ODENSE)
    reply = texts(chat.say("ja"))
    assert "Dit sagsnummer er 1." in reply and NO_CASEWORKERS_DA in reply
    assert "så jeg kan sende din sag til de rigtige medarbejdere" not in reply
    assert cases_of(chat)[0].municipality is None


def test_the_town_typed_to_the_municipality_question_is_answered_and_the_questions_go_on(chat: Chat) -> None:
    chat.say("har ingen steder at sove i nat")
    chat.say("ja")
    assert ASKED_DA in texts(chat.say("nej, kun mine svar"))
    reply = texts(chat.say("Odense"))
    assert NO_CASEWORKERS_DA in reply
    assert "Hvor gammel er du?" in reply and ASKED_DA not in reply  # the next question, not the same again


def test_a_bare_town_outside_the_six_ends_with_what_to_do(chat: Chat) -> None:
    reply = texts(chat.say("Odense"))
    assert "I Odense skal du kontakte kommunen dér" in reply
    assert reply.rstrip().endswith("gælder i hele Danmark.")


def test_the_failsafe_says_it_too(knowledge) -> None:
    kb, _ = knowledge
    incoming = Incoming("telegram", 1, 1, "text", update_id=1, text=IN_ODENSE, language_code="da")
    reply = safety_now(kb, incoming, dt.date(2026, 12, 4))
    assert reply is not None and UNKNOWN_DA in to_plain(reply.html)


test_the_messages_are_our_own = our_own([IN_ODENSE, HELPER_IN_AALBORG])
