"""Find visible listings for a search, cheapest monthly cost first, one page at a time.

Visibility is decided when the query runs (active and not past its last day), so a listing is hidden the
moment it expires even if the periodic `expire` job has not marked it yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.listings.ages import excluded_groups
from bot.listings.filters import Filters
from bot.listings.models import Listing

PAGE_SIZE = 5
# Counting every match of a broad search costs more than the page itself; "more than 100" is enough to say.
COUNT_CAP = 100
DANISH_TIME = ZoneInfo("Europe/Copenhagen")


@dataclass(frozen=True)
class Page:
    listings: list[Listing]
    page: int
    # Matches counted up to COUNT_CAP + 1; ``total > COUNT_CAP`` means "more than COUNT_CAP".
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, COUNT_CAP) // PAGE_SIZE))

    @property
    def has_next(self) -> bool:
        return (self.page + 1) * PAGE_SIZE < self.total


def local_day(now: dt.datetime) -> dt.date:
    """Today in Denmark: a listing's last day ends at midnight Danish time, not UTC."""
    return now.astimezone(DANISH_TIME).date()


def visible(today: dt.date) -> list[Any]:
    """The conditions every listing a young person sees must meet."""
    return [Listing.status == "active", Listing.expires_on >= today]


def matching(filters: Filters, today: dt.date) -> list[Any]:
    conditions = visible(today)
    if filters.municipality:
        conditions.append(Listing.municipality == filters.municipality)
    if filters.max_total is not None:
        conditions.append(Listing.monthly_total <= filters.max_total)
    if filters.kind:
        conditions.append(Listing.kind == filters.kind)
    if excluded := excluded_groups(filters.age_band):
        # A home "til unge 18-29" does not fit a 17-year-old: never shown as if it did.
        conditions.append(col(Listing.target_group).notin_(excluded))
    return conditions


def search(session: Session, filters: Filters, *, today: dt.date, page: int = 0,
           page_size: int = PAGE_SIZE) -> Page:
    """One page of matches sorted by rent + aconto (ties by id, so pages never overlap)."""
    conditions = matching(filters, today)
    listings = session.exec(
        select(Listing).where(*conditions)
        .order_by(col(Listing.monthly_total), col(Listing.id))
        .offset(page * page_size).limit(page_size)
    ).all()
    capped = select(Listing.id).where(*conditions).limit(COUNT_CAP + 1).subquery()
    total = session.exec(select(func.count()).select_from(capped)).one()
    return Page(list(listings), page, total)
