"""Messages real people wrote in public (tests/data/real_messages.tsv and real_messages_2.tsv to real_messages_22.tsv,
see tests/data/README.md).

The corpora are checked for what makes them a fair measure (sources, labels, splits made before tuning, each later
one from sources the earlier ones did not use), and the engine for what must hold on them: every urgent message of the
development parts flagged, few ordinary ones called emergencies, the held-out parts only ever measured in
aggregate, nothing a real person wrote taken for small talk, language and helpers read right. The full numbers,
next to plain BM25 and the engine before this work, come from benchmarks/real_messages.py.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bot.reading import read
from bot.smalltalk import small_talk
from bot.someone_else import for_someone_else
from bot.triage import triage
from knowledge.lexicon import clear_language, detect_language
from knowledge.normalise import fold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_messages import (  # noqa: E402
    BENCHMARK_TODAY,
    DATA,
    DATA_2,
    DATA_3,
    DATA_4,
    DATA_5,
    DATA_6,
    DATA_7,
    DATA_8,
    DATA_9,
    DATA_10,
    DATA_11,
    DATA_12,
    DATA_13,
    DATA_14,
    DATA_15,
    DATA_16,
    DATA_17,
    DATA_18,
    DATA_19,
    DATA_20,
    DATA_21,
    DATA_22,
    DEV_PARTS,
    TRAINED_PARTS,
    Message,
    read_messages,
)

from bot.triage_model import real_examples  # noqa: E402

MESSAGES = read_messages()
FIRST = read_messages(DATA)
SECOND = read_messages(DATA_2)
THIRD = read_messages(DATA_3)
FOURTH = read_messages(DATA_4)
FIFTH = read_messages(DATA_5)
SIXTH = read_messages(DATA_6)
SEVENTH = read_messages(DATA_7)
EIGHTH = read_messages(DATA_8)
NINTH = read_messages(DATA_9)
TENTH = read_messages(DATA_10)
ELEVENTH = read_messages(DATA_11)
TWELFTH = read_messages(DATA_12)
THIRTEENTH = read_messages(DATA_13)
FOURTEENTH = read_messages(DATA_14)
FIFTEENTH = read_messages(DATA_15)
SIXTEENTH = read_messages(DATA_16)
SEVENTEENTH = read_messages(DATA_17)
EIGHTEENTH = read_messages(DATA_18)
NINETEENTH = read_messages(DATA_19)
TWENTIETH = read_messages(DATA_20)
TWENTY_FIRST = read_messages(DATA_21)
TWENTY_SECOND = read_messages(DATA_22)
DEV = [m for m in MESSAGES if m.split in DEV_PARTS]
HELD_OUT = [m for m in MESSAGES if m.split not in DEV_PARTS]
SPEC = next((p / "shared" / "spec" / "topics.tsv" for p in ROOT.parents
             if (p / "shared" / "spec" / "topics.tsv").exists()), None)


@pytest.fixture(autouse=True)
def _benchmark_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dated messages are read against the benchmark's fixed day (date31): the gates hold on any day of the year."""
    from bot import triage_dates

    monkeypatch.setattr(triage_dates, "today", lambda: BENCHMARK_TODAY)


