"""A letter that names a flat and a town is a story to answer, not a housing search to list homes for.

A parent's letter about a grown-up son, his partner and their baby crowded at home ("... en 2-værelses ville være
fin ... kommunen siger ...") got "No homes fit right now · all municipalities · Flat" in the chat: the free-text search
claimed it for its housing words. A letter (more than three sentences or forty words) is never a search now; a short
search still is. Every message was written for this test and is checked against the real-message collections.
"""

from __future__ import annotations

from bot.listings.filters import parse_filters
from tests.corpus import our_own

LETTER = ("Hej. Min datter på 23 bor stadig hjemme hos os med sin kæreste, og de venter barn til foråret. Vi er fem "
          "mennesker i en treværelses lejlighed, og det går ikke længere. Vi har søgt alt, hvad der er ledigt, men "
          "ventelisten er flere år. En toværelses lejlighed i Randers ville være nok for dem. Vi håber, I "
          "kan hjælpe.")
SEARCH = "toværelses lejlighed i randers under 6000"


def test_a_letter_naming_a_flat_and_a_town_is_not_a_search() -> None:
    assert parse_filters(LETTER) is None


def test_a_short_search_still_is() -> None:
    filters = parse_filters(SEARCH)
    assert filters is not None and filters.municipality == "randers" and filters.max_total == 6000


test_the_messages_are_our_own = our_own([LETTER])
