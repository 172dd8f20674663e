"""A short message the learned model reads as an emergency though it names no danger ("me and my gf are going to
ikea on saturday", and also "I have everything ready and I know exactly when"): the person is asked whether they are
in danger right now, with 112 and the crisis line on a line each, before any case opens. Yes (a button or typed)
opens the case at once as an emergency; no (or "ok", "jeg er ok") is a short warm line and nothing is opened. A
second such message while the question waits, or one on an open case, is an emergency at once. What names a danger
("standing on the overpass about to jump") is still an emergency at once. Terminal chat (the core) and the triage."""

from __future__ import annotations

import asyncio
import io

import pytest
from sqlmodel import Session, select

from bot.cases.models import Case
from bot.triage import LEARNED, MAYBE_IN_DANGER, Urgency, triage
from handlers.console import chat

# Everyday statements the model reads as a crisis (written by the team: tests/data/triage_fresh3.tsv), and
# indirect crises that name nothing a list knows (tests/data/triage_everyday_fresh.tsv).
EVERYDAY = ("me and my gf are going to ikea on saturday", "jeg tror jeg bliver hjemme og ser film i aften")
INDIRECT = ("I have everything ready and I know exactly when",)
# Named dangers: an emergency at once, as before (these were the model's unsure path before their words were listed).
NAMED = ("standing on the overpass about to jump", "farmand lover mig at jeg ikke overlever natten",
         "han banker løs på hoveddøren og skriger at jeg skal dø")
ASK_EN = "I want to make sure you are okay. Are you in danger right now?"
ASK_DA = "Jeg vil gerne være sikker på, at du er okay. Er du i fare lige nu?"


def converse(app, *lines: str, chat_id: int) -> list[str]:
    """The bot's replies (whole) after the greeting and the privacy note."""
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in (*lines, "/quit")))
    asyncio.run(chat(app, chat_id=chat_id, stdin=stdin, out=out, lang="da"))
    return out.getvalue().split("Husly: ")[3:]


def cases(engine) -> list[Case]:
    with Session(engine) as session:
        return list(session.exec(select(Case)))


@pytest.mark.parametrize("text", EVERYDAY + INDIRECT)
def test_the_models_unsure_emergency_is_urgent_and_asks(text: str) -> None:
    found = triage(text)
    assert found.urgency is Urgency.URGENT and found.reasons == (LEARNED, MAYBE_IN_DANGER)


@pytest.mark.parametrize("text", NAMED)
def test_a_named_danger_is_still_an_emergency_at_once(text: str) -> None:
    assert triage(text).urgency is Urgency.EMERGENCY


def test_an_everyday_statement_is_asked_and_a_no_opens_nothing(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), EVERYDAY[0], "no", chat_id=1)
    ask, glad = said[0], said[1]
    assert ask.startswith(ASK_EN)
    assert "☎ 112" in ask and "70 20 12 01" in ask, "the way to 112 and the crisis line stays one line away"
    assert "[1] Yes, I am in danger" in ask and "[2] No, I am okay" in ask
    assert glad.startswith("I'm glad.") and "call 112" in glad
    assert not cases(sqlite_engine), "nothing opened for a trip to IKEA"
    assert not any("case number" in r for r in said)


def test_ok_typed_to_the_question_means_i_am_okay(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), EVERYDAY[1], "jeg er ok", chat_id=2)
    assert said[0].startswith(ASK_DA) and "[1] Ja, jeg er i fare" in said[0]
    assert said[1].startswith("Godt at høre.")
    assert not cases(sqlite_engine)


def test_a_yes_opens_an_emergency_case_at_once(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), INDIRECT[0], "yes", chat_id=3)
    assert said[0].startswith(ASK_EN)
    assert said[1].startswith("Your case number is")
    (case,) = cases(sqlite_engine)
    assert case.urgency == "emergency"
    assert "said_in_danger" in case.all_reasons() and MAYBE_IN_DANGER in case.all_reasons()


def test_the_button_yes_opens_it_too(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), INDIRECT[0], "1", chat_id=4)  # [1] Yes, I am in danger
    assert said[1].startswith("Your case number is")
    assert [c.urgency for c in cases(sqlite_engine)] == ["emergency"]


def test_a_second_unsure_message_while_the_question_waits_is_an_emergency(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), INDIRECT[0], EVERYDAY[0], chat_id=5)
    assert said[0].startswith(ASK_EN)
    assert any(r.startswith("If you are in danger right now, call 112.") for r in said[1:])
    assert [c.urgency for c in cases(sqlite_engine)] == ["emergency"]


def test_a_named_danger_opens_the_case_without_asking(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), NAMED[0], chat_id=6)
    assert said[0].startswith("If you are in danger right now, call 112.")
    assert not any(r.startswith(ASK_EN) for r in said)
    assert [c.urgency for c in cases(sqlite_engine)] == ["emergency"]


def test_on_an_open_case_an_unsure_message_is_an_emergency(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    converse(app, "jeg sover på gaden i nat", "ja", chat_id=7)  # an urgent case, opened with a yes
    (case,) = cases(sqlite_engine)
    assert case.urgency == "urgent"
    said = converse(app, INDIRECT[0], chat_id=7)
    assert not any(r.startswith(ASK_EN) for r in said), said
    assert [c.urgency for c in cases(sqlite_engine)] == ["emergency"]


@pytest.mark.parametrize(("answer", "chat_id"), [("ved ikke", 8), ("idk", 9), ("måske", 10)])
def test_i_dont_know_to_the_question_connects(sqlite_engine, make_app, answer: str, chat_id: int) -> None:
    """Someone who cannot say they are safe is not left with "okay": a caseworker is connected."""
    said = converse(make_app(sqlite_engine), INDIRECT[0], answer, chat_id=chat_id)
    assert said[1].startswith(("Your case number is", "Dit sagsnummer er")), said[1]
    (case,) = cases(sqlite_engine)
    assert case.urgency == "emergency" and "said_unsure" in case.all_reasons()
    assert "said_in_danger" not in case.all_reasons(), "the card does not say they said yes"


def test_a_municipality_typed_at_the_question_is_no_offer_of_local_help(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), EVERYDAY[0], "Roskilde", "no", chat_id=11)
    assert said[0].startswith(ASK_EN)
    assert not any("Do you want a caseworker" in r for r in said), said
    assert said[-1].startswith("I'm glad."), "the question still waits for its answer"
    assert not cases(sqlite_engine)
