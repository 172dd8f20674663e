"""Reading real messages in the terminal chat (`husly chat`): the same core as Telegram, so English in is
English out, small talk gets a short reply, a follow-up is read with the topic just shown, someone asking for a
friend is not given a case, and a letter about several things gets choices."""

from __future__ import annotations

import asyncio
import io

from sqlmodel import Session, select

from bot.cases.models import Case
from handlers.console import chat
from tests.test_understanding import LETTER


def converse(app, *lines: str) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    return out.getvalue()


def replies(transcript: str) -> list[str]:
    """The bot's messages, in order (each starts with "Husly: ")."""
    return ["Husly: " + part.split("\n\n")[0] for part in transcript.split("Husly: ")[1:]]


def test_the_terminal_chat_answers_english_in_english_and_small_talk_briefly(sqlite_engine, make_app) -> None:  # type: ignore[no-untyped-def]
    transcript = converse(make_app(sqlite_engine), "Hej", "I sleep on the street tonight", "thanks", "/quit")
    assert "Hej! Jeg er Husly" in transcript
    assert "You should not be alone with this" in transcript
    assert "You're welcome!" in transcript
    assert "Du skal ikke stå alene" not in transcript


def test_the_terminal_chat_reads_follow_ups_helpers_and_letters(sqlite_engine, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(sqlite_engine)
    transcript = converse(app, "Hvordan får jeg et kollegieværelse?", "Hvad koster det?",
                          "min ven sover på gaden i nat, hvad kan han gøre?", LETTER, "/quit")
    said = replies(transcript)
    kollegium = [r for r in said if "Bo på kollegium" in r]
    assert len(kollegium) == 2, "the follow-up got the kollegium answer too"
    assert any(r.startswith("Husly: Den unge skal ikke stå alene") for r in said)
    assert "handler om flere ting" in transcript
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None, "no case in the helper's name without asking"
