"""Retrieval as a young person types: compounds, typos, missing æ/ø/å, slang, English; and honesty when unsure."""

from __future__ import annotations

import pytest

from knowledge.index import Index


@pytest.fixture(scope="module")
def index(knowledge) -> Index:
    return knowledge[1]


def test_compounds_are_split_into_known_words(index: Index) -> None:
    from knowledge.normalise import stem

    parts = index._split_compound("ungdomsbolig")  # linking -s-
    assert {stem(p, "da") for p in parts} == {stem("ungdom", "da"), stem("bolig", "da")}
    assert index._split_compound("boligstotte") == ("bolig", "stoette")  # second part misspelt
    assert index._split_compound("xyzzyplugh") == ()


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("kan jeg faa boligstotte", "boligstoette"),  # no æ/ø/å
        ("kan jeg få boligstøtte", "boligstoette"),
        ("boligstøte til min lejlighd", "boligstoette"),  # typos
        ("hvordan kommer man på venteliste til en almen bolig", "almen-bolig"),
        ("ungdomsboliger i aarhus", "ungdomsbolig"),
        ("hvad er en skæv bolig for noget", "skaev-bolig"),
        ("udlejer vil have depositum inden fremvisning", "boligsvindel"),
        ("jeg kan ikke betale min husleje", "huslejerestance"),
        ("housing benefit how do i apply", "boligstoette"),
        ("i have been couch surfing for months", "sofasurfer"),
    ],
)
def test_questions_find_their_topic(index: Index, question: str, topic: str) -> None:
    assert index.search(question).topic == topic


def test_confidence_is_higher_for_a_clear_question_than_for_noise(index: Index) -> None:
    clear = index.search("hvordan søger jeg boligstøtte til min lejlighed")
    noise = index.search("hvornår åbner netto")
    assert clear.confidence > 0.5 > 0.4 > noise.confidence
    assert len(clear.suggestions) == 3 and clear.suggestions[0] == clear.topic


def test_nothing_to_go_on_gives_no_topic(index: Index) -> None:
    for text in ("", "🙂🙂", "asdfgh qwerty"):
        result = index.search(text)
        assert result.topic is None or result.confidence < 0.2


def test_search_detects_language_and_municipality(index: Index) -> None:
    result = index.search("cheap room in kbh")
    assert (result.lang, result.municipality) == ("en", "koebenhavn")


def test_paraphrases_written_apart_from_the_knowledge_base(knowledge) -> None:
    """A second held-out set (tests/data/paraphrases.tsv, never copied into the KB): generalisation >= 90%."""
    import csv
    import datetime as dt
    from pathlib import Path

    from bot.answering import answer

    kb, index = knowledge
    with (Path(__file__).parent / "data" / "paraphrases.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    wrong = [(r["question"], answer(kb, index, r["question"], today=dt.date(2026, 11, 27), threshold=0.4).topic,
              r["topic"]) for r in rows]
    wrong = [w for w in wrong if w[1] != w[2]]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"\nparaphrases: {len(rows)}, top-1 {accuracy:.1%}; wrong: {wrong}")
    assert accuracy >= 0.90, wrong


@pytest.mark.parametrize("question", ["hvad er 2+2", "hvem spiller i aften", "godmorgen", "test test",
                                      "how old are you", "hvor meget vejer en elefant", "hvordan lærer man at svømme"])
def test_chit_chat_sharing_a_word_with_a_topic_is_not_answered_as_that_topic(index: Index, question: str) -> None:
    # Each shares a word with some topic's example phrasings or answer (2, aften, morgen, old, ...), not its subject.
    assert index.search(question).confidence < 0.4


@pytest.mark.parametrize(("question", "topic"), [("boligstøtte", "boligstoette"), ("depositum", "depositum"),
                                                 ("kollegium", "kollegium"), ("sofasurfer", "sofasurfer")])
def test_a_topic_named_in_one_word_is_answered(index: Index, question: str, topic: str) -> None:
    result = index.search(question)
    assert result.topic == topic and result.confidence >= 0.4


# ("help with my rent" is boligstøtte now: the lexicon reads help with the rent as the benefit.)
@pytest.mark.parametrize(("question", "topic"), [("late with my rent", "huslejerestance"),
                                                 ("i owe rent", "huslejerestance")])
def test_an_english_word_the_lexicon_turns_into_danish_meets_the_danish_texts(index: Index, question: str,
                                                                              topic: str) -> None:
    # "rent" adds the lexicon's "husleje", a Danish word: stemmed as Danish it is rent arrears; stemmed as English
    # its part "leje" was a rare English term that pulled towards the lease.
    assert index.search(question).topic == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("i want to leave home and live on my own", "flytte-hjemmefra"),
        ("jeg vil gerne flytte for mig selv", "flytte-hjemmefra"),
        ("im 15 and want to run away", "under-18"),
        ("jeg er 15 og vil stikke af hjemmefra", "under-18"),
        ("i have no home", "hjemloes-akut"),
        ("huslejen stiger igen, kan jeg klage over det", "huslejenaevn"),
        ("my landlord put the rent up a lot, is that allowed", "huslejenaevn"),
    ],
)
def test_everyday_words_for_leaving_home_running_away_no_home_and_a_rent_rise(index: Index, question: str,
                                                                            topic: str) -> None:
    assert index.search(question).topic == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what are the rules before a landlord can evict someone", "udsaettelse"),  # was a room to rent
        ("as a tenant what do i do if i cant pay the rent", "huslejerestance"),  # was the rent tribunal
        ("i cant afford my bills and expenses, which do i pay", "gaeld"),  # was moving out (its budget)
    ],
)
def test_the_words_of_tenant_faqs_and_letters_find_their_topic(index: Index, question: str, topic: str) -> None:
    # Phrased apart from the knowledge base and from the real-message corpus (the kinds of question its development
    # parts went wrong on: eviction rules, rent one cannot pay, which bills first).
    assert index.search(question).topic == topic


def test_a_letter_weighs_the_words_it_repeats_not_its_function_words(index: Index) -> None:
    # The same words, once as a one-line question and once as a letter: only the letter leaves out function words.
    text = "would she and he not do that to them because we were there before they were"
    question, letter = index.search(text), index.search(text, letter=True)
    assert question.topic is not None and letter.topic is None  # nothing left that names a topic
    # A word said again and again is what a letter is about: rent arrears mentioned once, debt four times.
    once = index.search("My rent is late and my phone bill is late too, and there is a small debt for my bike.",
                        letter=True)
    again = index.search("My rent is late and my phone bill is late too, and there is a debt. The debt grows, and "
                         "people call about the debt and more debt.", letter=True)
    assert once.topic == "huslejerestance" and again.topic == "gaeld"


def test_saying_the_subject_again_makes_the_match_surer(index: Index) -> None:
    # Repeats count in the example match too, not only in BM25: before, both questions scored exactly alike.
    once = index.search("My landlord keeps my deposit because the flat was dirty.")
    again = index.search("My deposit! My landlord keeps my deposit, my deposit, because the flat was dirty.")
    assert once.topic == again.topic == "depositum"
    assert again.features["example"] > once.features["example"] and again.confidence > once.confidence
