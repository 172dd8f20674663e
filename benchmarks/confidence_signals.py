"""What tells a confident right answer from a confident wrong one on real messages, measured honestly.

Every development row of the real messages (benchmarks/real_messages.py; never a held-out row) is answered as in
``--cv-topics``: by an index whose learned topic scorer (knowledge/topic_model.py) trained without the row's fold
(with ``--near T`` also without the knowledge base's phrasings at cosine T or more to the fold's rows, the row
answered by an index without those close to it). For each row it writes one JSON line: whether the answer was
confident and right, and the signals the answer had (the confidence and its features, the words' lead over the
runner-up, whether the learned scorer's own favourite is the answer, the message's length, sentences, questions).

It prints, per fold seed, the confident answers right and wrong. ``--cv-triage`` judges urgency with triage's learned
model trained without the fold too (benchmarks/real_messages.py --cv). ``--analyse FILE`` prints, for the confident
answers in a dump, how each signal separates right from wrong; ``--pick FILE`` chooses, by nested cross-validation
(picked on four folds, scored on the fifth; a wrong answer costs ``--cost`` right ones), a candidate rule for short
messages that triage did not flag: no confident answer when the learned scorer puts the best topic less than a margin
ahead of its next one and less than a share of the evidence names it whole (``SearchResult.named``).

Measured in December 2026: with --near 0.5 --cv-triage, two fold seeds, answered right / wrong 147 / 13 and
151 / 11 of 366; the rule picked on four folds 144 / 9 and 146 / 9 (margin 0.3, named 0.65 in most folds). Without
--near it took 5 right answers for 2 wrong ones, and it took back confident right answers to plain one-line questions
("i owe 3000 euro to a loan firm, what now"). Kept for a while only for a message that says two things (two clauses
or more with words of their own; ``clauses`` in the dump), where it took no right answer without --near, it was
taken out again: on the thirteenth collection's development rows (dev13, which the rule was not chosen on) it took
two of three confident right answers and no wrong one, and no held-out number moved.

Run: .venv/bin/python benchmarks/confidence_signals.py --out /tmp/signals.jsonl [--near 0.5] [--cv-seeds 1,2]
     [--cv-triage]
     .venv/bin/python benchmarks/confidence_signals.py --analyse /tmp/signals.jsonl
     .venv/bin/python benchmarks/confidence_signals.py --pick /tmp/signals.jsonl [--cost 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_messages import CV_FOLDS, DEV_PARTS, Message, Without, cv_folds, read_messages  # noqa: E402


def clause_topics(index: Any, text: str, lang: str) -> list[tuple[str | None, float, float, float]]:
    """Each clause's own best topic (the words alone), with its confidence, named share and score share."""
    import re

    from bot.reading import read
    from knowledge.index import FUNCTION_WORDS, STOPWORDS
    from knowledge.normalise import fold

    out = []
    for sentence in read(text).sentences:
        for clause in re.split(r"[,;:]| and | but | og | men | så ", sentence):
            words = [w for w in fold(clause).split() if w not in STOPWORDS and w not in FUNCTION_WORDS and len(w) > 2]
            if len(words) < 2:
                continue
            found = index.search(clause, lang=lang)
            out.append((found.topic, found.confidence, found.named, len(words)))
    return out


def signals(m: Message, found: Any, learned_best: str | None, clauses: Any = ()) -> dict[str, Any]:
    """The row's answer and what it rested on."""
    from bot.answering import _choices
    from bot.reading import read

    reading = read(m.text)
    search = found.search
    ranked = sorted(search.scores.values(), reverse=True)
    return {
        "id": m.id, "split": m.split, "topics": sorted(m.topics), "urgency": m.urgency,
        "topic": found.topic, "confident": bool(found.confident), "kind": found.kind,
        "right": found.topic in m.topics, "got_urgency": found.triage.urgency.value,
        "confidence": search.confidence, "features": dict(search.features), "named": search.named,
        "unexplained": search.unexplained, "faq": search.faq, "faq_match": search.faq_match,
        "share2": ranked[1] / ranked[0] if len(ranked) > 1 and ranked[0] > 0 else 0.0,
        "choices": len(_choices(search)), "learned_best": learned_best,
        "learned_agrees": learned_best == found.topic,
        "long": reading.long, "sentences": len(reading.sentences), "words": len(m.text.split()),
        "questions": len(reading.questions), "asks": bool(reading.asking), "follow_up": found.follow_up,
        "suggestions": list(search.suggestions), "scores": dict(search.scores), "clauses": list(clauses),
        "reasons": list(found.triage.reasons),
    }


