"""The age a person said, and which listings' age ranges leave them out.

A listing's age range is its target group (``Listing.target_group``): "youth" is for young people 18-29; students
and everyone have none. A 17-year-old who said their age and then asked for a room was shown rooms "til unge 18-29"
as if they fitted. The search now leaves out the groups whose range excludes the age said: in the search message
itself, earlier in the conversation (kept as an age band, not the age, in the person's own state for
``REMEMBERED``), or on their case (its age band). Ages are kept as the cases' AGE_BANDS codes: the least that
decides which ranges fit.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from bot.cases.models import AGE_BANDS, Case, CaseStatus
from bot.cases.state import CaseOffer
from bot.cases.typed import band_of_age
from bot.conversation.context import Context
from bot.conversation.state import Part
from bot.reading import ages_said

# The ages (first and last year) a target group is for; a group not here is for any age.
AGE_RANGES: dict[str, tuple[int, int]] = {"youth": (18, 29)}
# The ages each band covers (AGE_BANDS in bot/cases/models.py).
BAND_AGES: dict[str, tuple[int, int]] = {"under_18": (0, 17), "18_24": (18, 24), "25_29": (25, 29),
                                         "30_plus": (30, 200)}
# From this age a number said is the age of the one who would live there; a smaller one is a child's in a parent's
# message about the parent's own need ("jeg er 19 og har en søn på 2").
TEEN_AGE = 12
# An age said is remembered this long: a 17-year-old turns 18, and a new age said replaces it anyway.
REMEMBERED = dt.timedelta(days=30)
# The topic for those under 18 (knowledge/under-18.yaml), offered when their age leaves homes out.
MINOR_TOPIC = "under-18"


class AgeSaid(Part):
    """The age band the person said about themselves in the chat (a code, never the words or the age)."""

    key = "age_said"
    band: str
    at: dt.datetime


def excluded_groups(band: str | None) -> tuple[str, ...]:
    """The target groups whose age range leaves out everyone in ``band`` (none for no band)."""
    if band not in BAND_AGES:
        return ()
    first, last = BAND_AGES[band]
    return tuple(group for group, (low, high) in AGE_RANGES.items() if last < low or first > high)


def excluded_bands() -> dict[str, tuple[str, ...]]:
    """Per target group with an age range, the bands it leaves out (for matching alerts in SQL)."""
    return {group: tuple(band for band in BAND_AGES if group in excluded_groups(band)) for group in AGE_RANGES}


def band_in(text: str) -> str | None:
    """The age band of the youngest age ``text`` says of a person who could live in the home ("jeg er 17", "min søn
    på 17"), or None."""
    ages = [age for age in ages_said(text) if age >= TEEN_AGE]
    return band_of_age(min(ages)) if ages else None


def remember(ctx: Context) -> bool:
    """Keep the age band a private message says (an interceptor that never answers): a later search uses it."""
    if ctx.incoming.private and (band := band_in(ctx.incoming.text)) is not None:
        ctx.state.put(AgeSaid(band=band, at=ctx.now))
    return False


def band_for(ctx: Context, text: str) -> str | None:
    """The age band a search is for: said in ``text``, said earlier in the chat, or on the person's offer or case."""
    if (band := band_in(text)) is not None:
        return band
    said = ctx.state.get(AgeSaid)
    if said is not None and said.band in AGE_BANDS and ctx.now - said.at <= REMEMBERED:
        return said.band
    offer = ctx.state.get(CaseOffer)
    if offer is not None and offer.age_band in AGE_BANDS:
        return offer.age_band
    return _case_band(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)


def _case_band(session: Session, transport: str, chat_id: int) -> str | None:
    band = session.exec(select(Case.age_band).where(
        Case.transport == transport, Case.chat_id == chat_id, col(Case.status) != CaseStatus.CLOSED.value,
        col(Case.age_band).is_not(None)).limit(1)).first()
    return band if band in AGE_BANDS else None
