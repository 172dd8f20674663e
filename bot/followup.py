"""Follow-up questions: "Hvad koster det?" right after an answer about kollegier is a question about kollegier.

A short message that refers back ("det", "der", "it", "that", "hvad med ...") and does not name a subject of its
own is searched together with the title of the topic shown just before; if that topic is among the best
matches, it is the answer. A message that names its own subject ("hvad er boligstøtte?") is a new question.
"""

from __future__ import annotations

from dataclasses import replace

from bot.reading import Reading
from knowledge.index import Index, SearchResult
from knowledge.lexicon import Lang
from knowledge.loader import KnowledgeBase
from knowledge.normalise import fold

# Longer than this, a message says enough to stand alone.
MAX_WORDS = 10
# A message this short is read as a follow-up even without a word that refers back ("og i Aarhus?").
BARE_WORDS = 4
# Share of a question's evidence that must name a topic's own subject for it to be a new question.
OWN_SUBJECT = 0.5
_REFERS_BACK = frozenset(fold(w) for w in (
    "det", "den", "dem", "der", "deri", "dertil", "derhen", "dét", "også", "så", "sådan", "samme", "it", "that",
    "this", "they", "them", "there", "those", "these", "also", "same"))
_REFERS_BACK_PHRASES = tuple(tuple(fold(p).split()) for p in (
    "hvad med", "og hvis", "hvad så", "hvad hvis", "what about", "and if", "how about", "what if"))


def refers_back(words: list[str]) -> bool:
    """Does a short message point back at something said before?"""
    if any(w in _REFERS_BACK for w in words):
        return True
    return any(tuple(words[i : i + len(p)]) == p for p in _REFERS_BACK_PHRASES for i in range(len(words)))


def follow_up_search(kb: KnowledgeBase, index: Index, reading: Reading, found: SearchResult, previous: str,
                     threshold: float, lang: Lang | None) -> SearchResult | None:
    """The search result for ``reading`` read as a follow-up to ``previous``, or None if it is a new question."""
    words = fold(reading.body).split()
    if reading.long or not words or len(words) > MAX_WORDS:
        return None
    lang = lang or found.lang
    pointed = refers_back(words)
    if not (pointed or len(words) <= BARE_WORDS):
        return None
    sure_elsewhere = found.confidence >= threshold and found.features.get("focus", 0.0) >= OWN_SUBJECT
    if found.topic == previous:
        # "where can I sleep?" just after the safety information on where to sleep tonight: alone a close call
        # between the night's topics, after it the same topic, and sure of it.
        return replace(found, confidence=threshold) if found.confidence < threshold else None
    # The message alone, within the topic just shown: the title's words (below) can drown its own.
    asked, match = index.question_in(previous, reading.body, lang)
    if pointed and asked is not None:
        # "hvad med penge?" after the topic on being thrown out is its question about having no money, though
        # alone the message is sure of the money topics.
        return replace(found, topic=previous, confidence=max(found.confidence, threshold), faq=asked,
                       faq_match=match, suggestions=(previous, *(t for t in found.suggestions if t != previous))[:3])
    if sure_elsewhere:
        return None  # "hvad er boligstøtte?" after the halls of residence: a new question
    title = kb.topics[previous].title.get(lang)
    together = index.search(f"{reading.body} {title}", lang=lang)
    if previous not in together.suggestions:
        return None
    # A specific answer (faq) found together with the title belongs to the previous topic only if it won there.
    faq, match = (together.faq, together.faq_match) if together.topic == previous else (asked, match)
    others = tuple(t for t in together.suggestions if t != previous)
    return replace(together, topic=previous, confidence=max(together.confidence, threshold), faq=faq,
                   faq_match=match, suggestions=(previous, *others[:2]),
                   municipality=found.municipality or together.municipality)
