"""Statistics tables besides the core's QueryStat and Feedback (bot/models.py): housing searches and alerts,
and the marker that a database holds demo activity. No row names a person or a chat."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Index
from sqlmodel import Field, SQLModel

from bot.models import timestamp_field, utcnow

# What a listing statistics row counts.
SEARCH, ALERT_SENT = "search", "alert_sent"


class ListingStat(SQLModel, table=True):
    """One housing search (its first page) or one alert message sent: where, which rent band, found or not."""

    __tablename__ = "listing_stat"
    __table_args__ = (Index("ix_listing_stat_day", "day", "event"),)

    id: int | None = Field(default=None, primary_key=True)
    event: str = Field(max_length=16)
    municipality: str | None = Field(default=None, max_length=32)
    # bot.stats.record.RENT_BANDS: the search's maximum monthly cost, in bands (never the exact amount).
    rent_band: str = Field(max_length=16)
    kind: str | None = Field(default=None, max_length=32)
    # For a search: did anything fit? (None for alerts)
    found: bool | None = None
    day: dt.date = Field(sa_type=Date)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


class DemoRun(SQLModel, table=True):
    """Written by `husly stats demo`: the report then says in its title that the numbers are made up."""

    __tablename__ = "stats_demo_run"

    id: int | None = Field(default=None, primary_key=True)
    seed: int
    days: int
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
