"""The development question set: topic accuracy and triage, measured and printed on every run.

Bars (issue 2): top-1 topic accuracy >= 90%; every emergency row is emergency; every urgent row is urgent or
emergency; at most 5% of `none` rows flagged. The questions are never part of the knowledge base.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from bot.answering import answer
from bot.triage import Urgency

DEV = next((p / "shared" / "eval" / "dev-questions.tsv" for p in Path(__file__).resolve().parents
            if (p / "shared" / "eval" / "dev-questions.tsv").exists()), None)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    if DEV is None:
        pytest.skip("shared/eval/dev-questions.tsv not found")
    with DEV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_dev_questions_meet_the_bars(rows: list[dict[str, str]], knowledge) -> None:
    kb, index = knowledge
    hits = 0
    missed_emergency, missed_urgent, false_flags, wrong = [], [], [], []
    none_rows = 0
    for row in rows:
        result = answer(kb, index, row["question"], today=dt.date(2026, 11, 27), threshold=0.4)
        if result.topic in row["topics"].split(","):
            hits += 1
        else:
            wrong.append(f"{row['question']!r}: got {result.topic}, want {row['topics']}")
        got = result.triage.urgency
        if row["urgency"] == "emergency" and got is not Urgency.EMERGENCY:
            missed_emergency.append(row["question"])
        if row["urgency"] == "urgent" and got is Urgency.NONE:
            missed_urgent.append(row["question"])
        if row["urgency"] == "none":
            none_rows += 1
            if got is not Urgency.NONE:
                false_flags.append(row["question"])
    accuracy = hits / len(rows)
    print(f"\ndev set: {len(rows)} questions, top-1 accuracy {accuracy:.1%}, "
          f"missed emergencies {len(missed_emergency)}, missed urgent {len(missed_urgent)}, "
          f"none flagged {len(false_flags)}/{none_rows}")
    for line in wrong:
        print("  wrong:", line)
    assert not missed_emergency, missed_emergency
    assert not missed_urgent, missed_urgent
    assert len(false_flags) <= 0.05 * none_rows, false_flags
    assert accuracy >= 0.90, wrong


def test_dev_questions_are_not_copied_into_the_knowledge_base(rows: list[dict[str, str]], knowledge) -> None:
    from knowledge.normalise import fold

    kb, _ = knowledge
    phrases = {fold(p) for t in kb.topics.values() for lang in ("da", "en")
               for p in (*t.examples.get(lang), *t.keywords.get(lang))}
    copied = [row["question"] for row in rows if fold(row["question"]) in phrases]
    assert not copied, copied
