"""Rows of the triage letter files in tests/data (a tab-separated table with a header; lines starting with # are
comments): each row one message of ours with its kind (calm, danger, everyday, ...), language and expected level."""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).parent / "data"


def letter_rows(file: str, kind: str, columns: tuple[str, ...] = ("pattern", "lang", "level", "text")) -> list[
        tuple[str, ...]]:
    """The ``columns`` of the rows of ``kind`` in tests/data/``file``, in file order."""
    with (DATA / file).open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return [tuple(r[c] for c in columns) for r in csv.DictReader(lines, delimiter="\t") if r["kind"] == kind]