def dump(messages: list[Message], seeds: tuple[int, ...], near: float | None,
         cv_triage: bool = False) -> list[dict[str, Any]]:
    from bot import triage_model
    from bot.answering import answer
    from bot.triage import _rules_level, by_rules, combine, warm_up
    from knowledge import topic_model
    from knowledge.index import Index
    from knowledge.lexicon import detect_language
    from knowledge.normalise import fold

    dev = [m for m in messages if m.split in DEV_PARTS]
    tool = Without(near if near is not None else 2.0)
    warm_up(tool.kb)
    out = []
    if cv_triage:
        examples = triage_model.read_examples()
        ordinary = triage_model.ordinary_questions(_rules_level)
        rules = {m.id: by_rules(m.text, detect_language(fold(m.text).split(), m.text)) for m in dev}
    for seed in seeds:
        for number, test in enumerate(cv_folds(dev, CV_FOLDS, seed)):
            fold_rows = [m for m in dev if m.id in test]
            if cv_triage:
                # Triage's learned model trained without the fold too (benchmarks/real_messages.py --cv).
                judge = triage_model.Scorer.from_pipeline(
                    triage_model.train(examples + triage_model.real_examples(without=test) + ordinary))
            train_kb = tool.kb_without([m.text for m in fold_rows])[0] if near is not None else tool.kb
            real = [topic_model.RealRow(m.id, tuple(sorted(m.topics)), m.text) for m in dev
                    if m.id not in test and m.topics]
            scorer = topic_model.TopicScorer.from_pipeline(topic_model.train(topic_model.training_rows(train_kb, real)))
            for m in fold_rows:
                kb_row, dropped = tool.kb_without([m.text]) if near is not None else (tool.kb, 0)
                index = Index(kb_row, learned=scorer) if dropped else tool.index.with_learned(scorer)
                triaged = combine(m.text, rules[m.id], judge) if cv_triage else None
                found = answer(kb_row, index, m.text, today=dt.date(2026, 12, 1), threshold=0.4, triaged=triaged)
                learned = scorer.scores(m.text)
                row = signals(m, found, max(learned, key=lambda t: learned[t]) if learned else None,
                              clause_topics(index, m.text, found.lang))
                out.append({**row, "seed": seed, "fold": number})
    return out


def _mean(group: list[dict[str, Any]], value: Any) -> float:
    values = [float(value(r) or 0.0) for r in group]
    return sum(values) / len(values) if values else 0.0


SIGNALS = {
    "confidence": lambda r: r["confidence"], "learned": lambda r: r["features"].get("learned"),
    "lead": lambda r: r["features"].get("lead"), "share2": lambda r: r["share2"],
    "focus": lambda r: r["features"].get("focus"), "named": lambda r: r["named"], "words": lambda r: r["words"],
    "choices": lambda r: r["choices"], "learned_agrees": lambda r: r["learned_agrees"], "long": lambda r: r["long"],
    "questions": lambda r: r["questions"], "urgent": lambda r: r["got_urgency"] != "none",
}


def analyse(rows: list[dict[str, Any]]) -> None:
    """For the confident answers: each signal's mean on the right and the wrong ones."""
    confident = [r for r in rows if r["confident"]]
    right = [r for r in confident if r["right"]]
    wrong = [r for r in confident if not r["right"]]
    seeds = len({r["seed"] for r in rows})
    print(f"rows {len(rows) // seeds} x {seeds} seeds; confident right {len(right)}, wrong {len(wrong)}")
    for name, value in SIGNALS.items():
        print(f"  {name:15} right {_mean(right, value):7.3f}  wrong {_mean(wrong, value):7.3f}")
    print("wrong:")
    for r in sorted(wrong, key=lambda r: r["id"]):
        print(f"  {r['id']:8} s{r['seed']} {r['topic']:18} want={','.join(r['topics']) or '-':30} "
              f"conf={r['confidence']:.2f} learned={r['features'].get('learned', 0):+.2f} named={r['named']:.2f} "
              f"share2={r['share2']:.2f} agrees={r['learned_agrees']} long={r['long']} words={r['words']} "
              f"urg={r['got_urgency']}")


