"""A fresh probe set (tests/data/triage_fresh2.tsv), written before the triage was changed for it and never trained on:
everyday and housing messages of every length, some long letters with a diagnosis, the police, past violence or a dead
parent in the background and an ordinary question, must not be flagged; crises going on now, said indirectly, must be.
Rows marked open are what the bot still gets wrong, kept to measure (they are expected to fail)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.triage import Urgency, triage
from knowledge.lexicon import detect_language
from knowledge.normalise import fold

PROBES = Path(__file__).resolve().parent / "data" / "triage_fresh2.tsv"


def _probes(kind: str) -> list[object]:
    with PROBES.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [pytest.param(row["text"], marks=pytest.mark.xfail(strict=True, reason="open: still wrong"))
                if row["open"] == "1" else row["text"]
                for row in csv.DictReader(lines, delimiter="\t") if row["kind"] == kind]


def _level(text: str) -> Urgency:
    return triage(text, detect_language(fold(text).split(), text)).urgency


@pytest.mark.parametrize("text", _probes("everyday"))
def test_an_everyday_or_housing_message_is_not_flagged(text: str) -> None:
    assert _level(text) is Urgency.NONE


@pytest.mark.parametrize("text", _probes("crisis"))
def test_a_crisis_said_indirectly_is_flagged(text: str) -> None:
    assert _level(text) is not Urgency.NONE
