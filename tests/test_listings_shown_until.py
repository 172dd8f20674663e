"""A home free in two months is still shown when it becomes free.

Playing a partner's day: a room free from 1 February, imported on 27 November with no last day given, was shown only
until 27 December (30 days from the import), so it was gone five weeks before anyone could move in. Now, with no last
day given, a listing is shown for 30 days from the day it can be moved into (or from today, if that has passed).
"""

from __future__ import annotations

import datetime as dt

from tests.test_listings_csv import TODAY, csv_bytes, read, row


def _shown_until(**changes: str) -> dt.date:
    report = read(csv_bytes([row(**changes)]))
    assert report.ok, report.problems
    return report.listings[0].expires_on


def test_a_home_free_later_is_shown_for_30_days_after_it_is_free() -> None:
    assert _shown_until(ledig_fra="01-02-2027") == dt.date(2027, 3, 3)


def test_a_home_free_now_is_shown_for_30_days_from_today() -> None:
    assert _shown_until(ledig_fra="straks") == TODAY + dt.timedelta(days=30)


def test_a_last_day_given_by_the_partner_is_kept() -> None:
    assert _shown_until(ledig_fra="01-02-2027", udloeber="15-03-2027") == dt.date(2027, 3, 15)
