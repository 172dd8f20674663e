"""What the conversation calls to count things for the report: a question's visitor, a housing search, the
housing alerts sent. Rows hold codes and bands only (never an amount typed, a chat or a person)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import insert
from sqlmodel import Session

from bot.db import insert_row
from bot.models import Profile
from bot.stats.days import local_day
from bot.stats.models import ALERT_SENT, SEARCH, ListingStat

# Maximum monthly cost (rent + aconto) in bands; "any" when the person chose no maximum.
RENT_BANDS: tuple[tuple[str, int | None], ...] = (
    ("0-3000", 3000), ("3001-4000", 4000), ("4001-5000", 5000), ("5001-6000", 6000), ("6001+", None))
ANY_RENT = "any"
BAND_NAMES = (*(name for name, _ in RENT_BANDS), ANY_RENT)


def rent_band(max_total: int | None) -> str:
    """The band a search's maximum monthly cost falls in."""
    if max_total is None:
        return ANY_RENT
    return next(name for name, upper in RENT_BANDS if upper is None or max_total <= upper)


def visitor(profile: Profile, now: dt.datetime) -> str | None:
    """"new" or "returning" for the person's first question of the Danish day, else None.

    New means the profile was made that day; a person is counted once a day however much they ask. The
    profile keeps only the day of the last question (it goes with the profile on erasure or retention).
    """
    today = local_day(now)
    if profile.last_asked_on == today:
        return None
    profile.last_asked_on = today
    return "new" if local_day(profile.created_at) >= today else "returning"


def record_search(session: Session, *, municipality: str | None, max_total: int | None, kind: str | None,
                  found: bool, now: dt.datetime) -> None:
    """Count one housing search (its first page): where, which rent band, type, and whether anything fit."""
    insert_row(session, ListingStat, {"event": SEARCH, "municipality": municipality, "rent_band": rent_band(max_total),
                                      "kind": kind, "found": found, "day": local_day(now), "created_at": now})


def record_alerts(session: Session, alerts: Iterable[tuple[str | None, int | None, str | None]],
                  now: dt.datetime) -> None:
    """Count alert messages sent, one row per (municipality, max_total, kind) of the saved search."""
    rows = [{"event": ALERT_SENT, "municipality": municipality, "rent_band": rent_band(max_total), "kind": kind,
             "found": None, "day": local_day(now), "created_at": now} for municipality, max_total, kind in alerts]
    if rows:
        session.execute(insert(ListingStat), rows)
