"""A question about housing benefit, SU or a deposit that names a room is a question, not a search for homes.

Asking typical questions, the lead got a listings search for "can i get housing benefit if i rent a room from a
friend": "rent" and "room" made it a search. With no budget and no search word but a price word, a message that
names money or support asks about that.
"""

from __future__ import annotations

import pytest

from bot.listings.filters import parse_filters


@pytest.mark.parametrize("text", [
    "can i get housing benefit if i rent a room from a friend",
    "får man boligstøtte til et lejet værelse hos sin moster",
    "do i pay deposit when i rent a room in a shared flat",
    "mister jeg min SU hvis jeg lejer en billig lejlighed",
])
def test_a_question_about_support_that_names_a_home_is_no_search(text: str) -> None:
    assert parse_filters(text) is None


@pytest.mark.parametrize("text", [
    "billig lejlighed i aarhus?",
    "show me rooms in aarhus, i get SU",
    "randers, værelse max 4000 kr, og hvad med boligstøtte",
    "ledige værelser i roskilde, jeg får kontanthjælp",
])
def test_a_search_that_also_names_support_is_still_a_search(text: str) -> None:
    assert parse_filters(text) is not None
