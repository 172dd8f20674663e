"""A message that only names a municipality answers "Which municipality are you in?" (bot/place_reply.py).

Read as a question, a bare "Roskilde" after the crisis information found no topic and got "I'm not sure I
understood" — at night, after being thrown out."""

from __future__ import annotations

import pytest

from bot.place_reply import only_municipality
from tests.corpus import our_own
from tests.support import Chat

THROWN_OUT = "jeg er 17 og min mor har smidt mig ud i aften, jeg ved ikke hvor jeg skal sove"


def text_of(sent: list) -> str:
    return "\n".join(m.text for m in sent)


@pytest.mark.parametrize(("message", "slug"), [
    ("Roskilde", "roskilde"), ("jeg bor i Aarhus", "aarhus"), ("kbh", "koebenhavn"), ("Høje-Taastrup Kommune",
    "hoeje-taastrup"), ("I live in Copenhagen", "koebenhavn"), ("Roksilde", "roskilde"),
    ("she lives in Copenhagen", "koebenhavn"), ("min søn bor i Randers", "randers"),
    ("Odense", None), ("kollegium i aarhus", None), ("hvad med Aarhus?", None),
    # A helper's "we are in Favrskov" at the offer was read as a question (the offer stayed "your municipality").
    ("we are in favrskov", "favrskov"), ("we're in aarhus right now", "aarhus"), ("i am in randers", "randers"),
    ("are you in aarhus?", None),
])
def test_only_a_municipality_is_an_answer_to_where(message: str, slug: str | None) -> None:
    assert only_municipality(message) == slug


def test_the_municipality_typed_after_the_crisis_information_brings_its_local_numbers(chat: Chat) -> None:
    first = text_of(chat.say(THROWN_OUT))
    assert "Hvilken kommune er du i?" in first and "46 31 30 00" not in first
    sent = chat.say("Roskilde")
    shown = text_of(sent)
    assert "ikke sikker" not in shown
    assert "46 31 30 00" in shown  # Roskilde Kommune's number, from the safety information's local part
    assert "116 111" in shown  # still under 18
    assert "Roskildehjemmet (forsorgshjem)" not in shown  # no adults' shelter card for a 17-year-old
    # The offer of a caseworker comes again, now from the person's own municipality.
    assert "en medarbejder fra Roskilde Kommune" in shown
    assert any(b.text == "Ja tak" for m in sent for b in m.buttons)


def test_after_declining_a_caseworker_the_municipality_shows_the_crisis_topic_locally(chat: Chat) -> None:
    sent = chat.say(THROWN_OUT)
    chat.press_button(sent, "Nej tak")
    shown = text_of(chat.say("Roskilde"))
    # A 17-year-old thrown out was shown the topic for minors (tests/test_answering_day_gaps.py): its local version.
    assert "Under 18" in shown and "46 31 30 00" in shown and "sig, at du er under 18" in shown
    assert "Roskildehjemmet (forsorgshjem)" not in shown  # remembered: the topic was shown to someone under 18


def test_the_municipality_typed_after_a_topic_shows_its_local_version(chat: Chat) -> None:
    before = text_of(chat.say("hvordan kommer jeg på venteliste til en almen bolig?"))
    assert "17 boligforeninger i Aarhus" not in before
    shown = text_of(chat.say("jeg bor i Aarhus"))
    assert "17 boligforeninger i Aarhus" in shown


def test_a_municipality_with_no_topic_before_is_kept_with_a_short_thanks(chat: Chat) -> None:
    sent = chat.say("Aarhus")
    assert "Tak. Nu viser jeg dig hjælp i Aarhus." in sent[0].text
    shown = text_of(chat.say("hvordan kommer jeg på venteliste til en almen bolig?"))
    assert "17 boligforeninger i Aarhus" in shown


def test_a_topic_with_nothing_local_is_not_shown_again(chat: Chat) -> None:
    chat.say("hvad er boligstøtte?")  # the same everywhere in Denmark
    sent = chat.say("jeg bor i Aarhus")
    assert len(sent) == 1 and "Tak. Nu viser jeg dig hjælp i Aarhus." in sent[0].text


# Where in the town the person waits, said with the place: still the answer to "Which municipality are you in?".
# "jeg er i randers ved banegården", typed at night under the offer of a caseworker, got "I'm not sure I understood".
@pytest.mark.parametrize(("message", "slug"), [
    ("jeg er i randers ved banegården", "randers"), ("jeg er i roskilde på stationen nu", "roskilde"),
    ("im in aarhus by the harbour rn", "aarhus"), ("standing outside bilka in aarhus", "aarhus"),
    ("sidder nede ved havnen i aarhus", "aarhus"),
    ("outside netto in roskilde", "roskilde"),
    ("jeg står ved rådhuset i høje taastrup", "hoeje-taastrup"),
    ("i kbh på hovedbanegården", "koebenhavn"),
    # Not only a place: who the person is with, a street (a crisis, for triage), a question, no municipality.
    ("jeg er i randers hos min moster", None), ("sidder i randers på gaden", None), ("ved banegården", None),
    ("er der en station i aarhus?", None),
])
def test_a_spot_in_town_beside_the_municipality_only_answers_where(message: str, slug: str | None) -> None:
    assert only_municipality(message) == slug


def test_the_municipality_with_a_spot_typed_under_the_offer_brings_its_local_numbers(chat: Chat) -> None:
    chat.say(THROWN_OUT)
    sent = chat.say("jeg er i roskilde ved banegården")
    shown = text_of(sent)
    assert "ikke sikker" not in shown
    assert "46 31 30 00" in shown and "en medarbejder fra Roskilde Kommune" in shown
    assert any(b.text == "Ja tak" for m in sent for b in m.buttons)


test_the_spot_messages_are_our_own = our_own([
    "jeg er i randers ved banegården", "jeg er i roskilde på stationen nu", "im in aarhus by the harbour rn",
    "standing outside bilka in aarhus", "sidder nede ved havnen i aarhus", "outside netto in roskilde",
    "jeg står ved rådhuset i høje taastrup", "i kbh på hovedbanegården", "jeg er i randers hos min moster",
    "sidder i randers på gaden", "er der en station i aarhus?", "jeg er i roskilde ved banegården"])
