"""Urgency triage: the rules alone against the rules plus the learned model, on messages neither was built from.

Sets:
- held out: tests/data/triage_heldout.tsv (75 messages written apart from the rules and the training data;
  never used to tune either);
- development questions (shared/eval/dev-questions.tsv);
- 5-fold CV over the training examples (bot/data/triage_examples_*.tsv): the model is trained on four folds
  (plus the knowledge base's ordinary questions) and asked the fifth; the rules were tuned on some of these, so
  the rules' CV figures flatter them;
- ordinary questions: the knowledge base's example phrasings about housing and money, 5-fold as well
  (the share flagged is the share of everyday questions that would start the urgent flow).

A miss counts an emergency not called an emergency and an urgent message called none; a false flag is a
`none` message called urgent or emergency.

Run: .venv/bin/python benchmarks/triage.py [--sweep]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import triage_dates, triage_model  # noqa: E402
from bot.triage import _rules_level, by_rules, combine, triage  # noqa: E402

# As benchmarks/real_messages.py BENCHMARK_TODAY.
BENCHMARK_TODAY = dt.date(2026, 12, 1)
RANK = {"none": 0, "urgent": 1, "emergency": 2}
Classify = Callable[[str], str]


def read(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(row["text"], row["urgency"]) for row in csv.DictReader(handle, delimiter="\t")]


def dev_rows() -> list[tuple[str, str]]:
    for parent in (ROOT, *ROOT.parents):
        path = parent / "shared" / "eval" / "dev-questions.tsv"
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                return [(row["question"], row["urgency"]) for row in csv.DictReader(handle, delimiter="\t")]
    return []


def hybrid(scorer: triage_model.Scorer, emergency_at: float, urgent_at: float) -> Classify:
    def classify(text: str) -> str:
        learned = triage_model.learned_level(text, scorer, emergency_at=emergency_at, urgent_at=urgent_at)
        return max(_rules_level(text), learned, key=RANK.__getitem__)
    return classify


def score(rows: list[tuple[str, str]], classify: Classify) -> tuple[int, int, int, int, int, int]:
    """(emergencies missed, emergencies, urgent missed, urgent, none flagged, none)."""
    counts = [0] * 6
    for text, want in rows:
        got = classify(text)
        if want == "emergency":
            counts[1] += 1
            counts[0] += got != "emergency"
        elif want == "urgent":
            counts[3] += 1
            counts[2] += got == "none"
        else:
            counts[5] += 1
            counts[4] += got != "none"
    return counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]


def line(label: str, counts: tuple[int, ...]) -> str:
    me, e, mu, u, ff, n = counts
    return (f"{label:34} emergency missed {me:>3}/{e:<3} urgent missed {mu:>3}/{u:<3} "
            f"none flagged {ff:>3}/{n:<3} ({ff / max(n, 1):.1%})")


def folds(rows: list, k: int = 5, seed: int = 11) -> list[tuple[list, list]]:
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    return [([r for i, r in enumerate(shuffled) if i % k != f], [r for i, r in enumerate(shuffled) if i % k == f])
            for f in range(k)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also try other thresholds")
    args = parser.parse_args()
    # date31: dated messages ("skal være ude den 1. april") are read against one fixed day, so the numbers are the
    # same on any day of the year (the day benchmarks/real_messages.py reads them against).
    triage_dates.today = lambda: BENCHMARK_TODAY
    examples = triage_model.read_examples()
    # The real messages' development parts, which the bot's model also learns from (never a held-out part).
    real = triage_model.real_examples()
    ordinary = triage_model.ordinary_questions(_rules_level)
    held_out = read(ROOT / "tests" / "data" / "triage_heldout.tsv")
    dev = dev_rows()
    print(f"training examples {len(examples)}, ordinary questions {len(ordinary)}, held out {len(held_out)}, "
          f"dev {len(dev)}")
    settings = [(triage_model.EMERGENCY_AT, triage_model.URGENT_AT)]
    if args.sweep:
        settings += [(e, u) for e in (0.4, 0.5, 0.6, 0.7) for u in (0.5, 0.6, 0.7, 0.8)
                     if (e, u) != settings[0]]
    full = triage_model.Scorer.from_pipeline(triage_model.train(examples + real + ordinary))
    cv = [(triage_model.Scorer.from_pipeline(triage_model.train(train_ex + real + train_ord)), test_ex, test_ord)
          for (train_ex, test_ex), (train_ord, test_ord) in zip(folds(examples), folds(ordinary), strict=True)]

    def cv_score(classify_for: Callable[[triage_model.Scorer], Classify], part: int) -> tuple[int, ...]:
        total = [0] * 6
        for scorer, test_ex, test_ord in cv:
            for i, value in enumerate(score((test_ex, test_ord)[part], classify_for(scorer))):
                total[i] += value
        return tuple(total)

    print(line("rules only, held out", score(held_out, _rules_level)))
    print(line("rules only, dev", score(dev, _rules_level)))
    print(line("rules only, training examples", score(examples, _rules_level)))
    # What the bot does (bot.triage.triage: the model's limits on letters and on emergencies included).
    print(line("the bot, held out", score(held_out, lambda text: triage(text).urgency.value)))
    print(line("the bot, dev", score(dev, lambda text: triage(text).urgency.value)))

    def the_bot(scorer: triage_model.Scorer) -> Classify:
        # bot.triage.combine with the fold's model: the limits on what a short message names included.
        return lambda text: combine(text, by_rules(text), scorer).urgency.value

    print(line("the bot, 5-fold CV, training examples", cv_score(the_bot, 0)))
    print(line("the bot, 5-fold CV, ordinary questions", cv_score(the_bot, 1)))
    for emergency_at, urgent_at in settings:
        def with_thresholds(scorer: triage_model.Scorer, e: float = emergency_at, u: float = urgent_at) -> Classify:
            return hybrid(scorer, e, u)

        print(f"\nrules + model (emergency at {emergency_at}, urgent at {urgent_at}):")
        print(line("  held out", score(held_out, with_thresholds(full))))
        print(line("  dev", score(dev, with_thresholds(full))))
        print(line("  5-fold CV, training examples", cv_score(with_thresholds, 0)))
        print(line("  5-fold CV, ordinary questions", cv_score(with_thresholds, 1)))


if __name__ == "__main__":
    main()
