"""In a letter, what a crisis is made of must be said in one sentence (issue 13, point 4).

The rules read a message in windows of two sentences, so that a short chat message split in two ("har ingen steder.
skal sove ude") still adds up. A letter tells one thing a sentence, and two neighbouring sentences often tell two
things: "nothing else in my trade has turned up. I would like to go to Aarhus" is a job hunt and a wish, not nowhere to
go. In a letter a rule's concepts of what happens (nowhere + a stay, nowhere + sleep, a place + a night there, a sofa +
its end) must meet in one sentence; who it is about, when, and how the writer feels about it (self, an age, tonight,
soon, afraid, despair) may stand in the next one ("I am 17. ...", "He hit me last night. I am scared of him").
Letters written for these tests, never copied from the real messages.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, by_rules, triage

ORDINARY = [
    # A job hunt ("nothing else in my trade") and a wish to move ("go to Aarhus") in neighbouring sentences.
    "Hello! My carpentry apprenticeship ends in June. So far I have written to four firms, but nothing else in my "
    "trade has turned up around here. I would like to go to Aarhus, where my sister lives, although rents there are "
    "high. Is there any support for young people who move for a first job, and do youth flats there have long queues?",
    "Hej. Jeg bliver færdig som elektriker til sommer og har søgt job i hele Nordjylland. Der er ikke noget andet end "
    "korte vikariater heroppe. Jeg vil gerne bo i Aarhus, hvor min bror bor. Findes der nogen støtte til unge, der "
    "flytter efter deres første job, og er køen til ungdomsboliger lang i Aarhus?",
    # Rooms looked at ("ikke noget andet end dyre lejligheder") and where one would like to live.
    "Jeg er 24 og flytter snart hjemmefra. Jeg har kigget på mange værelser, men der er ikke noget andet end dyre "
    "lejligheder i København. Jeg vil gerne bo i Roskilde i stedet. Hvor kan man søge billige værelser, og får man "
    "boligstøtte til et værelse?",
]

URGENT = [
    # A sofa and its end in one sentence, across its clauses.
    "Hi, I am 20 and I have been sleeping on my friend's sofa for two weeks since my boyfriend and I split up, but "
    "yesterday she told me that I can't stay any more because her landlord found out. I have a job but no savings. "
    "What can I do?",
    "Jeg er 21 og har sovet på min vens sofa i to uger, efter min kæreste og jeg gik fra hinanden, men nu siger han at "
    "jeg ikke kan blive mere fordi hans kæreste flytter ind. Jeg har et job men ingen opsparing. Hvad gør jeg nu?",
    # Leaving care and nowhere to sleep in one sentence.
    "I'm 18 and I move out of my foster family next week, and the council has not found me a flat yet, so I have "
    "nowhere to sleep from Monday. My caseworker does not answer my emails. Who can help me before Monday?",
]

# Violence in one sentence and the writer's fear in the next: a feeling may stand apart from what happened.
EMERGENCY = (
    "My husband and I have been together for six years and we have a little boy of three. Last night he pushed me "
    "against the wall and hit me in the face when I said I wanted to leave. I am scared of what he will do when he "
    "comes home from work today. Where can I go with my son?"
)


@pytest.mark.parametrize("text", ORDINARY)
def test_words_of_two_sentences_do_not_add_up_in_a_letter(text: str) -> None:
    assert len(text.split()) > 40
    assert triage(text, "da" if " jeg " in f" {text.lower()} " else "en").urgency is Urgency.NONE


@pytest.mark.parametrize("text", URGENT)
def test_a_crisis_said_in_one_sentence_of_a_letter_is_still_read_by_the_rules(text: str) -> None:
    lang = "da" if " jeg " in f" {text.lower()} " else "en"
    assert by_rules(text, lang).urgency is Urgency.URGENT
    assert triage(text, lang).urgency is Urgency.URGENT


def test_fear_in_the_next_sentence_still_makes_an_emergency() -> None:
    assert by_rules(EMERGENCY, "en").urgency is Urgency.EMERGENCY
    assert triage(EMERGENCY, "en").urgency is Urgency.EMERGENCY
