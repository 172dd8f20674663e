"""Real messages: how Husly answers text that real people wrote in public, next to plain BM25 and a base revision.

The messages (tests/data/real_messages.tsv, 251 rows, split dev / heldout; tests/data/real_messages_2.tsv, 100 rows
from sources the first did not use, split dev2 / heldout2; tests/data/real_messages_3.tsv, 31 from sources neither
used, split dev3 / heldout3; tests/data/real_messages_4.tsv, 26 from sources none of those used, split dev4 /
heldout4; tests/data/real_messages_5.tsv, 48 from sources none of the first four used, split dev5 / heldout5;
tests/data/real_messages_6.tsv, from sources none of the first five used, split dev6 / heldout6;
tests/data/real_messages_7.tsv, 53 from sources none of the first six used, split dev7 / heldout7;
tests/data/real_messages_8.tsv, 50 from sources none of the first seven used, split dev8 / heldout8;
tests/data/real_messages_9.tsv, 50 from sources none of the first eight used, split dev9 / heldout9;
tests/data/real_messages_10.tsv, 40 from sources none of the first nine used, split dev10 / heldout10;
tests/data/real_messages_11.tsv, 30 from sources none of the first ten used, split dev11 / heldout11;
tests/data/real_messages_12.tsv, 29 from addresses none of the first eleven used, split dev12 / heldout12;
tests/data/real_messages_13.tsv, 22 from addresses none of the first twelve used, split dev13 / heldout13;
tests/data/real_messages_14.tsv, 33 from addresses none of the first thirteen used, split dev14 / heldout14;
tests/data/real_messages_15.tsv, 35 from addresses none of the first fourteen used, split dev15 / heldout15;
tests/data/real_messages_16.tsv, 31 from addresses none of the first fifteen used, split dev16 / heldout16;
tests/data/real_messages_17.tsv, 38 from addresses none of the first sixteen used, split dev17 / heldout17;
tests/data/real_messages_18.tsv, 40 from addresses none of the first seventeen used, split dev18 / heldout18;
tests/data/real_messages_19.tsv, 46 from addresses none of the first eighteen used, split dev19 / heldout19;
tests/data/real_messages_20.tsv, 42 from addresses none of the first nineteen used, split dev20 / heldout20;
tests/data/real_messages_21.tsv, 38 from addresses none of the first twenty used, split dev21 / heldout21;
tests/data/real_messages_22.tsv, 38 from addresses none of the first twenty-one used, split dev22 / heldout22:
advice-column letters, help-line letters, forum posts, FAQ headings; see tests/data/README.md) were split into a
development part and a held-out part before anything was tuned. Both parts are printed; only the development part
may be read to find what goes wrong.

For each engine, on each part:
- top-1 / top-3: the best topic (or one of the best three) is one of the message's acceptable topics
  (rows whose `topics` is empty, out of scope, are left out of these two);
- answered right / answered wrong: the engine committed to one topic (a confident answer) and it was
  acceptable / not acceptable; an out-of-scope message answered confidently counts as wrong. The rest got
  choices or "I'm not sure" (neither right nor wrong);
- urgent recall: urgent and emergency messages flagged urgent or emergency;
- false urgent: ordinary (`none`) messages flagged urgent or emergency;
- false emergency: ordinary messages flagged emergency;
- emergency recall: emergency messages flagged emergency.

Engines: `husly` (this checkout), `husly@<rev>` (the engine as committed at a base revision, run from a temporary
git worktree in a subprocess, so both are measured in the same run on the same data), and `rank_bm25` over the
same knowledge base (retrieval only: it has no confidence and no triage).

`--cv` adds an honest development measurement of triage: the learned model trains on the development rows too
(bot/data/triage_real_dev.tsv), so the development parts' triage numbers above flatter it. With --cv the development
rows are split into k folds (stratified by part and urgency, for each of a few seeds); for each fold the model is
trained without that fold's rows (everything else the same) and the bot's triage (rules + model, as in
bot.triage.triage) is scored on the fold. Held-out rows are never used.

`--near T` measures how much of the development parts' score rests on phrasings written close to their rows: each
development row is answered again by an index built without every example phrasing (a topic's or a specific
question's) whose idf-weighted cosine with the row is T or more (0.5: the phrasing shares at least half its weight
with the row). The knowledge base was extended while reading development failures; what stays right without
those phrasings is closer to what held-out rows can expect.

`--cv-topics` measures the learned topic scorer (knowledge/topic_model.py) honestly: it trains on the development
rows too (knowledge/data/topics_real_dev.tsv), so the development parts' retrieval numbers above flatter it. The
development rows are dealt into 5 folds as for --cv; each fold is answered by the index with a scorer trained
without the fold's rows, for each share of the rank score in --learned-weights (0: the engine without the scorer).
With --near T too, each fold's scorer also trains without the phrasings at cosine T or more to any row of the fold,
and each row is answered by an index without those close to it (the scorer's and the index's generalisation at once).

Run: .venv/bin/python benchmarks/real_messages.py [--baseline REV] [--show N] [--no-bm25] [--cv] [--cv-show N]
     [--near T] [--cv-topics [--learned-weights 0,0.5] [--learned-ranks] [--learner lr|svc]
     [--learned-temperature T] [--real-weight W] [--topic-c C] [--cv-seeds 1,2]]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "real_messages.tsv"
# A second, larger-grained collection from sources the first did not use (split dev2 / heldout2).
DATA_2 = ROOT / "tests" / "data" / "real_messages_2.tsv"
# A third, from sources neither of the first two used (split dev3 / heldout3).
DATA_3 = ROOT / "tests" / "data" / "real_messages_3.tsv"
# A fourth, from sources none of the first three used (split dev4 / heldout4).
DATA_4 = ROOT / "tests" / "data" / "real_messages_4.tsv"
# A fifth, from sources none of the first four used (split dev5 / heldout5, 40% / 60%).
DATA_5 = ROOT / "tests" / "data" / "real_messages_5.tsv"
# A sixth, from sources none of the first five used (split dev6 / heldout6, 40% / 60%).
DATA_6 = ROOT / "tests" / "data" / "real_messages_6.tsv"
# A seventh, from sources none of the first six used (split dev7 / heldout7, 40% / 60%).
DATA_7 = ROOT / "tests" / "data" / "real_messages_7.tsv"
# An eighth, from sources none of the first seven used (split dev8 / heldout8, 40% / 60%).
DATA_8 = ROOT / "tests" / "data" / "real_messages_8.tsv"
# A ninth, from sources none of the first eight used (split dev9 / heldout9, 40% / 60%).
DATA_9 = ROOT / "tests" / "data" / "real_messages_9.tsv"
# A tenth, from sources none of the first nine used (split dev10 / heldout10, 40% / 60%).
DATA_10 = ROOT / "tests" / "data" / "real_messages_10.tsv"
# An eleventh, from sources none of the first ten used (split dev11 / heldout11, 40% / 60%).
DATA_11 = ROOT / "tests" / "data" / "real_messages_11.tsv"
# A twelfth, from addresses none of the first eleven used (split dev12 / heldout12, 40% / 60%).
DATA_12 = ROOT / "tests" / "data" / "real_messages_12.tsv"
# A thirteenth, from addresses none of the first twelve used (split dev13 / heldout13, 40% / 60%).
DATA_13 = ROOT / "tests" / "data" / "real_messages_13.tsv"
# A fourteenth, from addresses none of the first thirteen used (split dev14 / heldout14, 40% / 60%).
DATA_14 = ROOT / "tests" / "data" / "real_messages_14.tsv"
# A fifteenth, from addresses none of the first fourteen used (split dev15 / heldout15, 40% / 60%).
DATA_15 = ROOT / "tests" / "data" / "real_messages_15.tsv"
# A sixteenth, from addresses none of the first fifteen used (split dev16 / heldout16, 40% / 60%).
DATA_16 = ROOT / "tests" / "data" / "real_messages_16.tsv"
# A seventeenth, from addresses none of the first sixteen used (split dev17 / heldout17, 40% / 60%).
DATA_17 = ROOT / "tests" / "data" / "real_messages_17.tsv"
# An eighteenth, from addresses none of the first seventeen used (split dev18 / heldout18, 40% / 60%).
DATA_18 = ROOT / "tests" / "data" / "real_messages_18.tsv"
# A nineteenth, from addresses none of the first eighteen used (split dev19 / heldout19, 40% / 60%).
DATA_19 = ROOT / "tests" / "data" / "real_messages_19.tsv"
# A twentieth, from addresses none of the first nineteen used (split dev20 / heldout20, 40% / 60%).
DATA_20 = ROOT / "tests" / "data" / "real_messages_20.tsv"
# A twenty-first, from addresses none of the first twenty used (split dev21 / heldout21, 40% / 60%).
DATA_21 = ROOT / "tests" / "data" / "real_messages_21.tsv"
# A twenty-second, from addresses none of the first twenty-one used (split dev22 / heldout22, 40% / 60%).
DATA_22 = ROOT / "tests" / "data" / "real_messages_22.tsv"
CORPORA = (DATA, DATA_2, DATA_3, DATA_4, DATA_5, DATA_6, DATA_7, DATA_8, DATA_9, DATA_10, DATA_11, DATA_12, DATA_13,
           DATA_14, DATA_15, DATA_16, DATA_17, DATA_18, DATA_19, DATA_20, DATA_21, DATA_22)
# Parts printed, held-out parts first; failures are only ever shown for the development parts.
PARTS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
         "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
         "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "dev", "dev2", "dev3", "dev4", "dev5", "dev6",
         "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18",
         "dev19", "dev20", "dev21", "dev22")
DEV_PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
             "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22")
# The development parts the learned models train on (scripts/real_training.py TRAINING_SPLITS): dev6 to dev22 are
# scored only.
TRAINED_PARTS = ("dev", "dev2", "dev3", "dev4", "dev5")


@dataclass(frozen=True)
class Message:
    id: str
    split: str
    lang: str
    urgency: str
    who: str
    kind: str
    topics: frozenset[str]
    text: str


@dataclass(frozen=True)
class Prediction:
    topic: str | None
    suggestions: tuple[str, ...]
    confident: bool
    urgency: str | None  # None: the engine has no triage


def read_messages(path: Path | None = None) -> list[Message]:
    """Every corpus (or the one at ``path``)."""
    if path is None:
        return [m for p in CORPORA if p.exists() for m in read_messages(p)]
    with path.open(encoding="utf-8") as handle:
        return [Message(row["id"], row["split"], row["lang"], row["urgency"], row["who"], row["kind"],
                        frozenset(t for t in row["topics"].split(",") if t),
                        row["text"].replace("\\n", "\n").replace("\\\\", "\\"))
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_MINIMAL)]


# The day every run reads the messages' dates against (date31): triage reads "den 1. april" or "the 9th" against
# today's date (bot/triage_dates.py), so without a fixed day the numbers would move with the calendar. The same day
# the answers are given for (answer(today=...) below).
BENCHMARK_TODAY = dt.date(2026, 12, 1)


def pin_today(day: dt.date = BENCHMARK_TODAY) -> None:
    """Read dated messages against ``day`` in this process (a revision without bot/triage_dates.py reads no dates)."""
    try:
        from bot import triage_dates
    except ImportError:
        return
    triage_dates.today = lambda: day


# Runs inside a checkout (this one, or a temporary worktree of a base revision): it may only use what every
# revision has: bot.answering.answer, knowledge.index.load_indexed, bot.triage.warm_up (load_indexed: the index as
# the bot builds it, with whatever learned parts that revision has).
PROBE = r"""
import datetime as dt, json, sys
sys.path.insert(0, ".")
from bot.answering import answer
from bot.triage import warm_up
from knowledge.index import load_indexed
try:  # pin_today (date31): the same day for every revision and every run
    from bot import triage_dates
    triage_dates.today = lambda: dt.date.fromisoformat("__TODAY__")
