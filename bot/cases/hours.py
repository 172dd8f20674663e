"""Office hours per municipality: parse "mon-fri 08:00-15:30", tell whether they are open, and when next.

Times are local Danish time (Europe/Copenhagen, so summer time is handled). Offices are closed on Danish
public holidays and on the days most public offices close though they are not official holidays (1 May,
Constitution Day, Christmas Eve, New Year's Eve): the ``holidays`` package's "public" and "optional"
categories for DK (Store Bededag gone from 2024). On a day we cannot be sure of, closed is the safe guess:
the young person then sees the out-of-hours help (112, crisis lines) as well, and the case is queued either way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    import holidays

TZ = ZoneInfo("Europe/Copenhagen")
DEFAULT_OFFICE_HOURS = "mon-fri 08:00-15:30"
ALWAYS = ("24/7", "always")
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
         # Danish abbreviations, so a coordinator can write "man-fre 08:00-15:30".
         "man": 0, "tir": 1, "ons": 2, "tor": 3, "fre": 4, "lør": 5, "loer": 5, "søn": 6, "soen": 6}
_PART = re.compile(r"^(?P<days>[a-zæøå]+(?:-[a-zæøå]+)?)\s+(?P<start>\d{1,2}[:.]\d{2})-(?P<end>\d{1,2}[:.]\d{2})$")


class HoursError(ValueError):
    """The office-hours text cannot be read; the message says what to write instead."""


@dataclass(frozen=True)
class Span:
    days: frozenset[int]
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class OfficeHours:
    spans: tuple[Span, ...]
    always: bool = False
    text: str = DEFAULT_OFFICE_HOURS

    def is_open(self, now: dt.datetime) -> bool:
        """True when ``now`` (any time zone) falls within the office hours (never on a holiday)."""
        if self.always:
            return True
        local = now.astimezone(TZ)
        if is_holiday(local.date()):
            return False
        return any(local.weekday() in s.days and s.start <= local.time() < s.end for s in self.spans)

    def next_opening(self, now: dt.datetime) -> dt.datetime | None:
        """The next moment the office opens, in local time; None when it is open now or never opens."""
        if self.always or self.is_open(now) or not self.spans:
            return None
        local = now.astimezone(TZ)
        # Two weeks covers the longest run of closed days (Easter: Thursday to Monday, plus a weekend).
        for offset in range(15):
            day = local.date() + dt.timedelta(days=offset)
            if is_holiday(day):
                continue
            starts = sorted(s.start for s in self.spans if day.weekday() in s.days)
            for start in starts:
                candidate = dt.datetime.combine(day, start, tzinfo=TZ)
                if candidate > local:
                    return candidate
        return None


# Messages nobody is waiting for (fx the follow-up after a case) are not sent at night.
KIND_HOURS = (dt.time(9, 0), dt.time(21, 0))


def at_a_kind_hour(moment: dt.datetime) -> dt.datetime:
    """``moment`` if it is between 09:00 and 21:00 Danish time, else the next 09:00 (in UTC)."""
    local = moment.astimezone(TZ)
    start, end = KIND_HOURS
    if start <= local.time() < end:
        return moment
    day = local.date() if local.time() < start else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, start, tzinfo=TZ).astimezone(dt.UTC)


def is_holiday(day: dt.date) -> bool:
    """A Danish public holiday, or a day public offices close (see the module docstring)."""
    return day in _danish_holidays()


@cache
def _danish_holidays() -> holidays.HolidayBase:
    # Years are added as they are asked for (the package computes Easter and the days that follow it). Imported
    # here, when a case first asks whether an office is open: the package's calendars take 6 MB, and most
    # conversations never ask.
    import holidays

    return holidays.country_holidays("DK", categories=("public", "optional"))


def _time(text: str) -> dt.time:
    hours, minutes = (int(x) for x in re.split(r"[:.]", text))
    if hours == 24 and minutes == 0:
        return dt.time.max
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise HoursError(f"{text!r} is not a time of day")
    return dt.time(hours, minutes)


def _days(text: str) -> frozenset[int]:
    first, _, last = text.partition("-")
    if first not in _DAYS or (last and last not in _DAYS):
        raise HoursError(f"unknown day in {text!r}: use mon, tue, wed, thu, fri, sat, sun")
    start, end = _DAYS[first], _DAYS[last or first]
    span = range(start, end + 1) if start <= end else [*range(start, 7), *range(0, end + 1)]
    return frozenset(span)


def parse(text: str | None) -> OfficeHours:
    """Read office hours like "mon-fri 08:00-15:30" or "mon-thu 08:00-15:30; fri 08:00-13:00" or "24/7"."""
    text = (text or DEFAULT_OFFICE_HOURS).strip().lower()
    if text in ALWAYS:
        return OfficeHours((), always=True, text=text)
    spans = []
    for part in re.split(r"[;,]", text):
        match = _PART.match(part.strip())
        if not match:
            raise HoursError(f"cannot read {part.strip()!r}: write fx \"mon-fri 08:00-15:30\"")
        start, end = _time(match["start"]), _time(match["end"])
        if end <= start:
            raise HoursError(f"{part.strip()!r} ends before it starts")
        spans.append(Span(_days(match["days"]), start, end))
    return OfficeHours(tuple(spans), text=text)
