"""When a home ends: dates and spans of time named in a message, read against today's date (notice30).

A notice to quit or the end of a lease "den 1. april", "by March 1st", "60 days notice", "om seks uger" is weeks or
months away: a worry about the future, not a night without a bed (tests/data/README.md's labelling rules). The
rules file reads what this module marks like words (bot/triage.py ``_Matches``):

- ``DATE_SOON`` at a date with its day AHEAD_DAYS or fewer away ("opsigelse, skal være ude den 10. december" on the
  7th): a deadline within days (rules file ``soon``), as "på fredag" is (a month alone, "in August", is too vague for
  that, and spans of days already are ``soon``);
- ``DATE_AHEAD`` at a date or span more than AHEAD_DAYS away: no "soon" there ("den 1" in "den 1. april" is no
  deadline within days) and no eviction or notice on its own (rules file ``date_ahead``);
- ``DATE_FAR`` at one more than FAR_DAYS away with the end of a home said near it ("have to leave", "skal være ude",
  "notice", "lease", "opsigelse"): a later worry for the rules that read nowhere to live (rules file ``date_far``), as
  "om tre måneder" already is. "I have nowhere to stay until February" names no home ending: it is a night now.

Only a date said as a deadline or with a future or a notice near it counts ("skal være ude til 1. marts", "my lease
ends in August"); one said with the past near it ("I was kicked out in March", "for to måneder siden") does not, nor
a month name that is a verb ("may", "march") without a day or a preposition beside it. A date with no year that has
passed within the last PAST_DAYS is the past, not next year's date.

A putting out said in the present ("min udlejer smider mig ud den 1. april", "he's kicking us out in April") is to
come, like "skal være ude"; a date more than two weeks ahead with a home's end said with it is ``DATE_OUT`` (rules file
``date_out``: no one put out within days), and a home that starts near it ("until my new lease starts on February 1",
"flytte ind") is no home's end. Dates in numbers ("d. 1/4", "1/2": day, then month, as Danes write them) and a day
said alone ("den 9.", "by the 9th": the next such day) are read too (date31).

The clock is ``today`` (Danish time); tests replace it (never sleep, never depend on the real date), and so do
benchmarks/real_messages.py and benchmarks/triage.py (one fixed day, so their numbers do not move with the calendar).

Why no library (date31, measured on 2026-12-07): dateparser 1.5 (``dateparser.search.search_dates``, languages da and
en, DATE_ORDER DMY, PREFER_DATES_FROM future) read 25 of this module's phrasings: it found "den 1. april", "1/2",
"d. 1/4", "i morgen", "fredag", "næste måned", "by the 9th", "in six weeks", but missed "om seks uger", "tre måneders
varsel", "efter nytår" and "den 9.", read "til februar", "udgangen af februar" and "by the end of January" as the 7th
(today's day) of the month, "we" as Wednesday, "I may have to leave" as May, and "I was kicked out in March" as next
March; the past, the deadline and a home's end near the date would still be this module's. And it is heavy: importing
``dateparser.search`` takes 0.7-1.2 s (python -X importtime; this module: 13 ms), it adds about 46 MB resident memory
(ru_maxrss 10 -> 56 MB, tracemalloc 17 MB at peak; this module: under 1 MB) and a search takes about 60 ms a message
(``date_marks``: about 0.2 ms), where ``husly ask``'s start-up goal is 3x a sqlmodel import and 120 MB in all
(benchmarks/startup.py). ``dateutil.parser`` (fuzzy, dayfirst; installed) read "jeg skal være ude 1. februar" as 1
December (no Danish month name but those spelled as in English), "den 1. april" as last April (no future), and finds
one date a string; ``babel.dates.parse_date`` (installed) reads a date alone in a fixed pattern ("1/4/2027"), not one
inside a sentence ("1. april 2027" failed). So the parsing stays here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from zoneinfo import ZoneInfo

# More than two weeks away: no "within days" (the labelling rules' "an eviction with a date within days").
AHEAD_DAYS = 14
# More than five weeks away: a later worry for every rule ("in a month" with nowhere to go stays a crisis ahead:
# tests/test_triage_month_and_things.py).
FAR_DAYS = 35
# A date with no year this many days or fewer in the past is the past ("den 1. december" on the 7th), not next year's.
PAST_DAYS = 120
# The marks the rules file reads as words (written there with "=" so no typo reaches them).
DATE_SOON = "zzdatesoonzz"
DATE_AHEAD = "zzdateaheadzz"
DATE_FAR = "zzdatefarzz"
DATE_OUT = "zzdateoutzz"

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def today() -> dt.date:
    """Today's date in Denmark (replaced in tests)."""
    return dt.datetime.now(DANISH_TIME).date()


MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "marts": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Month words that are other words too ("I may", "to march", short forms): a date only with a day number or a
# deadline's preposition beside them. ("jul" is Christmas in Danish, "til jul": no month here.)
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "feb", "mar", "apr", "jun", "aug", "sep", "sept", "okt",
                              "oct", "nov", "dec"})
NUMBERS = {
    "en": 1, "et": 1, "one": 1, "a": 1, "an": 1, "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4,
    "fem": 5, "five": 5, "seks": 6, "six": 6, "syv": 7, "seven": 7, "otte": 8, "eight": 8, "ni": 9, "nine": 9,
    "ti": 10, "ten": 10, "elleve": 11, "eleven": 11, "tolv": 12, "twelve": 12, "par": 2, "couple": 2, "few": 3,
    "nogle": 3, "halvanden": 1.5,
}
UNITS = {
    "day": 1, "days": 1, "dag": 1, "dage": 1, "dages": 1, "week": 7, "weeks": 7, "uge": 7, "uger": 7, "ugers": 7,
    "month": 30, "months": 30, "maaned": 30, "maaneder": 30, "maaneds": 30, "maaneders": 30,
}
# Before a span: "om tre måneder", "in 60 days", "within six weeks", "inden for to måneder"; after one: "60 days
# notice", "3 måneders varsel", "two months from now".
SPAN_BEFORE = frozenset({"om", "in", "within", "indenfor", "inden", "for"})
SPAN_BEFORE_FOR = frozenset({"inden", "within"})  # "inden for", "within" ("for" alone is a duration: "for 3 weeks")
SPAN_AFTER = frozenset({"notice", "varsel", "varsels", "opsigelse", "opsigelsesvarsel", "from", "frem"})
# What may stand before a date and belongs to it ("til den 1.", "by the 1st of", "udgangen af").
DATE_LEAD = frozenset({"til", "by", "until", "till", "before", "inden", "senest", "pr", "per", "from", "fra", "on",
                       "the", "den", "d", "of", "end", "udgangen", "slutningen", "af", "ultimo", "in", "i", "start",
                       "starten", "primo", "beginning", "early", "late", "mid", "midten"})
# A deadline's own preposition: enough for a month word that is another word too ("by March", "til maj").
DEADLINE_WORDS = frozenset({"til", "by", "until", "till", "before", "inden", "senest", "pr", "per", "from", "fra",
                            "udgangen", "slutningen", "end", "ultimo", "primo"})
END_WORDS = frozenset({"end", "udgangen", "slutningen", "ultimo", "late"})
# Putting out in the present or the progressive (date31): with a date ahead it is to come, and a home's end.
PUT_OUT_NOW = frozenset({"smider", "saetter", "udsaetter", "throwing", "kicking", "evicting", "evicts", "throws",
                         "kicks", "chucking"})
