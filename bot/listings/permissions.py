"""Who may publish and change listings: partners their own organisation's, admins all. Checked server-side
on every message and button, because a button can be pressed long after it was sent (or forged)."""

from __future__ import annotations

from bot.conversation.context import Context
from bot.listings.models import Listing
from bot.staff.models import Staff
from bot.staff.service import get_staff


def staff_of(ctx: Context) -> Staff | None:
    """The active staff membership of the person writing, if any."""
    return get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)


def can_publish(staff: Staff | None) -> bool:
    if staff is None or not staff.active:
        return False
    return staff.role == "admin" or (staff.role == "partner" and bool(staff.provider))


def own_provider(staff: Staff | None) -> str | None:
    """The organisation a partner publishes for; None for admins (they name it in the file)."""
    return staff.provider if staff is not None and staff.role == "partner" else None


def can_change(staff: Staff | None, listing: Listing) -> bool:
    """True for admins, and for partners on their own organisation's listings."""
    if not can_publish(staff):
        return False
    assert staff is not None
    return staff.role == "admin" or staff.provider == listing.provider
