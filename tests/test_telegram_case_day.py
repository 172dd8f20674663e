"""A young person's night with an open case through the real HTTP path (aiogram and python-telegram-bot against the
fake Bot API): a tap on the own-words buttons is said back; short messages written at the questions each reach the
case without the same sentence under every one; a typed "no" at a question with choices skips it (the learned model
read "jeg vil ikke" as despair and the suicide line came), while "jeg vil ikke leve mere" is still a crisis; then the
caseworker takes the case and the young person's answer reaches her."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from bot.cases.buttons import Youth, YouthAction
from bot.cases.models import CaseMessage
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import Desk, running_desk
from tests.telegram_harness import FRAMEWORKS

METTE = 7211
SARA, JONAS = 5311, 5312
THROWN_OUT = "min stedmor har smidt mig ud her i aften, og jeg har ingen steder at sove"
THREE = ("jeg har aldrig prøvet noget lignende før", "hallo hallo", "min oplader ligger derhjemme")
ANSWER = "jeg sidder ved busstoppestedet overfor biblioteket"


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge, (METTE, "Mette", "caseworker"))


def test_a_night_at_the_questions_then_the_caseworker(desk: Desk) -> None:
    desk.youth(SARA)
    mark = desk.write(SARA, THROWN_OUT)
    offer, go = desk.last_with(SARA, "cy:go", mark)
    desk.press(offer, go)
    question, _data = desk.last_with(SARA, "cy:words:1:yes")
    mark = desk.press(question, Youth(YouthAction.WORDS, 1, "yes").pack())
    said = desk.texts(SARA, mark)
    assert said[0].startswith("Tak. Medarbejderne kan læse det, du har skrevet"), said  # the tap is said back
    assert "Hvor gammel er du?" in said[-1], said
    acks = []
    for line in THREE:
        mark = desk.write(SARA, line)
        acks.append(" ".join(t for t in desk.texts(SARA, mark) if "på din sag" in t or "på den" in t))
    assert all(acks) and all(a != b for a, b in itertools.pairwise(acks)), acks
    assert sum("Jeg har lagt din besked på din sag" in a for a in acks) <= 2, acks
    mark = desk.write(SARA, "det vil jeg ikke")  # at the question on screen: skipped, not despair
    said = desk.texts(SARA, mark)
    assert said[0].startswith("Må medarbejderen se dit fornavn"), said
    assert not any("112" in t or "Livslinien" in t for t in said), said
    assert desk.case(1).urgency != "emergency"
    with Session(desk.bot.engine) as session:
        kept = [m.text for m in session.exec(select(CaseMessage).where(col(CaseMessage.direction) == "in")
                                             .order_by(col(CaseMessage.id)))]
    assert kept == [THROWN_OUT, *THREE]  # none lost
    desk.in_team(METTE, "tag", "1")
    desk.command(METTE, "svar", "1 Hej, jeg hedder Mette. Hvor er du lige nu?")
    mark = desk.write(SARA, ANSWER)
    assert any(ANSWER in t for t in desk.texts(METTE, mark)), "the answer reaches the caseworker"


def test_not_wanting_to_live_at_a_question_is_still_a_crisis(desk: Desk) -> None:
    desk.youth(JONAS)
    desk.open_case(JONAS, THROWN_OUT, words=False)
    mark = desk.write(JONAS, "jeg vil ikke leve mere")
    said = "\n".join(desk.texts(JONAS, mark))
    assert "112" in said and "Livslinien" in said
    assert desk.case(1).urgency == "emergency"


COLD = ("jeg fryser sindssygt", "det er pisse koldt herude")
SHOUTED = "han var stiv og råbte af mig"
CONTEXT = "jeg har kun min skoletaske og min telefon"


def test_cold_at_the_questions_hears_where_to_get_warm_and_the_question_stays(desk: Desk) -> None:
    desk.youth(SARA)  # in Aarhus
    desk.open_case(SARA, THROWN_OUT, words=False)
    for line in COLD:
        mark = desk.write(SARA, line)
        said = desk.texts(SARA, mark)
        # Where to get warm tonight, from Aarhus's sourced night help; the question stays on screen.
        assert "Fryser du meget, så ring 112." in said[0] and "Udrykningsteamet" in said[0], said
        assert said[-1] == "Hvor gammel er du?", said


def test_past_shouting_at_the_questions_is_on_the_case_without_the_suicide_line(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, THROWN_OUT, words=False)
    mark = desk.write(SARA, SHOUTED)
    said = "\n".join(desk.texts(SARA, mark))
    assert "Livslinien" not in said and "112" in said and "på din sag" in said, said
    assert desk.case(1).urgency != "emergency"


def test_calm_context_at_the_questions_is_not_searched(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, THROWN_OUT, words=False)
    mark = desk.write(SARA, CONTEXT)
    said = desk.texts(SARA, mark)
    # A short line that it reached the case and the question again, not a topic (FGU) with its buttons.
    assert len(said) == 2 and "på din sag" in said[0] and said[1] == "Hvor gammel er du?", said


@pytest.mark.parametrize("crisis", ["han slår mig nu", "jeg har taget en masse piller"])
def test_a_real_crisis_at_the_questions_still_gets_the_emergency_reply(desk: Desk, crisis: str) -> None:
    desk.youth(JONAS)
    desk.open_case(JONAS, THROWN_OUT, words=False)
    mark = desk.write(JONAS, crisis)
    said = "\n".join(desk.texts(JONAS, mark))
    assert said.startswith("Er du i fare lige nu, så ring 112."), said
    assert desk.case(1).urgency == "emergency"


test_the_sentences_are_our_own = our_own(THROWN_OUT, THREE, ANSWER, COLD, SHOUTED, CONTEXT)
