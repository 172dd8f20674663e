"""A fresh probe set (tests/data/triage_fresh2.tsv), written before the triage was changed for it and never trained on:
everyday and housing messages of every length, some long letters with a diagnosis, the police, past violence or a dead
parent in the background and an ordinary question, must not be flagged; crises going on now, said indirectly, must be.
Rows marked open are what the bot still gets wrong, kept to measure (they are expected to fail)."""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.triage_probes import level as _level
from tests.triage_probes import probes


@pytest.mark.parametrize("text", probes("triage_fresh2.tsv", "everyday"))
def test_an_everyday_or_housing_message_is_not_flagged(text: str) -> None:
    assert _level(text) is Urgency.NONE


@pytest.mark.parametrize("text", probes("triage_fresh2.tsv", "crisis"))
def test_a_crisis_said_indirectly_is_flagged(text: str) -> None:
    assert _level(text) is not Urgency.NONE
