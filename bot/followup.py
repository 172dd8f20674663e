"""Follow-up questions: "Hvad koster det?" right after an answer about kollegier is a question about kollegier.

A short message that refers back ("det", "der", "it", "that", "hvad med ...") and does not name a subject of its
own is searched together with the title of the topic shown just before; if that topic is among the best
matches, it is the answer. A message that names its own subject ("hvad er boligstøtte?") is a new question.

Pronouns for people follow two rules of how people refer back:
- "they" and "dem" point back only when the message does not name whom it is about itself: in "I live with my
  parents and they control everything" they are the parents, and the message stands alone.
- In a follow-up, the people's pronouns ("vores", "os", "our", "them") name no question of the topic: "hvad med
  vores ting?" after being thrown out asks about the things, not about the question that says "os" (with a child).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

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
# Pronouns for people (and their possessives): who a follow-up is about, already said, never what it asks.
_PEOPLE = frozenset(fold(w) for w in (
    "jeg", "mig", "min", "mit", "mine", "vi", "os", "vores", "du", "dig", "din", "dit", "dine", "jer", "jeres",
    "han", "ham", "hans", "hun", "hende", "hendes", "de", "dem", "deres", "sin", "sit", "sine",
    "i", "me", "my", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she", "her", "hers", "they",
    "them", "their", "theirs"))
# Of the words that refer back, those that stand for people: they point at someone the message may name itself.
_PERSONS_BACK = frozenset(fold(w) for w in ("dem", "they", "them"))
# Possessives that open a name of someone ("min far", "my parents", "vores udlejer"): said before "they", the
# message names whom "they" are.
_POSSESSIVES = frozenset(fold(w) for w in (
    "min", "mit", "mine", "vores", "din", "dit", "dine", "jeres", "hans", "hendes", "deres", "sin", "sit", "sine",
    "my", "our", "your", "his", "her", "their"))
# Said first, these carry on from what came before ("og hvor lang er ventetiden?", "but what if I'm 17"): a message
# of five words or more that opens with one was read alone and got "not sure".
_CARRIES_ON = frozenset(("og", "men", "and", "but"))
# Words a follow-up's question is read without within the topic just shown: who it is about and what it points
# back at. "sådan" or "those" names no question, yet rare in the knowledge base they outweighed the words that do:
# "hvad koster sådan en så" after the halls of residence got their detail, not the answer on the rent.
_NAMES_NO_QUESTION = _PEOPLE | _REFERS_BACK
_REFERS_BACK_PHRASES = tuple(tuple(fold(p).split()) for p in (
    "hvad med", "og hvis", "hvad så", "hvad hvis", "what about", "and if", "how about", "what if"))


def refers_back(words: list[str]) -> bool:
    """Does a short message point back at something said before?"""
    if words and words[0] in _CARRIES_ON:
        return True
    if any(w in _REFERS_BACK and not (w in _PERSONS_BACK and _names_someone(words[:i])) for i, w in enumerate(words)):
        return True
    return any(tuple(words[i : i + len(p)]) == p for p in _REFERS_BACK_PHRASES for i in range(len(words)))


def _names_someone(words: list[str]) -> bool:
    """Do ``words`` name someone a later "they" can stand for: a possessive and a word after it ("my parents",
    "mine forældre")?"""
    return any(w in _POSSESSIVES and after not in _PEOPLE for w, after in pairwise(words))


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
        if found.faq is None and pointed:
            # "and u gotta be a student for it?" after the halls of residence: alone a close call (halls or SU) and
            # no specific answer. The topic's general answer was just shown, so the words ask which of its specific
            # questions, and only those compete ("student" is in the general phrasings too; ans30).
            asked, match = index.question_in(previous, reading.body, lang, drop=_NAMES_NO_QUESTION, general=False)
            if asked is not None:
                return replace(found, confidence=max(found.confidence, threshold), faq=asked, faq_match=match)
        if found.faq is not None and pointed and any(w in _PEOPLE for w in words):
            # "hvad med vores ting?": the topic's question that says "os" (thrown out with a child) was found by the
            # "vores" alone; the follow-up's own words choose its question, or none (the topic itself).
            asked, match = index.question_in(previous, reading.body, lang, drop=_NAMES_NO_QUESTION)
            if asked != found.faq:
                return replace(found, confidence=max(found.confidence, threshold), faq=asked, faq_match=match)
        return replace(found, confidence=threshold) if found.confidence < threshold else None
    # The message alone, within the topic just shown: the title's words (below) can drown its own.
    asked, match = index.question_in(previous, reading.body, lang, drop=_NAMES_NO_QUESTION)
    if pointed and asked is not None:
        # "hvad med penge?" after the topic on being thrown out is its question about having no money, though
        # alone the message is sure of the money topics.
        return replace(found, topic=previous, confidence=max(found.confidence, threshold), faq=asked,
                       faq_match=match, suggestions=(previous, *(t for t in found.suggestions if t != previous))[:3])
    if sure_elsewhere:
        return None  # "hvad er boligstøtte?" after the halls of residence: a new question
    title = kb.topics[previous].title.get(lang)
    # Its own words only: "vores" beside the title found the question that says "os" (thrown out with a child).
    own = " ".join(w for w in words if w not in _PEOPLE)
    together = index.search(f"{own} {title}", lang=lang)
    if previous not in together.suggestions:
        return None
    # A specific answer (faq) found together with the title belongs to the previous topic only if it won there.
    faq, match = (together.faq, together.faq_match) if together.topic == previous else (asked, match)
    others = tuple(t for t in together.suggestions if t != previous)
    return replace(together, topic=previous, confidence=max(together.confidence, threshold), faq=faq,
                   faq_match=match, suggestions=(previous, *others[:2]),
                   municipality=found.municipality or together.municipality)
