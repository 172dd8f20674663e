"""Free-text housing searches become filters; questions about housing stay with the knowledge base."""

from __future__ import annotations

import pytest

from bot.listings.buttons import SearchPage
from bot.listings.filters import Filters, parse_filters
from bot.listings.models import KINDS
from bot.replies import CALLBACK_DATA_MAX_BYTES


@pytest.mark.parametrize(("text", "expected"), [
    ("billig lejlighed i aarhus under 4000", Filters("aarhus", 4000, "lejlighed")),
    ("værelse kbh 3.500 kr", Filters("koebenhavn", 3500, "vaerelse")),
    ("Jeg søger et værelse i Århus max 4000 kr.", Filters("aarhus", 4000, "vaerelse")),
    ("ungdomsbolig aarhus", Filters("aarhus", None, "ungdomsbolig")),
    ("Jeg leder efter en delebolig i Randers", Filters("randers", None, "delebolig")),
    ("skæv bolig randers", Filters("randers", None, "skaev-bolig")),
    ("kollegieværelse højst 3000,-", Filters(None, 3000, "kollegievaerelse")),
    ("2 værelses lejlighed i roskilde max 6.000 kr", Filters("roskilde", 6000, "lejlighed")),
    ("vis ledige boliger", Filters(None, None, None)),
    # English
    ("room in copenhagen max 3500 kr", Filters("koebenhavn", 3500, "vaerelse")),
    ("apartment in hoje taastrup up to 5.000 dkk", Filters("hoeje-taastrup", 5000, "lejlighed")),
    ("show me available rooms", Filters(None, None, "vaerelse")),
    ("cheap flat cph 4k", Filters("koebenhavn", 4000, "lejlighed")),
    ("cheap youth flat in aarhus", Filters("aarhus", None, "ungdomsbolig")),
    ("what cheap rooms are available in randers", Filters("randers", None, "vaerelse")),
    ("hvilke billige værelser er der i aarhus under 3500", Filters("aarhus", 3500, "vaerelse")),
    # Typos, no Danish letters, slang amounts
    ("vaerlse i kbh 4k", Filters("koebenhavn", 4000, "vaerelse")),
    ("lejlihed arhus 4,5k", Filters("aarhus", 4500, "lejlighed")),
    ("lejlighd i roksilde til 5000", Filters("roskilde", 5000, "lejlighed")),
])
def test_searches_are_read_into_filters(text: str, expected: Filters) -> None:
    assert parse_filters(text) == expected


@pytest.mark.parametrize("text", [
    "hvad er en ungdomsbolig",
    "Hvad er en ungdomsbolig?",
    "hvordan får jeg en ungdomsbolig i aarhus",
    "kan man få boligstøtte til et værelse i aarhus",
    "min lejlighed i aarhus er for dyr",
    "what is a youth flat",
    "I need a room",
    "bolig",
    "hvor meget er depositum på en lejlighed",
    "jeg skal til aarhus i morgen",
    "4000 kr i boligstøtte",
    # A question about prices is a question, not a search that finds "no homes fit"
    "how much is rent for a youth flat?",
    "hvad koster det at leje et værelse i aarhus",
    "how much does a cheap room in copenhagen cost",
])
def test_questions_and_other_messages_are_not_searches(text: str) -> None:
    assert parse_filters(text) is None


@pytest.mark.parametrize(("text", "budget"), [
    ("lejlighed 8000 aarhus c", None),  # a postal code, not a budget
    ("værelse i aarhus ledig fra januar 2027", None),  # a year
    ("værelse i aarhus max 2 personer", None),  # too small to be kroner
    ("værelse i aarhus 4 500 kr", 4500),
    ("værelse i aarhus 4.000,00 kr.", 4000),
])
def test_numbers_that_are_not_budgets_are_not_read_as_budgets(text: str, budget: int | None) -> None:
    filters = parse_filters(text)
    assert filters is not None and filters.max_total == budget


def test_filters_survive_the_trip_through_callback_data_within_telegrams_limit() -> None:
    widest = Filters("hoeje-taastrup", 50_000, max(KINDS, key=len))
    data = SearchPage.of(widest, page=99).pack()
    assert len(data.encode()) <= CALLBACK_DATA_MAX_BYTES
    unpacked = SearchPage.unpack(data)
    assert unpacked is not None and unpacked.filters() == widest and unpacked.page == 99
    everything = SearchPage.unpack("ls:p:0:::")
    assert everything is not None and everything.filters() == Filters()


@pytest.mark.parametrize("code", ["odense::", "aarhus:x:", "aarhus:4000:villa", "::::", ":-5:", "aarhus:99999999999:"])
def test_forged_or_old_callback_data_is_refused(code: str) -> None:
    unpacked = SearchPage.unpack(f"ls:p:0:{code}")
    assert unpacked is None or unpacked.filters() is None
