"""English in, English out, also when a message has few of the commonest English words.

Playing a night in English: "i've been sleeping outdoors since monday", the first message of a chat on a phone set
to Danish, got Danish. Its only signs were "i" (a Danish word too) and "have", and the chat kept its language. Now a
word of both languages is no sign, and more English and Danish words are (knowledge/lexicon/language_clear.yaml).
"""

from __future__ import annotations

import pytest

from knowledge.lexicon import clear_language
from tests.corpus import our_own
from tests.support import Chat

ENGLISH = ["i've been sleeping outdoors since monday", "uncle kicked me out yesterday, i got nowhere",
           "i was evicted, sleeping at the station", "i been staying with mates since summer",
           "my step mum kicked me out on sunday, been homeless since"]
DANISH = ["stedfar har smidt mig ud, sover hos en kammerat siden lørdag",
          "bor midlertidigt hos en veninde men hun vil have mig ud efter jul",
          "min udlejer har skiftet låsen og jeg er hjemløs nu"]


@pytest.mark.parametrize("text", ENGLISH)
def test_an_english_message_is_clearly_english(text: str) -> None:
    assert clear_language(text) == "en"


@pytest.mark.parametrize("text", DANISH)
def test_a_danish_message_is_clearly_danish(text: str) -> None:
    assert clear_language(text) == "da"


@pytest.mark.parametrize("text", ["i", "for at", "i for at"])
def test_words_of_both_languages_tell_nothing(text: str) -> None:
    assert clear_language(text) is None


@pytest.mark.parametrize("text", ENGLISH[:3])
def test_a_night_outside_in_english_is_answered_in_english(chat: Chat, text: str) -> None:
    shown = "\n".join(m.text for m in chat.say(text))
    assert "Here is where you can get help tonight" in shown
    assert "Do you want a caseworker" in shown
    assert "Her kan du få hjælp i nat" not in shown


test_the_messages_are_our_own = our_own(ENGLISH, DANISH)


@pytest.mark.parametrize("text", ["I haven't eaten since breakfast", "i havent eaten today", "she hasn't got a key",
                                  "we weren't told anything"])
def test_an_english_contraction_is_english_not_a_danish_word(text: str) -> None:
    # "haven't" folds to "haven t", and "haven" is Danish (the garden): "I haven't eaten since breakfast" was answered
    # in Danish.
    assert clear_language(text) == "en"
