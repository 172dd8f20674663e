"""How sure Husly is weighs the learned topic scorer's word too (knowledge/index.py, CONFIDENCE_WEIGHTS): a question
the scorer clearly puts with the words' best topic is answered, and one whose best topic the scorer does not back gets
choices rather than one confident answer. The sentences are our own (not near copies of the real messages)."""

from __future__ import annotations

import datetime as dt
import json
from functools import partial

import pytest

from handlers.cli import main
from tests.corpus import our_own
from tests.support import engine_answer

TODAY = dt.date(2026, 12, 1)
# Before, each got "I'm not sure" and three topics to choose from; its topic was the first of them.
ANSWERED = (
    ("min sagsbehandler svarer aldrig på mine mails hvad gør jeg", "sagsbehandler"),
    ("jeg har fået en regning fra tandlægen som jeg ikke kan betale", "enkeltydelse"),
)
# Before, answered with the topic about being thrown out: nobody threw the writer out.
NOT_THROWN_OUT = "min mor drikker hver aften og jeg gider ikke være hjemme mere"


ask = partial(engine_answer, today=TODAY)


@pytest.mark.parametrize(("text", "topic"), ANSWERED)
def test_a_question_the_learned_scorer_backs_gets_the_answer_not_choices(knowledge, text: str, topic: str) -> None:
    found = ask(knowledge, text)
    assert found.confident and found.kind == "answer" and found.topic == topic, (found.topic, found.kind)


def test_a_best_topic_the_learned_scorer_does_not_back_is_offered_not_answered(knowledge) -> None:
    found = ask(knowledge, NOT_THROWN_OUT)
    assert not (found.confident and found.topic == "smidt-ud"), found.search.confidence
    assert not found.confident


test_the_sentences_are_our_own = our_own(ANSWERED, NOT_THROWN_OUT)


def test_husly_ask_answers_a_caseworker_who_never_replies(capsys) -> None:
    # `husly ask --json`, as other tools call it: the answer about a municipality that does not reply, not choices.
    main(["ask", ANSWERED[0][0], "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["answered"] and data["kind"] == "answer" and data["topic"] == "sagsbehandler"
    assert "kommunen ikke svarer" in data["answer"]
