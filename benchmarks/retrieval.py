"""Retrieval benchmark: Husly's index against the two baselines a developer would try first.

Prints, in one run on the same data:
- top-1 accuracy and p50/p99 latency per question on the development question set, for Husly, for rapidfuzz
  `process.extractOne` with WRatio over all example phrasings, and for rank_bm25 Okapi BM25 over tokenised
  topic text;
- 5-fold cross-validated top-1 accuracy on the knowledge base's own example phrasings (each fold's examples
  are held out of the index), which measures generalisation without touching the held-out question set;
- index build time for the shipped knowledge base and synthetic ones 10x and 100x its size.

Run: .venv/bin/python benchmarks/retrieval.py [--quick]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from knowledge.index import Index  # noqa: E402
from knowledge.loader import KnowledgeBase, load  # noqa: E402
from knowledge.normalise import fold  # noqa: E402
from knowledge.schema import Phrases  # noqa: E402

Searcher = Callable[[str], str | None]


def dev_questions() -> list[tuple[str, set[str]]]:
    for parent in (ROOT, *ROOT.parents):
        path = parent / "shared" / "eval" / "dev-questions.tsv"
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                return [(row["question"], set(row["topics"].split(",")))
                        for row in csv.DictReader(handle, delimiter="\t")]
    raise SystemExit("shared/eval/dev-questions.tsv not found")


def husly(kb: KnowledgeBase) -> Searcher:
    index = Index(kb)
    return lambda q: index.search(q).topic


def fuzzy_baseline(kb: KnowledgeBase) -> Searcher:
    choices, owners = [], []
    for topic in kb.topics.values():
        for lang in ("da", "en"):
            for phrase in topic.examples.get(lang):
                choices.append(phrase)
                owners.append(topic.id)

    def search(q: str) -> str | None:
        found = process.extractOne(q, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=1)
        return owners[found[2]] if found else None

    return search


def bm25_baseline(kb: KnowledgeBase) -> Searcher:
    ids = list(kb.topics)
    docs = []
    for topic in kb.topics.values():
        text = " ".join([topic.title.da, topic.title.en, topic.answer.da, topic.answer.en,
                         *topic.examples.da, *topic.examples.en, *topic.keywords.da, *topic.keywords.en])
        docs.append(fold(text).split())
    bm25 = BM25Okapi(docs)

    def search(q: str) -> str | None:
        scores = bm25.get_scores(fold(q).split())
        best = max(range(len(ids)), key=lambda i: scores[i])
        return ids[best] if scores[best] > 0 else None

    return search


def measure(search: Searcher, questions: list[tuple[str, set[str]]]) -> tuple[float, float, float]:
    for q, _ in questions[:5]:
        search(q)  # warm caches, as a running bot would be
    hits, times = 0, []
    for q, wanted in questions:
        start = time.perf_counter()
        got = search(q)
        times.append((time.perf_counter() - start) * 1000)
        hits += got in wanted
    times.sort()
    return hits / len(questions), statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def folds(kb: KnowledgeBase, k: int = 5, seed: int = 7) -> list[tuple[KnowledgeBase, list[tuple[str, set[str]]]]]:
    """Split every topic's example phrasings into k folds; each fold's phrasings become the questions."""
    rng = random.Random(seed)
    assignment = {}
    for topic in kb.topics.values():
        for lang in ("da", "en"):
            phrases = list(topic.examples.get(lang))
            rng.shuffle(phrases)
            for i, phrase in enumerate(phrases):
                assignment[(topic.id, lang, phrase)] = i % k
    result = []
    for fold_no in range(k):
        topics, questions = {}, []
        for topic in kb.topics.values():
            kept = {}
            for lang in ("da", "en"):
                keep = [p for p in topic.examples.get(lang) if assignment[(topic.id, lang, p)] != fold_no]
                questions += [(p, {topic.id}) for p in topic.examples.get(lang)
                              if assignment[(topic.id, lang, p)] == fold_no]
                kept[lang] = tuple(keep) or topic.examples.get(lang)[:1]
            topics[topic.id] = topic.model_copy(update={"examples": Phrases(**kept)})
        result.append((KnowledgeBase(MappingProxyType(topics), kb.services, kb.root), questions))
    return result


def synthetic(kb: KnowledgeBase, factor: int, seed: int = 3) -> KnowledgeBase:
    """A knowledge base ``factor`` times larger: copies of every topic with shuffled, partly replaced words."""
    rng = random.Random(seed)
    vocabulary = sorted({w for t in kb.topics.values() for w in fold(t.answer.da + " " + t.answer.en).split()})
    noise = [f"ord{n}" for n in range(5000)]

    def scramble(text: str) -> str:
        words = text.split()
        rng.shuffle(words)
        return " ".join(rng.choice(noise) if rng.random() < 0.3 else w for w in words) or rng.choice(vocabulary)

    topics = {}
    for copy in range(factor):
        for topic in kb.topics.values():
            new_id = topic.id if copy == 0 else f"{topic.id}-{copy}"
            if copy == 0:
                topics[new_id] = topic
                continue
            examples = Phrases(da=tuple(scramble(p) for p in topic.examples.da),
                               en=tuple(scramble(p) for p in topic.examples.en))
            topics[new_id] = topic.model_copy(update={
                "id": new_id, "examples": examples, "related": (),
                "answer": topic.answer.model_copy(update={"da": scramble(topic.answer.da),
                                                          "en": scramble(topic.answer.en)})})
    return KnowledgeBase(MappingProxyType(topics), kb.services, kb.root)


# Questions no topic answers, to check that confidence falls below the threshold for them.
OFF_TOPIC = [
    "hvad er klokken", "hvem vandt fodboldkampen i går", "kan du lave mine lektier", "jeg kan godt lide pizza",
    "hvad hedder statsministeren", "hvordan laver man pandekager", "hej", "tak", "ok", "haha", "hvad så",
    "what time is it", "who won the game", "tell me a joke", "what is the capital of france", "lol",
    "kan jeg få en kæreste", "hvor kan jeg købe en cykel", "hvornår åbner netto", "asdfgh", "123456",
    "hvad er meningen med livet", "skriv et digt om efterår", "how do I cook rice", "hvad koster en iphone",
    "hvad er vejret i morgen", "hvem spiller i aften", "kan du hjælpe mig med matematik", "hvad er 2+2",
    "jeg keder mig", "anbefal en film", "hvor er den nærmeste tankstation", "hvornår kører bussen",
    "hvad skal jeg have til aftensmad", "hvordan får jeg kørekort", "kan jeg få en hund", "hvad er tiktok",
    "hvem er du egentlig", "er du en robot", "hvad hedder du", "godmorgen", "godnat", "hvordan har du det",
    "jeg elsker dig", "din dumme bot", "fuck", "test test", "hallo?", "what's the weather tomorrow",
    "who are you", "can you speak spanish", "best pizza in aarhus", "how old are you", "play some music",
    "hvornår er der fri fra skole", "hvad koster en togbillet til odense", "hvor kan jeg se fodbold i aften",
    "hvordan skifter jeg et dæk", "skal jeg tage en jakke på i dag", "hvad er klokken i new york",
]


# More questions no topic answers, never used for fitting: they show whether the calibration generalises.
OFF_TOPIC_HELD_OUT = [
    "hvornår starter sommerferien", "kan du anbefale en god serie", "hvad koster en pizza", "hvem er du",
    "hvordan bliver man youtuber", "hvad er den bedste mobil", "jeg har tabt min høretelefon", "hej med dig",
    "hvor meget vejer en elefant", "kan du synge", "hvad laver du", "hvordan bager man boller",
    "hvornår lukker fitness", "jeg skal til koncert i morgen", "hvad er det bedste fodboldhold", "yo",
    "hvem opfandt internettet", "kan du oversætte til tysk", "hvordan spiller man skak", "er det weekend",
    "hvad skal jeg give min mor i fødselsdagsgave", "hvordan får man flere følgere", "what is love",
    "where can I buy sneakers", "how tall is the eiffel tower", "can you help me with my essay",
    "what games do you like", "good morning", "see you later", "hvad hedder hovedstaden i norge",
    "hvordan lærer man at svømme", "min kat er syg", "hvor ligger tivoli", "jeg vil gerne have en tatovering",
    "hvad betyder yolo", "kan man spise svampe fra skoven", "hvordan reparerer jeg min cykel",
    "hvornår kommer den nye iphone", "hvem vinder x factor", "jeg har hovedpine",
]


def fit_logistic(rows: list[dict[str, float]], labels: list[int], steps: int = 4000,
                 weights: list[float] | None = None) -> dict[str, float]:
    """Plain L2-regularised logistic regression by gradient descent (numpy only); ``weights``: each row's weight."""
    import numpy as np

    names = sorted(rows[0])
    x = np.array([[row[n] for n in names] for row in rows])
    x = np.hstack([np.ones((len(x), 1)), x])
    y = np.array(labels, dtype=float)
    rows_weight = np.ones(len(y)) if weights is None else np.array(weights, dtype=float)
    # Balance the classes so the many right answers do not drown the off-topic ones.
    right = (rows_weight * y).sum()
    weight = rows_weight * np.where(y == 1, 0.5 / right, 0.5 / (rows_weight.sum() - right)) * rows_weight.sum()
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (weight * (p - y)) / rows_weight.sum() + 0.01 * np.r_[0, w[1:]]
        w -= 0.5 * gradient
    return {"bias": round(float(w[0]), 2), **{n: round(float(v), 2) for n, v in zip(names, w[1:], strict=True)}}


