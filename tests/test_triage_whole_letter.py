"""A writer's age holds for the whole letter: a young person who says "I am 15" at the start and, many sentences
on, that they do not feel safe with someone they live with is an under-18 in an unsafe home (urgent)."""

from __future__ import annotations

from bot.triage import Urgency, triage

# Written for this test (not from the corpus): an age first, family background, the unsafe home at the end.
LETTER_EN = (
    "Hi, I am 15 and I live with my mum, my little sister and my mum's boyfriend. "
    "He moved in two years ago and at first things were fine. "
    "My mum works nights at the hospital, so most evenings it is just us at home. "
    "I try to stay in my room and do my homework with headphones on. "
    "School is okay and I have a couple of good friends there. "
    "But I do not feel safe around him when mum is at work, and I dread going home every day. "
    "Who can I talk to?"
)
LETTER_DA = (
    "Hej. Jeg er 16 år og bor sammen med min far og hans nye kone. "
    "Vi flyttede til en ny by sidste sommer, og jeg har skiftet skole. "
    "Jeg går i 9. klasse og spiller fodbold to gange om ugen. "
    "Min far er meget væk på grund af sit arbejde. "
    "Min lillebror bor hos vores mor i Jylland. "
    "Jeg føler mig ikke tryg derhjemme når han er væk, og jeg ved ikke hvad jeg skal gøre."
)
# A parent's letter: the son's age is about him, and "smidt ud" (expelled from a school) is told far from it.
PARENT_DA = (
    "Hej. Jeg er mor til en søn på 16 år, og jeg er bekymret for hans fremtid. "
    "Han har altid haft svært ved at sidde stille i timerne. "
    "Vi har talt med skolen mange gange, og han har fået en mentor. "
    "Han elsker at spille musik og har et band med sine venner. "
    "I foråret kom han på efterskole, og det gik fint i starten. "
    "Men i sidste måned blev han smidt ud af efterskolen, fordi han havde drukket. "
    "Nu bor han hjemme igen. Hvad kan vi gøre for at han kommer i gang med en uddannelse?"
)


def test_an_age_at_the_start_and_an_unsafe_home_at_the_end_are_one_urgent_young_person() -> None:
    for letter, lang in ((LETTER_EN, "en"), (LETTER_DA, "da")):
        found = triage(letter, lang)
        assert found.urgency is Urgency.URGENT, letter
        assert "under_18_unsafe_home" in found.reasons


def test_a_parents_letter_about_a_son_expelled_from_school_is_not_urgent() -> None:
    assert triage(PARENT_DA, "da").urgency is Urgency.NONE


def test_an_adult_who_does_not_feel_safe_around_a_neighbour_is_not_flagged_on_that_alone() -> None:
    assert triage("I am 24 and I do not feel safe around my neighbour, can I move to another flat?", "en").urgency \
        is Urgency.NONE
