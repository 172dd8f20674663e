"""The parts of leaving out homes whose age range excludes the age said (tests/test_listings_age.py): which ranges
leave which band out, the age a search says, and the search itself."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.cases.models import AGE_BANDS as CASE_AGE_BANDS
from bot.listings.ages import band_in, excluded_groups
from bot.listings.filters import Filters
from bot.listings.kinds import AGE_BANDS
from tests.test_listings_age import GROWN_UP, IN_ONE, OLDER, youth_and_everyone
from tests.test_listings_search import find


def test_the_bands_are_the_cases_bands() -> None:
    assert AGE_BANDS == CASE_AGE_BANDS


@pytest.mark.parametrize(("band", "excluded"), [
    ("under_18", ("youth",)), ("18_24", ()), ("25_29", ()), ("30_plus", ("youth",)), (None, ()),
])
def test_which_age_ranges_leave_a_band_out(band: str | None, excluded: tuple[str, ...]) -> None:
    assert excluded_groups(band) == excluded


@pytest.mark.parametrize(("text", "band"), [
    (IN_ONE, "under_18"), (GROWN_UP, "18_24"), (OLDER, "30_plus"), ("værelse i aarhus", None),
    ("jeg er 19 og har en søn på 2, vi søger lejlighed", "18_24"),  # a child's age is not the searcher's
])
def test_the_age_a_search_says(text: str, band: str | None) -> None:
    assert band_in(text) == band


def test_the_search_leaves_out_the_homes_whose_age_range_excludes_the_person(sqlite_engine: Engine) -> None:
    youth_and_everyone(sqlite_engine)
    assert find(sqlite_engine, Filters("aarhus", None, "vaerelse", "under_18")) == ["alle-1"]
    assert find(sqlite_engine, Filters("aarhus", None, "vaerelse", "30_plus")) == ["alle-1"]
    assert find(sqlite_engine, Filters("aarhus", None, "vaerelse", "18_24")) == ["ung-1", "alle-1"]
