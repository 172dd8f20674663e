"""Short everyday messages were false emergencies from the learned second opinion (``crisis_signs``).

A young person asking about food, sleep, a film, a game, the weather or a lock at a shared place was asked "are you in
danger right now?" with 112: "I haven't eaten since breakfast" (the typo match "i havnen" and "haven't eaten", the
model's sign of days without food), "jeg er ved at dø af sult" (a figure of speech), "in the film the man says he will
kill everyone" (a story's threat), "the lock to the bike room has been changed" (the model's unsure emergency beside a
notice), "I slept badly last night" and "it's so cold outside today" (urgent as a night without a bed).
Our own sentences in tests/data/triage_everyday_short_probes.tsv: the everyday rows must raise nothing; the danger rows
(a death wish, self-harm, violence, a threat to the writer now, a night without a bed) must keep their level.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.triage_letters import letter_rows

EVERYDAY = letter_rows("triage_everyday_short_probes.tsv", "everyday", ("lang", "level", "text"))
DANGER = letter_rows("triage_everyday_short_probes.tsv", "danger", ("lang", "level", "text"))


def test_the_probe_lists_are_large_enough() -> None:
    assert len(EVERYDAY) >= 60
    assert len(DANGER) >= 20
    assert {lang for lang, _, _ in EVERYDAY} == {"da", "en"}
    assert {lang for lang, _, _ in DANGER} == {"da", "en"}


@pytest.mark.parametrize(("lang", "level", "text"), EVERYDAY, ids=[t for _, _, t in EVERYDAY])
def test_a_short_everyday_message_is_no_emergency(lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency is Urgency(level)


@pytest.mark.parametrize(("lang", "level", "text"), DANGER, ids=[t for _, _, t in DANGER])
def test_a_short_real_danger_keeps_its_level(lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency.rank >= Urgency(level).rank


@pytest.mark.parametrize(("everyday", "danger"), [
    ("I haven't eaten since breakfast", "I haven't eaten in four days and I have nowhere to sleep"),
    ("jeg har ikke spist siden morgenmaden", "jeg har ikke spist i fire dage"),
    ("in the film the man says he will kill everyone", "he says he will kill me"),
    ("jeg er ved at dø af sult", "jeg er ved at dø, jeg har taget alle pillerne"),
    ("I slept badly last night", "I slept in a park last night"),
])
def test_the_everyday_wording_and_the_danger_beside_it(everyday: str, danger: str) -> None:
    assert triage(everyday, "da" if "jeg" in everyday else "en").urgency is Urgency.NONE
    assert triage(danger, "da" if "jeg" in danger else "en").urgency is not Urgency.NONE
