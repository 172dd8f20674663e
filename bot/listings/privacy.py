"""Housing alerts' part of a person's rights: export, erasure and expiry of saved searches."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from bot.listings.models import ListingAlert, ListingAlertSent
from bot.privacy.registry import Store


def export(session: Session, transport: str, chat_id: int) -> dict[str, Any]:
    alerts = session.exec(select(ListingAlert).where(ListingAlert.transport == transport,
                                                     ListingAlert.chat_id == chat_id)).all()
    sent = session.exec(select(ListingAlertSent.listing_id).where(ListingAlertSent.transport == transport,
                                                                  ListingAlertSent.chat_id == chat_id)).all()
    return {
        "saved_searches": [a.model_dump(mode="json", exclude={"id", "transport", "chat_id"}) for a in alerts],
        "listings_sent_to_you": list(sent),
    }


def erase(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    removed = session.exec(delete(ListingAlert).where(col(ListingAlert.transport) == transport,
                                                      col(ListingAlert.chat_id) == chat_id)).rowcount
    removed += session.exec(delete(ListingAlertSent).where(col(ListingAlertSent.transport) == transport,
                                                           col(ListingAlertSent.chat_id) == chat_id)).rowcount
    return removed


def expire(session: Session, now: dt.datetime, limit: dt.datetime) -> int:
    """Alerts end by themselves (60 days); what was sent is forgotten after the retention limit."""
    removed = session.exec(delete(ListingAlert).where(col(ListingAlert.expires_at) < now)).rowcount
    removed += session.exec(delete(ListingAlertSent).where(col(ListingAlertSent.sent_at) < limit)).rowcount
    return removed


STORE = Store("housing_alerts", export, erase, expire)
