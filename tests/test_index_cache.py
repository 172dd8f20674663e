"""The index never changes, and neither may its memory: the words people ask about are kept only up to a bound."""

from __future__ import annotations

from knowledge.index import Index
from knowledge.loader import KnowledgeBase


def test_the_word_cache_stays_bounded_however_many_new_words_people_ask(knowledge: tuple[KnowledgeBase, Index]) -> None:
    kb, shared = knowledge
    index = Index(kb, words_cached=500, learned=shared.learned)  # the same learned scorer orders the choices
    question = "hvordan søger jeg boligstøtte"
    assert index.search(question) == shared.search(question)
    for n in range(600):
        index.search(f"qzx{n}vw wyk{n}pj")  # words no one has written before, two per question
    assert index.words_cached() == 500
    # Forgetting the analysis of a word changes nothing: it is analysed again when asked.
    assert index.search(question) == shared.search(question)
