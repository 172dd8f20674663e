"""A best friend written as one word, one of several close friends, and someone else's grown child are asked for.

Collection 17's development rows: "My bestfriend has been ..." (one word), "one of my closest friends" (a plural) and
a youth worker writing about "a mom and dad whose adult daughter is homeless" were read as the writers' own crises, so
the writer would be offered a caseworker for themselves. Being with friends ("I sleep at my friends' place") is still
the writer's own. Every message was written for this test and is checked against the real-message collections
(tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.reading import read
from bot.someone_else import for_someone_else
from tests.corpus import our_own

FOR_SOMEONE_CLOSE = [
    "my bestfriend keeps turning up at school with bruises on her arms and she flinches when her phone buzzes. she "
    "says her stepdad only yells but I don't believe her. how do I get her safe?",
    "There is this lad in my football team, he is one of my closest friends, and since Easter he sleeps in the "
    "clubhouse because his mum's new bloke threw him out. He asked me not to tell the coach. What happens if I do?",
    "A couple rang our drop-in today whose grown son has been living in a tent by the river since spring; he answers "
    "their texts now and then but refuses a hostel. They asked us what they can do for him.",
]
THE_WRITERS_OWN = [
    "I have been sleeping at my friends' places for a month since my lease ended and I am running out of sofas. "
    "Can the council help me find a room before Christmas?",
]


@pytest.mark.parametrize("text", FOR_SOMEONE_CLOSE)
def test_asking_for_someone_close(text: str) -> None:
    assert for_someone_else(read(text))


@pytest.mark.parametrize("text", THE_WRITERS_OWN)
def test_the_writers_own_crisis(text: str) -> None:
    assert not for_someone_else(read(text))


test_the_messages_are_our_own = our_own(FOR_SOMEONE_CLOSE, THE_WRITERS_OWN)