except ImportError:
    pass
kb, index = load_indexed()
warm_up(kb)
for line in sys.stdin:
    row = json.loads(line)
    found = answer(kb, index, row["text"], today=dt.date(2026, 12, 1), threshold=0.4)
    print(json.dumps({"id": row["id"], "topic": found.topic, "suggestions": list(found.search.suggestions),
                      "confident": bool(found.confident), "urgency": found.triage.urgency.value}))
"""


PROBE = PROBE.replace("__TODAY__", BENCHMARK_TODAY.isoformat())


def run_probe(messages: list[Message], checkout: Path) -> dict[str, Prediction]:
    """Answer every message with the engine of ``checkout`` (a separate process: its own modules)."""
    python = ROOT / ".venv" / "bin" / "python"
    feed = "".join(json.dumps({"id": m.id, "text": m.text}) + "\n" for m in messages)
    done = subprocess.run([str(python if python.exists() else sys.executable), "-c", PROBE], input=feed,
                          capture_output=True, text=True, cwd=checkout, check=True)
    out = {}
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue  # anything else a checkout prints (fx a loader's warning) is not an answer
        row = json.loads(line)
        out[row["id"]] = Prediction(row["topic"], tuple(row["suggestions"]), row["confident"], row["urgency"])
    return out


def baseline_predictions(messages: list[Message], rev: str) -> dict[str, Prediction]:
    """The engine as committed at ``rev``, from a temporary detached worktree (removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="husly-base-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(tree), rev], cwd=ROOT, check=True)
        try:
            return run_probe(messages, tree)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)


