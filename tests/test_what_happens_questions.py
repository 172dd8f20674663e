"""A short question about the way to a caseworker gets what a yes and a no lead to, or where the case stands.

Playing a night-time crisis in the terminal chat: thrown out with nowhere to sleep, offered "Vil du have, at en
medarbejder fra din kommune skriver til dig her i chatten?", the young person typed "hvad sker der nu?" and got
the thrown-out topic's answer again under seventeen buttons; the offer was gone from view."""

from __future__ import annotations

import pytest

from bot.cases.what_happens import asks_what_happens
from tests.support import Chat, cases_of, texts

THROWN_OUT = "min stedfar har smidt mig ud og jeg har ingen steder at sove i nat. jeg er 19"
HELPER = "min lillesøster på 16 er smidt ud og sover hos en veninde i nat, hvad kan vi gøre"


def labels(sent: list) -> list[str]:
    return [b.text for m in sent for b in m.buttons]


@pytest.mark.parametrize("asked", ["hvad sker der nu?", "Hvad sker der hvis jeg siger ja", "hvem skriver til mig?",
                                   "er det anonymt?", "ok men hvad betyder det", "hvordan foregår det"])
def test_a_question_about_the_offer_says_what_happens_and_asks_again(chat: Chat, asked: str) -> None:
    chat.say(THROWN_OUT)
    sent = chat.say(asked)
    shown = texts(sent)
    assert "Siger du ja, sender jeg din sag til medarbejderne" in shown
    assert "Siger du nej, sender jeg ikke noget videre" in shown
    assert "Vil du have, at en medarbejder" in shown and {"Ja tak", "Nej tak"} <= set(labels(sent))
    assert not cases_of(chat)
    # The offer still stands: a yes now opens the case.
    chat.say("ja")
    assert len(cases_of(chat)) == 1


@pytest.mark.parametrize("unsure", ["ved ikke", "Måske", "idk", "not sure"])
def test_an_unsure_answer_to_the_offer_hears_what_happens(chat: Chat, unsure: str) -> None:
    # A young person at night, offered a caseworker, typed "ved ikke" and got "Jeg er ikke sikker på, at jeg forstod
    # dig" with the suicide topic among three choices; the offer scrolled away.
    chat.say(THROWN_OUT)
    sent = chat.say(unsure)
    shown = texts(sent)
    assert "Siger du ja, sender jeg din sag til medarbejderne" in shown
    assert "Vil du have, at en medarbejder" in shown and {"Ja tak", "Nej tak"} <= set(labels(sent))
    assert "ikke sikker på, at jeg forstod" not in shown and "selvmord" not in shown.lower()
    assert not cases_of(chat)
    chat.say("ja tak")
    assert len(cases_of(chat)) == 1


def test_in_english_it_is_explained_in_english(chat: Chat) -> None:
    chat.say("my stepdad threw me out and i have nowhere to sleep tonight")
    shown = texts(chat.say("what happens if i say yes?"))
    assert "If you say yes, I send your case to the caseworkers" in shown
    assert "Do you want a caseworker" in shown and not cases_of(chat)


def test_a_helper_hears_the_case_is_for_the_young_person(chat: Chat) -> None:
    chat.say(HELPER)
    shown = texts(chat.say("hvad sker der så?"))
    assert "skriver til dig her om den unge" in shown and not cases_of(chat)


def test_a_question_of_its_own_is_answered_as_one(chat: Chat) -> None:
    chat.say(THROWN_OUT)
    shown = texts(chat.say("hvad sker der hvis jeg ikke kan betale huslejen?"))
    assert "Siger du ja, sender jeg" not in shown


@pytest.mark.parametrize("text", ["hvad sker der nu?", "what happens next", "hvem er det der skriver til mig",
                                  "do i have to give my name", "er det anonymt", "how long till someone writes",
                                  "hvor længe skal jeg vente", "will someone write to me", "er der nogen der svarer"])
def test_questions_about_the_offer_are_recognised(text: str) -> None:
    assert asks_what_happens(text)


@pytest.mark.parametrize("text", ["hvad sker der med mit depositum?", "hvad sker der hvis jeg ikke betaler",
                                  "what happens at the eviction hearing", "who can help me tonight",
                                  "how long till i have to move out", "hvor længe kan jeg bo der"])
def test_other_questions_are_not(text: str) -> None:
    assert not asks_what_happens(text)


EMERGENCY = "min kæreste slår mig og jeg tør ikke tage hjem i nat"


@pytest.mark.parametrize("asked", ["hvad sker der nu?", "er det anonymt?"])
def test_on_a_case_nobody_has_taken_it_says_what_comes_next(chat: Chat, asked: str) -> None:
    chat.say(EMERGENCY)  # an emergency opens a case at once
    assert len(cases_of(chat)) == 1
    shown = texts(chat.say(asked))
    assert "Når en medarbejder har taget din sag, får du besked her" in shown
    assert "på din sag (nummer" in shown
    # Not a topic's answer: "er det anonymt?" got the topic about violence.
    assert "Vold er ikke kun slag" not in shown and "Kilde:" not in shown


def test_with_nobody_on_husly_there_it_says_so_instead(chat: Chat) -> None:
    chat.say(THROWN_OUT)
    chat.say("Randers")  # the offer again, now from Randers Kommune, where no caseworker is on Husly here
    shown = texts(chat.say("hvad sker der nu?"))
    assert "Lige nu er der ingen medarbejder fra Randers Kommune på Husly" in shown
    assert "Når en medarbejder har taget din sag" not in shown
    assert "Vil du have, at en medarbejder" in shown and not cases_of(chat)


def test_with_nobody_on_husly_a_case_asked_what_happens_hears_it_again(chat: Chat) -> None:
    # A yes to the offer in Randers, where no caseworker is on Husly here, then two messages: the second, "hvad sker
    # der nu", got only "Den er også lagt på din sag" (the notice had been said once), and the question went unheard.
    chat.say(THROWN_OUT)
    chat.say("Randers")
    chat.say("ja")
    assert len(cases_of(chat)) == 1
    chat.say("han ringer og råber af mig hele tiden")
    shown = texts(chat.say("ok hvad sker der så nu"))
    assert "ingen medarbejder fra Randers Kommune på Husly" in shown and "Ring selv til kommunen" in shown
    assert "Den er også lagt på din sag" not in shown


@pytest.mark.parametrize("asked", ["hvor længe skal jeg vente", "how long till someone writes"])
def test_asked_how_long_the_wait_is_a_case_hears_the_notice_each_time(chat: Chat, asked: str) -> None:
    # At the last case question, "how long till someone writes" got "That one is on your case too": the question
    # was heard as a call ("hallo?"), and with nobody on Husly the young person was not told to call themselves.
    chat.say(THROWN_OUT)
    chat.say("Randers")
    chat.say("ja")
    assert len(cases_of(chat)) == 1
    for _ in range(2):
        shown = texts(chat.say(asked))
        assert "Ring selv til kommunen" in shown or "call the municipality yourself" in shown