@dataclass(frozen=True)
class Sample:
    features: dict[str, float]
    kind: str  # right, wrong (a phrasing's best topic), off (an off-topic question), real-right, real-wrong
    weight: float = 1.0


def real_samples(kb: KnowledgeBase, index: Index) -> tuple[list[Sample], list[tuple[bool, bool]]]:
    """The real messages' development rows, each asked of ``index`` with a learned scorer trained without the row's
    fold (real_messages.py --cv-topics): their features, and (answered confidently, right topic) as the bot answers
    them with the weights in use."""
    import datetime as dt

    from real_messages import CV_FOLDS, CV_SEEDS, DEV_PARTS, cv_folds, read_messages

    from bot.answering import answer
    from bot.reading import read
    from bot.triage import warm_up
    from knowledge import topic_model
    from knowledge.index import CONFIDENCE_REAL_WEIGHT
    from knowledge.lexicon import detect_language

    warm_up(kb)
    dev = [m for m in read_messages() if m.split in DEV_PARTS]
    samples: list[Sample] = []
    answered: list[tuple[bool, bool]] = []
    for test in cv_folds(dev, CV_FOLDS, CV_SEEDS[0]):
        real = [topic_model.RealRow(m.id, tuple(sorted(m.topics)), m.text) for m in dev
                if m.id not in test and m.topics]
        scorer = topic_model.TopicScorer.from_pipeline(topic_model.train(topic_model.training_rows(kb, real)))
        fold_index = index.with_learned(scorer)
        for m in (m for m in dev if m.id in test):
            reading = read(m.text)
            lang = detect_language(fold(m.text).split(), m.text)
            found = fold_index.search(reading.body, lang=lang, letter=reading.long)
            if found.features:
                kind = "real-right" if found.topic in m.topics else "real-wrong"
                samples.append(Sample(dict(found.features), kind, CONFIDENCE_REAL_WEIGHT))
            said = answer(kb, fold_index, m.text, today=dt.date(2026, 12, 1), threshold=0.4)
            answered.append((said.confident, said.topic in m.topics))
    return samples, answered


