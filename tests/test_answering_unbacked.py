"""A short message that says two things, and that only the words' overlap puts with its best topic (the learned topic
scorer barely backs it and the message does not name it), gets the closest topics to choose from, not one confident
answer (bot/answering.py, unbacked). The sentences are our own (not near copies of the real messages)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.answering import answer
from bot.reading import read
from bot.triage import Urgency
from knowledge.index import Index
from tests.corpus import closeness_to_real_messages

TODAY = dt.date(2026, 12, 1)
# Two subjects in one line: a messy flatmate (shared housing) and a sublet. Before: answered with the shared-housing
# topic alone.
TWO_SUBJECTS = "my roommate never cleans and now he wants to sublet his room"
# One subject, with second opinions as weak: still answered (tests/test_answering_scope.py asks it too).
ONE_SUBJECT = ("hvor finder jeg en læge når jeg ikke har en adresse", "sundhed-uden-adresse")
# Two things said, but the scorer backs the best topic or the message names it: still answered.
STILL_ANSWERED = (
    ONE_SUBJECT,
    ("kan jeg bo på kollegiet hvis jeg har en hund", "kollegium"),
    ("my flatmate wants his girlfriend to live here too, will the rent change", "delebolig"),
)


def ask(knowledge, text: str):
    kb, index = knowledge
    return answer(kb, index, text, today=TODAY, threshold=0.4)


def test_a_line_about_two_subjects_gets_both_as_choices(knowledge) -> None:
    found = ask(knowledge, TWO_SUBJECTS)
    assert found.triage.urgency is Urgency.NONE
    assert not found.confident and found.kind != "answer", (found.topic, found.kind)
    assert {"delebolig", "fremleje"} <= set(found.search.suggestions), found.search.suggestions
    # The reply offers the topics to choose from (buttons), not one topic's answer.
    kb, _ = knowledge
    shown = " ".join(b.text for row in found.reply.buttons for b in row)
    assert kb.topics["fremleje"].title.get(found.lang) in shown, shown


@pytest.mark.parametrize(("text", "topic"), STILL_ANSWERED)
def test_a_line_the_scorer_backs_or_that_names_its_topic_is_still_answered(knowledge, text: str, topic: str) -> None:
    found = ask(knowledge, text)
    assert found.confident and found.kind == "answer" and found.topic == topic, (found.topic, found.kind)


def test_two_things_said_a_weak_second_opinion_and_an_unnamed_topic_together_make_a_line_unbacked(knowledge) -> None:
    from bot.answering import UNBACKED_MARGIN, UNBACKED_NAMED, clauses, unbacked

    kb, index = knowledge
    reading = read(TWO_SUBJECTS)
    found = index.search(reading.body, lang="en")
    assert found.features["learned"] < UNBACKED_MARGIN and found.named < UNBACKED_NAMED
    assert clauses(reading) == 2 and unbacked(found, reading)
    # The same weak second opinions on a question of one thing: the words decide.
    one = read(ONE_SUBJECT[0])
    alone = index.search(one.body, lang="da")
    assert alone.features["learned"] < UNBACKED_MARGIN and alone.named < UNBACKED_NAMED
    assert clauses(one) == 1 and not unbacked(alone, one)
    # An index without the learned scorer has no second opinion to weigh: the words decide as before.
    plain = Index(kb).search(reading.body, lang="en")
    assert "learned" not in plain.features and not unbacked(plain, reading)


def test_the_sentences_are_our_own() -> None:
    for text in (TWO_SUBJECTS, *(t for t, _ in STILL_ANSWERED)):
        assert closeness_to_real_messages(text) < 80, text


def test_husly_ask_offers_choices_for_a_line_about_two_subjects(capsys) -> None:
    # `husly ask --json`, as other tools call it: not answered, the closest topics offered.
    from handlers.cli import main

    main(["ask", TWO_SUBJECTS, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert not data["answered"] and data["kind"] != "answer", data