def merge_base() -> str:
    """The commit this branch last took from main: the engine as it was before this branch's changes."""
    done = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def bm25_predictions(messages: list[Message]) -> dict[str, Prediction]:
    from rank_bm25 import BM25Okapi

    sys.path.insert(0, str(ROOT))
    from knowledge.loader import load
    from knowledge.normalise import fold

    kb = load()
    ids = list(kb.topics)
    docs = [fold(" ".join([t.title.da, t.title.en, t.answer.da, t.answer.en, *t.examples.da, *t.examples.en,
                           *t.keywords.da, *t.keywords.en])).split() for t in kb.topics.values()]
    bm25 = BM25Okapi(docs)
    out = {}
    for m in messages:
        scores = bm25.get_scores(fold(m.text).split())
        ranked = [ids[i] for i in sorted(range(len(ids)), key=lambda i: -scores[i]) if scores[i] > 0][:3]
        out[m.id] = Prediction(ranked[0] if ranked else None, tuple(ranked), bool(ranked), None)
    return out


@dataclass(frozen=True)
class Scores:
    n: int
    top1: float
    top3: float
    right: float
    wrong: float
    urgent_recall: str
    false_urgent: str
    false_emergency: str
    emergency_recall: str = "-"


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def score(messages: Iterable[Message], predictions: dict[str, Prediction]) -> Scores:
    rows = list(messages)
    in_scope = [m for m in rows if m.topics]
    top1 = sum(predictions[m.id].topic in m.topics for m in in_scope)
    top3 = sum(bool(m.topics & set(predictions[m.id].suggestions[:3])) for m in in_scope)
    answered = [m for m in rows if predictions[m.id].confident and predictions[m.id].topic]
    right = sum(predictions[m.id].topic in m.topics for m in answered)
    urgent = [m for m in rows if m.urgency != "none"]
    plain = [m for m in rows if m.urgency == "none"]
    has_triage = any(p.urgency is not None for p in predictions.values())
    if has_triage:
        caught = sum(predictions[m.id].urgency != "none" for m in urgent)
        flagged = sum(predictions[m.id].urgency != "none" for m in plain)
        emergencies = sum(predictions[m.id].urgency == "emergency" for m in plain)
        recall = f"{caught}/{len(urgent)}"
        false_urgent = f"{flagged}/{len(plain)} {_share(flagged, len(plain)):.1%}"
        false_emergency = f"{emergencies}/{len(plain)} {_share(emergencies, len(plain)):.1%}"
        dangers = [m for m in rows if m.urgency == "emergency"]
        emergency_recall = f"{sum(predictions[m.id].urgency == 'emergency' for m in dangers)}/{len(dangers)}"
    else:
        recall = false_urgent = false_emergency = emergency_recall = "-"
    return Scores(len(rows), _share(top1, len(in_scope)), _share(top3, len(in_scope)), _share(right, len(rows)),
                  _share(len(answered) - right, len(rows)), recall, false_urgent, false_emergency, emergency_recall)


