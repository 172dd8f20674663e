"""Danish and English words that stem alike but mean different things (knowledge/index.py: split_stems, _analyse).

Retrieval stems Danish words with the Danish stemmer and English words with the English one into one space of terms.
English "hurt" and Danish "hurtigt" (fast) both became "hurt", English "rent" and Danish "renter" (interest on a debt)
"rent", English "most" and Danish "moster" (an aunt) "most": "I got hurt at home" was answered with the housing-search
topic (find a place quickly), "where do most people live" with the couch-surfing topic (living at an aunt's), and a
Danish question about the interest on a loan with the topics on rent. Such a stem now carries its language.
scripts/stem_collisions.py lists every such stem.

The sentences are the team's own, none near a real message of tests/data/real_messages*.tsv (checked below)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_messages import read_messages  # noqa: E402

from knowledge.normalise import fold  # noqa: E402

# An English question with "hurt" is about being hurt (violence, self-harm), not about finding a place fast.
HURT = ["I got hurt by my brother yesterday evening", "my brother hurts me when our parents are out"]
HURT_TOPICS = {"vold-i-hjemmet", "selvmordstanker"}
# A Danish question about interest ("renter") is about the loan, not about rent ("husleje").
INTEREST = ["kommer der renter på", "hvad med renterne", "hvor høje er renterne"]
LOAN_TOPICS = {"indskudslaan", "su", "gaeld"}
RENT_TOPICS = {"huslejenaevn", "huslejerestance", "vaerelse-til-leje"}
# "most" is not "moster" (aunt): nothing about living at a relative's.
MOST = ["what do most people my age pay each month", "where do most young adults live"]
# Danish "hurtigt" (fast) is not English "hurt": nothing about self-harm.
QUICKLY = "jeg skal hurtigt videre herfra"
RENTER = "renting here and my landlord asks more rent from me"
WAITING_LIST = "kan det gå hurtigere med ventelisten"


@pytest.mark.parametrize("text", HURT)
def test_hurt_in_english_is_about_being_hurt_not_about_quickly(knowledge, text: str) -> None:
    _, index = knowledge
    found = index.search(text)
    # The words' own best topic (SearchResult.scores are the words'; the learned scorer has a share in the best topic).
    words_best = min(found.scores, key=lambda t: (-found.scores[t], t))
    assert words_best in HURT_TOPICS, (words_best, found.topic, found.suggestions)


@pytest.mark.parametrize("text", INTEREST)
def test_interest_on_a_loan_in_danish_is_not_rent(knowledge, text: str) -> None:
    _, index = knowledge
    found = index.search(text)
    assert found.topic in LOAN_TOPICS, (found.topic, found.suggestions)


@pytest.mark.parametrize("text", MOST)
def test_most_in_english_is_not_an_aunt(knowledge, text: str) -> None:
    _, index = knowledge
    found = index.search(text)
    assert "sofasurfer" not in found.suggestions, found.suggestions


def test_quickly_in_danish_is_not_hurting_oneself(knowledge) -> None:
    _, index = knowledge
    found = index.search(QUICKLY)
    assert "selvmordstanker" not in found.suggestions, found.suggestions


def test_english_rent_and_danish_interest_share_no_term(knowledge) -> None:
    _, index = knowledge
    english = set(index._query_terms(fold("the rent").split(), "en", sure=True))
    danish = set(index._query_terms(fold("renterne").split(), "da", sure=True))
    assert english and danish and not english & danish, (english, danish)


def test_a_clear_english_question_reads_a_word_in_english(knowledge) -> None:
    # "renter" is written only in the Danish texts (interest); in a clearly English question it is a tenant.
    _, index = knowledge
    found = index.search(RENTER)
    assert found.topic in RENT_TOPICS | {"lejekontrakt"}, (found.topic, found.suggestions)
    assert not LOAN_TOPICS & set(found.suggestions[:1])


def test_a_short_english_word_read_as_danish_keeps_its_english_meaning(knowledge) -> None:
    # A one-word message has no function words, so it is read as Danish (the default); "rent" is still rent.
    _, index = knowledge
    found = index.search("rent")
    assert found.topic in RENT_TOPICS, (found.topic, found.suggestions)


def test_the_same_word_in_both_languages_still_meets(knowledge) -> None:
    # Danish questions still find their Danish words: "hurtigere" finds the topic that says how to get a home faster.
    _, index = knowledge
    assert index.search(WAITING_LIST).topic == "boligsoegning"


def test_false_friends_are_kept_apart_and_cognates_together(knowledge) -> None:
    # Found from the knowledge base itself: Danish and English words used in different topics are kept apart, words of
    # one meaning ("familie" and "family", "liste" and "list") still meet, so a mixed question finds both.
    _, index = knowledge
    english = set(index._query_terms(["family", "list"], "en", sure=True))
    danish = set(index._query_terms(["familie", "liste"], "da", sure=True))
    assert english == danish, (english, danish)
    assert not set(index._query_terms(["most"], "en", sure=True)) & set(index._query_terms(["moster"], "da", sure=True))


def test_the_sentences_are_our_own_not_near_copies_of_real_messages() -> None:
    real = [m.text for m in read_messages()]
    # (The one-word "rent" is left out: a single word is part of many messages.)
    own = [*HURT, *INTEREST, *MOST, QUICKLY, RENTER, WAITING_LIST]
    for text in own:
        close = max(max(fuzz.token_set_ratio(text, r), fuzz.partial_ratio(text, r)) for r in real)
        assert close < 80, text