Rule = tuple[float, float]
# The candidate rule's grid (margin, named share); (-inf, 0): no rule.
GRID: list[Rule] = [(-math.inf, 0.0), *itertools.product((0.1, 0.2, 0.3, 0.4, 0.5),
                                                         (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 1.01))]


def _kept(r: dict[str, Any], rule: Rule) -> bool:
    """Whether the row stays a confident answer under ``rule`` (as bot/answering.py decides: a short message that
    triage did not flag, no follow-up, no specific question matched nearly word for word)."""
    if not r["confident"]:
        return False
    if r["long"] or r["got_urgency"] != "none" or r["follow_up"] or r["faq_match"] >= 0.9:
        return True
    margin = r["features"].get("learned")
    return margin is None or not (margin < rule[0] and r["named"] < rule[1])


def _tally(rows: list[dict[str, Any]], rule: Rule) -> tuple[int, int]:
    kept = [r for r in rows if _kept(r, rule) and r["topic"] is not None]
    return sum(r["right"] for r in kept), sum(not r["right"] for r in kept)


def pick(rows: list[dict[str, Any]], cost: float) -> None:
    """Nested choice of the candidate rule: for each fold, the rule with most right minus ``cost`` times wrong on the
    other four folds, scored on the fold."""
    for seed in sorted({r["seed"] for r in rows}):
        mine = [r for r in rows if r["seed"] == seed]
        right = wrong = 0
        picks = []
        for fold in sorted({r["fold"] for r in mine}):
            train = [r for r in mine if r["fold"] != fold]
            chosen = max(GRID, key=lambda rule: (lambda t: t[0] - cost * t[1])(_tally(train, rule)))
            got = _tally([r for r in mine if r["fold"] == fold], chosen)
            right, wrong = right + got[0], wrong + got[1]
            picks.append(chosen)
        base = _tally(mine, GRID[0])
        n = len(mine)
        print(f"seed {seed}: without the rule right {base[0]} ({base[0] / n:.1%}) wrong {base[1]} ({base[1] / n:.1%});"
              f" rule picked on four folds: right {right} ({right / n:.1%}) wrong {wrong} ({wrong / n:.1%}); "
              f"picks {picks}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="write the rows' signals here (JSON lines)")
    parser.add_argument("--analyse", help="read a dump and print how the signals separate right from wrong")
    parser.add_argument("--pick", help="read a dump and choose the candidate rule by nested cross-validation")
    parser.add_argument("--cost", type=float, default=3.0, help="--pick: a wrong answer costs this many right ones")
    parser.add_argument("--near", type=float, default=None)
    parser.add_argument("--cv-seeds", default="1")
    parser.add_argument("--cv-triage", action="store_true", help="triage's learned model trained without the fold")
    args = parser.parse_args()
    if args.analyse or args.pick:
        rows = [json.loads(line) for line in Path(args.analyse or args.pick).read_text(encoding="utf-8").splitlines()]
        if args.analyse:
            analyse(rows)
        else:
            pick(rows, args.cost)
        return
    rows = dump(read_messages(), tuple(int(s) for s in args.cv_seeds.split(",")), args.near, args.cv_triage)
    if args.out:
        Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for seed in sorted({r["seed"] for r in rows}):
        mine = [r for r in rows if r["seed"] == seed]
        right, wrong = _tally(mine, GRID[0])
        print(f"seed {seed}: n {len(mine)}; answered right {right} ({right / len(mine):.1%}), "
              f"wrong {wrong} ({wrong / len(mine):.1%})")


if __name__ == "__main__":
    main()