def print_table(title: str, results: dict[str, Scores]) -> None:
    print(f"\n{title}")
    print(f"{'engine':22} {'n':>4} {'top-1':>7} {'top-3':>7} {'right':>7} {'wrong':>7} {'urgent recall':>14} "
          f"{'false urgent':>16} {'false emergency':>16} {'emergency recall':>17}")
    for name, s in results.items():
        print(f"{name:22} {s.n:4} {s.top1:7.1%} {s.top3:7.1%} {s.right:7.1%} {s.wrong:7.1%} "
              f"{s.urgent_recall:>14} {s.false_urgent:>16} {s.false_emergency:>16} {s.emergency_recall:>17}")


def show_failures(messages: list[Message], predictions: dict[str, Prediction], limit: int) -> None:
    """Development part only: the messages this checkout gets wrong (never print held-out failures)."""
    shown = 0
    for m in messages:
        if m.split not in DEV_PARTS:
            continue
        p = predictions[m.id]
        wrong_topic = bool(m.topics) and p.topic not in m.topics
        wrong_answer = p.confident and p.topic and p.topic not in m.topics
        missed = m.urgency != "none" and p.urgency == "none"
        false_flag = m.urgency == "none" and p.urgency not in (None, "none")
        if not (wrong_topic or wrong_answer or missed or false_flag):
            continue
        flags = [f for f, on in (("TOPIC", wrong_topic), ("CONFIDENT-WRONG", wrong_answer), ("MISSED", missed),
                                 ("FALSE-FLAG", false_flag)) if on]
        print(f"\n{m.id} {m.lang} {m.urgency}/{p.urgency} want={sorted(m.topics)} got={p.topic} "
              f"conf={p.confident} sugg={list(p.suggestions)} {' '.join(flags)}")
        print("   " + m.text[:300].replace("\n", " | "))
        shown += 1
        if shown >= limit:
            break


