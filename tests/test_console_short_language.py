"""Short messages in the terminal chat (`husly chat`): a one-word English first message is answered in English,
while a Dane's "hej" and "ok" (and a "thanks" after them) keep Danish; a van parked "on the street" is no crisis."""

from __future__ import annotations

import asyncio
import io

from handlers.console import chat


def converse(app, *lines: str, chat_id: int) -> list[str]:
    """The bot's replies after the greeting and the privacy note (the terminal chat starts with /start)."""
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in (*lines, "/quit")))
    asyncio.run(chat(app, chat_id=chat_id, stdin=stdin, out=out, lang="da"))
    return [part.split("\n")[0] for part in out.getvalue().split("Husly: ")[1:]][2:]


def test_a_one_word_english_first_message_is_answered_in_english(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), "anyone??", "ok", chat_id=1)
    assert said == ["I'm here. Write your question in a few words, or tap a button.",
                    "Okay. Write if there is anything else, or tap a button."]


def test_a_danish_hej_and_ok_keep_danish_also_for_a_thanks_after_them(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), "hej", "ok", "thanks", "👍", chat_id=2)
    assert said[0].startswith("Hej! Jeg er Husly")
    assert said[1:3] == ["Okay. Skriv, hvis der er andet, eller tryk på en knap.",
                         "Selv tak! Skriv igen, hvis der er andet."]
    assert said[3].startswith("Skriv dit spørgsmål")


def test_a_clear_message_still_switches_after_a_short_word(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    said = converse(app, "hej", "I sleep on the street tonight", "tak", chat_id=3)
    assert said[1].startswith("You should not be alone with this")
    assert said[-1] == "You're welcome! Write again if there is anything else.", "a short Danish word keeps English"


def test_a_van_parked_on_the_street_is_no_crisis_but_sleeping_there_is(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    parked = converse(app, "we parked the van out on the street by the flat", chat_id=4)
    assert not any("You should not be alone" in r or "caseworker from" in r for r in parked), parked
    night = converse(app, "I sleep on the street, no bed", chat_id=5)
    assert night[0].startswith("You should not be alone with this")


def test_is_anyone_awake_at_night_is_a_call_not_a_question(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    said = converse(app, "er der nogen vågen herude?", chat_id=6)
    assert said == ["Jeg er her. Skriv dit spørgsmål med få ord, eller tryk på en knap."]  # was "Det ved jeg ikke"
    said = converse(app, "anyone awake??", chat_id=7)
    assert said == ["I'm here. Write your question in a few words, or tap a button."]


def test_a_short_word_does_not_undo_the_language_chosen_with_sprog(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), "/sprog", "2", "tak", chat_id=8)  # [2] English
    assert said[-1] == "You're welcome! Write again if there is anything else."
