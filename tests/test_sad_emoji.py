"""Crying emoji are a feeling, said without words: a warm line, not "write your question in a few words".

Playing the night: "😭😭😭" got "Skriv dit spørgsmål med få ord, eller tryk på en knap." Now a row of sad emoji gets the
warm line for a feeling (what has happened? 112 if in danger), alone and on a waiting case; "👍" is still only an ok.
"""

from __future__ import annotations

from tests.support import Chat, texts

WARM = "Det er helt okay at have det sådan"


def test_crying_emoji_get_a_warm_line(chat: Chat) -> None:
    reply = texts(chat.say("😭😭😭"))
    assert WARM in reply and "ring 112" in reply
    assert "Skriv dit spørgsmål med få ord" not in reply


def test_a_thumbs_up_is_still_only_an_ok(chat: Chat) -> None:
    reply = texts(chat.say("👍"))
    assert WARM not in reply


def test_crying_emoji_on_a_waiting_case_get_the_warm_line_and_reach_the_case(chat: Chat) -> None:
    chat.say("jeg har ingen steder at sove i nat")
    chat.say("ja")
    chat.say("nej, kun mine svar")
    reply = texts(chat.say("💔😭"))
    assert WARM in reply and "din besked er lagt på den" in reply