# A future, a deadline or a notice said near the date (the words before it in its clause, or just after).
FUTURE_WORDS = frozenset({
    "skal", "skulle", "maa", "have", "has", "must", "will", "ll", "going", "gonna", "need", "needs", "ends",
    "ending", "expires", "expire", "udloeber", "ophoerer", "slutter", "notice", "varsel", "opsigelse", "opsagt",
    "opsiger", "lease", "kontrakt", "kontrakten", "lejekontrakt", "lejekontrakten", "til", "by", "until", "till",
    "before", "inden", "senest", "fra", "from", "getting", "being", "bliver", "moving", "flytter",
    # date31: a putting out said in the present with a date ahead is to come ("min udlejer smider mig ud den 1.
    # april", "he's kicking us out in April"); the past ("smed", "kicked") names when it happened.
    *PUT_OUT_NOW,
})
# The past near the date: it names when something happened ("for to måneder siden", "had to leave in March").
PAST_WORDS = frozenset({"ago", "siden", "last", "sidste", "since", "had", "havde", "maatte"})
# The end of a home said near a date far ahead (DATE_FAR): leaving, moving, a notice, a lease, an eviction.
HOME_END_WORDS = frozenset({
    "leave", "vacate", "move", "moving", "flytte", "flytter", "fraflytte", "fraflytter", "notice", "varsel",
    "opsigelse", "opsagt", "opsiger", "opsige", "lease", "kontrakt", "kontrakten", "lejekontrakt", "lejekontrakten",
    "lejemaal", "lejemaalet", "evict", "evicted", "eviction", "evicting", "udsat", "udsaettelse", "ude",
    *PUT_OUT_NOW,
})
# A home that starts, not one that ends, near the date (date31): "I have nowhere to stay until my new lease starts on
# February 1", "jeg skal først flytte ind 1. marts" is a night without a bed now and a home later.
HOME_START_WORDS = frozenset({"starts", "begins", "starter", "begynder", "ready", "klar", "new", "ny", "nye", "nyt"})
MOVE_WORDS = frozenset({"move", "moving", "moves", "flytte", "flytter"})
MOVE_IN = frozenset({"in", "ind", "into"})
FUTURE_BEFORE = 8
FUTURE_AFTER = 3
PAST_BEFORE = 5
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th|te|ste)?$")
_YEAR = re.compile(r"^20\d\d$")


def _day(token: str) -> int | None:
    m = _DAY.match(token)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    return None


def _number(token: str) -> float | None:
    if token.isdigit() and len(token) <= 3:
        return float(token)
    return NUMBERS.get(token)


def _lead(tokens: list[str], at: int) -> int:
    """Where the words belonging to a date that starts at ``at`` start ("til den", "by the end of")."""
    lo = at
    while lo > 0 and tokens[lo - 1] in DATE_LEAD and at - lo < 4:
        lo -= 1
    return lo


def _date(year: int, month: int, day: int | None, end: bool) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, last if end else min(day or 1, last))


def _month_dates(tokens: list[str], now: dt.date) -> list[tuple[int, int, int, bool]]:
    """(start, end, days ahead, with its day) of each month-name date ("1. april", "March 1st", "the end of August",
    "i august")."""
    found = []
    for j, token in enumerate(tokens):
        month = MONTHS.get(token)
        if month is None:
            continue
        lo, hi, day = j, j + 1, None
        if j >= 1 and (d := _day(tokens[j - 1])) is not None:
            lo, day = j - 1, d
        elif j >= 2 and tokens[j - 1] == "of" and (d := _day(tokens[j - 2])) is not None:
            lo, day = j - 2, d
        elif j + 1 < len(tokens) and (d := _day(tokens[j + 1])) is not None:
            hi, day = j + 2, d
        lo = _lead(tokens, lo)
        before = set(tokens[lo:j])
        if token in AMBIGUOUS_MONTHS and day is None and not before & DEADLINE_WORDS:
            continue
        if hi < len(tokens) and _YEAR.match(tokens[hi]):
            year, hi = int(tokens[hi]), hi + 1
            when = _date(year, month, day, bool(before & END_WORDS))
        else:
            when = _date(now.year, month, day, bool(before & END_WORDS))
            if when < now:
                if (now - when).days <= PAST_DAYS:
                    continue
                when = _date(now.year + 1, month, day, bool(before & END_WORDS))
        found.append((lo, hi, (when - now).days, day is not None))
    return found


