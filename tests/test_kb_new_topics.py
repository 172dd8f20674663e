"""The eight topics added in December 2026 (issue 14): found by the way young people ask, complete, sourced.

The questions below were written for this test, not copied from the knowledge base or the evaluation set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.conversation.cards import render_answer
from bot.replies import to_plain
from knowledge.readability import lix

NEW_TOPICS = ("su", "eftervaern", "flytte-hjemmefra", "arbejde-og-ydelser", "gaeld", "akut-psykiatri",
              "sundhed-uden-adresse", "dagpenge")
TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("question", "topic"), [
    ("how does the danish student grant work", "su"),
    ("i grew up in foster care, is there support now that im an adult", "eftervaern"),
    ("kommunen stopper min anbringelse når jeg fylder 18, kan jeg få hjælp", "eftervaern"),
    ("tips til at flytte i egen lejlighed første gang", "flytte-hjemmefra"),
    ("får jeg mindre fra kommunen hvis jeg tager et weekendjob", "arbejde-og-ydelser"),
    ("kan jeg tage et deltidsjob uden at miste min ydelse", "arbejde-og-ydelser"),
    ("jeg er endt i rki hvad betyder det for mig", "gaeld"),
    # Known regression: the learned scorer, part of the confidence (knowledge/index.py), puts it with social housing;
    # the debt topic comes first among choices, not as the answer.
    pytest.param("rykkerne hober sig op og jeg kan ikke betale", "gaeld",
                 marks=pytest.mark.xfail(strict=True, reason="the learned scorer does not back the topic")),
    ("hvor kan jeg få akut hjælp til psyken midt om natten", "akut-psykiatri"),
    ("is there a mental health emergency room i can go to", "akut-psykiatri"),
    ("jeg sover på et herberg og har brug for en læge", "sundhed-uden-adresse"),
    ("my health card got stolen and i live in a shelter", "sundhed-uden-adresse"),
    ("is it smart to sign up for unemployment insurance while studying", "dagpenge"),
    ("jeg er lige blevet uddannet tømrer, skal jeg i a-kasse", "dagpenge"),
])
def test_each_new_topic_is_found_by_its_typical_questions(knowledge, question: str, topic: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, question, today=TODAY, threshold=0.4)
    assert found.topic == topic, (question, found.topic, found.search.scores)
    assert found.confident, (question, found.search.confidence)


@pytest.mark.parametrize("topic_id", NEW_TOPICS)
def test_new_topics_are_complete_sourced_and_readable(knowledge, topic_id: str) -> None:
    kb, _ = knowledge
    topic = kb.topics[topic_id]
    assert len(topic.faq) >= 5
    assert len(topic.examples.da) >= 10 and len(topic.examples.en) >= 9
    assert topic.more is not None and topic.related and topic.sources
    assert all(entry.sources and entry.examples.da and entry.examples.en for entry in topic.faq)
    assert lix(topic.answer.da) <= 30, lix(topic.answer.da)
    assert all(lix(entry.a.da) <= 40 for entry in topic.faq)
    assert all(r in kb.topics for r in topic.related)


def test_acute_psychiatry_is_local_and_tells_region_h_to_walk_in(knowledge) -> None:
    kb, _ = knowledge
    topic = kb.topics["akut-psykiatri"]
    assert set(topic.municipalities) == {"randers", "roskilde", "koebenhavn", "favrskov", "aarhus", "hoeje-taastrup"}
    kbh = to_plain(render_answer(kb, "akut-psykiatri", "da", "koebenhavn", TODAY).html)
    assert "uden at ringe først" in kbh and "1813" in kbh
    aarhus = to_plain(render_answer(kb, "akut-psykiatri", "da", "aarhus", TODAY).html)
    assert "70 11 31 31" in aarhus and "ringe først" in aarhus
    for lang in ("da", "en"):
        head = topic.answer.get(lang)[:200]
        assert "112" in head and "70 20 12 01" in head


def test_a_regions_numbers_are_shown_only_to_its_municipalities(knowledge) -> None:
    """Someone in Aarhus was shown Region Hovedstaden's 1813 and Region Sjælland's 1818 beside their own
    region's number. While the municipality is not known, no region's number is shown (a young person who had not
    said where they were was sent to a Roskilde shelter): the answer asks which municipality."""
    kb, _ = knowledge
    aarhus = to_plain(render_answer(kb, "sundhed-uden-adresse", "da", "aarhus", TODAY).html)
    assert "70 11 31 31" in aarhus and "1813" not in aarhus and "1818" not in aarhus
    kbh = to_plain(render_answer(kb, "akut-psykiatri", "da", "koebenhavn", TODAY).html)
    assert "1813" in kbh and "70 11 31 31" not in kbh
    randers = to_plain(render_answer(kb, "smidt-ud", "da", "randers", TODAY).html)
    assert "Roskildehjemmet" not in randers
    roskilde = to_plain(render_answer(kb, "smidt-ud", "da", "roskilde", TODAY).html)
    assert "Roskildehjemmet" in roskilde
    unknown = to_plain(render_answer(kb, "sundhed-uden-adresse", "da", None, TODAY).html)
    assert "1813" not in unknown and "70 11 31 31" not in unknown and "Hvilken kommune er du i?" in unknown


def test_the_1813_card_no_longer_says_to_call_before_psychiatric_help(knowledge) -> None:
    kb, _ = knowledge
    card = kb.services["akuttelefon-1813"].description.da
    assert "psykiatrisk akutmodtagelse" in card and "direkte" in card
    assert kb.services["koebenhavn-sociale-doegnvagt"].phone == "33 17 33 33"
