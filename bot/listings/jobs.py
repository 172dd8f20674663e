"""The periodic housekeeping the bot runs (and `husly listings expire`): expire listings, end old alerts,
and send alerts for listings whose matching did not happen when they were published."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, update
from sqlmodel import Session, col

from bot.conversation.context import Deps
from bot.db import session_scope
from bot.listings import alerts
from bot.listings.models import Listing
from bot.listings.search import local_day


def expire_listings(session: Session, now: dt.datetime) -> int:
    """Mark active listings past their last day as expired; return how many."""
    result = session.exec(
        update(Listing).where(col(Listing.status) == "active", col(Listing.expires_on) < local_day(now))
        .values(status="expired", updated_at=now)
    )
    return int(result.rowcount or 0)


def tick(engine: Engine, deps: Deps | None, now: dt.datetime) -> dict[str, int]:
    """Run one round of listing housekeeping in one transaction; return counts by kind of work.

    ``deps`` is unused today; it is in the signature so every feature's tick has the same shape.
    """
    with session_scope(engine) as session:
        return {
            "listings_expired": expire_listings(session, now),
            "alerts_ended": alerts.end_expired(session, now),
            "alerts_sent": alerts.dispatch(session, now),
        }
