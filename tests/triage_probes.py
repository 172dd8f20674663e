"""Shared by the triage probe tests: a message's level as the bot reads it, and probe rows from a TSV file.

A probe file has a header with at least `kind` and `text` (and `open`: 1 for a row still wrong, run as a strict
xfail so that mending it is noticed); lines starting with "#" are comments.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from bot.triage import Urgency, by_rules, triage
from knowledge.lexicon import detect_language
from knowledge.normalise import fold

DATA = Path(__file__).resolve().parent / "data"


def level(text: str) -> Urgency:
    """The bot's level for ``text`` (rules and the learned model), in the language it is written in."""
    return triage(text, detect_language(fold(text).split(), text)).urgency


def rules_level(text: str) -> Urgency:
    """The rules' level alone."""
    return by_rules(text, detect_language(fold(text).split(), text)).urgency


def probe_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def probes(name: str, kind: str) -> list[str | ParameterSet]:
    """The texts of one kind; a row marked open is a strict xfail."""
    return [pytest.param(row["text"], marks=pytest.mark.xfail(strict=True, reason="open: still wrong"))
            if row.get("open") == "1" else row["text"] for row in probe_rows(name) if row["kind"] == kind]
