"""A month ahead, the street said as coming, a partner who destroys one's things, and a girl the writer knows.

Collection 18's development rows showed four gaps: "om en måned bliver jeg sat på gaden" and "evicted in a month and
have nowhere to go" were nothing (typo tolerance read "in a month" as the later worry "in * months"); the street said
as coming got the night's text ("help tonight"); a partner who smashes one's things and slashes one's tyres was no
unsafe home; and "en 17-årig pige i min omgangskreds" was read as the writer's own story. Every message was written
for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.reading import read
from bot.someone_else import for_someone_else
from bot.triage import Urgency, crisis_ahead, triage
from tests.corpus import our_own

A_MONTH_AHEAD = [
    "vi har fået at vide at om en måned bliver vi sat på gaden fordi ejendommen skal renoveres",
    "jeg bliver sat på gaden om en måned og kommunen har ikke svaret på min mail",
    "the owner sold the building and i get evicted in a month with nowhere to go",
    "i'll be out on the street by friday week when the sublet ends",
]
MONTHS_LATER = [
    "om 3 måneder skal jeg ud, og jeg har stadig ikke noget nyt sted at bo",
    "in 3 months my lease ends and i have not started looking for a new flat",
]
THINGS_DESTROYED = [
    "my boyfriend smashes my stuff every time i say i want to move out, what do i do",
    "min kæreste smadrer mine ting hver gang jeg siger at jeg vil flytte, hvad gør jeg",
    "my husband slashes my tyres when I come home late from my sister's",
]
NOT_AN_UNSAFE_HOME = [
    "my little brother breaks my stuff all the time, so annoying",
]
SOMEONE_KNOWN = [
    "en pige på 17 i min omgangskreds er blevet smidt ud af sine forældre, hvor kan hun bo indtil videre?",
    "a girl i know from work is 19 and sleeping in her car since the weekend, where could she go",
]
THE_WRITERS_OWN = [
    "jeg har ingen i min omgangskreds der kan hjælpe mig med at finde en lejlighed i aarhus",
]

test_own = our_own(A_MONTH_AHEAD, MONTHS_LATER, THINGS_DESTROYED, NOT_AN_UNSAFE_HOME, SOMEONE_KNOWN, THE_WRITERS_OWN)


@pytest.mark.parametrize("text", A_MONTH_AHEAD)
def test_a_month_ahead_is_a_crisis_ahead(text: str) -> None:
    result = triage(text)
    assert result.urgency is Urgency.URGENT
    assert crisis_ahead(text, result), "contact the municipality now, not where to sleep tonight"


@pytest.mark.parametrize("text", MONTHS_LATER)
def test_months_later_is_a_worry_for_later(text: str) -> None:
    assert triage(text).urgency is Urgency.NONE


@pytest.mark.parametrize("text", THINGS_DESTROYED)
def test_a_partner_destroying_ones_things_is_an_unsafe_home(text: str) -> None:
    assert triage(text).urgency is not Urgency.NONE


@pytest.mark.parametrize("text", NOT_AN_UNSAFE_HOME)
def test_a_sibling_breaking_things_is_no_crisis(text: str) -> None:
    assert triage(text).urgency is Urgency.NONE


@pytest.mark.parametrize("text", SOMEONE_KNOWN)
def test_someone_the_writer_knows_is_asked_for(text: str) -> None:
    assert for_someone_else(read(text))


@pytest.mark.parametrize("text", THE_WRITERS_OWN)
def test_no_one_in_the_writers_circle_is_the_writers_own(text: str) -> None:
    assert not for_someone_else(read(text))
