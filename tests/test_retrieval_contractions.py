"""How retrieval reads English contractions and English words that look like Danish compounds (knowledge/index.py,
knowledge/normalise.py joined_contractions).

- "can't afford" and "cant afford" are one phrase: folding made the first "can t afford", which never met the debt
  topic's keyword "cant afford" (nor "can't" in a phrasing the second).
- A question's English word in -ed or -ing is not read as a function word and the rest: "allowed" was "all" + "owed"
  (the debt topic's "owe"), "hunting" "hun" + "ting", "getting" "get" + "ting". (Other English words still split:
  "nowhere" is "now" + "here" and "deposit" "depo" + "sit"; refusing those cost development rows.)
"""

from __future__ import annotations

import re

import pytest

from knowledge.normalise import fold
from tests.corpus import our_own

# The contractions people type with and without the apostrophe, as written without it.
CONTRACTED = {"cant": "can't", "dont": "don't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
              "isnt": "isn't", "havent": "haven't", "couldnt": "couldn't", "im": "i'm", "ive": "i've"}
PLAIN = {with_apostrophe: plain for plain, with_apostrophe in CONTRACTED.items()}


def _forms(keyword: str) -> set[str]:
    """A keyword as a user may type it: plainly and, where it holds a contraction, with and without the apostrophe."""
    words = keyword.lower().split()
    plain = " ".join(PLAIN.get(w, w) for w in words)
    apostrophe = " ".join(CONTRACTED.get(w, w) for w in plain.split())
    return {keyword, plain, apostrophe}


def _keywords(knowledge) -> list[tuple[str, str, str]]:
    kb, _ = knowledge
    return [(tid, lang, keyword) for tid, topic in kb.topics.items() for lang in ("da", "en")
            for keyword in topic.keywords.get(lang)]


def test_every_keyword_typed_plainly_or_with_an_apostrophe_reaches_its_topic(knowledge) -> None:
    _, index = knowledge
    missed = []
    for tid, lang, keyword in _keywords(knowledge):
        # Words of two letters or fewer name nothing (index._phrases_of), nor do numbers: a phone line's "1813" is an
        # amount to the index (index._amount).
        if not [w for w in fold(keyword).split() if len(w) >= 2 and not w.isdigit()]:
            continue
        for typed in _forms(keyword):
            named = index._keywords_said(set(index.read(typed, lang)), tid)
            if not named:
                missed.append((tid, keyword, typed))
    assert not missed, missed


def test_the_contracted_keywords_are_among_those_checked(knowledge) -> None:
    keywords = {keyword for _, _, keyword in _keywords(knowledge)}
    assert "cant afford" in keywords
    assert _forms("cant afford") == {"cant afford", "can't afford"}


@pytest.mark.parametrize("plain", ["cant afford", "i cant pay my rent", "landlord wont give back my deposit",
                                   "im homeless in aarhus"])
def test_an_apostrophe_does_not_change_how_a_question_is_read(knowledge, plain: str) -> None:
    _, index = knowledge
    typed = " ".join(CONTRACTED.get(w, w) for w in plain.split())
    assert typed != plain
    assert index.read(typed) == index.read(plain)
    assert index.search(typed).topic == index.search(plain).topic


PETS = "am I allowed to have a cat in my flat"
# Own sentences; "mental health" alone is too short for the closeness check (any two words are near some message).
ENGLISH = [PETS, "is a landlord allowed to keep a dog out of a rented room", "went hunting for a cheap room all autumn",
           "getting my own lease signed was slow this autumn"]


def test_allowed_is_not_read_as_owed_and_a_pet_question_is_not_debt(knowledge) -> None:
    _, index = knowledge
    terms = index.read(PETS)
    assert not {"owe", "ow", "all"} & set(terms), terms
    found = index.search(PETS)
    assert found.topic != "gaeld", (found.topic, found.suggestions)
    assert "gaeld" not in found.suggestions[:1]


@pytest.mark.parametrize(("text", "parts"), [
    ("mental health", {"men", "tal"}),
    (ENGLISH[1], {"all", "owe", "ow"}),
    (ENGLISH[2], {"hun", "ting"}),
    (ENGLISH[3], {"ting"}),  # "get" is the stem of "getting" itself
])
def test_english_words_are_not_split_into_accidental_parts(knowledge, text: str, parts: set[str]) -> None:
    _, index = knowledge
    terms = index.read(text)
    assert not parts & set(terms), terms


@pytest.mark.parametrize(("text", "parts"), [
    ("can my flatmate move in without asking", {"flat", "mate"}),
    ("kan jeg få en ungdomsbolig", {"ungdom", "bol"}),
    ("housing benefit for my ungdomsbolig", {"ungdom"}),
    ("kan jeg få boligydelse som pensionist", {"bol", "ydels"}),
])
def test_real_compounds_still_split(knowledge, text: str, parts: set[str]) -> None:
    _, index = knowledge
    terms = set(index.read(text))
    stems = {re.sub("@.*", "", t) for t in terms}
    assert parts & stems, terms


test_the_sentences_are_our_own = our_own(ENGLISH[1:])


@pytest.mark.parametrize(("message", "topic"), [
    ("I didn't pay rent this month", "huslejerestance"), ("I didnt pay rent this month", "huslejerestance")])
def test_a_joined_negation_weighs_no_more_than_its_words(chat, message: str, topic: str) -> None:
    # "didn't" is read as "didnt", a word no topic has: it counted against the topic as if it said something, and
    # "I didn't pay rent this month" got "not sure"; "did not" are stop words.
    from tests.support import texts
    shown = texts(chat.say(message))
    assert shown.startswith("Behind on rent"), shown