CV_FOLDS = 5
CV_SEEDS = (1, 2)


def cv_folds(messages: list[Message], k: int, seed: int) -> list[frozenset[str]]:
    """k folds of the development rows' ids, each part's urgent and ordinary rows dealt round the folds in turn."""
    import random

    groups: dict[tuple[str, bool], list[str]] = {}
    for m in messages:
        groups.setdefault((m.split, m.urgency != "none"), []).append(m.id)
    folds: list[set[str]] = [set() for _ in range(k)]
    turn = 0
    for key in sorted(groups):
        ids = sorted(groups[key])
        random.Random(f"{seed}-{key}").shuffle(ids)
        for row_id in ids:
            folds[turn % k].add(row_id)
            turn += 1
    return [frozenset(f) for f in folds]


def cv_triage(messages: list[Message], k: int = CV_FOLDS,
              seeds: tuple[int, ...] = CV_SEEDS) -> dict[int, dict[str, str]]:
    """For each seed, the bot's urgency for every development row, judged by a model trained without its fold."""
    sys.path.insert(0, str(ROOT))
    from bot import triage_model
    from bot.triage import Triage, Urgency, _rules_level, by_rules, combine
    from knowledge.lexicon import detect_language
    from knowledge.normalise import fold

    dev = [m for m in messages if m.split in DEV_PARTS]
    examples = triage_model.read_examples()
    ordinary = triage_model.ordinary_questions(_rules_level)
    rules = {m.id: by_rules(m.text, detect_language(fold(m.text).split(), m.text)) for m in dev}
    out: dict[int, dict[str, str]] = {}
    for seed in seeds:
        got: dict[str, str] = {}
        for test in cv_folds(dev, k, seed):
            rows = examples + triage_model.real_examples(without=test) + ordinary
            scorer = triage_model.Scorer.from_pipeline(triage_model.train(rows))
            for m in dev:
                if m.id in test:
                    got[m.id] = combine(m.text, rules[m.id], scorer).urgency.value
                    # The learned model alone (as if no rule had fired): the rules were tuned on these rows, so
                    # this is what the safety net does for letters and messages no rule was written for.
                    alone = combine(m.text, Triage(Urgency.NONE, ()), scorer).urgency.value
                    got[f"model:{m.id}"] = alone
        out[seed] = got
    return out


