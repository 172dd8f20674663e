"""Saved searches ("Giv mig besked"): match new listings, queue one message per person, end after 60 days.

A listing is matched once, when it is new (or active again): ``Listing.alerts_pending`` marks it until then.
``ListingAlertSent`` remembers every (chat, listing) already told, so nobody hears about a home twice, even
when a listing is published again. Messages go through the outbox, spread out so a big import stays under
Telegram's limit of about 30 messages a second to different chats.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import and_, delete, exists, func, insert, not_, or_, update
from sqlmodel import Session, col, select

from bot.conversation.callbacks import button
from bot.i18n import _, format_date, use_lang
from bot.listings.ages import excluded_bands
from bot.listings.buttons import SaveAlert, SearchPage, StopAlert
from bot.listings.filters import Filters
from bot.listings.models import Listing, ListingAlert, ListingAlertSent
from bot.listings.render import aconto_note, card, summary
from bot.listings.search import local_day
from bot.models import Outbox
from bot.outbox import enqueue
from bot.replies import Reply, esc
from bot.stats.record import record_alerts

ALERT_DAYS = 60
# Bulk alerts keep to 20 of the bot's 30 a second (bot/config.py): answers to people writing meanwhile get the rest.
MESSAGES_PER_SECOND = 20
SHOWN = 3
# All alert messages carry this outbox ref, so the next batch can queue behind the ones still waiting.
OUTBOX_REF = "listing-alert"


def filters_of(alert: ListingAlert) -> Filters:
    return Filters(alert.municipality, alert.max_total, alert.kind, alert.age_band)


def save(session: Session, *, transport: str, chat_id: int, lang: str, filters: Filters,
         now: dt.datetime) -> ListingAlert:
    """Save the search for this chat, replacing an earlier one, for ALERT_DAYS days."""
    alert = current(session, transport=transport, chat_id=chat_id) or ListingAlert(transport=transport,
                                                                                   chat_id=chat_id)
    alert.lang, alert.municipality, alert.max_total, alert.kind = lang, filters.municipality, filters.max_total, \
        filters.kind
    alert.age_band = filters.age_band
    alert.created_at, alert.expires_at = now, now + dt.timedelta(days=ALERT_DAYS)
    session.add(alert)
    return alert


def current(session: Session, *, transport: str, chat_id: int) -> ListingAlert | None:
    return session.exec(select(ListingAlert).where(ListingAlert.transport == transport,
                                                   ListingAlert.chat_id == chat_id)).first()


def stop(session: Session, *, transport: str, chat_id: int) -> bool:
    """End this chat's alert; True when there was one."""
    result = session.exec(delete(ListingAlert).where(col(ListingAlert.transport) == transport,
                                                     col(ListingAlert.chat_id) == chat_id))
    return bool(result.rowcount)


def dispatch(session: Session, now: dt.datetime) -> int:
    """Match pending listings against live alerts; queue one message per person; return how many."""
    today = local_day(now)
    told = exists().where(col(ListingAlertSent.transport) == ListingAlert.transport,
                          col(ListingAlertSent.chat_id) == ListingAlert.chat_id,
                          col(ListingAlertSent.listing_id) == Listing.id)
    pairs = session.execute(
        select(ListingAlert.id, Listing.id)
        .join(Listing, and_(
            col(Listing.alerts_pending), col(Listing.status) == "active", col(Listing.expires_on) >= today,
            or_(col(ListingAlert.municipality).is_(None), col(ListingAlert.municipality) == Listing.municipality),
            or_(col(ListingAlert.max_total).is_(None), col(Listing.monthly_total) <= ListingAlert.max_total),
            or_(col(ListingAlert.kind).is_(None), col(ListingAlert.kind) == Listing.kind),
            *_age_fits(),
        ))
        .where(col(ListingAlert.expires_at) > now, ~told)
        .order_by(col(ListingAlert.id), col(Listing.monthly_total), col(Listing.id))
    ).all()
    by_alert: dict[int, list[int]] = defaultdict(list)
    for alert_id, listing_id in pairs:
        by_alert[alert_id].append(listing_id)
    alerts = {a.id: a for a in session.exec(select(ListingAlert).where(col(ListingAlert.id).in_(by_alert))).all()}
    record_alerts(session, ((a.municipality, a.max_total, a.kind) for a in alerts.values()), now)
    start, step = _queue_start(session, now), dt.timedelta(seconds=1 / MESSAGES_PER_SECOND)
    for i, (alert_id, listing_ids) in enumerate(sorted(by_alert.items())):
        alert = alerts[alert_id]
        session.execute(insert(ListingAlertSent), [
            {"transport": alert.transport, "chat_id": alert.chat_id, "listing_id": lid, "sent_at": now}
            for lid in listing_ids])
        cheapest = listing_ids[:SHOWN]
        found = {x.id: x for x in session.exec(select(Listing).where(col(Listing.id).in_(cheapest)))}
        listings = [found[lid] for lid in cheapest if lid in found]
        enqueue(session, transport=alert.transport, chat_id=alert.chat_id, reply=_message(alert, listings,
                len(listing_ids)), ref=OUTBOX_REF, delay=start - now + i * step, now=now)
    session.execute(update(Listing).where(col(Listing.alerts_pending)).values(alerts_pending=False))
    return len(by_alert)


def _age_fits() -> list[Any]:
    """No home whose age range leaves out the alert's age band ("til unge 18-29" for someone under 18)."""
    # coalesce: an alert with no age band fits every home (NULL IN (...) would make the whole test NULL).
    return [not_(and_(col(Listing.target_group) == group, func.coalesce(ListingAlert.age_band, "").in_(bands)))
            for group, bands in excluded_bands().items()]


def end_expired(session: Session, now: dt.datetime) -> int:
    """Delete alerts older than ALERT_DAYS and tell each person, with a button to start again."""
    ended = session.exec(select(ListingAlert).where(ListingAlert.expires_at <= now)).all()
    for alert in ended:
        with use_lang(alert.lang):
            text = esc(_("Your housing alert has stopped after {days} days. Tap to start it again.").format(
                days=ALERT_DAYS))
            again = button("🔔 " + _("Notify me again"), SaveAlert.of(filters_of(alert)))
        enqueue(session, transport=alert.transport, chat_id=alert.chat_id, reply=Reply(text, ((again,),)), now=now)
        session.delete(alert)
    return len(ended)


def _queue_start(session: Session, now: dt.datetime) -> dt.datetime:
    """When the next alert message may go: right away, or after the alert messages still waiting."""
    tail = session.exec(select(func.max(Outbox.available_at)).where(Outbox.ref == OUTBOX_REF,
                                                                    Outbox.status == "pending")).one()
    return max(now, tail + dt.timedelta(seconds=1 / MESSAGES_PER_SECOND)) if tail else now


def _message(alert: ListingAlert, listings: list[Listing], count: int) -> Reply:
    with use_lang(alert.lang):
        filters = filters_of(alert)
        head = _("🔔 New homes that fit your search: {n}").format(n=count) if count > 1 \
            else _("🔔 A new home fits your search")
        parts = [f"<b>{esc(head)}</b>\n{esc(summary(filters))}", *(card(x) for x in listings)]
        if (note := aconto_note(listings)) is not None:
            parts.append(esc(note))
        parts.append("<i>" + esc(_("Alert until {date}. Write /stop_besked to stop it.").format(
            date=format_date(local_day(alert.expires_at)))) + "</i>")
        buttons = ((button(_("See all"), SearchPage.of(filters)),),
                   (button(_("Stop alerts"), StopAlert()),))
        return Reply("\n\n".join(parts), buttons)