def urgency(message: Message) -> str:
    return triage(message.text, detect_language(fold(message.text).split(), message.text)).urgency.value


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_corpus_is_real_sourced_labelled_and_split_before_tuning() -> None:
    assert len(FIRST) >= 250 and len(SECOND) >= 98
    assert len({m.id for m in MESSAGES}) == len(MESSAGES)
    rows = _rows(DATA) + _rows(DATA_2) + _rows(DATA_3) + _rows(DATA_4) + _rows(DATA_5) + _rows(DATA_6)
    rows += _rows(DATA_7) + _rows(DATA_8) + _rows(DATA_9) + _rows(DATA_10) + _rows(DATA_11) + _rows(DATA_12)
    rows += _rows(DATA_13) + _rows(DATA_14) + _rows(DATA_15) + _rows(DATA_16) + _rows(DATA_17) + _rows(DATA_18)
    rows += _rows(DATA_19) + _rows(DATA_20) + _rows(DATA_21) + _rows(DATA_22)
    assert all(row["source"].startswith(("http://", "https://")) for row in rows), "every message has its source"
    assert {m.split for m in FIRST} == {"dev", "heldout"} and {m.split for m in SECOND} == {"dev2", "heldout2"}
    assert {m.split for m in THIRD} == {"dev3", "heldout3"} and len(THIRD) >= 30
    assert {m.lang for m in MESSAGES} == {"da", "en"}
    assert {m.who for m in MESSAGES} == {"self", "helper"}
    for corpus, dev, held, low, high in ((FIRST, "dev", "heldout", 0.5, 0.7), (SECOND, "dev2", "heldout2", 0.4, 0.6)):
        counts = Counter((m.split, m.urgency) for m in corpus)
        for level in ("none", "urgent", "emergency"):
            # Stratified: both parts hold every level (the first about 60/40, the second about half and half).
            share = counts[(dev, level)] / (counts[(dev, level)] + counts[(held, level)])
            assert low <= share <= high, (dev, level)
    assert sum(m.urgency != "none" for m in SECOND) >= 30
    # The third: half and half in each urgency x language group, an odd one out held out (seed 20261204).
    third = Counter((m.split, m.urgency, m.lang) for m in THIRD)
    for _, level, lang in third:
        assert 0 <= third[("heldout3", level, lang)] - third[("dev3", level, lang)] <= 1, (level, lang)
    # The fourth: the same way (seed 20261205).
    assert {m.split for m in FOURTH} == {"dev4", "heldout4"} and len(FOURTH) >= 25
    fourth = Counter((m.split, m.urgency, m.lang) for m in FOURTH)
    for _, level, lang in fourth:
        assert 0 <= fourth[("heldout4", level, lang)] - fourth[("dev4", level, lang)] <= 1, (level, lang)
    # From the fifth on: 40% / 60% in each urgency x language group, round half up, each with its own seed (the
    # sixth with a second for a batch that filled each group up to the same share; tests/data/README.md).
    later = ((FIFTH, "dev5", "heldout5", 40), (SIXTH, "dev6", "heldout6", 50), (SEVENTH, "dev7", "heldout7", 50),
             (EIGHTH, "dev8", "heldout8", 50), (NINTH, "dev9", "heldout9", 40), (TENTH, "dev10", "heldout10", 39),
             (ELEVENTH, "dev11", "heldout11", 30), (TWELFTH, "dev12", "heldout12", 28),
             (THIRTEENTH, "dev13", "heldout13", 22), (FOURTEENTH, "dev14", "heldout14", 33),
             (FIFTEENTH, "dev15", "heldout15", 35), (SIXTEENTH, "dev16", "heldout16", 31),
             (SEVENTEENTH, "dev17", "heldout17", 38), (EIGHTEENTH, "dev18", "heldout18", 40),
             (NINETEENTH, "dev19", "heldout19", 46), (TWENTIETH, "dev20", "heldout20", 42),
             (TWENTY_FIRST, "dev21", "heldout21", 38), (TWENTY_SECOND, "dev22", "heldout22", 38))
    # Rows taken out after the split count in their group as split (r12018, a held-out FAQ heading whose words all
    # stand in an earlier letter: token_set_ratio 93; tests/data/README.md).
    taken_out = Counter({("heldout12", "none", "en"): 1})
    for collection, dev, heldout, at_least in later:
        assert {m.split for m in collection} == {dev, heldout} and len(collection) >= at_least, dev
        groups = Counter((m.split, m.urgency, m.lang) for m in collection)
        for _, level, lang in groups:
            n = groups[(dev, level, lang)] + groups[(heldout, level, lang)] + taken_out[(heldout, level, lang)]
            assert groups[(dev, level, lang)] == int(0.4 * n + 0.5), (dev, level, lang)
        assert {m.kind for m in collection} <= {"letter", "faq", "quote", "short"}, dev
    assert sum(m.kind == "letter" for m in MESSAGES) >= 150 and sum(len(m.text.split()) <= 8 for m in MESSAGES) >= 20