def print_cv(messages: list[Message], results: dict[int, dict[str, str]], show: int) -> None:
    dev = [m for m in messages if m.split in DEV_PARTS]
    print(f"\nTriage, {CV_FOLDS}-fold cross-validation over the development rows (model trained without the fold; "
          f"seeds {', '.join(map(str, results))}, counts summed over seeds):")
    print(f"{'part':8} {'n':>4} {'urgent recall':>14} {'false urgent':>18} {'false emergency':>18} "
          f"{'emergency recall':>17}")
    for part in (*DEV_PARTS, "all"):
        rows = [m for m in dev if part in (m.split, "all")]
        urgent = [m for m in rows if m.urgency != "none"]
        plain = [m for m in rows if m.urgency == "none"]
        emergencies = [m for m in rows if m.urgency == "emergency"]
        caught = sum(got[m.id] != "none" for got in results.values() for m in urgent)
        flagged = sum(got[m.id] != "none" for got in results.values() for m in plain)
        called = sum(got[m.id] == "emergency" for got in results.values() for m in plain)
        em_caught = sum(got[m.id] == "emergency" for got in results.values() for m in emergencies)
        times = len(results)
        print(f"{part:8} {len(rows):4} {caught:>6}/{len(urgent) * times:<7} "
              f"{flagged:>5}/{len(plain) * times:<4} {_share(flagged, len(plain) * times):6.1%} "
              f"{called:>5}/{len(plain) * times:<4} {_share(called, len(plain) * times):6.1%} "
              f"{em_caught:>9}/{len(emergencies) * times:<7}")
    print("The learned model alone (no rule), on letters (> 40 words) and short messages:")
    for kind, pick in (("letters", lambda m: len(m.text.split()) > 40), ("short", lambda m: len(m.text.split()) <= 40)):
        rows = [m for m in dev if pick(m)]
        urgent = [m for m in rows if m.urgency != "none"]
        plain = [m for m in rows if m.urgency == "none"]
        caught = sum(got[f"model:{m.id}"] != "none" for got in results.values() for m in urgent)
        flagged = sum(got[f"model:{m.id}"] != "none" for got in results.values() for m in plain)
        called = sum(got[f"model:{m.id}"] == "emergency" for got in results.values() for m in plain)
        times = len(results)
        print(f"  {kind:8} urgent flagged {caught}/{len(urgent) * times}, "
              f"ordinary flagged {flagged}/{len(plain) * times} ({called} as emergency)")
    shown = 0
    for m in dev:
        if shown >= show:
            break
        verdicts = [got[m.id] for got in results.values()]
        missed = m.urgency != "none" and "none" in verdicts
        flagged = m.urgency == "none" and any(v != "none" for v in verdicts)
        if missed or flagged:
            shown += 1
            print(f"\n{m.id} {m.split} {m.lang} {m.kind} {m.urgency}/{','.join(verdicts)} "
                  f"{'MISSED' if missed else 'FALSE-FLAG'}")
            print("   " + m.text[:400].replace("\n", " | "))


class Without:
    """The knowledge base without the example phrasings close to some rows (idf-weighted cosine >= ``near``)."""

    def __init__(self, near: float) -> None:
        sys.path.insert(0, str(ROOT))
        from knowledge.index import Index
        from knowledge.loader import load

        self.near = near
        self.kb = load()
        self.index = Index(self.kb)

    def _weights(self, words: list[str], lang: str) -> dict[str, float]:
        idf = self.index._idf
        return {t: idf[t] for t in set(self.index._terms(words, (lang,))) if t in idf}  # type: ignore[arg-type]

    def row(self, text: str) -> dict[str, dict[str, float]]:
        from bot.reading import read
        from knowledge.normalise import fold

        words = fold(read(text).body).split()
        return {"da": self._weights(words, "da"), "en": self._weights(words, "en")}

    @staticmethod
    def _cosine(row: dict[str, float], phrase: dict[str, float]) -> float:
        import math

        norm = math.sqrt(sum(w * w for w in row.values())) * math.sqrt(sum(w * w for w in phrase.values()))
        return sum(w * row.get(t, 0.0) for t, w in phrase.items()) / norm if norm else 0.0

    def _close(self, phrase: str, lang: str, rows: list[dict[str, dict[str, float]]]) -> bool:
        from knowledge.normalise import fold

        weights = self._weights(fold(phrase).split(), lang)
        return any(self._cosine(row[lang], weights) >= self.near for row in rows)

    def _phrases(self, phrases: Any, rows: list[dict[str, dict[str, float]]]) -> tuple[Any, int]:
        from knowledge.schema import Phrases

        kept = {lang: tuple(p for p in phrases.get(lang) if not self._close(p, lang, rows)) for lang in ("da", "en")}
        return Phrases(**kept), len(phrases.da) + len(phrases.en) - len(kept["da"]) - len(kept["en"])

    def kb_without(self, texts: list[str]) -> tuple[Any, int]:
        """The knowledge base without the phrasings close to any of ``texts``, and how many were left out."""
        import dataclasses

        rows = [self.row(text) for text in texts]
        topics, dropped = {}, 0
        for tid, topic in self.kb.topics.items():
            examples, n = self._phrases(topic.examples, rows)
            faq = []
            for entry in topic.faq:
                entry_examples, k = self._phrases(entry.examples, rows)
                faq.append(entry.model_copy(update={"examples": entry_examples}))
                n += k
            topics[tid] = topic.model_copy(update={"examples": examples, "faq": tuple(faq)})
            dropped += n
        return (dataclasses.replace(self.kb, topics=topics) if dropped else self.kb), dropped


