"""Asking for the other language ("can you answer in english", "kan du skrive på dansk?") switches the chat and
says so. "thanks, can you answer in english" got "I'm not sure I understood" and the choices."""

from __future__ import annotations

import pytest

from tests.support import Chat


@pytest.mark.parametrize(("said", "reply"), [
    ("thanks, can you answer in english", "Okay, I'll write in English."),
    ("kan du skrive på engelsk?", "Okay, I'll write in English."),
    ("english please", "Okay, I'll write in English."),
])
def test_asking_for_english_switches_the_chat_to_english(chat: Chat, said: str, reply: str) -> None:
    sent = chat.say(said)
    assert len(sent) == 1 and sent[0].text.startswith(reply), sent[0].text
    assert "Find housing" in [b.text.split(" ", 1)[-1] for b in sent[0].buttons]  # the menu, in English
    assert "Okay" in chat.say("ok")[0].text and "Write if there is anything else" in chat.say("ok")[0].text


def test_asking_for_danish_switches_back(chat: Chat) -> None:
    chat.say("english please")
    sent = chat.say("på dansk tak")
    assert sent[0].text.startswith("Okay, jeg skriver på dansk."), sent[0].text


def test_a_letter_written_in_english_is_no_request(chat: Chat) -> None:
    sent = chat.say("I wrote my letter to the landlord in english and he never answered, what now")
    assert "I'll write in English" not in sent[0].text
