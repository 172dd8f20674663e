"""A parent writing about their own family's homelessness writes about themselves, not for a young person.

"I am a single mother" made any letter a helper's (collection 16, a development row: a mother and two children living
in their car, read as asking for someone else, so she would be offered a caseworker "about the young person"). Being a
parent, said alone, makes a helper's letter only with someone close named as well (my son, my daughter); a teacher's
or a social worker's role still does by itself.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.reading import read
from bot.someone_else import for_someone_else
from tests.corpus import our_own

OWN_FAMILY = [
    "I am a single mother and the three of us have slept in the back of a van since the landlord sold the house. "
    "What help is there for a family like ours?",
    "jeg er enlig mor og vi har boet på et vandrehjem i to måneder efter udsættelsen, kan kommunen hjælpe os med en "
    "lejlighed",
]
FOR_A_YOUNG_PERSON = [
    "I am a single mother. My son is 18 and has been sleeping at a different mate's flat every week since he left "
    "college. How do I get him on a housing list?",
    "jeg er enlig mor, og min datter på 17 vil ikke komme hjem mere. hvor kan hun bo?",
    "I'm a teacher and one of the lads in year 12 says he has nowhere to go after the weekend",
]


@pytest.mark.parametrize("text", OWN_FAMILY)
def test_a_parent_writing_about_their_own_family_is_not_a_helper(text: str) -> None:
    assert not for_someone_else(read(text))


@pytest.mark.parametrize("text", FOR_A_YOUNG_PERSON)
def test_a_parent_or_teacher_asking_for_a_young_person_is(text: str) -> None:
    assert for_someone_else(read(text))


test_the_messages_are_our_own = our_own(OWN_FAMILY, FOR_A_YOUNG_PERSON)
