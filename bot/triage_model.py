"""A second opinion for urgency triage, learned from labelled messages (bot/data/triage_examples_*.tsv).

The rules in bot/data/triage.yaml catch what they name; people in crisis often say it in words no rule
names ("har en plan og en dato nu", "sidder på broen"). This model scores character n-grams (robust to
typos, slang and missing æ/ø/å) with a logistic regression trained from the example files that ship with the
bot: nothing to download. Training takes about two seconds and imports scikit-learn, so the fitted numbers are
kept in the data directory (bot/model_cache.py) and reused by every later start until the training data or the
libraries change; scoring is plain Python and never imports scikit-learn. It can only raise a message's level,
never lower what a rule found.

Besides the examples' own `none` rows (hard ones on purpose: crisis words in plain questions, hyperbole, and in
triage_examples_everyday.tsv feelings, diagnoses, worries and the police in the background with no danger now),
the knowledge base's example questions about housing and money teach it what everyday traffic looks like.
Thresholds were chosen with benchmarks/triage.py (cross-validation and a held-out set).
"""

from __future__ import annotations

import csv
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import model_cache
from knowledge.index import FUNCTION_WORDS
from knowledge.loader import BUNDLED_ROOT, KnowledgeBase
from knowledge.loader import load as load_knowledge
from knowledge.normalise import char_grams, fold
from knowledge.schema import Topic

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

EXAMPLES = sorted((Path(__file__).resolve().parent / "data").glob("triage_examples_*.tsv"))
# Messages real people wrote in public: the development parts of tests/data/real_messages*.tsv (never the
# held-out ones), copied into the package by scripts/real_training.py, teach the model what real letters look
# like, urgent and ordinary.
REAL_MESSAGES = Path(__file__).resolve().parent / "data" / "triage_real_dev.tsv"
# Topics whose example questions are everyday traffic (crisis and support topics are not).
ORDINARY_CATEGORIES = ("housing", "money", "about")
# Probability needed to raise a short message to a level (urgent: urgent and emergency together). Applied in
# bot/triage.py with what the message names (``_within_what_is_named``): EMERGENCY_AT when it names a danger to life
# or body; EMERGENCY_SIGNLESS_AT when it names neither a danger nor an everyday cause of sadness; never an emergency
# from the model with an everyday cause and no danger; URGENT_AT only with a home, a night or a danger named.
# Measured (December 2026; 5-fold CV over the training examples through bot.triage.combine, and sets written for the
# purpose, never trained on): before (0.5 / 0.7, no words needed) 41 of 240 emergencies and 12 of 280 urgent
# examples missed, 25 of 471 plain examples and 10 of 1912 ordinary questions flagged, 26 of the 70 everyday
# probes in tests/data/triage_everyday_probes.tsv flagged (20 as emergencies). Now 27 and 12 missed, 18 and 9
# flagged, no probe. On 30 everyday messages and 20 indirect emergencies written afterwards and used for nothing
# else: 11 -> 5 everyday ones flagged, 9 -> 8 emergencies missed. A danger named lets 0.35 count (at 0.5, 41
# missed); the signless threshold at 0.7 or 0.9 flagged fewer everyday messages but missed 11 and 15 of 30 fresh
# indirect emergencies (6 at 0.5): the words listed cover about half of what people in danger write, so a message
# that names nothing the lists know is left to the model as before. Over the real messages' development parts
# (benchmarks/real_messages.py --cv-only) every urgent one is still flagged.
EMERGENCY_AT = 0.35
EMERGENCY_SIGNLESS_AT = 0.5
URGENT_AT = 0.7
# The longest messages the model is asked about (the longest training example has 38 words): on letters it
# called most ordinary ones a crisis (benchmarks/real_messages.py, development part).
MODEL_MAX_WORDS = 40
# On a letter the model may only raise to urgent, and only this sure (with a crisis sign in the text, see
# bot/triage.py; a letter's strongest passage is judged too). Chosen by 5-fold cross-validation over the real
# messages' development parts (the model trained on the other folds, the short messages judged as usual): at 0.6
# all 54 urgent messages flagged and 22 of 146 ordinary ones; at 0.5 24, at 0.65 no fewer. Before the model
# learned from real letters it needed 0.88 and missed some. Recalibrated (December 2026, with the rules no longer
# counting a suicide told as history or violence in a letter's background; 5-fold CV over the 166 development
# messages, two fold seeds): 0.7 with a passage at 0.8 (bot/triage.py) flags 23 of 332 ordinary judgements
# against 25 at 0.6 / 0.7, every urgent one still flagged; at 0.8 / 0.9, 19, but 2 of 118 urgent missed.
LETTER_URGENT_AT = 0.7


