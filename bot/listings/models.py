"""Listings published by partners, the searches young people save as alerts, and which alerts were sent.

Amounts are whole kroner per month. ``monthly_total`` (rent + aconto) is stored so the search can filter and
sort on what a person really pays, straight from an index. When the partner's sheet gives no aconto it is the rent
alone: what is known of the cost, used to search and sort, never shown as a total (see ``monthly_cost``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.listings.kinds import KINDS, STATUSES, TARGET_GROUPS
from bot.models import timestamp_field, utcnow

__all__ = ["KINDS", "STATUSES", "TARGET_GROUPS", "Listing", "ListingAlert", "ListingAlertSent", "monthly_cost"]


class Listing(SQLModel, table=True):
    """One home a partner offers. Unique per (provider, provider_ref), so re-sending a file updates it."""

    __tablename__ = "listing"
    __table_args__ = (
        UniqueConstraint("provider", "provider_ref", name="uq_listing_provider_ref"),
        # One index per filter combination people use, each ending in the sort key, so the first page of a
        # search is read in order from the index without sorting the matches (id breaks ties on PostgreSQL).
        Index("ix_listing_search_municipality", "status", "municipality", "monthly_total", "id"),
        Index("ix_listing_search_kind", "status", "kind", "monthly_total", "id"),
        Index("ix_listing_search_all", "status", "monthly_total", "id"),
        # No index on expires_on: without statistics SQLite would pick it for "expires_on >= today" and then
        # sort every match; the expire job is fine scanning the active rows once in a while.
        Index("ix_listing_provider", "provider", "status"),
        Index("ix_listing_alerts_pending", "alerts_pending"),
    )

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=100)
    provider_ref: str = Field(max_length=64)
    municipality: str = Field(max_length=32)
    area: str = Field(max_length=60)
    kind: str = Field(max_length=32)
    # Unknown when the partner's sheet does not say (a room in a shared flat, a shelter place): shown only when known.
    rooms: int | None = None
    size_m2: int | None = None
    rent: int
    # None: the sheet has no aconto column (not known, shown as "aconto ikke oplyst"); 0 is a sheet saying none.
    aconto: int | None = None
    # The search's budget and sort key: rent + aconto, or the rent alone when the aconto is not known.
    monthly_total: int
    # None: not known (no such column, an empty cell, "ukendt", or "Ved ikke" in the form); 0 is the partner saying
    # there is none ("0", "ingen", "gratis"). No default: the ORM's bulk insert leaves a None out, and a default would
    # then turn "not known" into 0.
    deposit: int | None = None
    prepaid_rent: int | None = None
    # None: the partner's sheet says the day is not known ("ukendt", "-"); shown as "ledig fra: ikke oplyst".
    available_from: dt.date | None = Field(default=None, sa_type=Date)
    target_group: str = Field(default="everyone", max_length=16)
    apply_url: str | None = Field(default=None, max_length=300)
    apply_phone: str | None = Field(default=None, max_length=32)
    description: str | None = Field(default=None, max_length=300)
    published_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    updated_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # Shown until the end of this day; after that the search hides it and `expire` marks it expired.
    expires_on: dt.date = Field(sa_type=Date)
    status: str = Field(default="active", max_length=16)
    demo: bool = False
    # True until the alerts have been matched against this listing (set when it is new or active again).
    alerts_pending: bool = False


def monthly_cost(rent: int, aconto: int | None) -> int:
    """``Listing.monthly_total``: rent + aconto, or the rent alone when the aconto is not known.

    A search "under 3.500" shows a home whose rent alone is under it when the aconto is not given (hiding it would
    hide a home that may well fit); its card says "aconto (ikke oplyst)" and never shows a total."""
    return rent + (aconto or 0)


class ListingAlert(SQLModel, table=True):
    """A saved search ("Giv mig besked"): one per chat; a new one replaces the old. Ends by itself."""

    __tablename__ = "listing_alert"
    __table_args__ = (UniqueConstraint("transport", "chat_id", name="uq_listing_alert_chat"),)

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    lang: str = Field(default="da", max_length=2)
    municipality: str | None = Field(default=None, max_length=32)
    max_total: int | None = None
    kind: str | None = Field(default=None, max_length=32)
    # The age band said (bot/listings/ages.py, migration 0028): homes whose age range leaves it out are not told.
    age_band: str | None = Field(default=None, max_length=16)
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    expires_at: dt.datetime = timestamp_field(nullable=False, index=True)


class ListingAlertSent(SQLModel, table=True):
    """A listing already told to a chat: the reason nobody hears about the same home twice."""

    __tablename__ = "listing_alert_sent"

    transport: str = Field(primary_key=True, max_length=16)
    chat_id: int = Field(primary_key=True, sa_type=BigInteger)
    listing_id: int = Field(primary_key=True, foreign_key="listing.id", ondelete="CASCADE")
    sent_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
