"""Everyday sub-questions young people ask (issue 13) get their own short, sourced answer.

Each question below is worded apart from the knowledge base's example phrasings (and checked against the
real-message corpus by script: rapidfuzz token_set_ratio and partial_ratio under 80), so it tests that a new way of
asking finds the specific answer, not that an example matches itself.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.replies import to_plain
from knowledge.lexicon import Lang

TODAY = dt.date(2026, 12, 4)
THRESHOLD = 0.4


@pytest.mark.parametrize(("question", "lang", "topic_id", "faq_id"), [
    # At what age one decides oneself where to live.
    ("hvornår er jeg gammel nok til at bo for mig selv", "da", "flytte-hjemmefra", "hvor-gammel"),
    ("legal age for moving out in denmark", "en", "flytte-hjemmefra", "hvor-gammel"),
    # Where the municipality puts someone who gets temporary shelter (husly).
    ("hvor sender kommunen mig hen, når jeg får husly", "da", "midlertidig-bolig", "hvor-skal-jeg-bo"),
    ("where will the kommune put me if i get temporary shelter", "en", "midlertidig-bolig", "hvor-skal-jeg-bo"),
    # Taking a pet along to temporary housing or a shelter.
    ("kan jeg tage min hund med hvis jeg skal bo på et herberg", "da", "midlertidig-bolig", "kaeledyr"),
    ("is my dog allowed in emergency housing from the kommune", "en", "midlertidig-bolig", "kaeledyr"),
    # What counts as being homeless.
    ("hvad er definitionen af hjemløshed i danmark", "da", "sofasurfer", "hvornaar-hjemloes"),
    ("what is the official definition of being homeless", "en", "sofasurfer", "hvornaar-hjemloes"),
    # The yearly check that a resident of a student hall still studies.
    ("hvad betyder studiekontrol på mit kollegie", "da", "kollegium", "studiekontrol"),
    ("my kollegium sent me a study check what is it", "en", "kollegium", "studiekontrol"),
    # The inspection when moving in.
    ("hvad går et indflytningssyn ud på", "da", "lejekontrakt", "indflytningssyn"),
    ("do i need a move-in inspection with my landlord", "en", "lejekontrakt", "indflytningssyn"),
    # A flatmate moved out: who pays the rent.
    ("min roommate er flyttet, skal jeg så betale det hele selv", "da", "delebolig", "roommate-flyttet-husleje"),
    ("my flatmate moved away, must i pay all of the rent alone", "en", "delebolig", "roommate-flyttet-husleje"),
])
def test_an_everyday_question_gets_its_specific_answer(knowledge, question: str, lang: Lang, topic_id: str,
                                                       faq_id: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, question, today=TODAY, threshold=THRESHOLD, lang=lang)
    assert (found.topic, found.faq) == (topic_id, faq_id), (found.topic, found.faq, found.search.scores)
    assert found.confident
    entry = next(e for e in kb.topics[topic_id].faq if e.id == faq_id)
    shown = to_plain(found.reply.html)
    # The person sees the specific answer itself, with where its facts come from.
    assert entry.a.get(lang)[:60] in shown
    assert entry.sources[0].title in shown