def calibrate(kb: KnowledgeBase) -> None:
    """Fit the confidence weights, then show per threshold how many right, wrong and off-topic answers pass."""
    from real_messages import DEV_PARTS, read_messages

    import knowledge.index as index_module
    from knowledge import topic_model

    # The phrasings' folds are asked of an index whose learned scorer trained on the fold's knowledge base and the
    # real development rows (the real rows are not the phrasings: nothing of a question is in its scorer).
    real = [topic_model.RealRow(m.id, tuple(sorted(m.topics)), m.text) for m in read_messages()
            if m.split in DEV_PARTS and m.topics]
    samples: list[Sample] = []
    for fold_kb, fold_questions in folds(kb):
        scorer = topic_model.TopicScorer.from_pipeline(topic_model.train(topic_model.training_rows(fold_kb, real)))
        index = Index(fold_kb, learned=scorer)
        for q, wanted in fold_questions:
            found = index.search(q)
            if found.features:  # no topic at all (no known word in this fold): nothing to calibrate on
                samples.append(Sample(dict(found.features), "right" if found.topic in wanted else "wrong"))
    index = Index(kb, learned=topic_model.fit(kb))
    for q in OFF_TOPIC:
        found = index.search(q)
        if found.features:
            samples.append(Sample(dict(found.features), "off"))
    real_rows, answered = real_samples(kb, Index(kb))
    samples += real_rows
    labels = [int(s.kind in ("right", "real-right")) for s in samples]
    fitted = fit_logistic([s.features for s in samples], labels, weights=[s.weight for s in samples])
    # An index without a learned scorer has only the words' evidence; its weights are fitted as before the real rows
    # were (on the phrasings and the off-topic questions): on real letters the words alone tell right from wrong
    # poorly, and fitting them to those rows let more off-topic questions through.
    plain = [s for s in samples if not s.kind.startswith("real")]
    words = fit_logistic([{n: v for n, v in s.features.items() if n != "learned"} for s in plain],
                         [int(s.kind == "right") for s in plain])
    print(f"\nFitted CONFIDENCE_WEIGHTS = {fitted}")
    print(f"In use   CONFIDENCE_WEIGHTS = {index_module.CONFIDENCE_WEIGHTS}")
    print(f"Fitted CONFIDENCE_WEIGHTS_WORDS = {words}")
    print(f"In use   CONFIDENCE_WEIGHTS_WORDS = {index_module.CONFIDENCE_WEIGHTS_WORDS}")
    confidences = {kind: [index_module._confidence(s.features) for s in samples if s.kind == kind]
                   for kind in ("right", "wrong", "off")}
    right, wrong = confidences["right"], confidences["wrong"]
    off = confidences["off"] + [0.0] * (len(OFF_TOPIC) - len(confidences["off"]))
    held_out = [index.search(q).confidence for q in OFF_TOPIC_HELD_OUT]
    dev = [(index.search(q), wanted) for q, wanted in dev_questions()]
    print("\nConfidence calibration: share answered (5-fold CV questions right/wrong, the off-topic questions fitted"
          " on, off-topic questions held out, development questions answered right)")
    print(f"{'threshold':>9} {'right':>7} {'wrong':>7} {'off-topic':>9} {'held out':>9} {'dev right':>10}")
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        def share(values: list[float], t: float = threshold) -> float:
            return sum(v >= t for v in values) / max(len(values), 1)
        dev_right = sum(found.topic in wanted and found.confidence >= threshold for found, wanted in dev) / len(dev)
        print(f"{threshold:9.2f} {share(right):7.1%} {share(wrong):7.1%} {share(off):9.1%} {share(held_out):9.1%}"
              f" {dev_right:10.1%}")
    n = len(answered)
    print(f"\nReal development rows ({n}), cross-validated, as the bot answers them (threshold 0.4, weights in use): "
          f"answered right {sum(c and r for c, r in answered) / n:.1%}, "
          f"answered wrong {sum(c and not r for c, r in answered) / n:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100x build")
    parser.add_argument("--calibrate", action="store_true", help="only print the confidence calibration")
    args = parser.parse_args()
    kb = load()
    if args.calibrate:
        calibrate(kb)
        return
    questions = dev_questions()
    engines = {"husly": husly, "rapidfuzz WRatio": fuzzy_baseline, "rank_bm25 Okapi": bm25_baseline}

    print(f"Development questions: {len(questions)}; knowledge base: {len(kb.topics)} topics")
    print(f"{'engine':18} {'top-1':>7} {'p50 ms':>8} {'p99 ms':>8}   {'5-fold CV top-1':>15}")
    cv_sets = folds(kb)
    for name, make in engines.items():
        accuracy, p50, p99 = measure(make(kb), questions)
        cv_hits = cv_total = 0
        for fold_kb, fold_questions in cv_sets:
            search = make(fold_kb)
            cv_hits += sum(search(q) in wanted for q, wanted in fold_questions)
            cv_total += len(fold_questions)
        print(f"{name:18} {accuracy:7.1%} {p50:8.3f} {p99:8.3f}   {cv_hits / cv_total:15.1%}")

    calibrate(kb)
    print("\nIndex build time")
    for factor in (1, 10) if args.quick else (1, 10, 100):
        big = synthetic(kb, factor)
        start = time.perf_counter()
        Index(big)
        print(f"  {factor:>3}x  {len(big.topics):>5} topics  {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
