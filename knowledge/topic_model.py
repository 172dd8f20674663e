"""A learned topic scorer: which topic a message is about, learned from how people put it.

The index (knowledge/index.py) scores a message by the words it shares with each topic's texts. Real letters say
the same things in other words ("my landlord wants me gone" for an eviction, "skylder" beside "husleje" for
rent arrears), and a word-overlap score cannot learn which words go with which topic. This scorer can: a linear
model over character n-grams within words (robust to typos, inflections, compounds and
missing æ/ø/å), trained on

- the knowledge base's own phrasings: every topic's example questions, keywords and title, and every specific
  question (faq) with its phrasings, in both languages, labelled with their topic; and
- the real messages' development rows with their topics (tests/data/real_messages*.tsv, never the held-out rows),
  copied into the package by scripts/real_training.py. They are training data for this model only, never example
  phrasings of the knowledge base: the index does not see them. A row with several acceptable topics counts for
  each of them with its weight shared out.

The index orders the choices after its best topic by its rank score blended with the scorer's (``Index.search``).
Training imports scikit-learn and takes seconds, so it is done once when the index is built
(``knowledge.index.load_indexed``) and the fitted numbers are kept with the index in the data directory
(bot/knowledge_cache.py, through bot/model_cache.py); scoring is plain Python over those numbers, as
bot/triage_model.py does.
"""

from __future__ import annotations

import csv
import hashlib
import math
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.loader import KnowledgeBase
from knowledge.normalise import char_grams, fold

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# The development rows of the real-message corpora with their topics (scripts/real_training.py writes it).
REAL_DEV = Path(__file__).resolve().parent / "data" / "topics_real_dev.tsv"
# How much one real message weighs in training against one knowledge-base phrasing (chosen by 5-fold
# cross-validation over the development rows: benchmarks/real_messages.py --cv-topics).
REAL_WEIGHT = 1.0
# The linear model: "svc" (a linear support vector machine, one topic against the rest) or "lr" (a multinomial logistic
# regression: its scores are log-probabilities up to a constant). Under 5-fold cross-validation over the development
# rows they order the choices alike (top-3 94.1% and 94.6% on one fold seed; knowledge/index.py), but the regression
# takes ten times longer to fit (half a minute to a minute on this busy 2-core machine), and every first start
# (a fresh data directory: each `husly run` of the Telegram tests) fits it.
LEARNER = "svc"
# Their C (inverse regularisation strength), chosen with REAL_WEIGHT.
C_LR = 10.0
C_SVC = 1.0
# The n-grams read: characters within words, 2 to 5 long (scikit-learn's "char_wb" analyser), of the folded text.
NGRAMS = (2, 5)
MIN_DF = 2


def grams(text: str) -> list[str]:
    """The character 2-5-grams the scorer reads (knowledge.normalise.char_grams)."""
    return char_grams(text, *NGRAMS)


def knowledge_rows(kb: KnowledgeBase) -> list[tuple[str, str, float]]:
    """(text, topic, weight) for every phrasing of the knowledge base: examples, keywords, title, specific questions."""
    rows: list[tuple[str, str, float]] = []
    for topic in kb.topics.values():
        for lang in ("da", "en"):
            phrases = [*topic.examples.get(lang), *topic.keywords.get(lang), topic.title.get(lang)]
            for entry in topic.faq:
                phrases += [entry.q.get(lang), *entry.examples.get(lang)] if entry.searchable else []
            rows += [(phrase, topic.id, 1.0) for phrase in phrases if phrase]
    return rows


@dataclass(frozen=True)
class RealRow:
    id: str
    topics: tuple[str, ...]
    text: str


