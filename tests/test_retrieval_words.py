"""Everyday words for feelings and violence (knowledge/lexicon/synonyms.yaml) and the rule that a word the lexicon
knows is read as the lexicon says, not corrected towards a knowledge-base word (knowledge/index.py
_query_analysis): "hopeless" is not "homeless", "græder" is not "gælder", "sparket ud" is not "sparet".

The sentences are the team's own, none near a real message of tests/data/real_messages*.tsv (checked below)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_messages import read_messages  # noqa: E402

WORDS = [
    ("min veninde græder hele tiden", "psykisk-sundhed"),
    ("min veninde tuder konstant", "psykisk-sundhed"),
    ("sorg over min morfar", "psykisk-sundhed"),
    ("he punched me twice yesterday", "vold-i-hjemmet"),
    ("he beats me when he's drunk", "vold-i-hjemmet"),
    ("my partner keeps slapping me", "vold-i-hjemmet"),
]
# A word and the stem of the knowledge-base word a typo fix made of it.
NOT_CORRECTED = [("hopeless", "homeless"), ("graeder", "gaeld"), ("fear", "far"), ("mourning", "morn"),
                 ("sorg", "soerg")]


@pytest.mark.parametrize(("text", "topic"), WORDS)
def test_everyday_words_for_feelings_and_violence_find_their_topic(knowledge, text: str, topic: str) -> None:
    _, index = knowledge
    found = index.search(text)
    assert found.topic == topic, (found.topic, found.suggestions)


@pytest.mark.parametrize(("word", "wrong"), NOT_CORRECTED)
def test_a_word_the_lexicon_knows_is_not_corrected_into_another(knowledge, word: str, wrong: str) -> None:
    _, index = knowledge
    # The terms a message's words are read as (typo fixes, compounds, the lexicon's words).
    terms = index._query_terms([word])
    assert wrong not in terms, terms


def test_a_feeling_said_is_not_unexplained(knowledge) -> None:
    _, index = knowledge
    assert index.search("he beats me when he's drunk").unexplained == 0.0


def test_the_sentences_are_our_own_not_near_copies_of_real_messages() -> None:
    real = [m.text for m in read_messages()]
    for own, _ in WORDS:
        close = max(max(fuzz.token_set_ratio(own, text), fuzz.partial_ratio(own, text)) for text in real)
        assert close < 80, own