def test_each_later_corpus_comes_from_sources_the_earlier_ones_did_not_use() -> None:
    first_sources = {row["source"] for row in _rows(DATA)}
    assert not first_sources & {row["source"] for row in _rows(DATA_2)}
    first_texts = {fold(m.text)[:120] for m in FIRST}
    assert not [m.id for m in SECOND if fold(m.text)[:120] in first_texts]
    earlier_sources = first_sources | {row["source"] for row in _rows(DATA_2)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_3)}
    earlier_texts = first_texts | {fold(m.text)[:120] for m in SECOND}
    assert not [m.id for m in THIRD if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_3)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_4)}
    earlier_texts |= {fold(m.text)[:120] for m in THIRD}
    assert not [m.id for m in FOURTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_4)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_5)}
    earlier_texts |= {fold(m.text)[:120] for m in FOURTH}
    assert not [m.id for m in FIFTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_5)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_6)}
    earlier_texts |= {fold(m.text)[:120] for m in FIFTH}
    assert not [m.id for m in SIXTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_6)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_7)}
    earlier_texts |= {fold(m.text)[:120] for m in SIXTH}
    assert not [m.id for m in SEVENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_7)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_8)}
    earlier_texts |= {fold(m.text)[:120] for m in SEVENTH}
    assert not [m.id for m in EIGHTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_8)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_9)}
    earlier_texts |= {fold(m.text)[:120] for m in EIGHTH}
    assert not [m.id for m in NINTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_9)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_10)}
    earlier_texts |= {fold(m.text)[:120] for m in NINTH}
    assert not [m.id for m in TENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_10)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_11)}
    earlier_texts |= {fold(m.text)[:120] for m in TENTH}
    assert not [m.id for m in ELEVENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_11)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_12)}
    earlier_texts |= {fold(m.text)[:120] for m in ELEVENTH}
    assert not [m.id for m in TWELFTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_12)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_13)}
    earlier_texts |= {fold(m.text)[:120] for m in TWELFTH}
    assert not [m.id for m in THIRTEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_13)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_14)}
    earlier_texts |= {fold(m.text)[:120] for m in THIRTEENTH}
    assert not [m.id for m in FOURTEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_14)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_15)}
    earlier_texts |= {fold(m.text)[:120] for m in FOURTEENTH}
    assert not [m.id for m in FIFTEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_15)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_16)}
    earlier_texts |= {fold(m.text)[:120] for m in FIFTEENTH}
    assert not [m.id for m in SIXTEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_16)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_17)}
    earlier_texts |= {fold(m.text)[:120] for m in SIXTEENTH}
    assert not [m.id for m in SEVENTEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_17)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_18)}
    earlier_texts |= {fold(m.text)[:120] for m in SEVENTEENTH}
    assert not [m.id for m in EIGHTEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_18)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_19)}
    earlier_texts |= {fold(m.text)[:120] for m in EIGHTEENTH}
    assert not [m.id for m in NINETEENTH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_19)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_20)}
    earlier_texts |= {fold(m.text)[:120] for m in NINETEENTH}
    assert not [m.id for m in TWENTIETH if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_20)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_21)}
    earlier_texts |= {fold(m.text)[:120] for m in TWENTIETH}
    assert not [m.id for m in TWENTY_FIRST if fold(m.text)[:120] in earlier_texts]
    earlier_sources |= {row["source"] for row in _rows(DATA_21)}
    assert not earlier_sources & {row["source"] for row in _rows(DATA_22)}
    earlier_texts |= {fold(m.text)[:120] for m in TWENTY_FIRST}
    assert not [m.id for m in TWENTY_SECOND if fold(m.text)[:120] in earlier_texts]


@pytest.mark.parametrize("later, earlier", [
    (FIFTH, FIRST + SECOND + THIRD + FOURTH),
    (SIXTH, FIRST + SECOND + THIRD + FOURTH + FIFTH),
    (SEVENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH),
    (EIGHTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH),
    (NINTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH),
    (TENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH),
    (ELEVENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH),
    (TWELFTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH),
    (THIRTEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH),
    (FOURTEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH),
    (FIFTEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH),
    (SIXTEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH),
    (SEVENTEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH),
    (EIGHTEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH),
    (NINETEENTH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH + EIGHTEENTH),
    (TWENTIETH, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH + EIGHTEENTH + NINETEENTH),
    (TWENTY_FIRST, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH + EIGHTEENTH + NINETEENTH + TWENTIETH),
    (TWENTY_SECOND, FIRST + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH
     + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH + EIGHTEENTH + NINETEENTH + TWENTIETH
     + TWENTY_FIRST),
], ids=["fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
        "twenty-second"])
def test_no_message_of_a_later_collection_repeats_an_earlier_one(later: list[Message], earlier: list[Message]) -> None:
    # The same letter reprinted elsewhere is one message: rapidfuzz token_set_ratio >= 90 counts as a repeat. Only ids
    # are compared and reported, never texts.
    texts = [m.text for m in earlier]
    repeats = [m.id for m in later if any(fuzz.token_set_ratio(m.text, text) >= 90 for text in texts)]
    assert repeats == []
    assert len({m.text for m in later}) == len(later)


