"""The report's period: Danish days from and to (both included), its ISO weeks, and its bounds in UTC."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.stats.days import day_start, local_day, week_start

DEFAULT_DAYS = 90
MAX_DAYS = 366 * 3


class PeriodError(ValueError):
    """The dates cannot make a period; the message says what to give instead."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    municipality: str | None = None

    @classmethod
    def make(cls, start: dt.date | None, end: dt.date | None, now: dt.datetime,
             municipality: str | None = None, first_activity: dt.date | None = None) -> Period:
        """From and to (Danish days); by default the last ``DEFAULT_DAYS`` days up to today, starting no
        earlier than ``first_activity`` (the first day with statistics), so a young service shows no empty
        weeks."""
        end = end or local_day(now)
        if start is None:
            start = end - dt.timedelta(days=DEFAULT_DAYS - 1)
            if first_activity is not None and start < first_activity <= end:
                start = first_activity
        if start > end:
            raise PeriodError(f"--from {start} is after --to {end}")
        if (end - start).days >= MAX_DAYS:
            raise PeriodError(f"a report covers at most {MAX_DAYS} days")
        return cls(start, end, municipality)

    @property
    def since(self) -> dt.datetime:
        """The first moment of the period, in UTC."""
        return day_start(self.start)

    @property
    def until(self) -> dt.datetime:
        """The moment just after the period (midnight after the last day), in UTC."""
        return day_start(self.end + dt.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def weeks(self) -> list[dt.date]:
        """The Mondays of the ISO weeks the period touches."""
        first, last = week_start(self.start), week_start(self.end)
        return [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def week_label(monday: dt.date) -> str:
    """ISO year and week, fx "2026-W48"."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"