# Words that are no evidence of a crisis by themselves (``content_words``): the function words retrieval leaves out of a
# letter (pronouns, auxiliaries, prepositions, conjunctions), less those that change what a message says about danger:
# a negation, "more", "again", "alone", "all", "never" ("vil ikke mere", "cutting again").
EVIDENCE_FREE = FUNCTION_WORDS - frozenset(
    fold("not nor no more again alone all never ikke mere igen alene alle alt aldrig ingen nobody").split())


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` that are not ``EVIDENCE_FREE``: what the model may read a crisis in."""
    return [word for word in fold(text).split() if word not in EVIDENCE_FREE]


def read_examples(paths: list[Path] | None = None) -> list[tuple[str, str]]:
    """(text, level) rows from the example files."""
    rows = []
    for path in paths or EXAMPLES:
        with path.open(encoding="utf-8") as handle:
            rows += [(row["text"], row["urgency"]) for row in csv.DictReader(handle, delimiter="\t")]
    return rows


def real_examples(path: Path = REAL_MESSAGES, without: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(text, level) rows of the real messages' development parts (line breaks stored as a literal backslash-n);
    ``without``: row ids left out (cross-validation: benchmarks/real_messages.py --cv)."""
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [(row["text"].replace("\\n", "\n"), row["urgency"]) for row in csv.DictReader(lines, delimiter="\t")
                if row["id"] not in without]


def ordinary_questions(rules_level: Callable[[str], str], kb: KnowledgeBase | None = None) -> list[tuple[str, str]]:
    """The bundled knowledge base's example questions about housing, money and Husly itself, as `none`.

    Hundreds of plain questions teach the model what everyday traffic looks like: the topics' own phrasings and
    their specific questions (faq), since curators move a specific phrasing from a topic into its faq entry. A
    phrasing the rules flag ("jeg skal sættes ud på fredag" under eviction) is left out: it is not an ordinary
    question.
    """
    kb = kb or load_knowledge(BUNDLED_ROOT)
    return [(phrase, "none") for topic in kb.topics.values() if topic.category in ORDINARY_CATEGORIES
            for lang in ("da", "en") for phrase in _phrasings(topic, lang) if rules_level(phrase) == "none"]


def _phrasings(topic: Topic, lang: str) -> tuple[str, ...]:
    """A topic's example questions and its specific questions with their phrasings, in one language."""
    specific = (phrase for entry in topic.faq if entry.searchable
                for phrase in (entry.q.get(lang), *entry.examples.get(lang)))
    return (*topic.examples.get(lang), *specific)


# The n-grams the model reads: characters within words, 2 to 5 long (as scikit-learn's "char_wb" analyser).
NGRAMS = (2, 5)


def grams(text: str) -> list[str]:
    """The character 2-5-grams the model reads (knowledge.normalise.char_grams)."""
    return char_grams(text, *NGRAMS)


def training_rows(rules_level: Callable[[str], str], kb: KnowledgeBase | None = None) -> list[tuple[str, str]]:
    """Everything the model learns from: the example files, the real messages, the knowledge base's questions."""
    return read_examples() + real_examples() + ordinary_questions(rules_level, kb)


def train(rows: list[tuple[str, str]]) -> Pipeline:
    """Character 2-5-grams within words, TF-IDF, a balanced multinomial logistic regression."""
    # Imported here: scikit-learn takes a second to import, and only training needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, min_df=2, sublinear_tf=True, preprocessor=fold),
        LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000),
    )
    model.fit([text for text, _ in rows], [level for _, level in rows])
    return model


@dataclass(frozen=True)
class Scorer:
    """The fitted pipeline's arithmetic for one message at a time.

    scikit-learn is built for batches: scoring one chat message through the pipeline took ~1 ms, almost all
    of it input checks and sparse-matrix set-up. The same numbers from plain Python take a tenth of that.

    The numbers are kept in one flat array of 8-byte floats (each n-gram's idf, then its weight for each class, row
    after row) and one dict from n-gram to its row: the very same floats as before, so every score is the same to
    the last bit. A tuple of Python floats per n-gram took about 4 MB more of the bot's memory for 17,000 n-grams
    (benchmarks/startup.py).
    """

    classes: tuple[str, ...]
    rows: dict[str, int]  # n-gram -> its row in numbers
    numbers: array  # "d": 1 + len(classes) per row: the n-gram's idf, then its weight for each class
    intercepts: tuple[float, ...]

    @classmethod
    def from_columns(cls, classes: tuple[str, ...], columns: Iterable[tuple[str, float, Iterable[float]]],
                     intercepts: tuple[float, ...]) -> Scorer:
        """From (n-gram, idf, weights) columns. The n-gram strings are shared with the index's topic scorer where
        has the same ones (``sharing_grams``)."""
        rows: dict[str, int] = {}
        numbers = array("d")
        size = 1 + len(classes)
        for gram, idf, weights in columns:
            start = len(numbers)
            numbers.append(idf)
            numbers.extend(weights)
            if len(numbers) - start != size:
                raise ValueError("not a triage model: the numbers do not fit its classes")
            rows[_shared.get(gram, gram)] = len(rows)
        return cls(classes, rows, numbers, intercepts)

    @classmethod
    def from_pipeline(cls, fitted: Pipeline) -> Scorer:
        vectorizer, regression = fitted.steps[0][1], fitted.steps[1][1]
        coef = regression.coef_
        columns = ((gram, float(vectorizer.idf_[i]), [float(w) for w in coef[:, i]])
                   for gram, i in vectorizer.vocabulary_.items())
        return cls.from_columns(tuple(str(c) for c in regression.classes_), columns,
                                tuple(float(b) for b in regression.intercept_))

    def to_payload(self) -> dict[str, Any]:
        """Plain JSON data (bot/model_cache.py keeps it)."""
        size = 1 + len(self.classes)
        columns = {gram: self.numbers[row * size:(row + 1) * size].tolist() for gram, row in self.rows.items()}
        return {"classes": list(self.classes), "intercepts": list(self.intercepts), "columns": columns}

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Scorer:
        """The scorer ``to_payload`` wrote; ValueError when the data does not fit together."""
        try:
            classes = tuple(str(c) for c in data["classes"])
            intercepts = tuple(float(b) for b in data["intercepts"])
            if not classes or len(intercepts) != len(classes):
                raise ValueError("not a triage model: the numbers do not fit its classes")
            return cls.from_columns(classes, ((str(gram), float(row[0]), [float(w) for w in row[1:]])
                                              for gram, row in data["columns"].items()), intercepts)
        except (KeyError, TypeError, AttributeError, IndexError) as exc:
            raise ValueError(f"not a triage model: {type(exc).__name__}") from None

    def crisis_probability(self, text: str) -> float:
        """Probability that ``text`` is urgent or an emergency."""
        p = self.probabilities(text)
        return p.get("emergency", 0.0) + p.get("urgent", 0.0)

    def probabilities(self, text: str) -> dict[str, float]:
        # TF-IDF with sublinear tf and L2 norm, then the logistic regression's softmax: as the pipeline does.
        totals = list(self.intercepts)
        size = len(totals)
        dots, norm2 = [0.0] * size, 0.0
        numbers = self.numbers
        for gram, count in Counter(grams(text)).items():
            row = self.rows.get(gram)
            if row is None:
                continue
            start = row * (size + 1)
            value = (1 + math.log(count)) * numbers[start]
            norm2 += value * value
            for k in range(size):
                dots[k] += value * numbers[start + 1 + k]
        norm = math.sqrt(norm2) or 1.0
        scores = [b + d / norm for b, d in zip(totals, dots, strict=True)]
        top = max(scores)
        exps = [math.exp(z - top) for z in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps, strict=True)}


# N-gram strings the index's topic scorer already holds, while ``sharing_grams`` is open: the triage model's rows
# use the same string objects instead of a second copy of each (about 15,000 of its 17,000 n-grams, 0.8 MB).
_shared: dict[str, str] = {}


@contextmanager
def sharing_grams(grams: Iterable[str]) -> Iterator[None]:
    """A triage model built inside the block reuses these n-gram strings (fx the index's topic scorer's rows)."""
    _shared.update((gram, gram) for gram in grams)
    try:
        yield
    finally:
        _shared.clear()


_trained: dict[Callable[[str], str], Scorer] = {}


def model(rules_level: Callable[[str], str], kb: KnowledgeBase | None = None, cache_dir: Path | None = None) -> Scorer:
    """The trained model, once per process (the app loads it at start, with its knowledge base, so that no
    one waits for it; without one the bundled knowledge base gives the plain questions).

    With ``cache_dir`` (the data directory) the fitted numbers are read from there when they were fitted on the
    very same rows with the same library versions, and written there after training otherwise.
    """
    if rules_level not in _trained:
        kb = kb or load_knowledge(BUNDLED_ROOT)
        if cache_dir is None:
            _trained[rules_level] = Scorer.from_pipeline(train(training_rows(rules_level, kb)))
        else:
            _trained[rules_level] = model_cache.load_or_train(
                cache_dir, training_sources(kb),
                lambda: Scorer.from_pipeline(train(training_rows(rules_level, kb))).to_payload(), Scorer.from_payload)
    return _trained[rules_level]


def training_sources(kb: KnowledgeBase) -> list[bytes]:
    """Everything that decides the training rows, as bytes, for the cache's key: the example and real message
    files, the knowledge base's candidate questions, and the rules (data and code) that leave some of them out."""
    candidates = "\n".join(f"{topic.id}\t{topic.category}\t{lang}\t{phrase}" for topic in kb.topics.values()
                           for lang in ("da", "en") for phrase in _phrasings(topic, lang))
    return [candidates.encode(), *(path.read_bytes() for path in _deciding_files())]


def _deciding_files() -> list[Path]:
    """The example files, the rules and the code that reads and applies them (bot/triage.py and what it uses)."""
    here = Path(__file__).resolve().parent
    knowledge = BUNDLED_ROOT
    return [*sorted((here / "data").glob("triage*")), here / "data" / "smalltalk.yaml",
            *sorted((knowledge / "lexicon").glob("*.yaml")), Path(__file__), here / "triage.py", here / "reading.py",
            here / "smalltalk.py", knowledge / "lexicon.py", knowledge / "normalise.py"]


def learned_level(text: str, scorer: Scorer, *, emergency_at: float = EMERGENCY_AT,
                  urgent_at: float = URGENT_AT) -> str:
    """The level the model gives ``text``: emergency, urgent or none."""
    p = scorer.probabilities(text)
    if p.get("emergency", 0.0) >= emergency_at:
        return "emergency"
    if p.get("emergency", 0.0) + p.get("urgent", 0.0) >= urgent_at:
        return "urgent"
    return "none"