def test_the_learned_model_learns_from_development_parts_only() -> None:
    # bot/data/triage_real_dev.tsv is written from the corpora by scripts/real_training.py: run it after a change.
    learned = {text for text, _ in real_examples()}
    # dev6 to dev22 are scored only (scripts/real_training.py says why for dev6; dev7 to dev22 were added scored
    # only).
    assert learned == {m.text for m in DEV if m.split in TRAINED_PARTS}
    assert not learned & {m.text for m in HELD_OUT}


@pytest.mark.skipif(SPEC is None, reason="shared/spec/topics.tsv not found")
def test_every_label_is_a_topic_of_the_spec() -> None:
    assert SPEC is not None
    with SPEC.open(encoding="utf-8") as handle:
        ids = {row["id"] for row in csv.DictReader(handle, delimiter="\t")}
    assert {t for m in MESSAGES for t in m.topics} <= ids


# Urgent development messages no general change has caught yet, each with why. rt015 (dev7): a 42-year-old who had
# to move out of her flat this month and is refused a way back home; the learned model is sure of two of its
# sentences, but "move back home" as a sign it may raise a letter on flagged an ordinary held-out letter and caught
# no urgent one (aggregate numbers of benchmarks/real_messages.py, December 2026): dropped. r10015 (dev10): a blog
# told in the second person ("you know in your heart that you won't ever take your own life, but it's always a
# thought that pops up"): thoughts of suicide with the intent denied, said of "you"; the rules read the writer's
# own words ("mit liv", "my life"), and "your own life" would raise headings and advice about others.
# r14032 (dev14): a 14-year-old's letter about friends who cut, never "cut themselves": "how much did you cut today",
# "they'll feel bad and cut more", "they do it on their legs"; "cut" alone is too common in English (hair, hours,
# budgets) to be self-harm, and "cut themselves" / "self harms" are now read (tests/test_triage_friends_who_cut.py).
# r18022 (dev18): a woman's letter about leaving a boyfriend who destroys her things and slashes her tyres whenever
# she tries; the short message of it is now urgent (``property_abuse`` with a partner named,
# tests/test_triage_month_and_things.py), but in the letter "several times before" reads the whole as past, and a
# past said of one clause is not yet told from the rest (the same weakness as rt015).
# r22010 (dev22): parents about a daughter who lets her "abusive" ex-husband, evicted from his flat, live with her and
# her sons; the abuse is told as past ("the past abuse he has put his family through") beside "he's not only abusive";
# read as nothing. r22036 (dev22): a student's blog post "I'm in my second week of homelessness", applying for public
# housing tomorrow; homelessness said as a state going on ("my second week of") is not read. Both first measured
# missed (coll22, engine of main af17f8a, nothing changed), left for a triage pass.
KNOWN_MISSED = {"rt015", "r10015", "r14032", "r18022", "r22010", "r22036"}


def test_every_urgent_message_of_the_development_parts_is_flagged() -> None:
    missed = {m.id for m in DEV if m.urgency != "none" and urgency(m) == "none"}
    assert missed <= KNOWN_MISSED


def test_few_ordinary_messages_of_the_development_parts_are_called_emergencies_or_urgent() -> None:
    plain = [m for m in DEV if m.urgency == "none"]
    levels = Counter(urgency(m) for m in plain)
    # Before the first pass: 28 of 114 called emergencies, 39 flagged at all; 5 and 20 of 147 with the second
    # development part; now 2 and 15 of 157 with the third (the learned model moves a little with the knowledge
    # base's plain questions it trains on).
    assert levels["emergency"] <= 0.03 * len(plain)
    assert levels["emergency"] + levels["urgent"] <= 0.12 * len(plain)


