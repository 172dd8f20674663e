""""they" in a young person's letter is mostly the parents around them, seldom the one person a helper asks for.

A 20-year-old wrote about moving out while her parents, "they", kept interfering, and told how her brother had had to
move out before her: read as asking for someone else (each "they"/"them"/"their" counted as much as "she"), so a
young person writing about their own home would be offered a caseworker "about the young person". Danish "de"/"dem"
were never counted; English "they" now counts half.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.reading import read
from bot.someone_else import for_someone_else
from tests.corpus import our_own

OWN = [
    ("I'm 19 and saving for a room in town. When my sister left home last spring, mum and dad went crazy. They rang "
     "every day, they turned up uninvited and they told her what to buy. I know they will do it to me too. Any tips "
     "for getting out without a huge fight with them?"),
    ("My brother moved out last spring and our parents made it hell for him, they kept calling and they showed up at "
     "his work. Now it's my turn: I've saved up, I found a cheap room and I start a job in March. What do I say to "
     "them so they stay calm?"),
]
FOR_THEM = [
    ("My friend's parents threw her out last night. She is 17, she slept on a bench and she has no money. They "
     "won't answer her calls. What can I do for her?"),
]


@pytest.mark.parametrize("text", OWN)
def test_a_letter_about_the_writers_own_home_is_their_own(text: str) -> None:
    assert not for_someone_else(read(text))


@pytest.mark.parametrize("text", FOR_THEM)
def test_a_friend_asking_for_her_is_still_a_helper(text: str) -> None:
    assert for_someone_else(read(text))


test_the_messages_are_our_own = our_own(OWN, FOR_THEM)
