"""Partners' referral links: make one, look one up, and count a use when a young person says yes.

A code is unguessable (128 bits), fits a Telegram deep link (``/start`` payloads allow 64 characters of
[A-Za-z0-9_-]) and is stored only as its SHA-256 hash, like a staff invite. Nothing about who opened it is kept:
the referral counts the cases it opened, and the case names the organisation (never the person at it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from sqlalchemy import delete, func, or_, update
from sqlmodel import Session, col, select

from bot.cases.models import Referral
from bot.staff.audit import record
from bot.staff.models import Staff

PREFIX = "ref"
# A referral is handed on by hand (a chat, a note on paper): a month gives the young person time to decide.
DEFAULT_DAYS = 30
# One link per young person: a used link is used up, so a link passed on cannot open cases in the
# organisation's name for others.
DEFAULT_USES = 1
# A link used up or expired is kept this long after its last day, then deleted (docs/privacy.md): long enough for
# the month's report and a partner's "so far" count, no longer, though a row holds no personal data.
KEPT_AFTER = dt.timedelta(days=30)
# What a /start payload may be (Bot API: up to 64 characters of A-Z, a-z, 0-9, _ and -).
PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def looks_like_referral(payload: str) -> bool:
    return payload.startswith(PREFIX + "_")


def create(session: Session, staff: Staff | None, *, provider: str, municipality: str, now: dt.datetime,
           days: int = DEFAULT_DAYS, max_uses: int = DEFAULT_USES, actor: str | None = None) -> tuple[str, Referral]:
    """Make a referral link's code for ``provider`` and ``municipality``; the code is shown once (only its hash
    is kept). ``staff`` None: a coordinator's `husly referral` on the server (``actor`` names it in the audit)."""
    code = f"{PREFIX}_{secrets.token_urlsafe(16)}"
    assert PAYLOAD.fullmatch(code)
    referral = Referral(code_hash=_hash(code), provider=provider, municipality=municipality,
                        created_by=staff.id if staff is not None else None, created_at=now,
                        expires_at=now + dt.timedelta(days=days), max_uses=max_uses)
    session.add(referral)
    record(session, actor=actor or f"staff:{staff.id if staff is not None else '?'}", action="referral", now=now,
           detail=f"municipality={municipality} days={days}")
    return code, referral


def usable(session: Session, code: str, now: dt.datetime) -> Referral | None:
    """The referral of ``code`` if it still works (known, not expired, not used up)."""
    if not PAYLOAD.fullmatch(code):
        return None
    found = session.exec(select(Referral).where(Referral.code_hash == _hash(code))).first()
    if found is None or found.expires_at < now or found.uses >= found.max_uses:
        return None
    return found


def use(session: Session, referral_id: int, now: dt.datetime) -> str | None:
    """Count one case opened through the referral; its organisation, or None if it no longer works.

    The conditional UPDATE makes a single-use link open one case even when two people say yes at once.
    """
    used = session.exec(update(Referral).where(
        col(Referral.id) == referral_id, col(Referral.uses) < col(Referral.max_uses),
        col(Referral.expires_at) >= now).values(uses=Referral.uses + 1))
    if used.rowcount != 1:
        return None
    found = session.get(Referral, referral_id)
    return found.provider if found is not None else None


def cases_opened(session: Session, provider: str) -> int:
    """How many cases the organisation's referral links opened (a number only: never who)."""
    total = session.exec(select(func.coalesce(func.sum(Referral.uses), 0)).where(Referral.provider == provider)).one()
    return int(total)


def remove_old(session: Session, now: dt.datetime) -> int:
    """Delete the referrals that cannot open a case any more (used up or expired) since ``KEPT_AFTER``: a used-up
    link counts from the day it was made (when it was used is not kept), an unused one from its last day."""
    before = now - KEPT_AFTER
    removed = session.exec(delete(Referral).where(or_(
        col(Referral.expires_at) < before,
        (col(Referral.uses) >= col(Referral.max_uses)) & (col(Referral.created_at) < before))))
    return int(removed.rowcount or 0)