def test_the_held_out_parts_in_aggregate() -> None:
    # Aggregates only: no held-out message is ever printed, not even by a failing assert (counts are compared, never
    # the lists). Now 43 of 45 urgent flagged, 14 of 121 ordinary ones called emergencies (benchmarks/
    # real_messages.py; 41 and 14 before the third pass); the goals (all, and 2%) are not reached yet.
    # The seventh collection came after the rules were written against the first six: its held-out part is kept to
    # the level it was first measured at (9 of 11 urgent flagged, 1 of 20 ordinary called an emergency) rather than
    # counted into the 95% the six reach, so a gate stays a gate and the fresh set shows what unseen text meets.
    # The eighth collection likewise (first measured on 2026-12-05: 8 of 8 urgent flagged, 0 of 22 ordinary called an
    # emergency), and the ninth (first measured on 2026-12-05 with the engine of main daa46df: 5 of 7 urgent flagged,
    # 3 of 24 ordinary called emergencies; the gate only keeps it from getting worse), and the tenth (first measured
    # on 2026-12-05, before any change, with the engines of lead and of main alike: 4 of 4 urgent flagged, 5 of 19
    # ordinary called emergencies), and the eleventh (first measured on 2026-12-06, before any change, with the engine
    # of main f161bff: 5 of 7 urgent flagged, 0 of 11 ordinary called emergencies), and the twelfth (first measured on
    # 2026-12-06, before any change, with the engine of main d67fe25: 5 of 5 urgent flagged, 2 of 12 ordinary called
    # emergencies), and the thirteenth (first measured on 2026-12-06, before any change, with the engine of main
    # 4fd638a: 1 of 2 urgent flagged, 1 of 11 ordinary called an emergency), and the fourteenth (first measured on
    # 2026-12-06, before any change, with the engine of main 5b50cd9: 2 of 5 urgent flagged, 1 of 14 ordinary called an
    # emergency), and the fifteenth (first measured on 2026-12-06, before any change, with the engine of main d65b436:
    # 6 of 7 urgent flagged, 0 of 14 ordinary called emergencies), and the sixteenth (first measured on 2026-12-06,
    # before any change, with the engine of main 2d1296a: 9 of 10 urgent flagged, 0 of 9 ordinary called emergencies),
    # and the seventeenth (first measured on 2026-12-06, before any change, with the engine of main 7053c95: 8 of 8
    # urgent flagged, 1 of 15 ordinary called an emergency), and the eighteenth (first measured on 2026-12-06, before
    # any change, with the engine of main 528bf75: 8 of 10 urgent flagged, 0 of 14 ordinary called emergencies), and the
    # nineteenth (first measured on 2026-12-07, before any change, with the engines of lead a6af8b1 and 0e50908 alike:
    # 5 of 6 urgent flagged, 1 of 22 ordinary called an emergency), and the twentieth (first measured on 2026-12-07,
    # before any change, with the engine of lead 847dec3: 5 of 8 urgent flagged, 0 of 18 ordinary called emergencies),
    # and the twenty-first (first measured on 2026-12-07, before any change, with the engine of main 846e16b: 8 of 10
    # urgent flagged, 0 of 13 ordinary called emergencies), and the twenty-second (first measured on 2026-12-07, before
    # any change, with the engine of main af17f8a: 3 of 4 urgent flagged, 0 of 18 ordinary called emergencies).
    earlier = [m for m in HELD_OUT if m.split not in FIRST_MEASURED]
    n_urgent = sum(m.urgency != "none" for m in earlier)
    n_plain = len(earlier) - n_urgent
    caught = sum(m.urgency != "none" and urgency(m) != "none" for m in earlier)
    emergencies = sum(m.urgency == "none" and urgency(m) == "emergency" for m in earlier)
    assert caught >= 0.95 * n_urgent, f"{caught} of {n_urgent} urgent held-out messages flagged"
    assert emergencies <= 0.12 * n_plain, f"{emergencies} of {n_plain} ordinary held-out messages called emergencies"
    for part, (at_first_caught, at_first_emergencies) in FIRST_MEASURED.items():
        rows = [m for m in HELD_OUT if m.split == part]
        caught = sum(m.urgency != "none" and urgency(m) != "none" for m in rows)
        emergencies = sum(m.urgency == "none" and urgency(m) == "emergency" for m in rows)
        assert caught >= at_first_caught, f"{caught} urgent {part} messages flagged ({at_first_caught} at first)"
        assert emergencies <= at_first_emergencies, \
            f"{emergencies} ordinary {part} messages called emergencies ({at_first_emergencies} at first)"


# The later collections' held-out parts at the level first measured: urgent messages flagged (at least), ordinary ones
# called emergencies (at most).
FIRST_MEASURED = {"heldout7": (9, 1), "heldout8": (8, 0), "heldout9": (5, 3), "heldout10": (4, 5), "heldout11": (5, 0),
                  "heldout12": (5, 2), "heldout13": (1, 1), "heldout14": (2, 1), "heldout15": (6, 0),
                  "heldout16": (9, 0), "heldout17": (8, 1), "heldout18": (8, 0), "heldout19": (5, 1),
                  "heldout20": (5, 0), "heldout21": (8, 0), "heldout22": (3, 0)}


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
