"""Urgency triage: does this message tell us someone is in crisis?

Every message gets ``none``, ``urgent`` (no safe place to sleep tonight or within days) or ``emergency``
(risk to life or safety now). The rules are data (bot/data/triage.yaml); this module only applies them.

How a message is scored:
1. The text is folded (case, emoji, æ/ø/å) into words.
2. Each *concept* (fx "nowhere", "sleep", "tonight", "self") is present when one of its phrases matches:
   words in order, ``word*`` as a prefix, ``*`` as a gap of up to two words, and long words with a typo or two.
3. Each *rule* whose concepts are all present adds its weight to its level's score and records its reason
   code (what a caseworker sees: fx ``thrown_out``, ``under_18``).
4. An information question ("hvad er en natvarmestue?", "min ven sover på gaden, hvad kan han gøre?") in
   which the writer does not speak of themselves ("jeg", "mig", "I") does not count towards ``urgent``:
   asking about a thing is not being in it. Emergency is never damped: showing crisis numbers to
   someone who only asked is the safe mistake.
5. The level is the highest whose score reaches the threshold; emergency implies urgent.
6. A model learned from labelled messages (bot/triage_model.py) gives a second opinion; it can raise the level
   (reason ``crisis_signs``: wording that often means a crisis), never lower it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import yaml
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from bot.triage_model import learned_level, model
from knowledge.lexicon import detect_language
from knowledge.loader import KnowledgeBase
from knowledge.normalise import fold

RULES_FILE = Path(__file__).resolve().parent / "data" / "triage.yaml"
MAX_GAP = 2
TYPO_MIN_LENGTH = 5
TYPO_SCORE = 84


class Urgency(enum.StrEnum):
    NONE = "none"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return ("none", "urgent", "emergency").index(self.value)


@dataclass(frozen=True)
class Triage:
    urgency: Urgency
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Rule:
    reason: str
    level: Urgency
    weight: float
    need: tuple[str, ...]
    # The rule does not apply when any of these is present (fx hyperbole: "eksamen slår mig ihjel").
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    concepts: dict[str, tuple[tuple[str, ...], ...]]
    word_set: frozenset[str]
    # Pattern words long enough for typo tolerance, and their lengths (for one vectorised comparison).
    long_words: tuple[str, ...]
    long_lengths: np.ndarray
    prefixes: tuple[str, ...]
    by_lang: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    rules: tuple[_Rule, ...]
    threshold: float
    info_damping: float
    # Chat spellings read as the word they stand for ("ik" = "ikke").
    spelling: dict[str, str]


@cache
def _rules(path: Path = RULES_FILE) -> _Rules:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    concepts: dict[str, tuple[tuple[str, ...], ...]] = {}
    by_lang: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for key, phrases in raw["concepts"].items():
        parsed = tuple(tuple(_fold_pattern(str(p))) for p in phrases)
        name, _, lang = key.partition("@")
        if lang:
            by_lang.setdefault(lang, {})[name] = parsed
        else:
            concepts[name] = parsed
    rules = tuple(
        _Rule(r["reason"], Urgency(r["level"]), float(r["weight"]), tuple(r["need"]), tuple(r.get("unless", ())))
        for r in raw["rules"]
    )
    every = {w for group in (concepts, *by_lang.values()) for ps in group.values() for p in ps for w in p}
    words = sorted(w for w in every if w != "*" and not w.endswith("*"))
    long_words = tuple(w for w in words if len(w) >= TYPO_MIN_LENGTH)
    prefixes = tuple(sorted(w for w in every if w.endswith("*") and w != "*"))
    return _Rules(concepts, frozenset(words), long_words, np.array([len(w) for w in long_words], dtype=np.int16),
                  prefixes, by_lang, rules, float(raw["threshold"]), float(raw["info_question_damping"]),
                  {fold(k): fold(v) for k, v in raw.get("spelling", {}).items()})


def _fold_pattern(phrase: str) -> list[str]:
    # Keep the pattern marks "*" while folding the words around them.
    return [word if word == "*" else fold(word.rstrip("*")) + ("*" if word.endswith("*") else "")
            for word in phrase.split()]


class _Matches:
    """Where each pattern word matches in one message, computed once for all phrases.

    One rapidfuzz ``cdist`` call scores every pattern word against every token, so the typo tolerance costs
    one vectorised call per message instead of thousands of Python comparisons.
    """

    def __init__(self, rules: _Rules, tokens: list[str]) -> None:
        self.tokens = tokens
        self.positions: dict[str, frozenset[int]] = {}
        if not tokens:
            return
        found: dict[str, set[int]] = {}
        # Exact words first (every word length), then typos: only long pattern words, at most two letters off.
        known = rules.word_set
        for j, token in enumerate(tokens):
            if token in known:
                found.setdefault(token, set()).add(j)
        scores = cdist(rules.long_words, tokens, scorer=fuzz.ratio, dtype=np.uint8, workers=1,
                       score_cutoff=TYPO_SCORE)
        lengths = np.fromiter((len(t) for t in tokens), dtype=np.int16, count=len(tokens))
        close = (scores >= TYPO_SCORE) & (np.abs(lengths[None, :] - rules.long_lengths[:, None]) <= 2)
        for row, column in zip(*np.nonzero(close), strict=True):
            found.setdefault(rules.long_words[row], set()).add(int(column))
        for prefix in rules.prefixes:
            stem = prefix[:-1]
            hits = {j for j, t in enumerate(tokens) if t.startswith(stem)}
            if hits:
                found[prefix] = hits
        self.positions = {word: frozenset(hits) for word, hits in found.items()}

    def phrase_at(self, phrase: tuple[str, ...], start: int) -> bool:
        """Match ``phrase`` beginning exactly at ``start``; a ``*`` may skip up to MAX_GAP words."""
        i, gap = start, False
        for word in phrase:
            if word == "*":
                gap = True
                continue
            hits = self.positions.get(word, frozenset())
            limit = min(i + (MAX_GAP + 1 if gap else 1), len(self.tokens))
            found = next((j for j in range(i, limit) if j in hits), None)
            if found is None:
                return False
            i, gap = found + 1, False
        return True

    def present(self, phrases: tuple[tuple[str, ...], ...]) -> bool:
        return any(self.phrase_at(p, s) for p in phrases if p for s in self.positions.get(p[0], ()))


# The reason code when the learned model, not a rule, raised the level.
LEARNED = "crisis_signs"


def triage(text: str, lang: str = "da") -> Triage:
    """Score one message for urgency: the rules, then the learned second opinion (it may only raise the level)."""
    found = by_rules(text, lang)
    learned = Urgency(learned_level(text, model(_rules_level)))
    if learned.rank > found.urgency.rank:
        return Triage(learned, (*found.reasons, LEARNED))
    return found


def warm_up(kb: KnowledgeBase | None = None) -> None:
    """Train the learned model now (at start), not on someone's first message."""
    model(_rules_level, kb)