# What may not follow a day number said alone ("den 9 årige", "the 3 of us", "d 2 gange"): no date.
NOT_AFTER_DAY = frozenset({"of", "gange", "times", "x", "kr", "kroner", "dkk", "aar", "aarig", "aarige", "years",
                           "year", "old", "procent", "percent", "timer", "hours", "minutter", "minutes", "klokken",
                           "kl", "personer", "people", "boern", "kids"})
# What may not stand before a day and a month said in numbers ("kl. 10/11", "at 10 12", "aged 1/2", "vandt 3-1"): a
# time, an age or a score, not a date. (A word must stand before them: "1 2" after a number is a count.)
NOT_BEFORE_NUMBERS = frozenset({"kl", "klokken", "at", "ca", "cirka", "about", "around", "aged", "age", "ages",
                                "alder", "alderen", "score", "scored", "stillingen", "vandt", "won", "lost", "tabte"})


def _number_dates(tokens: list[str], now: dt.date) -> list[tuple[int, int, int, bool]]:
    """(start, end, days ahead, True) of each date said in numbers or by its day alone (date31): "d. 1/4", "1/2"
    (Danish order: day, then month; the slash is gone from the words), "den 9.", "by the 9th" (the next such day)."""
    found = []
    for j, token in enumerate(tokens):
        day = _day(token)
        if day is None or (j + 1 < len(tokens) and tokens[j + 1] in MONTHS):
            continue
        before = tokens[j - 1] if j else ""
        after = tokens[j + 1] if j + 1 < len(tokens) else ""
        if after.isdigit() and len(after) <= 2 and 1 <= int(after) <= 12 and token.isdigit():
            if before in NOT_BEFORE_NUMBERS or not before.isalpha():
                continue
            hi = j + 2
            if hi < len(tokens) and (tokens[hi] in UNITS or tokens[hi] in NOT_AFTER_DAY):
                continue
            month = int(after)
            if day > calendar.monthrange(now.year, month)[1]:
                continue
            if hi < len(tokens) and _YEAR.match(tokens[hi]):
                when, hi = dt.date(int(tokens[hi]), month, day), hi + 1
            else:
                when = dt.date(now.year, month, day)
                if when < now:
                    if (now - when).days <= PAST_DAYS:
                        continue
                    when = _date(now.year + 1, month, day, False)
            found.append((_lead(tokens, j), hi, (when - now).days, True))
        elif before in ("den", "d") or (before == "the" and not token.isdigit()):
            if after.isdigit() or after in UNITS or after in NOT_AFTER_DAY:
                continue
            year, month = (now.year, now.month) if day >= now.day else (now.year + (now.month == 12),
                                                                          now.month % 12 + 1)
            if day > calendar.monthrange(year, month)[1]:
                continue
            found.append((_lead(tokens, j), j + 1, (dt.date(year, month, day) - now).days, True))
    return found


