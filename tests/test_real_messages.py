"""Messages real people wrote in public (tests/data/real_messages.tsv, see tests/data/README.md).

The corpus is checked for what makes it a fair measure (sources, labels, a split made before tuning), and the
engine for what must hold on it: every urgent message of the development part flagged, few ordinary ones called
emergencies, nothing a real person wrote taken for small talk, language and helpers read right. The full
numbers, next to plain BM25 and the engine before this work, come from benchmarks/real_messages.py.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.reading import read
from bot.smalltalk import small_talk
from bot.someone_else import for_someone_else
from bot.triage import triage
from knowledge.lexicon import clear_language, detect_language
from knowledge.normalise import fold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_messages import DATA, Message, read_messages  # noqa: E402

MESSAGES = read_messages()
DEV = [m for m in MESSAGES if m.split == "dev"]
SPEC = next((p / "shared" / "spec" / "topics.tsv" for p in ROOT.parents
             if (p / "shared" / "spec" / "topics.tsv").exists()), None)


def urgency(message: Message) -> str:
    return triage(message.text, detect_language(fold(message.text).split(), message.text)).urgency.value


def test_the_corpus_is_real_sourced_labelled_and_split_before_tuning() -> None:
    assert len(MESSAGES) >= 250
    assert len({m.id for m in MESSAGES}) == len(MESSAGES)
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert all(row["source"].startswith(("http://", "https://")) for row in rows), "every message has its source"
    assert {m.split for m in MESSAGES} == {"dev", "heldout"}
    assert {m.lang for m in MESSAGES} == {"da", "en"}
    assert {m.who for m in MESSAGES} == {"self", "helper"}
    counts = Counter((m.split, m.urgency) for m in MESSAGES)
    for level in ("none", "urgent", "emergency"):
        # Stratified: both parts hold every level, about 60/40.
        share = counts[("dev", level)] / (counts[("dev", level)] + counts[("heldout", level)])
        assert 0.5 <= share <= 0.7, level
    assert sum(m.kind == "letter" for m in MESSAGES) >= 100 and sum(len(m.text.split()) <= 8 for m in MESSAGES) >= 20


@pytest.mark.skipif(SPEC is None, reason="shared/spec/topics.tsv not found")
def test_every_label_is_a_topic_of_the_spec() -> None:
    assert SPEC is not None
    with SPEC.open(encoding="utf-8") as handle:
        ids = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    assert {t for m in MESSAGES for t in m.topics} <= ids


def test_every_urgent_message_of_the_development_part_is_flagged() -> None:
    missed = [m.id for m in DEV if m.urgency != "none" and urgency(m) == "none"]
    assert missed == []


def test_few_ordinary_messages_of_the_development_part_are_called_emergencies_or_urgent() -> None:
    plain = [m for m in DEV if m.urgency == "none"]
    levels = Counter(urgency(m) for m in plain)
    # Before this work: 28 of 114 called emergencies, 39 flagged at all (benchmarks/real_messages.py); now 4 and
    # about 14 (the learned model moves a little with the knowledge base's plain questions it trains on).
    assert levels["emergency"] <= 0.05 * len(plain)
    assert levels["emergency"] + levels["urgent"] <= 0.15 * len(plain)


def test_nothing_a_real_person_wrote_is_taken_for_small_talk() -> None:
    assert [m.id for m in MESSAGES if small_talk(m.text)] == []


def test_the_language_of_real_messages() -> None:
    wrong = [m.id for m in MESSAGES if detect_language(fold(m.text).split(), m.text) != m.lang]
    assert len(wrong) <= 0.02 * len(MESSAGES)
    # "Clearly" in a language is never the other language: only then does the chat switch.
    assert [m.id for m in MESSAGES if clear_language(m.text) not in (None, m.lang)] == []


def test_parents_friends_and_professionals_are_told_apart_from_people_writing_about_themselves() -> None:
    found = [(m, for_someone_else(read(m.text))) for m in DEV]
    helpers = [m for m, said in found if m.who == "helper"]
    assert sum(said for m, said in found if m.who == "helper") >= 0.7 * len(helpers)
    assert [m.id for m, said in found if said and m.who == "self"] == []
