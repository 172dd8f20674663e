"""Show listings and searches as text: type labels, one card per listing, a one-line search summary.

Amounts and dates go through bot.i18n, so Danish reads "4.250 kr." and "1. januar 2027".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.conversation.cards import municipality_name
from bot.i18n import _, format_date, format_money
from bot.listings.filters import Filters
from bot.listings.models import Listing
from bot.replies import esc

if TYPE_CHECKING:  # publish imports alerts, which imports this module
    from bot.listings.publish import ListingInput


def kind_label(kind: str) -> str:
    labels = {
        "vaerelse": _("Room"), "lejlighed": _("Flat"), "ungdomsbolig": _("Youth flat"),
        "kollegievaerelse": _("Dorm room"), "delebolig": _("Shared home"), "skaev-bolig": _("Alternative home"),
        "midlertidig-bolig": _("Temporary home"),
    }
    return labels[kind]


def target_label(group: str) -> str:
    labels = {"youth": _("young people 18-29"), "students": _("students"), "everyone": _("everyone")}
    return labels[group]


def summary(filters: Filters) -> str:
    """"Aarhus · max 4.000 kr. a month · Room", or "all municipalities · any price · all types"."""
    parts = [
        municipality_name(filters.municipality) if filters.municipality else _("all municipalities"),
        _("max {amount} a month").format(amount=format_money(filters.max_total))
        if filters.max_total is not None else _("any price"),
        kind_label(filters.kind) if filters.kind else _("all types"),
    ]
    if filters.age_band:
        parts.append(age_label(filters.age_band))
    return " · ".join(parts)


def age_label(band: str) -> str:
    """The age a search is for, as the summary says it ("under 18 år")."""
    labels = {"under_18": _("under 18"), "18_24": _("age 18-24"), "25_29": _("age 25-29"),
              "30_plus": _("age 30 or more")}
    return labels[band]


def card(listing: Listing) -> str:
    """A few lines: what and where, the monthly cost, money up front, size, date, and how to apply."""
    where = f"{listing.area} ({municipality_name(listing.municipality)})"
    # Rooms and m² only when the partner gave them: a shared room or a shelter place often has neither.
    size = f"{listing.size_m2} m², " if listing.size_m2 is not None else ""
    title = f"{kind_label(listing.kind)}, {size}{where}"
    lines = [("🧪 <b>DEMO</b> · " if listing.demo else "") + f"<b>{esc(title)}</b>"]
    lines.append("💰 " + esc(_cost(listing)))
    lines.append("🔑 " + esc(_up_front(listing.deposit, listing.prepaid_rent)))
    when = [_free_from(listing.available_from)]
    if listing.rooms is not None:
        when.append(_("rooms: {rooms}").format(rooms=listing.rooms))
    when.append(_("for {group}").format(group=target_label(listing.target_group)))
    lines.append("📅 " + esc(" · ".join(when)))
    if listing.description:
        lines.append(esc(listing.description))
    how = []
    if listing.apply_url:
        how.append(f'<a href="{esc(listing.apply_url)}">' + esc(_("Apply here")) + "</a>")
    if listing.apply_phone:
        how.append("☎ " + esc(listing.apply_phone))
    lines.append("👉 " + " · ".join(how) + " · " + esc(listing.provider))
    if listing.demo:
        lines.append("<i>" + esc(_("Demo listing: made up, for trying Husly out.")) + "</i>")
    return "\n".join(lines)


def _free_from(day: dt.date | None) -> str:
    """"Free from 1 February 2027"; a day the partner did not know is said to be not given, never guessed."""
    if day is None:
        return _("Free from: not given")
    return _("Free from {date}").format(date=format_date(day))


def _cost(listing: Listing) -> str:
    """Rent, aconto and what they make a month; without a known aconto there is no total to give."""
    if listing.aconto is None:
        return _("Rent {rent} + aconto (not given)").format(rent=format_money(listing.rent))
    return _("Rent {rent} + aconto {aconto} = {total} a month").format(
        rent=format_money(listing.rent), aconto=format_money(listing.aconto),
        total=format_money(listing.rent + listing.aconto))


def aconto_note(listings: list[Listing]) -> str | None:
    """Said once over a list of homes with one whose aconto is not given: a budget counted its rent alone."""
    if any(listing.aconto is None for listing in listings):
        return _("Where aconto is not given, only the rent counts towards the price. Ask what it is.")
    return None


def _up_front(deposit: int | None, prepaid: int | None) -> str:
    """Money to pay before moving in. An amount the partner did not give (no column, a blank cell, "ukendt") is said
    to be not given, with whom to ask: never "0 kr." nobody wrote, which a young person would plan their savings by."""
    if deposit is None and prepaid is None:
        return _("Deposit and prepaid rent: not given – ask the landlord")
    if deposit is not None and prepaid is not None:
        return _("Deposit {deposit}, prepaid rent {prepaid}").format(deposit=format_money(deposit),
                                                                     prepaid=format_money(prepaid))
    return " · ".join((
        _("Deposit {amount}").format(amount=format_money(deposit)) if deposit is not None
        else _("Deposit: not given – ask the landlord"),
        _("Prepaid rent {amount}").format(amount=format_money(prepaid)) if prepaid is not None
        else _("Prepaid rent: not given – ask the landlord")))


def preview(item: ListingInput) -> str:
    """One line per listing read from a file, for a dry run: how each cell was read ("Almen bolig" is a flat,
    "1. feb 2027" the 1st of February), before anything is published."""
    what = [f"{kind_label(item.kind)}", f"{item.area} ({municipality_name(item.municipality)})"]
    # The dry run says what is not known, so a partner sees a cell read as empty before young people do.
    what.append(f"{item.size_m2} m²" if item.size_m2 is not None else _("m² not given"))
    what.append(_("rooms: {rooms}").format(rooms=item.rooms) if item.rooms is not None else _("rooms not given"))
    # Deposit and prepaid rent too: a blank cell is read as not given, and the partner checks that before publishing.
    return _("{ref}: {what}, rent {rent} + aconto {aconto}, deposit {deposit}, prepaid rent {prepaid}, free from "
             "{date}, for {group}, shown until {until}").format(
        ref=item.provider_ref, what=", ".join(what), rent=format_money(item.rent),
        aconto=_amount_or_not_given(item.aconto), deposit=_amount_or_not_given(item.deposit),
        prepaid=_amount_or_not_given(item.prepaid_rent),
        date=format_date(item.available_from) if item.available_from is not None else _("not given"),
        group=target_label(item.target_group),
        until=format_date(item.expires_on))


def _amount_or_not_given(amount: int | None) -> str:
    return format_money(amount) if amount is not None else _("not given")
