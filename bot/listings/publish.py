"""Put checked listings into the database: insert new ones, update known ones, then tell the alerts.

Both the CSV import and the bot's form end here, so "upsert by (provider, reference)" and "a new listing
reaches the saved searches" are implemented once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, tuple_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from bot.listings import alerts
from bot.listings.models import Listing, monthly_cost
from bot.listings.search import local_day


@dataclass(frozen=True)
class ListingInput:
    """One listing as a partner described it, already checked (bot.listings.fields)."""

    provider: str
    provider_ref: str
    municipality: str
    area: str
    kind: str
    rooms: int | None
    size_m2: int | None
    rent: int
    # None: not known (the partner's sheet has no aconto column).
    aconto: int | None
    deposit: int | None
    prepaid_rent: int | None
    # None: not known (the partner's sheet says "ukendt" or "-").
    available_from: dt.date | None
    target_group: str
    apply_url: str | None
    apply_phone: str | None
    description: str | None
    expires_on: dt.date
    demo: bool = False
    # False: the partner gave no last day and ``expires_on`` is the default counted from today, which moves each day a
    # file is sent again; such a move is no change the partner made.
    expiry_given: bool = True


# The reference the step-by-step form gives a listing published without one (bot/listings/partner_form.py): such a
# listing cannot be in a partner's file, so a file never withdraws it.
FORM_REF_PREFIX = "bot-"


@dataclass(frozen=True)
class PublishResult:
    created: int
    # Listings whose row says something new (or that were withdrawn or expired and are shown again).
    updated: int
    # Messages queued to young people whose saved search fits a new listing.
    alerts_sent: int = 0
    # References of the listings withdrawn because the partner's file no longer has them (``whole_list``).
    withdrawn: tuple[str, ...] = ()
    # Listings already published exactly as the row says: a file sent again unchanged changes nothing.
    unchanged: int = 0


def publish(session: Session, items: list[ListingInput], *, now: dt.datetime, dry_run: bool = False,
            notify: bool = True, whole_list: bool = False) -> PublishResult:
    """Insert or update ``items`` by (provider, provider_ref) in the caller's transaction.

    A listing in the file is available: an updated one becomes active again. New and re-activated listings
    are matched against saved searches (``notify``); demo listings never are. ``whole_list``: the items are
    everything the provider offers now (a partner's file), so their active listings not among them are let or
    gone and are withdrawn; sending the row again brings one back.
    """
    withdrawn = _missing(session, items) if whole_list else []
    known = _known(session, items)
    today = local_day(now)
    new_rows, changed_rows, refreshed_rows = [], [], []
    unchanged = 0
    for item in items:
        values = dataclasses.asdict(item)
        del values["expiry_given"]
        values.update(monthly_total=monthly_cost(item.rent, item.aconto), status="active", updated_at=now)
        found = known.get((item.provider, item.provider_ref))
        if found is None:
            values.update(published_at=now, alerts_pending=notify and not item.demo)
            new_rows.append(values)
        elif found.status == "active" and _same(found, item, today):
            unchanged += 1
            if item.expires_on != found.content["expires_on"]:
                # Sent again with no last day: shown the default days from today, the listing itself unchanged.
                refreshed_rows.append({"id": found.id, "expires_on": item.expires_on})
        else:
            values["id"] = found.id
            if found.status != "active" or _fits_more(found, item):
                values["alerts_pending"] = notify and not item.demo
            changed_rows.append(values)
    refs = tuple(sorted(ref for _id, ref in withdrawn))
    if dry_run:
        return PublishResult(created=len(new_rows), updated=len(changed_rows), withdrawn=refs, unchanged=unchanged)
    if withdrawn:
        session.execute(update(Listing).where(col(Listing.id).in_([listing_id for listing_id, _ref in withdrawn]))
                        .values(status="withdrawn", updated_at=now))
    if new_rows:
        session.execute(insert(Listing), new_rows)
    if changed_rows or refreshed_rows:
        # ORM bulk UPDATE by primary key: one executemany instead of loading every row.
        for group in _same_keys(changed_rows + refreshed_rows):
            session.execute(update(Listing), group)
    sent = alerts.dispatch(session, now) if notify else 0
    return PublishResult(created=len(new_rows), updated=len(changed_rows), alerts_sent=sent, withdrawn=refs,
                         unchanged=unchanged)


def _missing(session: Session, items: list[ListingInput]) -> list[tuple[int, str]]:
    """(id, reference) of each active listing of the items' providers that the items do not have: not the
    form's listings published without a reference, nor demo listings."""
    refs: dict[str, set[str]] = {}
    for item in items:
        refs.setdefault(item.provider, set()).add(item.provider_ref)
    rows = session.execute(
        sa_select(col(Listing.id), col(Listing.provider), col(Listing.provider_ref))
        .where(col(Listing.provider).in_(sorted(refs)), col(Listing.status) == "active", ~col(Listing.demo),
               # substr, not LIKE: LIKE ignores case on SQLite, and a partner's own "BOT-12" is in their file.
               func.substr(col(Listing.provider_ref), 1, len(FORM_REF_PREFIX)) != FORM_REF_PREFIX)
    ).all()
    return [(listing_id, ref) for listing_id, provider, ref in rows if ref not in refs[provider]]


# What a row says about a listing, compared with what is stored to tell an unchanged row from an update.
_CONTENT = tuple(f.name for f in dataclasses.fields(ListingInput)
                 if f.name not in ("provider", "provider_ref", "expiry_given"))


@dataclass(frozen=True)
class _Known:
    """What a listing that already exists was: whether an update changes it, and whether it can fit new searches."""

    id: int
    status: str
    monthly_total: int
    content: dict[str, Any]

    @property
    def municipality(self) -> str:
        return str(self.content["municipality"])

    @property
    def kind(self) -> str:
        return str(self.content["kind"])


def _same(known: _Known, item: ListingInput, today: dt.date) -> bool:
    """The row says what the listing already says. A free-from day passed or today is the same "free now" (a
    "straks" sent again tomorrow is no new day), and a default last day that moved is no change of the partner's."""
    for name in _CONTENT:
        was, now = known.content[name], getattr(item, name)
        if was == now:
            continue
        if name == "available_from" and was is not None and now is not None and max(was, now) <= today:
            continue
        if name == "expires_on" and not item.expiry_given:
            continue
        return False
    return True


def _fits_more(known: _Known, item: ListingInput) -> bool:
    """An update that can fit saved searches the listing did not fit: cheaper, or another municipality or type.

    A partner lowering the rent from 4.800 to 3.800 kr. a month told nobody whose alert said "max 4.000". The
    table of homes already told (alerts.dispatch) still keeps anyone from hearing about one home twice."""
    return (monthly_cost(item.rent, item.aconto) < known.monthly_total or item.municipality != known.municipality
            or item.kind != known.kind)


def _known(session: Session, items: list[ListingInput]) -> dict[tuple[str, str], _Known]:
    """What is known of every listing in ``items`` that already exists."""
    keys = {(item.provider, item.provider_ref) for item in items}
    found: dict[tuple[str, str], _Known] = {}
    ordered = sorted(keys)
    # Chunks keep the number of bound parameters far below SQLite's limit.
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        rows = session.execute(
            # SQLAlchemy's select: sqlmodel's types only up to four columns; whole rows would cost a 10,000-row file.
            sa_select(col(Listing.provider), col(Listing.provider_ref), col(Listing.id), col(Listing.status),
                      col(Listing.monthly_total), *(getattr(Listing, name) for name in _CONTENT))
            .where(tuple_(Listing.provider, Listing.provider_ref).in_(chunk))
        ).all()
        for provider, ref, listing_id, status, total, *content in rows:
            found[(provider, ref)] = _Known(listing_id, status, total, dict(zip(_CONTENT, content, strict=True)))
    return found


def _same_keys(rows: list[dict]) -> list[list[dict]]:
    """Group rows by their set of keys: a bulk UPDATE needs the same columns in every row."""
    groups: dict[frozenset[str], list[dict]] = {}
    for row in rows:
        groups.setdefault(frozenset(row), []).append(row)
    return list(groups.values())