def near_predictions(messages: list[Message], near: float) -> dict[str, Prediction]:
    """This checkout's answers to the development rows, each from an index without the phrasings close to it
    (and without the learned topic scorer, which trained on the rows themselves: see --cv-topics)."""
    import datetime as dt

    from bot.answering import answer
    from bot.triage import warm_up
    from knowledge.index import Index

    tool = Without(near)
    warm_up(tool.kb)
    out = {}
    for m in messages:
        kb_row, dropped = tool.kb_without([m.text])
        found = answer(kb_row, Index(kb_row) if dropped else tool.index, m.text, today=dt.date(2026, 12, 1),
                       threshold=0.4)
        out[m.id] = Prediction(found.topic, tuple(found.search.suggestions), bool(found.confident),
                               found.triage.urgency.value)
    return out


def cv_topic_predictions(messages: list[Message], learned_weights: list[float], seeds: tuple[int, ...],
                         near: float | None = None, real_weight: float | None = None,
                         c: float | None = None, temperature: float | None = None,
                         ) -> dict[tuple[int, float], dict[str, Prediction]]:
    """For each seed and share of the learned scorer, the answer to every development row from an index whose
    scorer trained without the row's fold (and, with ``near``, without the phrasings close to the fold's rows,
    each row answered by an index without those close to it)."""
    import datetime as dt

    sys.path.insert(0, str(ROOT))
    from bot.answering import answer
    from bot.triage import warm_up
    from knowledge import index as index_module
    from knowledge import topic_model
    from knowledge.index import Index

    dev = [m for m in messages if m.split in DEV_PARTS]
    tool = Without(near if near is not None else 2.0)
    warm_up(tool.kb)
    out: dict[tuple[int, float], dict[str, Prediction]] = {}
    for seed in seeds:
        for test in cv_folds(dev, CV_FOLDS, seed):
            fold_rows = [m for m in dev if m.id in test]
            train_kb = tool.kb_without([m.text for m in fold_rows])[0] if near is not None else tool.kb
            real = [topic_model.RealRow(m.id, tuple(sorted(m.topics)), m.text) for m in dev
                    if m.id not in test and m.topics]
            rows = topic_model.training_rows(train_kb, real, **({} if real_weight is None else {"weight": real_weight}))
            scorer = topic_model.TopicScorer.from_pipeline(
                topic_model.train(rows, **({} if c is None else {"c": c})))
            for m in fold_rows:
                kb_row, dropped = tool.kb_without([m.text]) if near is not None else (tool.kb, 0)
                index = Index(kb_row, learned=scorer) if dropped else tool.index.with_learned(scorer)
                for weight in learned_weights:
                    index_module.LEARNED_WEIGHT = weight
                    if temperature is not None:
                        index_module.LEARNED_TEMPERATURE = temperature
                    found = answer(kb_row, index, m.text, today=dt.date(2026, 12, 1), threshold=0.4)
                    out.setdefault((seed, weight), {})[m.id] = Prediction(
                        found.topic, tuple(found.search.suggestions), bool(found.confident),
                        found.triage.urgency.value)
    return out


