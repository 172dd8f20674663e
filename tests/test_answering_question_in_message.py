"""A knowledge-base question asked inside a longer message gets the knowledge base's answer (bot/answering.py
`_question_inside`, bot/reading.py `Reading.question`). "Hvor mange unge er hjemløse i Danmark?" got its sourced
answer, but the same question followed by "det er til min opgave" got "I'm not sure I understood": the words around
it made the message look out of scope. A message only about research keeps the honest not-for-me reply, and a question
sentence that is unclear, or said beside another matter, keeps the choices or "not sure".

Every sentence was written by the team for this test (checked below against the real messages)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from bot.reading import read
from tests.corpus import our_own
from tests.support import engine_answer

TODAY = dt.date(2026, 12, 1)

# (message, topic, specific question answered)
AROUND_A_QUESTION = [
    ("hvor mange unge er hjemløse i Danmark? det skal bruges til min opgave i dansk", "hjem-til-alle",
     "hvor-mange-unge-er-hjemloese"),
    ("How many young people are homeless in Denmark? It's for my homework, thanks", "hjem-til-alle",
     "hvor-mange-unge-er-hjemloese"),
    ("I'm writing an essay for school. How many young people are homeless in Denmark?", "hjem-til-alle",
     "hvor-mange-unge-er-hjemloese"),
    ("hej Husly! kan jeg skrive til kommunen i stedet for at ringe? jeg hader at ringe", "kontakt-kommune",
     "skrive-til-kommunen"),
    ("min lærer sagde jeg skulle spørge her: kan kommunen betale mit depositum?", "depositum",
     "hjaelp-fra-kommunen"),
    ("my teacher told me to ask you this: is there a housing guarantee for young homeless people?", "hjem-til-alle",
     "boliggaranti"),
]

# Only research: the not-for-me reply, as before.
ONLY_RESEARCH = [
    "jeg skal skrive en opgave om unge uden bolig i min by",
    "I'm doing research on young people sleeping rough for my thesis",
]

# The question sentence alone is no clear match ("hvad gør kommunen for ...?" fits several topics), or what is said
# beside it is a matter of its own (living in a dorm): no specific answer said with confidence.
NOT_CLEAR = [
    "det er til en opgave i samfundsfag, hvad gør kommunen for hjemløse unge?",
    "Jeg bor på kollegie. Hvor mange unge er hjemløse i Danmark?",
]

test_the_sentences_are_our_own = our_own(AROUND_A_QUESTION, ONLY_RESEARCH, NOT_CLEAR)


ask = partial(engine_answer, today=TODAY)


@pytest.mark.parametrize(("text", "topic", "faq"), AROUND_A_QUESTION)
def test_a_question_with_words_around_it_gets_the_knowledge_bases_answer(knowledge, text: str, topic: str,
                                                                         faq: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "answer" and found.confident, (found.kind, found.topic)
    assert (found.topic, found.faq) == (topic, faq)


def test_the_answer_is_the_same_as_to_the_bare_question(knowledge) -> None:
    bare = ask(knowledge, "Hvor mange unge er hjemløse i Danmark?")
    found = ask(knowledge, "hvor mange unge er hjemløse i Danmark? det skal bruges til min opgave i dansk")
    assert found.reply.html == bare.reply.html


@pytest.mark.parametrize("text", ONLY_RESEARCH)
def test_a_message_only_about_research_keeps_the_not_for_me_reply(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "not_for_me" and not found.confident, (found.kind, found.topic)


@pytest.mark.parametrize("text", NOT_CLEAR)
def test_an_unclear_question_or_another_matter_beside_it_gets_no_specific_answer(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.faq is None and not (found.kind == "answer" and found.topic == "hjem-til-alle"), (found.kind,
                                                                                                   found.topic)


@pytest.mark.parametrize(("text", "question"), [
    ("hej, jeg har et spørgsmål: hvad er boligstøtte? tak på forhånd", "hvad er boligstøtte?"),
    ("my mum said to ask you: can I get housing benefit if I'm 17?", "can I get housing benefit if I'm 17?"),
    ("hvor mange unge bor på gaden? det er til dansk", "hvor mange unge bor på gaden?"),
    ("hvad er boligstøtte?", ""),  # the question is all it says
    ("Hvad er SU? Og hvad er boligstøtte?", ""),  # two questions: none is the one
])
def test_the_question_sentence_is_found(text: str, question: str) -> None:
    assert read(text).question == question
