"""A word spelt the same in Danish and English is read in the message's language (knowledge/lexicon/homographs.yaml,
Index._language_split), and the Danish ending "-hed" is no compound part (knowledge/index.py, NOT_A_PART).

English "bad" was read as the Danish "bad", a shower: "things are bad at home" was offered the topic on somewhere to
sleep or get warm (its questions on where to shower) and shared housing ("deler køkken og bad") first. Now English
"bad" names no topic on its own (it stays in "bad credit", the debt topic), and Danish "gå i bad" still finds the
shower places. "hjemløshed" was split into "hjemløs" and "hed", a term of its own.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py)."""

from __future__ import annotations

import pytest

from tests.corpus import our_own

SHOWER_TOPICS = {"natvarmestue", "delebolig"}
ENGLISH_BAD = [
    "it is really bad between me and my stepdad and we argue all the time",
    "i always had a bad feeling about the flat but signed the lease anyway",
]
DANISH_BAD = "hvor kan en ung uden fast adresse gå i bad efter at have trænet i parken"
BAD_CREDIT = "can a landlord refuse me a flat because i have bad credit"
HOMELESSNESS = [
    "hvad gør kommunen for at forebygge hjemløshed blandt unge i aarhus",
    "er ungdomshjemløshed blevet større de sidste år i danmark",
]
HOMELESSNESS_TOPICS = {"hjem-til-alle", "housing-first", "hjemloes-akut", "herberg", "skaev-bolig"}


@pytest.mark.parametrize("text", ENGLISH_BAD)
def test_english_bad_is_not_a_shower(knowledge, text: str) -> None:
    _, index = knowledge
    # Its words weigh the topics as they do without "bad" (it pulled to the shower places and shared housing).
    without = text.replace(" bad ", " ")
    scores, plain = index.search(text, lang="en").scores, index.search(without, lang="en").scores
    # (Which topics are listed follows the learned scorer's choices, which read the letters too.)
    assert all(scores[t] == plain[t] for t in scores.keys() & plain.keys()), (scores, plain)
    for topic in SHOWER_TOPICS:
        assert scores.get(topic, 0.0) <= plain.get(topic, 1.0)
    assert index._query_terms(["bad"], "en") == []


def test_danish_bad_is_still_a_shower(knowledge) -> None:
    _, index = knowledge
    assert index.search(DANISH_BAD, lang="da").topic == "natvarmestue"


def test_english_bad_credit_is_still_debt(knowledge) -> None:
    _, index = knowledge
    assert index.search(BAD_CREDIT, lang="en").topic == "gaeld"


def test_hjemloeshed_has_no_part_hed(knowledge) -> None:
    _, index = knowledge
    for word in ("hjemloeshed", "ungdomshjemloeshed"):
        assert "hed" not in index._split_compound(word, "da", fuzzy=True)
        assert "hed" not in index._query_terms([word], "da")


@pytest.mark.parametrize("text", HOMELESSNESS)
def test_homelessness_finds_the_homelessness_topics(knowledge, text: str) -> None:
    _, index = knowledge
    found = index.search(text, lang="da")
    assert found.topic in HOMELESSNESS_TOPICS, found.topic


test_the_messages_are_our_own = our_own(ENGLISH_BAD, DANISH_BAD, BAD_CREDIT, HOMELESSNESS)
