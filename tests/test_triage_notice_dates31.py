"""Being put out on a date weeks or months ahead reads the same in Danish and English, and a date within days stays
urgent (date31).

Before, "min udlejer smider mig ud den 1. april" (said on 7 December) was urgent: a putting out in the present tense
was no future beside the date. "jeg skal være ude 1. februar og har ingen steder at bo" and "I have to be out by
February 1st and have nowhere to live" were urgent ("ingen steder at bo", "nowhere to live" read as homeless now),
while "nowhere to stay" beside the same date was calm. "d. 1/4" and "1/2" were no date at all. By the labelling rules
(tests/data/README.md: future worries are none; no safe place tonight or within days is urgent) each is a worry about
the spring. The other way round, "jeg skal være ude den 9." on the 7th was calm where "I have to be out by the 9th" was
urgent, and "I have nowhere to stay until my new lease starts on February 1" was calm: a home that starts was read
as one that ends.

The clock is injected: today is 2026-12-07 (bot/triage_dates.py ``today``). Every sentence was written for this
test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot import triage_dates
from bot.triage import Urgency, triage
from tests.corpus import our_own
from tests.triage_cases import expect

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_dates, "today", lambda: TODAY)


# Put out, or having to be out, more than two weeks ahead: a worry, in either language, with nowhere to live after
# it too when it is more than five weeks ahead.
AHEAD = [
    ("min udlejer smider mig ud den 1. april, må han det", "da"),
    ("udlejeren smider os ud d. 1/4 fordi huset skal sælges", "da"),
    ("min udlejer smider mig ud 1. januar, hvad gør jeg", "da"),
    ("jeg skal være ude 1. februar og har ingen steder at bo", "da"),
    ("vi skal være ude af rækkehuset 1/2 og har ingen steder at bo endnu", "da"),
    ("jeg skal være ude af værelset til februar og har ingen steder at bo", "da"),
    ("the lodging board said i must vacate the bedsit by february 1st, and after that i have nowhere to live", "en"),
    ("our landlord in Hvidovre is kicking us out of the duplex in april, and then we have nowhere to live", "en"),
    ("the flat owner is throwing me out on the 1st of april, is that even allowed", "en"),
    ("i have to be out of the bedsit by the end of january and have nowhere to live", "en"),
]
# Within days on the 7th (the 9th, the 10th, tomorrow, Friday), or a month ahead with nowhere to go: urgent.
SOON = [
    ("jeg skal være ude af kollegiet den 9. og aner ikke hvor mine møbler skal stå", "da"),
    ("sagsbehandleren siger jeg skal være ude d. 10/12, hvad gør jeg", "da"),
    ("jeg fik at vide jeg skal være ude den 9. og jeg græder bare", "da"),
    ("jeg skal være ude af lejligheden den 11. december", "da"),
    ("udlejeren smider mig ud af lejligheden i morgen", "da"),
    ("udlejeren smider mig ud af lejligheden på fredag", "da"),
    ("udlejeren smider mig ud af værelset den 9.", "da"),
    ("the caravan park owner says i must be out by the 9th and i have nowhere to go after that", "en"),
    ("the owner is throwing me out of the caravan tomorrow", "en"),
    ("jeg skal være ude næste måned og har ingen steder at bo", "da"),
    ("the site manager wants me and my sister out of the caravan next month, and we have nowhere to go", "en"),
    ("jeg skal være ude efter nytår og har ingen steder at bo", "da"),
]
# No bed now and a home that starts later: urgent.
BED_NOW = [
    ("i have nowhere to stay until my new lease starts on february 1", "en"),
    ("jeg har ingen steder at sove indtil min nye lejekontrakt starter 1. marts", "da"),
    ("min far har smidt mig ud, og jeg skal først flytte ind i min nye lejlighed 1. februar", "da"),
]

test_put_out_weeks_or_months_ahead_is_a_worry_in_both_languages = expect(AHEAD, Urgency.NONE)
test_a_date_within_days_or_a_month_with_nowhere_to_go_stays_urgent = expect(SOON, Urgency.URGENT, how="at least")
test_no_bed_now_beside_a_home_that_starts_later_stays_urgent = expect(BED_NOW, Urgency.URGENT, how="at least")


def test_a_day_said_alone_is_the_next_such_day_and_numbers_that_are_no_date_are_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """"den 9." is two days away on the 7th and three weeks away on the 20th (the 9th of January); "d. 1/4" is the
    1st of April; a time, a count or an age beside a slash is no date."""
    assert triage("jeg skal være ude den 9.").urgency is Urgency.URGENT
    assert triage_dates.DATE_FAR in triage_dates.date_marks(["jeg", "skal", "vaere", "ude", "d", "1", "4"])
    for words in ("vi ses kl 10 12", "jeg har boet der i 1 2 uger", "the 3 of us have to leave", "kids aged 1 2"):
        assert triage_dates.date_marks(words.split()) == {}, words
    monkeypatch.setattr(triage_dates, "today", lambda: dt.date(2026, 12, 20))
    assert triage("jeg skal være ude den 9.").urgency is Urgency.NONE


def test_the_benchmarks_read_dated_messages_against_one_fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """benchmarks/real_messages.py and benchmarks/triage.py give the same numbers on any day of the year."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    monkeypatch.setattr(triage_dates, "today", lambda: dt.date(2027, 7, 15))
    import real_messages

    real_messages.pin_today()
    assert triage_dates.today() == real_messages.BENCHMARK_TODAY
    assert real_messages.BENCHMARK_TODAY.isoformat() in real_messages.PROBE


test_the_messages_are_our_own = our_own(AHEAD, SOON, BED_NOW)
