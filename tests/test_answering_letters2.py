"""Words that mean something else than they seem, and an honest answer where the knowledge base has no figure
(issue 13, points 2 and 7): what a person asking notices."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from knowledge.lexicon import Lang
from knowledge.normalise import stem

TODAY = dt.date(2026, 12, 1)


def ask(knowledge, text: str, lang: Lang | None = None):
    kb, index = knowledge
    return answer(kb, index, text, today=TODAY, threshold=0.4, lang=lang)


@pytest.mark.parametrize("text", [
    "Jeg keder mig, det er så kedeligt",
    "det er så kedeligt at bo hjemme",
])
def test_boring_is_not_read_as_sad(knowledge, text: str) -> None:
    # The Danish stemmer cut "kedeligt" (boring) to "ked" (as in "ked af det", sad): boredom got the answer about
    # mental health, said with confidence.
    found = ask(knowledge, text)
    assert not (found.confident and found.topic == "psykisk-sundhed")


@pytest.mark.parametrize(("forms", "other"), [
    (("farlig", "farligt", "farlige"), "far"),  # dangerous / father
    (("billig", "billigt", "billige", "billigste"), "bil"),  # cheap / car
    (("venlig", "venligt", "venlige"), "ven"),  # kind / friend
    (("kedelig", "kedeligt", "kedelige"), "ked"),  # boring / sad
])
def test_an_adjective_is_not_read_as_the_word_it_starts_with(forms: tuple[str, ...], other: str) -> None:
    # Every form of the adjective still meets the others; none meets the other word.
    stems = {stem(form, "da") for form in forms}
    assert len(stems) == 1 and stem(other, "da") not in stems


@pytest.mark.parametrize(("text", "lang", "where"), [
    ("Hvad koster en ungdomsbolig?", "da", "danmarkbolig.dk"),
    ("hvad er huslejen i en ungdomsbolig om måneden", "da", "annonce"),
    ("How much does a youth flat cost per month?", "en", "advert"),
])
def test_the_price_of_youth_housing_says_where_the_rent_is_shown(knowledge, text: str, lang: Lang, where: str) -> None:
    # No one price is true for every youth flat: the answer says so and where to see the rent, with its sources;
    # before, the general answer about youth housing was given, which says nothing about the rent.
    found = ask(knowledge, text, lang)
    assert found.confident and found.topic == "ungdomsbolig" and found.faq == "husleje"
    assert where in found.reply.html and "danmarkbolig.dk" in found.reply.html


def test_the_noun_lejlighed_keeps_its_stem_while_adjectives_keep_their_ending() -> None:
    from knowledge.normalise import stem
    # "lejlighed" is no adjective in -lig: its stem is the one the knowledge base was tuned with.
    assert stem("lejlighed", "da") == stem("lejligheden", "da") == "lej"
    assert stem("billigste", "da") == stem("billig", "da") != stem("bil", "da")
