"""The words question at the end of the case questions, in the terminal chat (`husly chat`): a young person who
wrote on instead of answering it is asked once more after the last question, and a yes then keeps their first
words on the case (they were dropped: the questions ended with "Tak, det var alt")."""

from __future__ import annotations

import asyncio
import io

from sqlmodel import Session, col, select

from bot.cases.models import CaseMessage
from handlers.console import chat

THROWN_OUT = "min far har smidt mig ud i nat og jeg står på gaden i randers, jeg er 17"


def test_the_terminal_chat_asks_the_words_question_once_more_and_keeps_the_first_words(sqlite_engine,
                                                                                       make_app) -> None:
    app = make_app(sqlite_engine)
    out = io.StringIO()
    lines = (THROWN_OUT, "1",  # [1] Ja tak: a caseworker
             "jeg ved ikke hvad jeg skal gøre", "hvornår skriver de",  # written on at the words question, twice
             "6",  # [6] Spring over: where they sleep tonight
             "1",  # [1] Vær anonym
             "1",  # [1] Ja, det må de: at the words question once more
             "/quit")
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    transcript = out.getvalue()
    last = transcript.index("Sidste spørgsmål: Må medarbejderne læse det, du har skrevet til mig?")
    assert "Tak, det var alt" in transcript[last:]
    with Session(app.engine) as session:
        kept = [m.text for m in session.exec(select(CaseMessage).where(col(CaseMessage.direction) == "in"))]
    assert any("smidt mig ud" in text for text in kept), kept


def test_the_terminal_chat_does_not_call_a_question_about_the_case_serious(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    out = io.StringIO()
    lines = (THROWN_OUT, "1", "1",  # a caseworker, yes to the words question
             "6", "1",  # skip where they sleep, stay anonymous
             "godmorgen, har nogen kigget på min sag?", "/quit")
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    last = out.getvalue().rsplit("Husly: ", 1)[1]
    assert last.startswith("Jeg har lagt din besked på din sag (nummer 1).")
    assert "lyder alvorligt" not in last
