"""A message longer than the limit is read up to a word's end, never with a word cut in two.

Bad input played by hand: "hjælp " repeated three thousand times was cut at 2,000 characters inside a word ("hjæ"),
was no call for help any more and got "your message is about several things" with the topics for a large expense and
support at home. Cut at the last whole word, it gets the answer to a call for help (112 first).
"""

from __future__ import annotations

from tests.support import Chat, texts


def test_a_flood_of_help_is_a_call_for_help(chat: Chat) -> None:
    reply = texts(chat.say("hjælp " * 3000))
    assert "Det var en lang besked. Jeg har læst de første 2000 tegn." in reply
    assert "Jeg er her. Tryk på Akut hjælp" in reply
    assert "Din besked handler om flere ting" not in reply


def test_a_single_word_longer_than_the_limit_is_still_read(chat: Chat) -> None:
    reply = texts(chat.say("a" * 5000))
    assert "Det var en lang besked" in reply
