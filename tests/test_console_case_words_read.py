"""The case questions in the terminal chat (`husly chat`) and `husly cases show`, as a caseworker sees them: the case
number is said once, when the case opens (it came a second time when the municipality was typed during the
questions); the card never says the words question was "not asked yet" after the person passed over it; and a
typed "nej" / "det vil jeg ikke" to that question is read as a no, said back kindly (the learned model read "det vil
jeg ikke" as despair and the person got 112)."""

from __future__ import annotations

import asyncio
import io
import re

import pytest
from sqlmodel import Session, col, select

from bot.app import App
from bot.cases.models import CaseMessage
from handlers.console import chat
from tests.cases_support import case, husly

THROWN_OUT = "jeg er blevet smidt ud og har ingen steder at sove i nat"
WORDS_QUESTION = "Må medarbejderne læse det, du skriver til mig her?"


def talk(app: App, *lines: str) -> str:
    out = io.StringIO()
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in (*lines, "/quit"))), out=out, lang="da"))
    return out.getvalue()


@pytest.fixture
def app(sqlite_engine, make_app, capsys) -> App:
    built = make_app(sqlite_engine)
    husly(built, capsys, "staff", "add", "--municipality", "Aarhus", "--name", "Mette")
    return built


@pytest.mark.parametrize(("lines", "routed"), [
    # "jeg bor i aarhus" typed while the words question waits: the case goes to Aarhus, where Mette is.
    ((THROWN_OUT, "1", "jeg bor i aarhus"), "Jeg har sendt din sag til medarbejderne i Aarhus Kommune."),
    # Randers typed at the municipality question: nobody from there is on Husly.
    ((THROWN_OUT, "1", "1", "randers"), "Lige nu er der ingen medarbejder fra Randers Kommune på Husly"),
])
def test_the_case_number_is_said_once_when_the_municipality_comes_during_the_questions(app: App, lines: tuple[str, ...],
                                                                                        routed: str) -> None:
    transcript = talk(app, *lines)
    assert routed in transcript
    told = re.findall(r"sagsnummer er 1\b|\(nummer 1\)", transcript)
    assert told == ["sagsnummer er 1"], told  # once, when the case opened
    assert case(app.engine).municipality in ("aarhus", "randers")


def test_the_card_says_the_words_question_was_asked_when_it_was_passed_over(app: App, capsys) -> None:
    talk(app, THROWN_OUT, "1",
         "hvad så nu", "jeg er så træt af det hele",  # written on twice at the words question: the next one comes
         "aarhus")
    card = husly(app, capsys, "cases", "show", "1", "--as", "Mette")
    assert "ikke spurgt endnu" not in card and "Egne ord: ikke delt (spurgt, men har ikke svaret endnu)." in card
    talk(app, "2", "6", "1",  # 18-24, skip tonight, stay anonymous: the words question once more, at the end
         "jeg sidder på banegården")  # written on again: the questions end without an answer
    card = husly(app, capsys, "cases", "show", "1", "--as", "Mette")
    assert "ikke spurgt endnu" not in card and "spurgt, men har ikke svaret endnu" in card
    assert case(app.engine).words_consent is None


KIND_NO = ("Okay, det er helt fint. Medarbejderne ser kun dine svar", "Hvilken kommune er du i?")
KIND_NO_EN = ("Okay, that's fine. The caseworkers only see your answers", "Which municipality are you in?")


@pytest.mark.parametrize(("no", "said"), [
    ("nej", KIND_NO), ("nej tak, det vil jeg ikke", KIND_NO), ("det vil jeg ikke", KIND_NO),
    # Written in English, answered in English from here on.
    ("no I don't want to", KIND_NO_EN),
])
def test_a_typed_no_to_the_words_question_is_read_as_a_no_and_said_back_kindly(app: App, capsys, no: str,
                                                                               said: tuple[str, str]) -> None:
    transcript = talk(app, THROWN_OUT, "1", no)
    after = transcript.split(WORDS_QUESTION)[-1]
    kind, question = said
    assert kind in after and question in after, after  # said back, and the case goes on
    assert "112" not in after, after  # not read as despair
    assert case(app.engine).words_consent is False
    with Session(app.engine) as session:
        assert not session.exec(select(CaseMessage).where(col(CaseMessage.direction) == "in")).all()
    card = husly(app, capsys, "cases", "show", "1", "--as", "Mette")
    assert "Den unge har ikke sagt ja til, at deres egne ord gemmes på sagen." in card


def test_a_typed_yes_after_the_urgent_help_button_asks_for_their_own_words(app: App) -> None:
    transcript = talk(app, "3", "1", "ja det må de godt")  # [3] Akut hjælp, [1] Ja tak: no words of their own yet
    after = transcript.split(WORDS_QUESTION)[-1]
    assert "Skriv her med dine egne ord, hvad der er sket" in after, after
    assert case(app.engine).words_consent is True


def test_a_typed_yes_keeps_the_first_words(app: App) -> None:
    transcript = talk(app, THROWN_OUT, "1", "ja")
    assert "Tak. Medarbejderne kan læse det, du har skrevet" in transcript.split(WORDS_QUESTION)[-1]
    with Session(app.engine) as session:
        kept = [m.text for m in session.exec(select(CaseMessage).where(col(CaseMessage.direction) == "in"))]
    assert kept == [THROWN_OUT]
