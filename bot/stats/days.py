"""Danish days and weeks: statistics and reports count by the day in Europe/Copenhagen, not in UTC."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Copenhagen")


def local_day(moment: dt.datetime) -> dt.date:
    """The Danish calendar day of an aware moment (23:30 UTC on 1 June is 2 June in Denmark)."""
    return moment.astimezone(TZ).date()


def day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of a Danish day, in UTC (summer time handled)."""
    return dt.datetime.combine(day, dt.time(), tzinfo=TZ).astimezone(dt.UTC)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week ``day`` is in."""
    return day - dt.timedelta(days=day.weekday())
