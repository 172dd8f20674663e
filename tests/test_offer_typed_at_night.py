"""The offer of a caseworker, answered the way a young person types at night.

Playing a night in English: thrown out, at the station in Randers, offered "Do you want a caseworker from Randers
Municipality to write to you here?". "what do i do now" got "I'm not sure I understood" with the suicide topic among
the choices; "ye" was no yes (nobody was told, and the person thought they had said yes); "how long does it take"
got the answer about what to take along when thrown out.
"""

from __future__ import annotations

import pytest

from tests.corpus import our_own
from tests.support import Chat, cases_of, texts

NIGHT_EN = "im 18, my mum told me to get out tonight, im sitting at the train station with my bag"
NIGHT_DA = "jeg er 18 og min mor har smidt mig ud i aften, jeg sidder på banegården med min taske"


@pytest.mark.parametrize("yes", ["ye", "yea pls", "yesss", "Yes plz!!", "jaaa tak", "ok ja", "jep tak", "ja gerne tak"])
def test_a_typed_yes_opens_the_case(chat: Chat, yes: str) -> None:
    chat.say(NIGHT_EN if yes[0] in "yY" else NIGHT_DA)
    assert not cases_of(chat)
    chat.say(yes)
    assert len(cases_of(chat)) == 1


@pytest.mark.parametrize("said", ["ok tak", "tak", "thanks", "yes but what happens to my stuff",
                                  "ja men hvad så med mine ting"])
def test_what_is_no_plain_yes_opens_nothing(chat: Chat, said: str) -> None:
    chat.say(NIGHT_EN if said[0] in "ty" else NIGHT_DA)
    chat.say(said)
    assert not cases_of(chat)


@pytest.mark.parametrize("asked", ["what do i do now", "what now??", "how long does it take", "when will they write"])
def test_a_question_about_the_next_step_gets_the_offer_explained(chat: Chat, asked: str) -> None:
    chat.say(NIGHT_EN)
    shown = texts(chat.say(asked))
    assert "If you say yes, I send your case to the caseworkers" in shown
    assert "Do you want a caseworker" in shown
    assert "Thoughts of suicide" not in shown and "take with me" not in shown
    assert not cases_of(chat)


@pytest.mark.parametrize("asked", ["hvad gør jeg nu?", "hvad skal jeg gøre nu", "hvor lang tid tager det?"])
def test_in_danish_too(chat: Chat, asked: str) -> None:
    chat.say(NIGHT_DA)
    shown = texts(chat.say(asked))
    assert "Siger du ja, sender jeg din sag til medarbejderne" in shown
    assert "Vil du have, at en medarbejder" in shown


def test_in_a_municipality_with_nobody_on_husly_it_says_so(chat: Chat) -> None:
    chat.say(NIGHT_EN.replace("station", "station in randers"))
    shown = texts(chat.say("what do i do now"))
    assert "Right now no caseworker from Randers Municipality is connected to Husly" in shown
    assert not cases_of(chat)


def test_a_question_of_its_own_is_still_answered_as_one(chat: Chat) -> None:
    chat.say(NIGHT_EN)
    shown = texts(chat.say("how long does it take to get housing benefit"))
    assert "If you say yes, I send your case" not in shown


test_the_messages_are_our_own = our_own(NIGHT_EN, NIGHT_DA)
