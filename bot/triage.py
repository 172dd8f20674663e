"""Urgency triage: does this message tell us someone is in crisis?

Every message gets ``none``, ``urgent`` (no safe place to sleep tonight or within days) or ``emergency``
(risk to life or safety now). The rules are data (bot/data/triage.yaml); this module only applies them.

How a message is scored:
1. The text is folded (case, emoji, æ/ø/å) into words.
2. Each *concept* (fx "nowhere", "sleep", "tonight", "self") is present when one of its phrases matches:
   words in order, ``word*`` as a prefix, ``*`` as a gap of up to two words, and long words with a typo or two.
   A date or a span of time said as ahead is marked like a word, read against today's date (bot/triage_dates.py):
   "den 1. april" is no deadline within days in December, "den 10. december" is.
3. Each *rule* whose concepts are all present adds its weight to its level's score and records its reason
   code (what a caseworker sees: fx ``thrown_out``, ``under_18``).
4. An information question ("hvad er en natvarmestue?", "min ven sover på gaden, hvad kan han gøre?") in
   which the writer does not speak of themselves ("jeg", "mig", "I"; a Danish sentence that opens with the writer's
   verb and leaves out the "jeg", "bor på gaden pt, ...", speaks of them) does not count towards ``urgent``:
   asking about a thing is not being in it (unless it asks for someone close tonight: "min ven sover på gaden i
   nat" is urgent for the friend). Emergency is never damped: showing crisis numbers to
   someone who only asked is the safe mistake.
5. The level is the highest whose score reaches the threshold; emergency implies urgent.
6. A model learned from labelled messages (bot/triage_model.py; the real messages' development parts among them)
   gives a second opinion: on a short message it can raise the level (reason ``crisis_signs``: wording that often
   means a crisis), never lower it; on a letter it can raise to urgent only, when the letter as a whole or its
   strongest passage of two sentences reads like a crisis and names something a crisis is made of as going on now
   (not in a sentence told as the past, a distant future, a hypothetical or not about a home, nor before a safe
   place now). On a short message whose only crisis signs the rules told apart that way ("my parents are going to
   kick me out on my 18th birthday", "my friend committed suicide last year") it does not raise the level either;
   a message with no sign the rules know ("sidder på taget og kigger ned") it still may. On a short message it
   makes an emergency only of what names a danger to life or body; what names nothing of everyday sadness or
   friction (a breakup, an exam, a grandparent's death, a tight budget, a parent's rules at home) and no danger
   either it makes urgent with MAYBE_IN_DANGER (the chat asks "are you in danger right now?" before anything opens;
   an emergency on an open case), and urgent only of what names a home or a night (``_within_what_is_named``).
   A short message made only of the writer's own state or wait ("jeg sidder bare og venter", "im scared",
   ``_state_only``) it does not raise at all, nor one made only of function words ("jeg har": nothing to read a
   crisis in), and a home at stake the rules found with no danger named it does not make an emergency. Something
   harmless drunk or eaten (cola, coffee, sugar) and nothing stronger is an everyday cause, not an overdose.
7. Danger named only to deny it is no emergency at once. A wish to die said negated ("I don't want to kill myself",
   "jeg vil ikke dø"; ``negated_by``) is urgent with MAYBE_IN_DANGER: the chat asks whether the person is in danger
   now; suicide denied in so many words ("not that I have suicidal thoughts", ``suicide_denied``) counts for nothing,
   but with a "but" after it and the rest read by the model as an emergency, the chat asks too. Violence denied ("he
   doesn't hit me", ``violence_denied``) and figures of speech ("jeg keder mig ihjel") count for nothing. A wish said
   beside them, not negated ("... I just don't want to wake up"), or a denial doubted ("not sure I won't"), counts.

Rules read a message in windows of neighbouring sentences (``window`` in the rules file): all the concepts of a
rule must meet there, so a long letter's background ("vold" in one paragraph, "jeg" three sentences on) does not
add up to an emergency. A rule's exceptions (the past, a hypothetical, a figure of speech) count only in the
sentences its concepts were found in; a safe place said after a crisis ("now I'm back home", ``after`` in the
rules file) tells the crisis as over, and so does a crisis told in the past tense with a distance in time ("back
then", or in a letter a story's own time, "that night", with no recent day named and no help asked) or a plainer
safe present after it ("it feels like home"; ``told_over``, _told_over). A letter read as a whole as a story now over
tells its crises as over too: they sit in a part told from later on ("when I was 16", "for fem år siden", "my story"),
none in the writer's present or beside "still", "again" or a recent day, and after the last one the letter says it is
safe now or asks a calm question ("I've had my own flat for three years. Can I get housing benefit for a course?"), and
asks no help now (_told_over ``story_end``). A rule may read only
short messages or only letters (``only``): an indirect hint ("har en plan") is a danger in two lines and often a
moving plan in a long letter. Typos are forgiven only in long words and never in the first letter. The principles,
with examples, are in tests/data/README.md.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from bot.listings.filters import asks_us_for_a_home
from bot.not_for_me import OTHERS_NEED, not_for_me
from bot.reading import read as read_message
from bot.reading import sentences
from bot.smalltalk import small_talk
from bot.triage_dates import date_marks
from bot.triage_model import (
    EMERGENCY_AT,
    EMERGENCY_SIGNLESS_AT,
    LETTER_URGENT_AT,
    MODEL_MAX_WORDS,
    URGENT_AT,
    Scorer,
    content_words,
    learned_level,
    model,
)
from knowledge import yamlfile
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
    # Nor when any of these is said at or after the crisis, anywhere later in the message: a crisis told as over
    # ("... I slept in a bus shelter. ... Now I'm back home and it's loads better").
    after: tuple[str, ...] = ()
    # "short" or "letter": the rule reads only messages as short as a chat message, or only letters (longer than
    # the learned model's examples): some words are a danger in two lines and background in a long letter.
    only: str = ""
    # Sentences the rule's concepts must meet in, when fewer than the rules file's ``window`` (1: one sentence,
    # fx "suicide" and "again" in the same sentence, not a suicide told as the past and "now" in the next).
    window: int = 0


@dataclass(frozen=True)
class _Rules:
    concepts: dict[str, tuple[tuple[str, ...], ...]]
    word_set: frozenset[str]
    # Pattern words long enough for typo tolerance, by first letter and length (a typo keeps the first letter).
    typo_words: dict[tuple[str, int], tuple[str, ...]]
    prefixes: tuple[str, ...]
    by_lang: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    rules: tuple[_Rule, ...]
    threshold: float
    info_damping: float
    # Chat spellings read as the word they stand for ("ik" = "ikke").
    spelling: dict[str, str]
    # A rule's concepts must all be found within this many neighbouring sentences.
    window: int
    # Concepts that, found anywhere in a letter, let the learned model raise it to urgent.
    signs: tuple[str, ...]
    # Concepts that tell a sign apart from a crisis now when said in its sentence (the past, a hypothetical ...).
    apart: tuple[str, ...]
    # Concepts that tell a suicide or an overdose apart (long ago, someone's history, a death, a general question).
    suicide_apart: tuple[str, ...] = ()
    # Facts about the person that hold for the whole message (an age said in its first line), not only near the
    # crisis: they count in every window and do not widen the sentences a rule's exceptions are looked for in.
    anywhere: frozenset[str] = frozenset()
    # What a short message must name for the learned model to raise it to an emergency, or to urgent.
    model_emergency_needs: tuple[str, ...] = ()
    model_urgent_needs: tuple[str, ...] = ()
    # Everyday causes of sadness: with one and no danger named, the model does not make an emergency.
    model_everyday: tuple[str, ...] = ()
    # A concept's words inside a phrase of these concepts do not count ("har ingen selvmordstanker").
    masked_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Masks read only to tell whether an emergency rests on a wish said negated ("I don't want to kill myself"): see
    # by_rules.
    negated_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # A concept's words said right after one of these do not count: they are said of it ("my dog ran away").
    said_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # A trip, a story or volunteering: with one and none of the signs it does not explain, the model raises nothing.
    model_away: tuple[str, ...] = ()
    model_away_signs: tuple[str, ...] = ()
    # All right, or a place found: with one and no danger named, the model raises nothing.
    model_calm: tuple[str, ...] = ()
    # Phrases that name a danger only to tell it apart ("never hurt anyone"): with one and no live sign, the model does
    # not raise a short message.
    named_apart: tuple[str, ...] = ()
    # Harmless topics (sport, teeth, the weather, a phone): as an everyday cause, unless a crisis sign is named too.
    model_everyday_topics: tuple[str, ...] = ()
    # The model's own broad dangers (places, means, a farewell said indirectly): beside a harmless topic and no crisis
    # sign, not a danger.
    model_weak_dangers: tuple[str, ...] = ()
    # A parent's rules at home, and the parents: together, and with no crisis sign, an everyday cause.
    model_everyday_family: tuple[str, ...] = ()
    model_family: tuple[str, ...] = ()
    # Something harmless eaten or drunk, what makes an intake more than that, and the dangers it takes back.
    model_harmless_intake: tuple[str, ...] = ()
    model_strong_intake: tuple[str, ...] = ()
    model_intake_dangers: tuple[str, ...] = ()
    # The writer's own state or wait ("jeg sidder og venter", "im scared"), and the words that name nothing beside it:
    # a short message made of these alone is not the learned model's to raise.
    model_state: tuple[str, ...] = ()
    model_state_filler: tuple[str, ...] = ()
    # How a crisis told in the past tense is told as over (rules file ``told_over``; see _ToldOver).
    told_over: _ToldOver = field(default_factory=lambda: _ToldOver())
    # What tells apart the model's unsure emergency (no danger named): someone else's absence, not the writer's wish.
    model_unsure_apart: tuple[str, ...] = ()
    # Concepts said with the subject left out ("got evicted today"): they count only where they open a clause.
    clause_first: frozenset[str] = frozenset()
    # The words marked "=" in the rules file, with their mark: they match only as written, never as a typo, even
    # where the same word is written unmarked (and so typo-tolerant) in another phrase.
    exact: frozenset[str] = frozenset()
    # A condition's sentence naming one of these (a deadline within days, now, violence) keeps its crisis; a safe place
    # for now with one of these said with it or after it is no safe place (rules file ``condition_kept_by``,
    # ``safe_place_ends_by``; _gated).
    condition_kept_by: tuple[str, ...] = ()
    condition_kept_by_clause: tuple[str, ...] = ()
    safe_place_ends_by: tuple[str, ...] = ()
    safe_place_ends_within: int = 3
    # A lack of a place said right after a crisis said as a possibility, and what keeps it (rules file
    # ``possible_follows``; _possible_sentences).
    possible_follows: tuple[str, ...] = ()
    possible_follows_kept_by: tuple[str, ...] = ()
    # stay30: The couch-surfing rules a stay with an end tells apart (a home waiting, a trip), and what keeps each of
    # those two from counting, said near it (rules file ``stay_with_an_end_tells_apart``, ``*_kept_by``; _stay_gated).
    stay_kept_by: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _ToldOver:
    """A crisis told as over: its clause is in the past tense ("I slept in my car", "jeg boede på gaden") with nothing
    of now in it or its sentence, and either its sentence puts it at a distance ("back then", "for to år siden") or a
    safe present is said after it ("now I live on my own", "it feels like home"). The rules' ``after: [resolved]``
    tells any crisis before a safe place as over; this reads a plainer safe present, and only after a past one."""

    past: tuple[str, ...] = ()
    # Said in the same clause, the crisis is not only the past ("I was kicked out and have nowhere to go").
    present: tuple[str, ...] = ()
    # Said anywhere in the same sentence, the crisis is recent ("I was kicked out last night").
    recent: tuple[str, ...] = ()
    distance: tuple[str, ...] = ()
    # A story's own time ("that night", "at that moment", "den nat"): a distance, as long as no recent day is named
    # and no help asked anywhere in the message (``story_anchor``: "on Friday", "last night", "what do I do?"; then
    # "that night" is one of those days, and the writer asks now).
    story: tuple[str, ...] = ()
    story_anchor: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    # A letter told as a story now over, read as a whole (_told_over ``story_end``): how a story opens or frames itself
    # ("my story", "that was me", "at 17", "homeless no more"), what says it goes on (said with a crisis or after the
    # last one: "still", "ever since", "it's happening again", "tonight"), a plainer end than ``after`` ("it's behind
    # me", "I'm 24 now"), the generic "you" of a reflection ("when you're homeless you sleep where you can"), a recent
    # day said in the story ("on Friday", "today": its crisis is this week's) and help asked for now ("what do I do?":
    # then it is no story told from later on).
    opener: tuple[str, ...] = ()
    goes_on: tuple[str, ...] = ()
    ended: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    now: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()
    # A sentence that opens by pointing back at the one before as a time past ("That was four years ago").
    pointer: tuple[str, ...] = ()
    # A story that says it is one ("I want to share my story"): told in the past, it may end in its crisis.
    frame: tuple[str, ...] = ()
    # A present word that keeps the tense of a past clause ("I couldn't stay there anymore").
    lasting: tuple[str, ...] = ()


@cache
def _rules(path: Path = RULES_FILE) -> _Rules:
    raw = yamlfile.parse(path.read_text(encoding="utf-8"))
    concepts: dict[str, tuple[tuple[str, ...], ...]] = {}
    by_lang: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for key, phrases in raw["concepts"].items():
        parsed = tuple(tuple(_fold_pattern(str(p))) for p in phrases)
        name, _, lang = key.partition("@")
        if lang:
            by_lang.setdefault(lang, {})[name] = parsed
        else:
            concepts[name] = parsed
    rules = _possible_or_housed(tuple(
        _Rule(r["reason"], Urgency(r["level"]), float(r["weight"]), tuple(r["need"]), _unless(r.get("unless", ())),
              tuple(r.get("after", ())), str(r.get("only", "")), int(r.get("window", 0)))
        for r in raw["rules"]
    ), raw)
    every = {w for group in (concepts, *by_lang.values()) for ps in group.values() for p in ps for w in p}
    words = sorted(w.lstrip("=") for w in every if w != "*" and not w.endswith("*") and not w.startswith("*"))
    typo_words: dict[tuple[str, int], list[str]] = {}
    for w in sorted(every):
        if len(w) >= TYPO_MIN_LENGTH and w[0] not in "=*" and not w.endswith("*"):
            typo_words.setdefault((w[0], len(w)), []).append(w)
    prefixes = tuple(sorted(w for w in every if (w.endswith("*") or w.startswith("*")) and w != "*"))
    exact = frozenset(w for w in every if w.startswith("=") and len(w) > 1)
    return _Rules(concepts, frozenset(words), {key: tuple(ws) for key, ws in typo_words.items()}, prefixes, by_lang,
                  rules,
                  float(raw["threshold"]), float(raw["info_question_damping"]),
                  {fold(k): fold(v) for k, v in raw.get("spelling", {}).items()}, int(raw.get("window", 2)),
                  tuple(raw.get("signs", ())), tuple(raw.get("signs_told_apart_by", ())),
                  tuple(raw.get("suicide_told_apart_by", ())), frozenset(raw.get("anywhere", ())),
                  tuple(raw.get("model_emergency_needs", ())), tuple(raw.get("model_urgent_needs", ())),
                  tuple(raw.get("model_everyday", ())), {str(k): tuple(v) for k, v in raw.get("masked_by", {}).items()},
                  named_apart=tuple(raw.get("named_apart", ())), model_calm=tuple(raw.get("model_calm", ())),
                  model_everyday_topics=tuple(raw.get("model_everyday_topics", ())),
                  said_of={str(k): tuple(v) for k, v in raw.get("said_of", {}).items()},
                  model_away=tuple(raw.get("model_away", ())), model_away_signs=tuple(raw.get("model_away_signs", ())),
                  model_weak_dangers=tuple(raw.get("model_weak_dangers", ())),
                  model_everyday_family=tuple(raw.get("model_everyday_family", ())),
                  model_family=tuple(raw.get("model_family", ())),
                  model_harmless_intake=tuple(raw.get("model_harmless_intake", ())),
                  model_strong_intake=tuple(raw.get("model_strong_intake", ())),
                  model_intake_dangers=tuple(raw.get("model_intake_dangers", ())),
                  model_state=tuple(raw.get("model_state", ())),
                  model_state_filler=tuple(raw.get("model_state_filler", ())),
                  told_over=_ToldOver(**{k: tuple(v) for k, v in raw.get("told_over", {}).items()}),
                  model_unsure_apart=tuple(raw.get("model_unsure_apart", ())),
                  clause_first=frozenset(raw.get("clause_first", ())), exact=exact,
                  negated_by={str(k): tuple(v) for k, v in raw.get("negated_by", {}).items()},
                  condition_kept_by=tuple(raw.get("condition_kept_by", ())),
                  condition_kept_by_clause=tuple(raw.get("condition_kept_by_clause", ())),
                  safe_place_ends_by=tuple(raw.get("safe_place_ends_by", ())),
                  safe_place_ends_within=int(raw.get("safe_place_ends_within", 3)),
                  possible_follows=tuple(raw.get("possible_follows", ())),
                  possible_follows_kept_by=tuple(raw.get("possible_follows_kept_by", ())),
                  stay_kept_by={c: tuple(raw.get(f"{c}_kept_by", ())) for c in (HOME_WAITING, TRIP_STAY)})


@cache
def _negated_rules() -> _Rules:
    """The rules with a wish said negated masked too (rules file ``negated_by``): its words count for nothing."""
    rules = _rules()
    masked = dict(rules.masked_by)
    for concept, masks in rules.negated_by.items():
        masked[concept] = (*masked.get(concept, ()), *masks)
    return dataclasses.replace(rules, masked_by=masked, negated_by={})


def _negations(rules: _Rules) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m for masks in rules.negated_by.values() for m in masks))


# A condition said before a crisis ("if I came out to them I'd be kicked out"), and a safe place for now said after one
# ("my aunt said I can stay with her"): the rules file's concepts read by _gated.
CONDITION = "condition"
SAFE_FOR_NOW = "safe_for_now"
# stay30: A home of one's own waiting at a known end ("until my new flat is ready") and a trip ("we're backpacking"):
# a sofa until then, or on the way, is no couch surfing for want of a home (rules file ``home_waiting``, ``trip_stay``).
HOME_WAITING = "home_waiting"
TRIP_STAY = "trip_stay"


def _possible_or_housed(rules: tuple[_Rule, ...], raw: dict[str, object]) -> tuple[_Rule, ...]:
    """The rules, with a condition among the exceptions of the urgent ones in ``condition_tells_apart`` and a safe
    place for now beside ``resolved`` in those in ``safe_place_tells_over`` (rules file): a crisis of a home that may
    come, or one the writer has a bed through, is no night without a bed. Kept out of each rule's own lists so the rules
    read as before and the two kinds of message are told apart in one place."""
    apart = frozenset(raw.get("condition_tells_apart", ()) or ())  # type: ignore[call-overload]
    housed = frozenset(raw.get("safe_place_tells_over", ()) or ())  # type: ignore[call-overload]
    # stay30: a stay with an end (a home waiting, said with the crisis or after it; a trip, said with it) tells the
    # couch-surfing rules apart.
    ends = frozenset(raw.get("stay_with_an_end_tells_apart", ()) or ())  # type: ignore[call-overload]

    def extended(rule: _Rule) -> _Rule:
        if rule.level is not Urgency.URGENT:
            return rule
        unless = (*rule.unless, CONDITION) if rule.reason in apart else rule.unless
        after = (*rule.after, SAFE_FOR_NOW) if rule.reason in housed else rule.after
        if rule.reason in ends:
            unless, after = (*unless, HOME_WAITING, TRIP_STAY), (*after, HOME_WAITING)
        return dataclasses.replace(rule, unless=unless, after=after)

    return tuple(extended(r) for r in rules)


def _unless(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A rule's exceptions; a rule a time months ahead tells apart (``later``) is told apart by a worry of ending up
    somewhere too (``ends_up``): "jeg er bange for at hun ender med at sove på sofaer" is a parent's worry about the
    future as much as "efter sommerferien" is, in every rule that reads a night, a sofa or nowhere to live."""
    found = tuple(str(n) for n in names)
    return (*found, "ends_up") if "later" in found and "ends_up" not in found else found