def print_cv_topics(messages: list[Message], results: dict[tuple[int, float], dict[str, Prediction]],
                    near: float | None) -> None:
    dev = [m for m in messages if m.split in DEV_PARTS]
    where = f", phrasings at cosine >= {near} to the fold left out" if near is not None else ""
    print(f"\nRetrieval, {CV_FOLDS}-fold cross-validation over the development rows (topic scorer trained without "
          f"the fold{where}):")
    for (seed, weight), predictions in sorted(results.items(), key=lambda e: (e[0][1], e[0][0])):
        print_table(f"seed {seed}, learned share {weight}:",
                    {part: score([m for m in dev if part in (m.split, "all")], predictions)
                     for part in (*DEV_PARTS, "all")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=None,
                        help="git revision to compare with (default: the merge base of HEAD and main; '' to skip)")
    parser.add_argument("--show", type=int, default=0, help="print this many development-part failures")
    parser.add_argument("--no-bm25", action="store_true", help="skip rank_bm25 (faster while tuning)")
    parser.add_argument("--cv", action="store_true",
                        help="also cross-validate triage over the development rows (model trained without the fold)")
    parser.add_argument("--cv-only", action="store_true", help="only the cross-validation (fast)")
    parser.add_argument("--cv-show", type=int, default=0, help="print this many development rows CV gets wrong")
    parser.add_argument("--cv-topics", action="store_true",
                        help="cross-validate the learned topic scorer over the development rows (then stop)")
    parser.add_argument("--learned-weights", default="0,0.5", help="shares of the learned scorer for --cv-topics")
    parser.add_argument("--real-weight", type=float, default=None, help="--cv-topics: a real row's training weight")
    parser.add_argument("--topic-c", type=float, default=None, help="--cv-topics: the regression's C")
    parser.add_argument("--cv-seeds", default="1", help="--cv-topics: fold seeds")
    parser.add_argument("--learned-temperature", type=float, default=None, help="--cv-topics: the scorer's temperature")
    parser.add_argument("--learner", default=None, help="--cv-topics: lr or svc")
    parser.add_argument("--learned-ranks", action="store_true",
                        help="--cv-topics: the scorer chooses the best topic too (not only the order of the choices)")
    parser.add_argument("--near", type=float, default=None,
                        help="also answer each development row without the phrasings this close to it (fx 0.5)")
    args = parser.parse_args()
    pin_today()
    messages = read_messages()
    if args.cv_topics:
        weights = [float(w) for w in args.learned_weights.split(",")]
        from knowledge import index as index_module
        from knowledge import topic_model

        if args.learner:
            topic_model.LEARNER = args.learner
        if args.learned_ranks:
            index_module.LEARNED_CHOICES_ONLY = False
        seeds = tuple(int(s) for s in args.cv_seeds.split(","))
        print_cv_topics(messages, cv_topic_predictions(messages, weights, seeds, args.near, args.real_weight,
                                                       args.topic_c, args.learned_temperature), args.near)
        return
    if args.cv or args.cv_only:
        print_cv(messages, cv_triage(messages), args.cv_show)
        if args.cv_only:
            return
    engines: dict[str, dict[str, Prediction]] = {"husly": run_probe(messages, ROOT)}
    base = args.baseline if args.baseline is not None else merge_base()
    if base:
        engines[f"husly@{base[:10]}"] = baseline_predictions(messages, base)
    if not args.no_bm25:
        engines["rank_bm25"] = bm25_predictions(messages)
    counts = ", ".join(f"{sum(m.split == part for m in messages)} {part}" for part in PARTS)
    print(f"Real messages: {len(messages)} ({counts})")
    for part in PARTS:
        chosen = [m for m in messages if m.split == part]
        print_table(f"{part}:", {name: score(chosen, preds) for name, preds in engines.items()})
    held_out = [m for m in messages if m.split not in DEV_PARTS]
    print_table("all held-out parts:", {name: score(held_out, preds) for name, preds in engines.items()})
    print_table("all:", {name: score(messages, preds) for name, preds in engines.items()})
    if args.near is not None:
        development = [m for m in messages if m.split in DEV_PARTS]
        near = near_predictions(development, args.near)
        for part in DEV_PARTS:
            chosen = [m for m in development if m.split == part]
            print_table(f"{part}, husly without phrasings at cosine >= {args.near} to the row:",
                        {"husly": score(chosen, near)})
        print_table("all development parts, husly without those phrasings:", {"husly": score(development, near)})
    print("\nGoals (held out): top-1 >= 85%, top-3 >= 95%, wrong <= 3%, every urgent flagged, false urgent <= 5%, "
          "false emergency <= 2%")
    if args.show:
        show_failures(messages, engines["husly"], args.show)


if __name__ == "__main__":
    main()
