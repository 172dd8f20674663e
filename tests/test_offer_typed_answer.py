"""A typed "ja" or "nej" answers the offer of a caseworker (bot/cases/flow.py ``answer_to_offer``).

Playing a night-time crisis in the terminal chat: a 16-year-old thrown out was asked "Do you want a caseworker
from Randers Kommune to write to you here?", typed "ja" instead of tapping the button, and got "Okay. Write if
there is anything else": no case, nobody told."""

from __future__ import annotations

import pytest

from bot.reading import read
from bot.someone_else import for_someone_else
from tests.support import Chat, cases_of, texts

THROWN_OUT = "min mor har smidt mig ud og jeg ved ikke hvor jeg skal sove i nat. jeg er 16"


@pytest.mark.parametrize("typed", ["ja", "Ja tak!", "ja gerne", "ok", "yes please", "JA"])
def test_a_typed_yes_to_the_offer_opens_a_case(chat: Chat, typed: str) -> None:
    offered = texts(chat.say(THROWN_OUT))
    assert "Vil du have, at en medarbejder" in offered and not cases_of(chat)
    shown = texts(chat.say(typed))
    opened = cases_of(chat)
    assert len(opened) == 1 and opened[0].urgency == "urgent"
    # Told what happens next, as after the button ("yes please" is English, and gets English).
    assert "sagsnummer er" in shown or "case number is" in shown
    assert "Skriv, hvis der er andet" not in shown


def test_a_typed_yes_after_the_municipality_opens_the_case_there(chat: Chat) -> None:
    chat.say(THROWN_OUT)
    chat.say("Randers")
    chat.say("ja")
    opened = cases_of(chat)
    assert len(opened) == 1 and opened[0].municipality == "randers"


def test_a_typed_no_declines_kindly_and_opens_nothing(chat: Chat) -> None:
    chat.say(THROWN_OUT)
    shown = texts(chat.say("nej tak"))
    assert "Akut hjælp" in shown and "112" in shown
    assert not cases_of(chat)
    # Declined: a later "ja" is an ordinary message, not a yes to an offer no longer made.
    chat.say("ja")
    assert not cases_of(chat)


def test_a_yes_long_after_the_offer_is_not_read_as_an_answer_to_it(chat: Chat, clock) -> None:
    chat.say(THROWN_OUT)
    clock.advance(hours=3)
    chat.say("ok")
    assert not cases_of(chat)


def test_a_yes_to_the_offer_made_to_a_helper_opens_a_case_for_the_young_person(chat: Chat) -> None:
    offered = texts(chat.say("min søn på 17 er blevet smidt ud og sover udenfor i nat, hvad gør vi"))
    assert "om den unge" in offered and not cases_of(chat)
    chat.say("ja tak")
    opened = cases_of(chat)
    assert len(opened) == 1 and "for_someone_else" in opened[0].all_reasons()


@pytest.mark.parametrize(("message", "helper"), [
    # A parent who never says "he": still about the son (Danish "i nat" is not the English "I").
    ("min søn på 17 er blevet smidt ud og sover udenfor i nat, hvad gør vi", True),
    ("Min søster er 16 og bor på gaden", True),
    # The writer is the one it happens to.
    ("min bror slår mig", False),
    ("my brother hits me every day", False),
    ("Min ven og jeg er smidt ud i nat", False),
])
def test_who_a_short_message_is_about(message: str, helper: bool) -> None:
    assert for_someone_else(read(message)) is helper