def _rules_level(text: str) -> str:
    return by_rules(text, detect_language(fold(text).split(), text)).urgency.value


def by_rules(text: str, lang: str = "da") -> Triage:
    """Score one message by the rules alone; see the module docstring for how."""
    rules = _rules()
    words = [part for word in fold(text).split() for part in rules.spelling.get(word, word).split()]
    matches = _Matches(rules, words)
    cache_: dict[str, bool] = {}

    def has(concept: str) -> bool:
        if concept not in cache_:
            phrases = rules.concepts.get(concept, ()) + rules.by_lang.get(lang, {}).get(concept, ())
            cache_[concept] = matches.present(phrases)
        return cache_[concept]

    scores = {Urgency.URGENT: 0.0, Urgency.EMERGENCY: 0.0}
    reasons: list[str] = []
    for rule in rules.rules:
        if all(has(c) for c in rule.need) and not any(has(c) for c in rule.unless):
            scores[rule.level] += rule.weight
            if rule.reason not in reasons:
                reasons.append(rule.reason)
    if has("info_question") and not has("speaker"):
        scores[Urgency.URGENT] *= rules.info_damping
        reasons = [r for r in reasons if r == "under_18" or _level_of(rules, r) is Urgency.EMERGENCY]
    if scores[Urgency.EMERGENCY] >= rules.threshold:
        return Triage(Urgency.EMERGENCY, tuple(reasons))
    if scores[Urgency.URGENT] + scores[Urgency.EMERGENCY] >= rules.threshold:
        return Triage(Urgency.URGENT, tuple(reasons))
    return Triage(Urgency.NONE, ())


def _level_of(rules: _Rules, reason: str) -> Urgency:
    return next(r.level for r in rules.rules if r.reason == reason)