def real_rows(path: Path = REAL_DEV) -> list[RealRow]:
    """The real messages' development rows that have topics (line breaks stored as a literal backslash-n)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [RealRow(row["id"], tuple(t for t in row["topics"].split(",") if t), row["text"].replace("\\n", "\n"))
                for row in csv.DictReader(lines, delimiter="\t") if row["topics"]]


def training_rows(kb: KnowledgeBase, real: Iterable[RealRow],
                  weight: float = REAL_WEIGHT) -> list[tuple[str, str, float]]:
    """The knowledge base's phrasings and the real rows (each of a row's topics gets a share of ``weight``).

    A real row's topics that the knowledge base does not have (a smaller or edited base) are left out.
    """
    rows = knowledge_rows(kb)
    for row in real:
        known = [t for t in row.topics if t in kb.topics]
        rows += [(row.text, topic, weight / len(known)) for topic in known]
    return rows


def train(rows: list[tuple[str, str, float]], c: float | None = None) -> Pipeline:
    """TF-IDF over character 2-5-grams within words, then a linear model over the topics (LEARNER)."""
    # Imported here: scikit-learn takes a second to import, and only training needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    learner = (LinearSVC(C=C_SVC if c is None else c) if LEARNER == "svc"
               else LogisticRegression(C=C_LR if c is None else c, max_iter=3000))
    model = Pipeline([
        ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, min_df=MIN_DF, sublinear_tf=True,
                                  preprocessor=fold)),
        ("learner", learner),
    ])
    model.fit([text for text, _, _ in rows], [topic for _, topic, _ in rows],
              learner__sample_weight=[w for _, _, w in rows])
    return model


@dataclass(frozen=True)
class TopicScorer:
    """The fitted pipeline's arithmetic for one message at a time, in plain Python.

    The numbers are kept in flat arrays (each n-gram's idf and scale as 4-byte floats, its weight for every topic
    one after the other as one signed byte, times the row's scale) and one dict from n-gram to its row: about 3 MB
    for 20,000 n-grams and 49 topics. 4-byte weights took 3 MB more, which put `husly run` (aiogram) over its 150
    MB goal after 100 questions (benchmarks/startup.py); a Python float each, or an array per n-gram, took two to
    five times that. A byte per weight keeps each within 0.4% of its row's largest, far more than the order of the
    choices needs (a test compares the scores with scikit-learn's).
    """

    classes: tuple[str, ...]
    rows: dict[str, int]  # n-gram -> its row in idf and weights
    idf: array  # "f": one per row
    weights: array  # "b": len(classes) per row, row after row, in units of the row's scale
    scale: array  # "f": one per row
    intercepts: tuple[float, ...]

    @classmethod
    def from_pipeline(cls, fitted: Pipeline) -> TopicScorer:
        vectorizer, learner = fitted.steps[0][1], fitted.steps[1][1]
        vocabulary = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
        rows = {gram: row for row, (gram, _) in enumerate(vocabulary)}
        columns = [column for _, column in vocabulary]
        idf = array("f", vectorizer.idf_[columns].tolist())
        coef = learner.coef_[:, columns].T  # a row per n-gram
        largest = abs(coef).max(axis=1)
        scale = [float(m) / 127 if m else 1.0 for m in largest]
        weights = array("b", [round(float(w) / k) for row, k in zip(coef, scale, strict=True) for w in row])
        return cls(tuple(str(c) for c in learner.classes_), rows, idf, weights, array("f", scale),
                   tuple(float(b) for b in learner.intercept_))

    def scores(self, text: str) -> dict[str, float]:
        """Each topic's score for ``text`` (scikit-learn's decision_function): TF-IDF with sublinear tf and L2 norm,
        then each topic's weights and intercept."""
        size = len(self.classes)
        dots = [0.0] * size
        norm2 = 0.0
        for gram, count in Counter(grams(text)).items():
            row = self.rows.get(gram)
            if row is None:
                continue
            value = (1 + math.log(count)) * self.idf[row]
            norm2 += value * value
            start, unit = row * size, value * self.scale[row]
            dots = [d + unit * w for d, w in zip(dots, self.weights[start:start + size], strict=True)]
        norm = math.sqrt(norm2) or 1.0
        return {label: b + d / norm for label, b, d in zip(self.classes, self.intercepts, dots, strict=True)}

    def relative(self, text: str, temperature: float = 1.0) -> dict[str, float]:
        """Each topic's weight against the best one's (1 for the best): exp((score - best score) / temperature)."""
        return relative(self.scores(text), temperature)


def relative(scores: dict[str, float], temperature: float = 1.0) -> dict[str, float]:
    """Each topic's weight against the best one's (1 for the best): exp((score - best score) / temperature)."""
    top = max(scores.values())
    return {label: math.exp((value - top) / temperature) for label, value in scores.items()}


_fitted: dict[str, TopicScorer] = {}


def fit(kb: KnowledgeBase, real: Iterable[RealRow] | None = None) -> TopicScorer:
    """The scorer trained on ``kb``'s phrasings and the real development rows (the packaged ones by default).

    Once per process for the same rows (tests and commands build the bot's index many times in one process).
    """
    rows = training_rows(kb, real_rows() if real is None else real)
    key = hashlib.sha256(repr((LEARNER, C_LR, C_SVC, NGRAMS, MIN_DF, rows)).encode()).hexdigest()
    if key not in _fitted:
        _fitted[key] = TopicScorer.from_pipeline(train(rows))
    return _fitted[key]
