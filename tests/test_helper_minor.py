"""A parent or friend gives the young person's age their own way ("min datter på 16", "en pige på 17"): the help is
for someone under 18. A mother's letter about her daughter of 17, thrown out by a boyfriend and sleeping at friends'
in Favrskov, got the adults' local text and the under-18 topic last; the age was not read."""

from __future__ import annotations

import pytest

from bot.triage import triage
from tests.support import Chat, texts

MOTHER = ("Hej. Min datter på 17 er blevet smidt ud af sin kæreste og sover nu hos forskellige veninder. Hun vil ikke "
          "hjem til os. Vi bor i Favrskov. Hvad kan jeg gøre?")


@pytest.mark.parametrize("said", ["min søn på 16 sover hos venner", "en pige på 15 fra klassen er smidt ud",
                                  "min lillebror på 14 er smidt ud"])
def test_a_young_persons_age_given_by_someone_else_is_read(said: str) -> None:
    assert "under_18" in triage(said).reasons


@pytest.mark.parametrize("said", ["jeg har et værelse på 16 kvm", "min datter på 20 er smidt ud",
                                  "vi har en aftale på 15 minutter"])
def test_other_numbers_are_no_age_under_18(said: str) -> None:
    assert "under_18" not in triage(said).reasons


def test_a_mother_asking_for_her_daughter_of_17_gets_the_help_for_under_18(chat: Chat) -> None:
    replies = chat.say(MOTHER)
    sent = texts(replies)
    assert "sig, at du er under 18" in sent  # Favrskov's local text for someone under 18
    assert "116 111" in sent
    choices = [b.data or "" for s in replies for b in s.buttons if (b.data or "").startswith("t:")]
    assert choices and choices[0] == "t:under-18", choices