def _fold_pattern(phrase: str) -> list[str]:
    # Keep the pattern marks "*" while folding the words around them.
    return [word if word == "*" else ("=" if word.startswith("=") else "") + ("*" if _is_suffix(word) else "")
            + fold(word.strip("=*")) + ("*" if word.endswith("*") and not _is_suffix(word) else "")
            for word in phrase.split()]


def _is_suffix(word: str) -> bool:
    """A pattern word that matches the end of a word ("*ed": "slept" no, "stayed" yes; the past tense's endings)."""
    return len(word) > 1 and word.startswith("*") and not word.endswith("*")


class _Matches:
    """Where each pattern word matches in one message, computed once for all phrases.

    Typo tolerance compares each distinct long token only with the pattern words that share its first letter
    and are at most two letters longer or shorter: a few dozen rapidfuzz calls, not every word against every
    token.
    """

    def __init__(self, rules: _Rules, tokens: list[str], *, typos: bool = True,
                 prefixes: tuple[str, ...] | None = None) -> None:
        self.tokens = tokens
        self.positions: dict[str, frozenset[int]] = {}
        if not tokens:
            return
        found: dict[str, set[int]] = {}
        # Exact words first (every word length), then typos: only long words, at most two letters off, never the
        # first letter ("taking" is not "stalking", "gangen" not "opgangen"), and not for words marked exact.
        known = rules.word_set
        columns: dict[str, list[int]] = {}
        for j, token in enumerate(tokens):
            if token in known:
                found.setdefault(token, set()).add(j)
            columns.setdefault(token, []).append(j)
        # notice30: a date or a span of time ahead ("den 1. april", "60 days notice"), read against today's date, is
        # marked like a word the rules file reads (bot/triage_dates.py: ``date_ahead``, ``later``).
        for mark, marked in date_marks(tokens).items():
            found.setdefault(mark, set()).update(marked)
        for word in rules.exact:
            if word[1:] in found:
                found[word] = set(found[word[1:]])
        for token, where in columns.items():
            if len(token) < TYPO_MIN_LENGTH or not typos:
                continue
            for length in range(len(token) - 2, len(token) + 3):
                for word in rules.typo_words.get((token[0], length), ()):
                    if fuzz.ratio(word, token, score_cutoff=TYPO_SCORE):
                        found.setdefault(word, set()).update(where)
        for prefix in rules.prefixes if prefixes is None else prefixes:
            if prefix.startswith("*"):
                # A word's ending ("*ed", "*ede"): only on a word at least two letters longer ("stayed", not "ed").
                end = prefix[1:]
                hits = {j for j, t in enumerate(tokens) if t.endswith(end) and len(t) >= len(end) + 2}
            else:
                stem = prefix[:-1]
                hits = {j for j, t in enumerate(tokens) if t.startswith(stem)}
            if hits:
                found[prefix] = hits
        self.positions = {word: frozenset(hits) for word, hits in found.items()}

    def phrase_at(self, phrase: tuple[str, ...], start: int) -> bool:
        """Match ``phrase`` beginning exactly at ``start``; a ``*`` may skip up to MAX_GAP words."""
        return self.phrase_end(phrase, start) is not None

    def phrase_end(self, phrase: tuple[str, ...], start: int) -> int | None:
        """Where ``phrase`` matched from ``start`` ends (one past its last word), or None when it does not."""
        i, gap = start, False
        for word in phrase:
            if word == "*":
                gap = True
                continue
            hits = self.positions.get(word, frozenset())
            limit = min(i + (MAX_GAP + 1 if gap else 1), len(self.tokens))
            found = next((j for j in range(i, limit) if j in hits), None)
            if found is None:
                return None
            i, gap = found + 1, False
        return i

    def present(self, phrases: tuple[tuple[str, ...], ...]) -> bool:
        return bool(self.starts(phrases))

    def starts(self, phrases: tuple[tuple[str, ...], ...]) -> frozenset[int]:
        """The token positions where one of ``phrases`` begins."""
        return frozenset(s for p in phrases if p for s in self.positions.get(p[0], ()) if self.phrase_at(p, s))

    def spans(self, phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
        """The token ranges ``phrases`` cover where they match."""
        return [(s, end) for p in phrases if p for s in self.positions.get(p[0], ())
                if (end := self.phrase_end(p, s)) is not None]


def _concept_ends(rules: _Rules, matches: _Matches, lang: str, concept: str,
                  said: frozenset[int] | None = None) -> list[int]:
    """Where ``concept``'s phrases end (one past their last word), where it is said (``said``: where it starts,
    unmasked)."""
    phrases = rules.concepts.get(concept, ()) + rules.by_lang.get(lang, {}).get(concept, ())
    starts = _concept_starts(rules, matches, lang, concept) if said is None else said
    return [end for start, end in matches.spans(phrases) if start in starts]


def _concept_starts(rules: _Rules, matches: _Matches, lang: str, concept: str) -> frozenset[int]:
    """Where ``concept`` is said, leaving out its words inside a phrase that masks it (rules ``masked_by``)."""
    def phrases(name: str) -> tuple[tuple[str, ...], ...]:
        return rules.concepts.get(name, ()) + rules.by_lang.get(lang, {}).get(name, ())

    found = matches.starts(phrases(concept))
    # A mask counts only where it is said itself: a denial doubted ("I'm not sure I won't kill myself") denies nothing.
    masks = [span for mask in rules.masked_by.get(concept, ()) for span in _mask_spans(rules, matches, lang, mask)]
    subjects = [span for subject in rules.said_of.get(concept, ()) for span in matches.spans(phrases(subject))]
    if subjects and found:
        writer = matches.starts(phrases("speaker"))
        found = frozenset(at for at in found if not _said_of(at, subjects, writer, matches.tokens))
    if not masks:
        return found
    return frozenset(at for at in found if not any(lo <= at < hi for lo, hi in masks))


def _mask_spans(rules: _Rules, matches: _Matches, lang: str, mask: str) -> list[tuple[int, int]]:
    """Where the masking concept ``mask`` covers words, leaving out where it is masked itself (one level deep: the rules
    file keeps masks of masks short, "suicide_denied" masked by "denial_doubted")."""
    phrases = rules.concepts.get(mask, ()) + rules.by_lang.get(lang, {}).get(mask, ())
    spans = matches.spans(phrases)
    if not spans or mask not in rules.masked_by:
        return spans
    own = [span for inner in rules.masked_by[mask]
           for span in matches.spans(rules.concepts.get(inner, ()) + rules.by_lang.get(lang, {}).get(inner, ()))]
    return [(lo, hi) for lo, hi in spans if not any(a <= lo < b for a, b in own)]


# Words that join the writer and someone else in one subject ("me and my dog", "mig og min hund").
JOINING = frozenset({"and", "og", "&"})


def _said_of(at: int, subjects: list[tuple[int, int]], writer: frozenset[int], tokens: list[str]) -> bool:
    """Whether the words at ``at`` are said of a subject just before them (rules ``said_of``: "my dog ran away",
    "katten er løbet hjemmefra"), at most MAX_GAP words after it, and not of the writer: no word of the writer's own
    between ("min hund og jeg er stukket af", "with my dog i ran away"), no new clause ("med min hund og ved ikke hvor
    vi skal sove"), and the subject not joined to the writer ("me and my dog ran away")."""
    for lo, hi in subjects:
        if (not hi <= at <= hi + MAX_GAP or any(hi <= w <= at for w in writer)
                or any(tokens[k] in CLAUSE_WORDS for k in range(hi, at))):
            continue
        if any(w + 1 < lo and tokens[w + 1] in JOINING for w in writer if lo - 3 <= w < lo):
            continue
        return True
    return False


# How many words after a crisis its clause's past verb may come ("thoughts of suicide always crossed my mind").
PAST_AFTER = 2
# Where a clause ends inside a sentence: the tense is read clause by clause ("I was homeless for two years, now I have a
# flat": the past, then the present).
_CLAUSE_END = re.compile(r"[,;:()]|\s[-\u2013\u2014]+\s|[\u2013\u2014]")
# Words that open a clause of their own ("I was homeless but now I have a flat", "he hits me and I had to leave").
CLAUSE_WORDS = frozenset({"but", "men", "and", "og"})


@dataclass(frozen=True)
class _Reading:
    """A message's words (folded, chat spellings read), where each sentence starts and where each clause starts."""

    words: list[str]
    starts: list[int]
    clauses: list[int]
    # The sentences that end in a question mark (a letter's question, read by _told_over ``story_end``).
    asks: frozenset[int] = frozenset()


def _read(parts: list[str], rules: _Rules) -> _Reading:
    words: list[str] = []
    starts: list[int] = []
    clauses: list[int] = []
    asks = frozenset(k for k, sentence in enumerate(parts) if sentence.rstrip(" .…!\"'”’)").endswith("?"))
    for sentence in parts:
        starts.append(len(words))
        for clause in _CLAUSE_END.split(sentence):
            folded = [part for word in fold(clause).split() for part in rules.spelling.get(word, word).split()]
            clauses += [len(words) + k for k, word in enumerate(folded) if k == 0 or word in CLAUSE_WORDS]
            words += folded
    return _Reading(words, starts, clauses, asks)


def _told_over(rules: _Rules, reading: _Reading, lang: str, hits: Callable[[str], frozenset[int]],
               ends: Callable[[str], list[int]]) -> Callable[[list[int]], bool]:
    """Whether a crisis said at these word positions is told as over (``told_over`` in the rules file, _ToldOver):
    every one in a clause told in the past tense and nothing of now in its clause or of recent days in its sentence;
    and either its sentence puts it at a distance in time or a safe present is said after it. A crisis going on ("I
    have been sleeping in my car since Monday", "jeg har boet på gaden i tre uger", "I was kicked out last night") is
    not, nor one told in the past with nothing after it but the present ("I slept in a park. What do I do?")."""
    told = rules.told_over
    if not told.past:
        return lambda _: False

    def clause_of(at: int) -> int:
        return bisect.bisect_right(reading.clauses, at) - 1

    def sentence_of(at: int) -> int:
        return bisect.bisect_right(reading.starts, at) - 1

    @cache
    def tense() -> tuple[list[int], set[int], set[int], set[int]]:
        # Read only when a crisis is found (most messages name none). The tense's words as written: no typo makes
        # "sleep" the present's "sleeps"; of the patterns' word beginnings and endings only the endings ("*ed").
        exact = _Matches(rules, reading.words, typos=False, prefixes=tuple(p for p in rules.prefixes if p[0] == "*"))
        past_at = sorted(at for c in told.past for at in _concept_starts(rules, exact, lang, c))
        said_past = {clause_of(at) for at in past_at}
        # "Anymore" in a clause told in the past is that past's ("I couldn't take the abuse anymore and I left").
        lasting = {at for c in told.lasting for at in _concept_starts(rules, exact, lang, c)}
        said_present = {clause_of(at) for c in told.present for at in _concept_starts(rules, exact, lang, c)
                        if at not in lasting or clause_of(at) not in said_past}
        sentence_starts = set(reading.starts)
        # Clauses told in the past as a whole; a clause with no verb of its own (a list: "we found a cold, hungry and
        # scared girl") has its sentence's tense so far.
        past: set[int] = set()
        for k, start in enumerate(reading.clauses):
            if k not in said_present and (k in said_past or (k - 1 in past and start not in sentence_starts)):
                past.add(k)
        return past_at, said_past, past, said_present

    def told_past(at: int) -> bool:
        # The past said before the crisis, at it or two words on ("I was kicked out", "I slept in my car", "I
        # sofa-surfed", "thoughts of suicide always crossed my mind"), not only later in its clause: "my boyfriend hits
        # me when he had been drinking" is now.
        past_at, said_past, past, _ = tense()
        k = clause_of(at)
        if k not in past:
            return False
        if k not in said_past:
            return True
        return any(clause_of(p) == k and p <= at + PAST_AFTER for p in past_at)

    @cache
    def around() -> tuple[set[int], set[int], list[int]]:
        # The sentences that tell of recent days, those that put the past at a distance (a story's own time, "that
        # night", among them when no recent day is named anywhere), where a safe present ends.
        distant = {sentence_of(at) for c in told.distance for at in hits(c)}
        # Only in a letter: a chat message's "that night" is the night its writer just told of.
        if len(reading.words) > MODEL_MAX_WORDS and not any(hits(c) for c in told.story_anchor):
            distant |= {sentence_of(at) for c in told.story for at in hits(c)}
        return ({sentence_of(at) for c in told.recent for at in hits(c)}, distant,
                [end for c in told.after for end in ends(c)])

    def said_in(concepts: tuple[str, ...]) -> set[int]:
        return {sentence_of(at) for c in concepts for at in hits(c)}

    def own_present(at: int) -> bool:
        # The crisis's clause told in the present, and not in a reflection's generic "you" ("you sleep where you can"):
        # the writer's own crisis now ("I sleep at the station", "jeg har boet på gaden").
        k = clause_of(at)
        if k not in tense()[3] or sentence_of(at) in pointed_back():
            return False
        here = range(reading.clauses[k], reading.clauses[k + 1] if k + 1 < len(reading.clauses) else len(reading.words))
        generic = any(at in here for c in told.generic for at in hits(c))
        return not generic or any(at in here for at in hits("self"))

    @cache
    def pointed_back() -> set[int]:
        # The sentences the next one points back at as a time past ("I've slept in stairwells and on sofas. That was
        # four years ago", "Det var mig som 18-årig"): their present perfect is the story's, not now.
        back = {sentence_of(at) for c in told.pointer for at in hits(c) if at in reading.starts}
        return {k - 1 for k in back & said_in((*told.distance, *told.opener)) if k > 0}

    @cache
    def story_end() -> int:
        """Where a letter told as a story now over ends its story (the first sentence after its last crisis sign), or
        -1. The crisis signs sit in a part told from later on (a distance or a story's opening at or before the last
        of them: "when I was 16", "for to år siden", "my story", "that was me"), none in the writer's own present or
        beside a recent day or a word that it goes on ("still", "ever since", "again", "tonight"); after the last one
        the letter says it is over or safe now ("now I have my own flat", "I'm 24 now", "it's behind me"), tells the
        story as a story ("I share it to give others hope") or asks a calm question ("can I get housing benefit?"),
        with nothing that it goes on; and nowhere does it ask for help now ("what do I do?")."""
        n = len(reading.starts)
        if len(reading.words) <= MODEL_MAX_WORDS or not told.opener or any(hits(c) for c in told.asked):
            return -1
        signs = [at for c in rules.signs for at in hits(c)]
        if not signs:
            return -1
        last = max(sentence_of(at) for at in signs)
        tail = set(range(last + 1, n))
        # A story that says it is one before its first crisis ("I want to share my story") and is set at a time of its
        # own in another sentence ("I came to the YMCA at just 16") may end in its crisis, told in the past: a charity's
        # letter to its donors. Said alone, "my story" may be last night's.
        frame = said_in(told.frame)
        framed = bool(frame & set(range(min(sentence_of(at) for at in signs)))
                      and (said_in((*told.distance, *told.opener)) - frame) & set(range(last + 1)))
        if not tail and not framed:
            return -1
        story = set(range(last + 1))
        if not said_in((*told.distance, *told.story, *told.opener)) & story or said_in(told.now) & story:
            return -1
        crises = {sentence_of(at) for at in signs}
        if crises & said_in((*told.recent, *told.goes_on)) or tail & said_in(told.goes_on):
            return -1
        if any(own_present(at) for at in signs):
            return -1
        if tail & (said_in((*told.after, *told.ended, *told.opener)) | reading.asks):
            return last + 1
        return last + 1 if framed and all(told_past(at) for at in signs) else -1

    def over(positions: list[int]) -> bool:
        if not positions:
            return False
        end = story_end()
        if end > 0 and all(sentence_of(at) < end and not own_present(at) for at in positions):
            # A letter told as a story now over (story_end): the crisis is its story's.
            return True
        if not all(told_past(at) for at in positions):
            return False
        recent, distant, safe = around()
        if any(sentence_of(at) in recent for at in positions):
            return False
        return any(sentence_of(at) in distant for at in positions) or any(end > max(positions) for end in safe)

    return over


# The reason code when the learned model, not a rule, raised the level.
LEARNED = "crisis_signs"
# Beside LEARNED on a short message the model reads as an emergency though it names no danger and nothing everyday
# ("I have everything ready and I know exactly when", but also "me and my gf are going to ikea on saturday"): the
# level is urgent, and the chat asks the person whether they are in danger now before anything opens
# (bot/cases/flow.py ``_check_in``). Over the team's probe sets this path made 17 true emergencies and 13 everyday
# false ones; with the plain words of danger listed (``life_danger``), 6 indirect crises and the same 13 everyday
# statements are left to it: no word list tells those apart, a direct question does. On an open case or a second
# such message it is an emergency (``confirmed``).
MAYBE_IN_DANGER = "maybe_in_danger"
# A harm said not to be ("he doesn't hit me", "jeg har ingen selvmordstanker", "nobody is hurting me").
DENIALS = ("violence_denied", "danger_denied", "suicide_denied")
# Crisis signs about a suicide or an overdose: ``suicide_told_apart_by`` in the rules file tells them apart too.
SUICIDE_SIGNS = ("suicide", "suicide_hint", "despair", "medical")
# Crisis signs of violence: protection in place said after them (``protected_now`` in the rules file) tells them as
# over.
VIOLENCE_SIGNS = ("violence", "assault", "abusive")
# A letter's passages the model reads on their own (see _passage_sure), and how sure it must be of one.
# Cross-validated on the real messages' development parts together with LETTER_URGENT_AT (see there): the passages
# are the safety net for letters unlike any the model has seen whole; at 0.8 rather than the short messages' 0.7
# two passages of fear or a past night no longer raise an ordinary letter, and every urgent one is still flagged.
PASSAGE_SENTENCES = 2
# A calm answer ("det går alligevel fint nu, tak") is this short; a longer message says more than that.
CALM_MAX_WORDS = 7
PASSAGE_URGENT_AT = 0.8


# Small talk that may open a message ("hej igen, ...", "hallo, ..."): left out before the rules and the model read a
# short message, so that a greeting does not change its level. The model read "igen" (again) as a sign of crisis
# ("cutting again"): "hej igen, jeg fryser" was an emergency, "jeg fryser" not; the rules read the same "igen" as a
# suicide said as now ("hej igen, min bror har forsøgt selvmord").
OPENER_KINDS = ("greeting", "ping")
OPENER_MAX_WORDS = 4
# Words a greeting may hold that the rules otherwise read ("hej igen": not "again").
OPENER_WORDS = frozenset({"igen", "again"})


def without_greeting(text: str) -> str:
    """``text`` without the greeting it opens with, when something follows it ("hej igen, jeg fryser" -> "jeg
    fryser"). Only words that say nothing to the rules are left out ("hej nu er jeg smidt ud" keeps its "nu")."""
    if len(text.split()) > MODEL_MAX_WORDS or small_talk(text):
        return text
    tokens = list(re.finditer(r"\S+", text))
    known = _rules().word_set
    cut = 0
    for k in range(1, min(len(tokens), OPENER_MAX_WORDS + 1)):
        prefix = text[: tokens[k - 1].end()]
        words = fold(prefix).split()
        if small_talk(prefix) in OPENER_KINDS and all(w not in known or w in OPENER_WORDS for w in words):
            cut = k
    if not cut or cut >= len(tokens) or not fold(text[tokens[cut].start():]).split():
        return text
    return text[tokens[cut].start():]


def triage(text: str, lang: str = "da") -> Triage:
    """Score one message for urgency: the rules, then the learned second opinion (it may only raise the level)."""
    found = combine(text, by_rules(text, lang), model(_rules_level))
    if found.urgency is Urgency.URGENT and _someone_elses_need(text, lang):
        return Triage(Urgency.NONE, ())
    return found


def _someone_elses_need(text: str, lang: str) -> bool:
    """A short message that offers help or asks as someone who is no young person in need (bot/not_for_me.py:
    donating a sleeping bag "to young people without a home", a spare room, an assignment, a landlord), and whose
    other parts are no crisis on their own: the no-bed words are young people's in general, not the writer's
    ("Hvor kan jeg donere en sovepose til unge uden bolig?" was urgent). An emergency is never lowered."""
    if read_message(text).long:
        return False
    other = not_for_me(text)
    if other is None or other.kind not in OTHERS_NEED:
        return False
    return not other.rest or triage(other.rest, lang).urgency is Urgency.NONE


def combine(text: str, found: Triage, scorer: Scorer) -> Triage:
    """The rules' finding, raised by the learned model where it can judge: on a message as short as the ones it
    learned from. On a letter it does not raise the level: there it flagged most ordinary letters and added no
    real urgent one (tests/data/real_messages.tsv, development part); the rules read letters sentence by sentence.
    """
    if len(text.split()) > MODEL_MAX_WORDS:
        # A letter: the model may raise it to urgent (never to emergency) when it is sure enough and the letter
        # names something a crisis is made of (a bed, violence, a threat), though no rule put it together.
        if found.urgency is Urgency.NONE and (_letter_sure(text, scorer) or _passage_sure(text, scorer)):
            return Triage(Urgency.URGENT, (LEARNED,))
        return found
    if MAYBE_IN_DANGER in found.reasons and LEARNED not in found.reasons:
        return _negated_wish(text, found, scorer)
    if small_talk(text):
        # "farvel", "tak", "hallo?" alone: small talk, not a farewell letter ("farvel til jer alle" is not small talk).
        return found
    if _state_only(text) or _state_only(without_greeting(text)):
        # "jeg sidder bare og venter", "svar mig nu", "hallo?? im scared", "jeg har ikke spist i dag": the writer's own
        # state or wait and nothing else (checked before the greeting is cut too: "svar" is a greeting's word, and "mig
        # nu" alone was the model's emergency). The model read "sidder", "nu", "går" and "stadig" as its short
        # emergencies' words.
        return found
    text = without_greeting(text)
    if not content_words(text):
        # "jeg har", "er du der", "what about me": nothing but function words. The model learned its short crises from
        # first-person statements and its ordinary rows mostly from questions, so "jeg har" alone read 0.62 emergency.
        return found
    learned, sure = _within_what_is_named(text, scorer)
    # A danger to life or body named, its words read with their masks ("låst mig ude" is no locked door of danger).
    danger = learned is not Urgency.NONE and _any_sign(text, _rules().model_emergency_needs, masked=True)
    if learned is Urgency.EMERGENCY and found.urgency is Urgency.URGENT and not danger:
        # "jeg bor hos en ven men han vil have mig ud": the rules read a home at stake, and nothing names a danger to
        # life or body; the model's emergency came from the words of a crisis it shares with them.
        return found
    if learned is not Urgency.NONE and found.urgency is Urgency.NONE and not danger \
            and _any_sign(text, ("hypothetical", "fiction")):
        # "hvad gør jeg hvis min kæreste og jeg går fra hinanden og lejligheden står i hans navn": a question asked
        # ahead, with no danger named; the model read the home and the breakup as a crisis now.
        return found
    if learned is not Urgency.NONE and found.urgency is Urgency.NONE and not danger and _possible_only(text):
        # "I'm thinking of running away", "hvis jeg siger det til min far, kan jeg nok finde et andet sted at bo": a
        # crisis said as a possibility, with no deadline, now or violence beside it; the model read its words as now.
        return found
    if learned is not Urgency.NONE and found.urgency is Urgency.NONE and _story_only(text):
        # "in the film the man says he will kill everyone", "he kills everyone in the last episode": a story's threat,
        # and the writer is not named; the model read the film's killing as a danger now. "I watched a film and now I
        # want to die" names the writer and stays the model's.
        return found
    if learned is not Urgency.NONE and found.urgency is Urgency.NONE and not danger and asks_us_for_a_home(text):
        # "har I et værelse til mig?", "har I et lille værelse til mig og min kæreste": a question to Husly for a
        # home, answered with the homes; the model read "mig og min kæreste" and "lille" as a crisis ("har du et
        # værelse til mig" it did not). Said with a night or a danger, the rules flag it ("... i nat, jeg sover ude").
        return found
    if learned is Urgency.URGENT and found.urgency is Urgency.NONE and _heading_only(text):
        # "At blive smidt ud hjemmefra", "Being kicked out of home": the title of a page or a topic, not someone in it;
        # the model read the words of the crisis it names.
        return found
    if learned is Urgency.URGENT and _told_apart_only(text):
        # "my parents are going to kick me out on my 18th birthday": the rules read the sign and told it apart as
        # a future worry; the model may still raise wording no rule knows to an emergency (the safe mistake).
        return found
    if learned is Urgency.EMERGENCY and found.urgency is Urgency.NONE and _told_apart_only(text) \
            and _denied_then_but(text):
        # "jeg har ikke selvmordstanker, men jeg er så træt af det hele", "ikke fordi jeg vil dø, men jeg orker ikke
        # mere": suicide named only to deny it, then "but" and what the model reads as a crisis. No emergency for words
        # that said the opposite, but the chat asks whether the person is in danger now (MAYBE_IN_DANGER) rather than
        # nothing. A denial that ends the matter ("Jeg har ingen selvmordstanker, jeg vil bare have styr på det") asks
        # nothing.
        return Triage(Urgency.URGENT, (LEARNED, MAYBE_IN_DANGER))
    if learned is Urgency.EMERGENCY and _told_apart_only(text):
        # "my best friend committed suicide last year", "hvad gør jeg hvis min ven har selvmordstanker?", "a boy in my
        # class gets bullied and hit": the words that make the model sure are signs the rules read as a death, a
        # history, a general question or bullying. Wording no rule knows as a sign is still the model's to raise.
        return found
    if learned is Urgency.EMERGENCY and not sure and found.urgency is Urgency.NONE:
        if _stay_sofa_only(text, _rules()):
            # stay30: "jeg sover på sofaen hos min bror når jeg besøger ham": a visit's sofa, and nothing else named.
            return found
        if _any_sign(text, _rules().model_unsure_apart) and not _live_signs(text)[1]:
            # "hun er flyttet, så hun ikke er her mere": the model read the absence as a wish not to be here, but it is
            # someone else's, and nothing else names a danger or a crisis now.
            return found
        if _any_sign(text, DENIALS) and not _live_signs(text)[1]:
            # "scared of my landlord ... he shouts ... He's never done anything": a harm said not to be, and nothing
            # else names a danger or a crisis now; the model's unsure reading asks nothing (as a denial that ends the
            # matter, above).
            return found
        # Nothing named says danger: ask before treating it as one (MAYBE_IN_DANGER).
        return Triage(Urgency.URGENT, (LEARNED, MAYBE_IN_DANGER))
    if learned.rank > found.urgency.rank:
        return Triage(learned, (*found.reasons, LEARNED))
    return found


def _negated_wish(text: str, found: Triage, scorer: Scorer) -> Triage:
    """A short message whose only emergency was a wish said negated (by_rules): the rules' question whether the person
    is in danger stands, unless the model reads an emergency in words of danger said beside the negated ones ("jeg
    vil ikke dø, men jeg kan ikke mere": "kan ikke mere" alone is the model's emergency)."""
    learned, sure = _within_what_is_named(without_greeting(text), scorer)
    if learned is Urgency.EMERGENCY and sure and _danger_beside_negation(text):
        return Triage(Urgency.EMERGENCY, (LEARNED,))
    return found


# Words that set what follows against a denial ("not that I'm suicidal, but ...").
BUT_WORDS = frozenset({"men", "but"})


def _denied_then_but(text: str) -> bool:
    """Whether suicide or self-harm is denied in so many words (``suicide_denied``) and a "but" follows the denial."""
    rules = _rules()
    matches, lang = _signs_reading(text)
    denied = _concept_starts(rules, matches, lang, "suicide_denied")
    return bool(denied) and any(word in BUT_WORDS for word in matches.tokens[min(denied):])


def _danger_beside_negation(text: str) -> bool:
    """Whether ``text`` names a danger to life or body (``model_emergency_needs``) outside a wish said negated."""
    rules = _negated_rules()
    matches, lang = _signs_reading(text)
    return any(_concept_starts(rules, matches, lang, c) for c in rules.model_emergency_needs)


def confirmed(result: Triage) -> Triage:
    """``result`` as an emergency when the model's unsure one is confirmed by where it was said: on an open case, or
    after the question whether the person is in danger went unanswered by a yes or no."""
    if MAYBE_IN_DANGER not in result.reasons:
        return result
    return Triage(Urgency.EMERGENCY, tuple(r for r in result.reasons if r != MAYBE_IN_DANGER))


def _within_what_is_named(text: str, scorer: Scorer) -> tuple[Urgency, bool]:
    """The model's level for a short message, kept within what the message names.

    The model alone read everyday sadness as despair: "min kæreste har slået op, jeg er helt nede" and "my mom has
    cancer and I am really scared" were emergencies at 0.5-0.9, as sure as it is of the indirect emergencies it
    learned from ("sidder på broen", "har en plan og en dato nu"), so no threshold told them apart; words do:
    - a message that names a danger to life or body in a broad sense (``model_emergency_needs``: a bridge, pills, a
      farewell, a plan, someone who hits or hunts the writer, besides the rules' own signs) is an emergency from
      EMERGENCY_AT (0.35);
    - one that names neither such a danger nor an everyday cause of sadness (``model_everyday``: a breakup, an exam,
      a grandparent, a pet, money; or a harmless topic, ``model_everyday_topics``: sport, teeth, the weather, a phone,
      with no crisis sign named) from EMERGENCY_SIGNLESS_AT (0.5): wording nobody listed is still the model's, but
      not sure (the second value False): the chat asks before it opens anything (MAYBE_IN_DANGER);
    - a parent's rules at home with a parent named and no crisis sign beside them (``_family_friction``: "min far
      bestemmer alt", "my parents are so strict") count as an everyday cause too;
    - one that names an everyday cause and no danger is never an emergency from the model;
    - beside an everyday cause, urgent needs a home, a night or a danger named (``model_urgent_needs``).
    - one that says the writer is all right or has found a place (``model_calm``) and names no danger is raised to
      nothing;
    - one that names something harmless drunk or eaten (``model_harmless_intake``) and nothing stronger
      (``model_strong_intake``) or a crisis sign: what was taken is no danger, and the message names an everyday cause.
    """
    rules = _rules()
    # A harmless topic ("pasta", "cigarer", "fifa") with no crisis sign the rules know: the model's own broad list of
    # places and means (``model_weak_dangers``: "burnt", "altanen") does not make it a danger ("I burnt the
    # pasta again", "farmand ryger cigarer på altanen"); a rule's sign beside it still does ("my phone is dead and he
    # is waiting outside my door with a knife").
    harmless = _any_sign(text, rules.model_everyday_topics) and not _any_sign(text, rules.signs)
    # Cola, coffee or sugar taken, and nothing stronger, with no crisis sign: "drukket" and "taget" name no overdose
    # ("jeg har drukket tre dåser cola og kan ikke falde til ro", "i drank four energy drinks"); the model read them as
    # its overdoses' words.
    intake = (_any_sign(text, rules.model_harmless_intake) and not _any_sign(text, rules.model_strong_intake)
              and not _any_sign(text, rules.signs))
    needs = tuple(c for c in rules.model_emergency_needs if not (harmless and c in rules.model_weak_dangers)
                  and not (intake and c in rules.model_intake_dangers))
    danger = _any_sign(text, needs, masked=True)
    # A trip, a story or volunteering with no crisis sign it does not explain: the model makes no urgent of it (below),
    # and its own broad dangers are the trip's there ("volunteer at the night café": "the night" is one of them). Its
    # emergency stays: "on an exchange, someone put something in my drink" names no word the lists know.
    away = _away_only(text, rules) and not _any_sign(
        text, tuple(c for c in needs if c not in rules.model_weak_dangers), masked=True)
    if not danger and (harmless or _calm_only(text, rules)):
        # "det går alligevel fint nu, tak", "I found a place": the model read the short calm answer as a crisis. A
        # harmless topic with no crisis sign and no danger ("got destroyed in every fifa round tonight"): its night is
        # the game's, not one to get through.
        return Urgency.NONE, True
    if danger and learned_level(text, scorer, emergency_at=EMERGENCY_AT) == "emergency":
        return Urgency.EMERGENCY, True
    # A harmless topic ("final score of the derby", "my phone won't charge") counts as an everyday cause when the
    # message names no crisis sign besides it: "far drikker sig fuld og smadrer alt, jeg er bange" names fear.
    everyday = intake or _any_sign(text, rules.model_everyday) or (
        _any_sign(text, rules.model_everyday_topics) and not _any_sign(text, rules.signs)) or _family_friction(text)
    if learned_level(text, scorer, emergency_at=EMERGENCY_SIGNLESS_AT) == "emergency" and not everyday:
        return Urgency.EMERGENCY, False
    # The sum of urgent and emergency decides urgent (an emergency threshold above 1 leaves only that); with an
    # everyday cause named, only beside a home, a night or a danger.
    if (learned_level(text, scorer, emergency_at=2.0, urgent_at=URGENT_AT) == "urgent"
            and (danger or _any_sign(text, rules.model_urgent_needs, masked=True) or not everyday)):
        # A trip, a story or volunteering: its home, night and place are the trip's, not a night without a bed.
        return (Urgency.NONE if away else Urgency.URGENT), True
    return Urgency.NONE, True


# A heading is this short at most ("Leaving the family home", "At blive smidt ud hjemmefra").
HEADING_MAX_WORDS = 8


def _heading_only(text: str) -> bool:
    """A title, not a message: one phrase that opens with an infinitive or a gerund (``heading_opener``: "At blive
    ...", "Being ...", "Leaving ..."), with no end mark of a question or a cry, and no word of the writer, of now or of
    a night (``self``, ``speaker``, ``tonight``, ``recent_when``, ``help_asked``): "being kicked out tonight" and "at
    blive smidt ud, hjælp mig" are someone's."""
    words = fold(text).split()
    if not words or len(words) > HEADING_MAX_WORDS or re.search(r"[?!.,;:]", text.strip()):
        return False
    rules = _rules()
    lang = detect_language(words, text)
    matches = _Matches(rules, words, typos=False)
    if 0 not in _concept_starts(rules, matches, lang, "heading_opener"):
        return False
    return not _any_sign(text, ("self", "speaker", "tonight", "recent_when", "help_asked"))


def _story_only(text: str) -> bool:
    """A film, a series, a game or a book named (``fiction``) in a short message that does not name the writer
    (``self``, ``speaker``, or an English "I"): what happens in it is the story's."""
    if not _any_sign(text, ("fiction",)) or _any_sign(text, ("self", "speaker")):
        return False
    return "i" not in fold(text).split() or detect_language(fold(text).split(), text) == "da"


def _away_only(text: str, rules: _Rules) -> bool:
    """A trip, a story or volunteering named (``model_away``: "my flight got delayed", "a job interview next week", "in
    the game Sims", "volunteer at a night shelter"), or ran-away or nowhere words said only of a pet (``said_of``: "our
    cat ran away last night"), and none of the crisis signs they do not explain (``model_away_signs``: thrown out,
    violence, the street, an age under 18, back home from the trip). The model read the trip's home, night and place
    as a night without a bed."""
    if _stay_sofa_only(text, rules):
        # stay30: couch surfing on a trip or before a home waiting is the stay's (it names no other sign).
        return True
    if _any_sign(text, rules.model_away_signs, masked=True):
        return False
    return said_of_a_pet(text) or _any_sign(text, rules.model_away)


# stay30: The crisis signs a sofa on a trip or before a home waiting explains (``_stay_sofa_only``): a sofa, a couch, a
# night.
TRIP_SOFA = ("sofa", "couch_surfing")
TRIP_EXPLAINS = ("sofa", "couch_surfing", "sleep")


def _stay_sofa_only(text: str, rules: _Rules) -> bool:
    """stay30: a sofa or couch surfing on a trip or a visit, or until a home waiting (``trip_stay``, ``home_waiting``
    where they count, _stay_gated: "we're backpacking and sleep on couches via couchsurfing", "jeg sover på sofaen hos
    min bror når jeg besøger ham", "on my cousin's couch for ten days until my new apartment is ready"), and beside it
    no crisis sign (``signs``), danger (``model_emergency_needs``) or other sign a trip does not explain
    (``model_away_signs``: an age under 18, a lock changed ...). The model read the sofa and the night as couch surfing
    for want of a home (urgent), or as a danger to ask about."""
    if not _any_sign(text, TRIP_SOFA, masked=True) or _any_sign(
            text, tuple(c for c in (*rules.signs, *rules.model_emergency_needs, *rules.model_away_signs)
                        if c not in TRIP_EXPLAINS),
            masked=True):
        return False
    reading = _read(sentences(text) or [text], rules)
    matches = _Matches(rules, reading.words)
    lang = detect_language(reading.words, text)

    def hits(concept: str) -> frozenset[int]:
        return _concept_starts(rules, matches, lang, concept)

    return any(_stay_gated(kept_by, reading, hits(concept), hits) for concept, kept_by in rules.stay_kept_by.items())


def _family_friction(text: str) -> bool:
    """A parent's rules at home and nothing of a crisis: "jeg bor hos min far og han bestemmer alt", "my parents are
    so strict" (``model_everyday_family`` beside ``model_family``, and no sign in ``signs``). The model read the "og
    han" and "they" of its violent homes in them (0.5-0.8 emergency). A partner's control names no parent, and fear,
    a blow or nowhere to go beside the rules are signs: those stay the model's and the rules' to judge."""
    rules = _rules()
    return (_any_sign(text, rules.model_everyday_family) and _any_sign(text, rules.model_family)
            and not _any_sign(text, rules.signs))


def _state_only(text: str) -> bool:
    """Every word of the short message is the writer's own state or wait (``model_state``: "venter", "svar mig",
    "bange", "i panik", "ikke spist") or a word that names nothing beside it (``model_state_filler``: "jeg", "bare",
    "stadig", "nu", "her"), and at least one is a state: "jeg er bange for ham" and "sidder på broen" say more."""
    rules = _rules()
    words = [part for word in fold(text).split() for part in rules.spelling.get(word, word).split()]
    if not words or len(words) > CALM_MAX_WORDS + 3:
        return False
    matches = _Matches(rules, words)
    lang = detect_language(words, text)

    def covered(concepts: tuple[str, ...]) -> set[int]:
        phrases = tuple(p for c in concepts for p in rules.concepts.get(c, ()) + rules.by_lang.get(lang, {}).get(c, ()))
        return {at for lo, hi in matches.spans(phrases) for at in range(lo, hi)}

    state = covered(rules.model_state)
    rest = covered(rules.model_state_filler)
    return bool(state) and all(at in state or at in rest or word.isdigit() for at, word in enumerate(words))


def _calm_only(text: str, rules: _Rules) -> bool:
    """A few words that say the writer is all right, and nothing set against them: "jeg er ok med at dø" and "I'm
    fine but ..." say more than that, and stay the model's to judge."""
    return (len(text.split()) <= CALM_MAX_WORDS and _any_sign(text, rules.model_calm)
            and not _any_sign(text, ("contrast",)))


def _letter_sure(text: str, scorer: Scorer) -> bool:
    """The whole letter reads like a crisis to the model and names something a crisis is made of, as going on now."""
    return scorer.crisis_probability(text) >= LETTER_URGENT_AT and bool(_live_signs(text)[1])


def _passage_sure(text: str, scorer: Scorer) -> bool:
    """Some passage of the letter (two neighbouring sentences, as short as the messages the model learned from)
    reads like a crisis and names something a crisis is made of: the strongest passage decides, so a crisis told
    in two lines of a long letter is not averaged away by the story around it. Whether a sign is going on now is
    read in the whole letter (a "now I'm back home" three sentences on still tells it as over)."""
    parts, live = _live_signs(text)
    for i in range(max(1, len(parts) - PASSAGE_SENTENCES + 1)):
        here = set(range(i, i + PASSAGE_SENTENCES))
        if here & live and scorer.crisis_probability(" ".join(parts[i : i + PASSAGE_SENTENCES])) >= PASSAGE_URGENT_AT:
            return True
    return False


def _live_signs(text: str) -> tuple[list[str], set[int]]:
    """The letter's sentences, and those that name a crisis sign (``signs`` in the rules file) as something going
    on now. A sign in a sentence told as the past, a distant future, a hypothetical or not about a home ("for to år
    siden blev jeg smidt ud", "on my 18th birthday", "smidt ud af efterskolen"; ``signs_told_apart_by``), or before
    a safe place now ("now I'm back home"), is the story around a letter, not a crisis the model may confirm."""
    rules = _rules()
    parts = sentences(text) or [text]
    lang = detect_language(fold(text).split(), text)
    reading = _read(parts, rules)
    starts = reading.starts
    matches = _Matches(rules, reading.words)

    def hits(concept: str) -> frozenset[int]:
        return _concept_starts(rules, matches, lang, concept)

    def ends(concept: str) -> list[int]:
        return _concept_ends(rules, matches, lang, concept)

    def sentence_of(at: int) -> int:
        return max(k for k, st in enumerate(starts) if st <= at)

    apart = {sentence_of(at) for c in rules.apart for at in hits(c)}
    # A home not found "yet" after a move months ahead, in its sentence or the one before (as in _holds): the move's.
    ahead = {sentence_of(at) for at in hits("later")}
    tonight = {sentence_of(at) for at in hits("tonight_strict")}
    apart |= {k for at in hits("not_yet") if (k := sentence_of(at)) not in tonight and {k, k - 1} & ahead}
    suicide_apart = {sentence_of(at) for c in rules.suicide_apart for at in hits(c)}
    # Suicidal thoughts denied ("Det er ikke fordi jeg har selvmordstanker") tell the despair of the sentences around
    # the denial apart too: "Jeg føler det hele er håbløst. Jeg har ingen selvmordstanker" names what it is not.
    suicide_apart |= {sentence_of(at) + step for at in hits("suicide_denied") for step in (-1, 0, 1)}
    # The last sentence that tells of a safe place now: every sign before it (or in it) is told as over.
    resolved = max((sentence_of(at) for at in hits("resolved")), default=-1)
    # The last sentence that tells of protection from the person now ("now we have a restraining order"): violence
    # before it (or in it) is told as over; a home lost before it is not.
    protected = max((sentence_of(at) for at in hits("protected_now")), default=-1)
    over = _told_over(rules, reading, lang, hits, ends)
    apart |= _possible_sentences(rules, reading, hits)
    found = {(c, sentence_of(at)) for c in rules.signs for at in hits(c) if not over([at])}
    return parts, {i for c, i in found if i not in apart and i > resolved
                   and not (c in VIOLENCE_SIGNS and i <= protected)
                   and not (c in SUICIDE_SIGNS and i in suicide_apart)}


def _told_apart_only(text: str) -> bool:
    """The message names crisis signs, but each one as the past, the future, a hypothetical or not a home; or it names a
    danger only to deny it or as no harm ("he has never hurt anyone", ``named_apart``) and no sign going on now."""
    rules = _rules()
    return not _live_signs(text)[1] and (_any_sign(text, rules.signs) or _any_sign(text, rules.named_apart))


# What a message must name, in any way and at any time (a past attempt, a friend, a question), for the topic about
# suicidal thoughts to be its answer: on the real messages' development parts that topic was the first answer to
# letters about loneliness, a controlling partner, a family quarrel, each without a word of suicide or self-harm,
# and every message it rightly answered named one.
SUICIDE_NAMED = ("suicide_named", "suicide", "suicide_hint", "suicide_over", "suicide_death", "suicide_denied",
                 "despair_strong")


def names_despair(text: str) -> bool:
    """Does ``text`` say the writer cannot go on or cope ("kan ikke klare mere", "can't cope any more")?"""
    return _any_sign(text, ("despair",))


def names_a_minor(text: str) -> bool:
    """Does ``text`` say or imply that someone in it is under 18: an age, a parent, school, care for children?"""
    return _any_sign(text, ("minor", "minor_me", "parent", "minor_context"))


def said_of_a_pet(text: str) -> bool:
    """Are ``text``'s ran-away or nowhere words said of a pet ("my dog ran away", "katten er stukket af"; rules
    ``said_of``): a pet named, and one of those concepts said only of it?"""
    rules = _rules()
    subjects = tuple({s for c in rules.said_of for s in rules.said_of[c]})
    return _any_sign(text, subjects) and any(_any_sign(text, (c,)) and not _any_sign(text, (c,), masked=True)
                                             for c in rules.said_of)


# Violence, threats and fear of someone, in the rules' words (bot/data/triage.yaml).
VIOLENCE_NAMED = ("violence", "violence_now", "violence_plain", "assault", "assault_now", "abusive", "threat_words",
                  "property_abuse", "afraid", "afraid_of_person", "unsafe_now", "ex_trait")


def names_violence(text: str) -> bool:
    """Does ``text`` speak of violence, threats or fear of someone at all?"""
    return _any_sign(text, VIOLENCE_NAMED)


def names_suicide(text: str) -> bool:
    """Does ``text`` speak of suicide or self-harm at all (whether going on or not)?"""
    return _any_sign(text, SUICIDE_NAMED)


# The urgent reasons that can lie ahead. Thrown out and an unsafe home only where the throwing out is said as
# coming ("smider mig ud på fredag", not "smed mig ud på fredag"); the learned model's reading only with no night
# outside said; never sleeping outside.
AHEAD_REASONS = frozenset({"eviction_soon", "couch_surfing_ending", "homeless_now", "nowhere_to_sleep",
                           "nowhere_to_stay"})
THROWN_OUT_REASONS = frozenset({"thrown_out", "unsafe_home"})
SLEEPS_OUTSIDE = "sleeps_outside"


def crisis_ahead(text: str, result: Triage) -> bool:
    """Is the urgent crisis days or weeks ahead ("jeg skal være ude på fredag", "nowhere to live after new year") and
    not tonight? Then the safety text says to contact the municipality now; "help tonight" read as if the night
    outside had come. Any word of now ("i dag", "tonight", "still") keeps the night's text."""
    if result.urgency is not Urgency.URGENT or not result.reasons:
        return False
    if not _any_sign(text, ("ahead",)) or _any_sign(text, ("tonight", "recent", "unsafe_now")):
        return False
    others = set(result.reasons) - AHEAD_REASONS
    if others & THROWN_OUT_REASONS:
        if not _any_sign(text, ("thrown_out_coming",)) or _any_sign(text, ("thrown_out_over",)):
            return False
        others -= THROWN_OUT_REASONS
    if SLEEPS_OUTSIDE in others and _any_sign(text, ("street_coming",)):
        others.discard(SLEEPS_OUTSIDE)
    if LEARNED in others and not _any_sign(text, ("outside",)):
        others.discard(LEARNED)
    return not others


def _any_sign(text: str, concepts: tuple[str, ...], *, masked: bool = False) -> bool:
    rules = _rules()
    matches, lang = _signs_reading(text)
    if masked:
        # Only where a concept's words are not said as something else ("låst mig ude" names no locked door of danger).
        return any(_concept_starts(rules, matches, lang, c) for c in concepts)
    # Masked words count here: "ingen selvmordstanker" names a sign and tells it apart (it is not going on).
    return any(matches.present(rules.concepts.get(c, ()) + rules.by_lang.get(lang, {}).get(c, ())) for c in concepts)


@lru_cache(maxsize=4)
def _signs_reading(text: str) -> tuple[_Matches, str]:
    """One message's words matched once for the many ``_any_sign`` questions asked of it (the learned model's checks,
    ``crisis_ahead``): each asked anew read and typo-matched the whole message again. The readings of the last four
    messages stay in memory until newer ones push them out (never written anywhere, never logged)."""
    rules = _rules()
    words = [part for word in fold(text).split() for part in rules.spelling.get(word, word).split()]
    return _Matches(rules, words), detect_language(words, text)


def warm_up(kb: KnowledgeBase | None = None, cache_dir: Path | None = None) -> None:
    """Train the learned model now (at start), not on someone's first message."""
    model(_rules_level, kb, cache_dir)


def _rules_level(text: str) -> str:
    return by_rules(text, detect_language(fold(text).split(), text)).urgency.value


def by_rules(text: str, lang: str = "da") -> Triage:
    """Score one message by the rules alone; see the module docstring for how.

    A wish to die or to hurt oneself said negated ("I don't want to kill myself", "jeg vil ikke dø"; ``negated_by`` in
    the rules file) is read twice: with its words and without. When only the reading with them is an emergency, the
    message is urgent with MAYBE_IN_DANGER: the chat asks whether the person is in danger now (with 112 and the crisis
    line on a line each) instead of opening a case at once for words that said the opposite. A home at stake said
    beside it keeps its own urgent reading; a wish said beside it, not negated, its emergency."""
    rules = _rules()
    if not rules.negated_by or not _any_sign(text, _negations(rules), masked=True):
        return _score(text, lang, rules)
    plain = _score(text, lang, _negated_rules())
    if plain.urgency is not Urgency.NONE:
        return plain
    found = _score(text, lang, rules)
    if found.urgency is not Urgency.EMERGENCY:
        return found
    return Triage(Urgency.URGENT, (MAYBE_IN_DANGER,))


def _score(text: str, lang: str, rules: _Rules) -> Triage:
    kind = "letter" if len(text.split()) > MODEL_MAX_WORDS else "short"
    text = without_greeting(text)
    # Where each sentence starts in the word list: a rule's concepts must meet within a few sentences, so
    # "vold" in a letter's background and "jeg" three sentences on do not make an emergency.
    reading = _read(sentences(text), rules)
    words, starts = reading.words, reading.starts
    matches = _Matches(rules, words)
    found: dict[str, frozenset[int]] = {}

    def ends(concept: str) -> list[int]:
        """Where ``concept``'s phrases end (one past their last word), where it is said (not masked)."""
        return _concept_ends(rules, matches, lang, concept, hits(concept))

    def hits(concept: str) -> frozenset[int]:
        if concept not in found:
            found[concept] = _concept_starts(rules, matches, lang, concept)
            if concept in rules.clause_first:
                found[concept] = frozenset(at for at in found[concept] if _opens_clause(reading, at))
            if concept in (CONDITION, SAFE_FOR_NOW):
                found[concept] = _gated(rules, reading, concept, found[concept], hits)
            elif concept in rules.stay_kept_by:
                found[concept] = _stay_gated(rules.stay_kept_by[concept], reading, found[concept], hits)
        return found[concept]

    over = _told_over(rules, reading, lang, hits, ends)
    windows = {size: _windows(starts, len(words), size)
               for size in {rules.window, *(r.window for r in rules.rules if r.window)}}
    scores = {Urgency.URGENT: 0.0, Urgency.EMERGENCY: 0.0}
    reasons: list[str] = []
    for rule in rules.rules:
        if rule.only and rule.only != kind:
            continue
        together = _told_together(rule) if kind == "letter" else ()
        if any(_holds(rule, hits, lo, hi, starts, rules.anywhere, ends, over, together)
               for lo, hi in windows[rule.window or rules.window]):
            scores[rule.level] += rule.weight
            if rule.reason not in reasons:
                reasons.append(rule.reason)
    # Read only for an information question (most messages are none): the writer speaking of themselves undoes it.
    if (hits("info_question") and not hits("speaker") and not _subject_left_out(rules, words, starts)
            and not (hits("someone") and hits("tonight_strict"))):
        scores[Urgency.URGENT] *= rules.info_damping
        reasons = [r for r in reasons if r == "under_18" or _level_of(rules, r) is Urgency.EMERGENCY]
    if scores[Urgency.EMERGENCY] >= rules.threshold:
        return Triage(Urgency.EMERGENCY, tuple(reasons))
    if scores[Urgency.URGENT] + scores[Urgency.EMERGENCY] >= rules.threshold and not (
            hits("season_general") and _heading_only(text)):
        # "Sleeping rough in winter", "At sove ude om vinteren": a page's heading about a season in general, not
        # someone in it ("sleeping rough tonight" and "sleeping outside, help" name the writer's own night).
        return Triage(Urgency.URGENT, tuple(reasons))
    return Triage(Urgency.NONE, ())


def _gated(rules: _Rules, reading: _Reading, concept: str, positions: frozenset[int],
           hits: Callable[[str], frozenset[int]]) -> frozenset[int]:
    """Where a condition or a safe place for now counts. A condition (``condition``) only where its sentence names no
    deadline within days, nothing of now and no violence (``condition_kept_by``: "if I don't pay by Friday they'll
    throw me out" is a threat with a date), whose own clause and what follows in its sentence name no recent days
    (``condition_kept_by_clause``: "we fight a lot lately and I keep thinking if we broke up ..." is still a
    possibility), and no word after it tells the threat carried out ("... and he did"). A safe
    place for now (``safe_for_now``) only where no deadline, stay of days or end of the stay is said in its sentence or
    after it (``safe_place_ends_by``: "I can stay at my friend's, but only tonight", "she said I have to leave by the
    weekend")."""
    if not positions:
        return positions
    starts = reading.starts

    def sentence_start(at: int) -> int:
        return starts[bisect.bisect_right(starts, at) - 1] if starts else 0

    if concept == CONDITION:
        bounds = [*starts, 1 << 30]
        done = hits("threat_carried_out")

        def kept(at: int) -> bool:
            k = bisect.bisect_right(starts, at) - 1
            lo, hi = (bounds[k], bounds[k + 1]) if k >= 0 else (0, bounds[0])
            clause = max(lo, reading.clauses[bisect.bisect_right(reading.clauses, at) - 1] if reading.clauses else lo)
            return (any(lo <= p < hi for c in rules.condition_kept_by for p in hits(c))
                    or any(clause <= p < hi for c in rules.condition_kept_by_clause for p in hits(c))
                    or any(p > at for p in done))

        return frozenset(at for at in positions if not kept(at))
    ends = [p for c in rules.safe_place_ends_by for p in hits(c)]
    bounds = [*starts, 1 << 30]

    def ends_soon(at: int) -> bool:
        # From the safe place's own clause on ("I was thrown out at the weekend, but my aunt says I can stay": that
        # weekend is the throwing out's), to the end of the next sentence.
        # A throwing out in the safe place's own clause is the crisis it follows ("my aunt took me in after I got
        # kicked out"), not its end ("she took me in, but now she has kicked me out").
        k = max(0, bisect.bisect_right(starts, at) - 1)
        c = bisect.bisect_right(reading.clauses, at) - 1
        clause = max(sentence_start(at), reading.clauses[c] if c >= 0 else 0)
        clause_end = reading.clauses[c + 1] if 0 <= c + 1 < len(reading.clauses) else 1 << 30
        crisis = {p for p in hits("thrown_out") if clause <= p < clause_end}
        return any(clause <= p < bounds[min(k + rules.safe_place_ends_within, len(starts))]
                   for p in ends if p not in crisis)

    return frozenset(at for at in positions if not ends_soon(at))


def _stay_gated(kept_by: tuple[str, ...], reading: _Reading, positions: frozenset[int],
                hits: Callable[[str], frozenset[int]]) -> frozenset[int]:
    """stay30: where a home waiting or a trip counts: where none of ``kept_by`` is said in its sentence, the one before
    or the one after. "On my mate's sofa until my new flat is ready" has a home; "... but he says I can't stay any
    more", "my new flat fell through", "I've been on sofas for months", "... got kicked out" do not."""
    if not positions:
        return positions
    starts = reading.starts
    bounds = [*starts, 1 << 30]
    said = [p for c in kept_by for p in hits(c)]

    def kept(at: int) -> bool:
        k = max(0, bisect.bisect_right(starts, at) - 1)
        lo, hi = bounds[max(0, k - 1)] if starts else 0, bounds[min(k + 2, len(starts))]
        return any(lo <= p < hi for p in said)

    return frozenset(at for at in positions if not kept(at))


def _possible_sentences(rules: _Rules, reading: _Reading, hits: Callable[[str], frozenset[int]]) -> set[int]:
    """The sentences of a letter that say a crisis as a possibility (a condition that counts, _gated): the learned
    model's signs there are no crisis now. (A safe place for now told the model's signs before it as over too: with the
    rules doing the same, one urgent synthetic held-out question and two urgent training examples lost their flag in
    benchmarks/triage.py; only the rules do it.)"""
    def sentence_of(at: int) -> int:
        return bisect.bisect_right(reading.starts, at) - 1

    possible = {sentence_of(at) for at in _gated(rules, reading, CONDITION, hits(CONDITION), hits)}
    # The sentence after a possibility that names only a lack of a place, and nothing of now: its consequence ("She's
    # scared they'll kick her out. She has nowhere to go.").
    framed = possible | {sentence_of(at) for at in hits("hypothetical")}
    follows = {k + 1 for k in framed if k + 1 < len(reading.starts)
               and _only_a_lack(rules, k + 1, sentence_of, hits)}
    return possible | follows


def _possible_only(text: str) -> bool:
    """Whether a short message says a condition that counts (_gated: no deadline within days, nothing of now, no
    violence in its sentence): what it names may come, it has not come."""
    rules = _rules()
    reading = _read(sentences(text) or [text], rules)
    matches = _Matches(rules, reading.words)
    lang = detect_language(reading.words, text)

    def hits(concept: str) -> frozenset[int]:
        return _concept_starts(rules, matches, lang, concept)

    return bool(_gated(rules, reading, CONDITION, hits(CONDITION), hits))


def _only_a_lack(rules: _Rules, k: int, sentence_of: Callable[[int], int],
                 hits: Callable[[str], frozenset[int]]) -> bool:
    """Whether sentence ``k`` names a lack of a place (``possible_follows``), no other crisis sign and nothing of now
    (``possible_follows_kept_by``)."""
    def said(concepts: tuple[str, ...]) -> bool:
        return any(sentence_of(at) == k for c in concepts for at in hits(c))

    others = tuple(c for c in rules.signs if c not in rules.possible_follows)
    return said(rules.possible_follows) and not said(others) and not said(rules.possible_follows_kept_by)


def _opens_clause(reading: _Reading, at: int) -> bool:
    """Whether the word at ``at`` opens a clause, or follows the "og", "and", "men", "but" that opens one ("og blev sat
    ud i dag"): a verb there has no subject before it ("got evicted today"; not "my neighbour got evicted")."""
    k = bisect.bisect_left(reading.clauses, at)
    if k < len(reading.clauses) and reading.clauses[k] == at:
        return True
    return at - 1 in reading.clauses[max(0, k - 1) : k] and reading.words[at - 1] in CLAUSE_WORDS


def _subject_left_out(rules: _Rules, words: list[str], starts: list[int]) -> bool:
    """A sentence opens with a verb of the writer's own situation and no subject follows ("bor på gaden pt",
    ``verb_first`` and ``subject_after`` in the rules file): Danish texting leaves out the "jeg"."""
    verbs = {p[0] for p in rules.concepts.get("verb_first", ())}
    subjects = {p[0] for p in rules.concepts.get("subject_after", ())}
    return any(at + 1 < len(words) and words[at] in verbs and words[at + 1] not in subjects for at in starts)


def _windows(starts: list[int], end: int, size: int) -> list[tuple[int, int]]:
    """Word ranges of ``size`` neighbouring sentences (the whole message when it has no more)."""
    if len(starts) <= size:
        return [(0, end)]
    bounds = [*starts, end]
    return [(bounds[i], bounds[min(i + size, len(starts))]) for i in range(len(starts) - size + 1)]


# Concepts that say who or when, or how the writer feels about it, not what happens: in a letter they may stand in the
# sentence next to the crisis ("I am 16. My dad hits me", "He hit me again. I am scared", "Tonight ... I have nowhere to
# sleep"); see _told_together.
WHO_OR_WHEN = frozenset({"self", "group_self", "anyone", "minor", "minor_me", "soon", "recent", "tonight",
                         "tonight_strict", "evicted_when", "afraid", "despair", "afraid_of_them"})


def _told_together(rule: _Rule) -> tuple[str, ...]:
    """The concepts of ``rule`` that must be said in one sentence of a letter: what happens, not who, when or how the
    writer feels. A letter tells one thing a sentence, so a crisis is said in one ("I have nowhere to sleep", "I've been
    on her sofa, but she says I can't stay any more"); in two sentences next to each other the same words are often two
    things ("nothing else in my trade has turned up. I would like to go to Aarhus": a job hunt and a wish). A short
    message keeps its window: "har ingen steder. skal sove ude" is one crisis typed in two lines. Only when the rule
    names two or more of them. Measured (December 2026, benchmarks/real_messages.py): no development letter changes
    level, cross-validated or not."""
    what = tuple(c for c in rule.need if c not in WHO_OR_WHEN)
    return what if len(what) > 1 else ()


def _said_together(concepts: tuple[str, ...], hits: Callable[[str], frozenset[int]], bounds: list[int]) -> bool:
    """Whether every one of ``concepts`` is said between two neighbouring ``bounds`` (in one sentence)."""
    return any(all(any(a <= at < b for at in hits(c)) for c in concepts) for a, b in itertools.pairwise(bounds))


def _holds(rule: _Rule, hits: Callable[[str], frozenset[int]], lo: int, hi: int, starts: list[int],
           anywhere: frozenset[str] = frozenset(), ends: Callable[[str], list[int]] | None = None,
           over: Callable[[list[int]], bool] | None = None, together: tuple[str, ...] = ()) -> bool:
    """All of the rule's concepts meet in the window (those in ``anywhere``: anywhere in the message), and none of
    its exceptions is said in the sentences they are in: "What if they kick me out?" is hypothetical, but a "what
    if" one sentence before "Dad kicked me out last night" does not take the night back."""
    if not all(hits(c) for c in rule.need if c in anywhere):
        return False
    near = [c for c in rule.need if c not in anywhere] or list(rule.need)
    found = [[at for at in hits(c) if lo <= at < hi] for c in near]
    if not all(found):
        return False
    if together and not _said_together(together, hits, [lo, *[st for st in starts if lo < st < hi], hi]):
        return False
    if over is not None and over([at for at in hits(rule.need[0]) if lo <= at < hi]):
        # Told in the past tense as over ("Back then I slept in my car", "I sofa-surfed ... It feels like home").
        return False
    if not rule.unless and not rule.after:
        return True
    first, last = min(min(f) for f in found), max(max(f) for f in found)
    span_lo = max((st for st in starts if st <= first), default=lo)
    span_hi = min((st for st in starts if st > last), default=hi)
    tonight = any(span_lo <= at < span_hi for at in hits("tonight_strict"))
    # A worry months ahead, or of ending up on the street, does not take back a night said in the same sentences ("my
    # dad threw me out tonight, within a few months I turn 18").
    # A hypothetical frames a crisis said after it or with it ("can my landlord kick me out?", "he'll kick me out if
    # ..."); one asked after a crisis told as done does not take it back ("my landlord kicked me out tonight, can my
    # landlord do that?").
    said = min([at for at in hits(rule.need[0]) if lo <= at < hi] or [first])
    if any(span_lo <= at < span_hi and not (c in FRAMING and at > said)
           for c in rule.unless if c != CONDITION and not (c in WORRIES and tonight) for at in hits(c)):
        return False
    if CONDITION in rule.unless and _said_as_possible(rule, hits, lo, hi, starts):
        return False
    # A home not found "yet" after a move months ahead told in the sentence before ("Hun vil flytte efter sommerferien.
    # Hun har ikke noget sted at bo endnu"): the time ahead frames it though it is said a sentence away. Only where the
    # rule's crisis is a home lacking (not "sover på gaden", "kicked out") and "yet" is said in its sentences.
    before = max((st for st in starts if st < span_lo), default=span_lo)
    if (rule.need[0] in NOT_FOUND_YET and "later" in rule.unless and not tonight
            and any(span_lo <= at < span_hi for at in hits("not_yet"))
            and any(before <= at < span_hi for at in hits("later"))):
        return False
    # Said after the crisis (its first concept, the crisis itself: "kicked out", "no place"), in its sentence or later
    # ones, or around it ("jeg har fundet et sted at sove i nat"); not before it: "I was back home. Tonight dad kicked
    # me out", "my son is back home, but his dad will kick him out tonight".
    crisis = max([at for at in hits(rule.need[0]) if lo <= at < hi] or [first])
    said_ends = ends or (lambda c: [at + 1 for at in hits(c)])
    if SAFE_FOR_NOW in rule.after and _housed_in_sentence(hits, crisis, starts):
        return False
    return not any(end > crisis for c in rule.after for end in said_ends(c))


def _housed_in_sentence(hits: Callable[[str], frozenset[int]], crisis: int, starts: list[int]) -> bool:
    """A safe place for now that counts (_gated) said in the crisis's own sentence, before it too: "my aunt took me in
    after I got kicked out" has a bed as much as "I got kicked out, but my aunt took me in"."""
    k = bisect.bisect_right(starts, crisis) - 1
    lo, hi = (starts[k], starts[k + 1] if k + 1 < len(starts) else 1 << 30) if k >= 0 else (0, 1 << 30)
    return any(lo <= at < hi for at in hits(SAFE_FOR_NOW))


def _said_as_possible(rule: _Rule, hits: Callable[[str], frozenset[int]], lo: int, hi: int, starts: list[int]) -> bool:
    """Whether every time the rule's crisis is said in the window (its first concept that says what happens, not who or
    when: "kicked out", not "I'm 17"), a condition that counts (_gated) is said before it in its sentence: "if I came
    out to them I'd probably get kicked out". A condition in another sentence, or after the crisis ("my dad kicked me
    out and if I don't find a place ..."), does not make it a possibility."""
    what = next((c for c in rule.need if c not in WHO_OR_WHEN), rule.need[0])
    said = [at for at in hits(what) if lo <= at < hi]
    conditions = hits(CONDITION)
    if not said or not conditions:
        return False

    def sentence_start(at: int) -> int:
        return starts[bisect.bisect_right(starts, at) - 1] if starts else 0

    return all(any(sentence_start(at) <= c <= at for c in conditions) for at in said)


# Crises that are a home lacking, which "yet" and a move ahead tell as the move's (``not_yet``, _holds).
NOT_FOUND_YET = frozenset({"nowhere", "nowhere_not", "nowhere_word", "their_nowhere", "homeless_now", "place_lacking",
                           "home_not_had"})
# Exceptions that tell of a worry about the future: not said beside tonight.
WORRIES = ("later", "ends_up")
# Exceptions that frame what follows them (a condition, a question of what may be done or what follows from telling
# it): not said after the crisis.
FRAMING = ("hypothetical", "suicide_asked", CONDITION)


def _level_of(rules: _Rules, reason: str) -> Urgency:
    return next(r.level for r in rules.rules if r.reason == reason)