def _spans(tokens: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, days) of each span of time ahead ("om tre måneder", "in 60 days", "60 days notice")."""
    found = []
    for j, token in enumerate(tokens):
        unit = UNITS.get(token)
        if unit is None or j == 0:
            continue
        k = j - 1
        if tokens[k] == "of" and k >= 1:  # "a couple of weeks"
            k -= 1
        n = _number(tokens[k])
        if n is None:
            continue
        lo = k - 1 if k >= 1 and tokens[k - 1] in ("a", "et", "an") and tokens[k] in ("couple", "few", "par") else k
        after = tokens[j + 1] if j + 1 < len(tokens) else ""
        before = tokens[lo - 1] if lo >= 1 else ""
        if before == "for" and lo >= 2 and tokens[lo - 2] in SPAN_BEFORE_FOR:
            lo -= 2
        elif before in SPAN_BEFORE - {"for"}:
            lo -= 1
        elif after not in SPAN_AFTER:
            continue
        found.append((lo, j + 1 + (after in SPAN_AFTER), int(n * unit)))
    return found


# "next month", "næste måned" (the first of the next month); "the end of the month", "udgangen af måneden" (its last
# day).
NEXT_MONTH: tuple[tuple[str, ...], ...] = (("next", "month"), ("naeste", "maaned"))
MONTH_END: tuple[tuple[str, ...], ...] = (("end", "of", "the", "month"), ("end", "of", "this", "month"),
                                          ("udgangen", "af", "maaneden"), ("slutningen", "af", "maaneden"),
                                          ("udgangen", "af", "denne", "maaned"))


def _relative(tokens: list[str], now: dt.date) -> list[tuple[int, int, int]]:
    """(start, end, days) of "next month", "næste måned", "the end of the month", "udgangen af måneden"."""
    first_next = dt.date(now.year + (now.month == 12), now.month % 12 + 1, 1)
    month_end = calendar.monthrange(now.year, now.month)[1] - now.day
    found = []
    for j in range(len(tokens)):
        for phrase in NEXT_MONTH:
            if tuple(tokens[j:j + len(phrase)]) == phrase:
                found.append((_lead(tokens, j), j + len(phrase), (first_next - now).days))
        for phrase in MONTH_END:
            if tuple(tokens[j:j + len(phrase)]) == phrase:
                found.append((_lead(tokens, j), j + len(phrase), month_end))
    return found


def _future_said(tokens: list[str], lo: int, hi: int) -> bool:
    """A future, a deadline or a notice near the date, and no past just before it."""
    if any(t in PAST_WORDS for t in tokens[max(0, lo - PAST_BEFORE):hi + 1]):
        return False
    near = tokens[max(0, lo - FUTURE_BEFORE):lo] + tokens[lo:hi] + tokens[hi:hi + FUTURE_AFTER]
    return any(t in FUTURE_WORDS for t in near)


def _home_ends(tokens: list[str], lo: int, hi: int) -> bool:
    """The end of a home said near the date, and no home that starts there ("moving in", "my new lease starts")."""
    first, last = max(0, lo - FUTURE_BEFORE), min(len(tokens), hi + FUTURE_AFTER)
    near = tokens[first:last]
    if any(t in HOME_START_WORDS for t in near):
        return False

    def moves_in(k: int) -> bool:  # "flytte ind", "move into"; not the date's own "in" ("move in April")
        return tokens[k] in MOVE_WORDS and k + 1 < len(tokens) and tokens[k + 1] in MOVE_IN and not lo <= k + 1 < hi

    return (any(tokens[k] in HOME_END_WORDS and not moves_in(k) for k in range(first, last))
            or any(near[k:k + 2] == ["be", "out"] for k in range(len(near))))


def date_marks(tokens: list[str], now: dt.date | None = None) -> dict[str, set[int]]:
    """The words' positions to mark DATE_SOON, DATE_AHEAD, DATE_OUT and DATE_FAR (every word of a date or span said
    as ahead)."""
    if not any(t in MONTHS or t in UNITS or t == "maaneden" or t[:1].isdigit() for t in tokens):
        return {}
    now = now or today()
    marks: dict[str, set[int]] = {}
    found = [*_month_dates(tokens, now), *_number_dates(tokens, now),
             *((*span, False) for span in (*_spans(tokens), *_relative(tokens, now)))]
    for lo, hi, days, with_day in found:
        if days < 0 or not _future_said(tokens, lo, hi):
            continue
        if days <= AHEAD_DAYS:
            if with_day:
                marks.setdefault(DATE_SOON, set()).update(range(lo, hi))
            continue
        marks.setdefault(DATE_AHEAD, set()).update(range(lo, hi))
        if _home_ends(tokens, lo, hi):
            marks.setdefault(DATE_OUT, set()).update(range(lo, hi))
            if days > FAR_DAYS:
                marks.setdefault(DATE_FAR, set()).update(range(lo, hi))
    return marks
