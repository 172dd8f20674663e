"""The index never changes, and neither may its memory: the words people ask about are kept only up to a bound."""

from __future__ import annotations

import pytest

from knowledge.index import Index, SearchResult
from knowledge.loader import KnowledgeBase


def _same_answer(found: SearchResult, expected: SearchResult) -> None:
    """The same topics, choices and scores; floats to the last bits, which vary with the order sums are taken in."""
    assert (found.topic, found.suggestions, found.lang, found.municipality, found.faq) == (
        expected.topic, expected.suggestions, expected.lang, expected.municipality, expected.faq)
    for name in ("confidence", "faq_match", "named", "unexplained"):
        assert getattr(found, name) == pytest.approx(getattr(expected, name), rel=1e-9, abs=1e-12), name
    for name in ("scores", "features"):
        assert dict(getattr(found, name)) == pytest.approx(dict(getattr(expected, name)), rel=1e-9, abs=1e-12), name


def test_the_word_cache_stays_bounded_however_many_new_words_people_ask(knowledge: tuple[KnowledgeBase, Index]) -> None:
    kb, shared = knowledge
    index = Index(kb, words_cached=500, learned=shared.learned)  # the same learned scorer orders the choices
    question = "hvordan søger jeg boligstøtte"
    _same_answer(index.search(question), shared.search(question))
    for n in range(600):
        index.search(f"qzx{n}vw wyk{n}pj")  # words no one has written before, two per question
    assert index.words_cached() == 500
    # Forgetting the analysis of a word changes nothing: it is analysed again when asked.
    _same_answer(index.search(question), shared.search(question))
