"""Invite, redeem, add, look up and deactivate staff. Every check of a role happens here, on the server side."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from bot.outbox import enqueue
from bot.staff.audit import record
from bot.staff.models import CASE_ROLES, MUNICIPAL_ROLES, ROLES, Invite, Role, Staff

INVITE_PREFIX = "inv"
DEFAULT_INVITE_DAYS = 7
# An invite is a key to young people's cases: it should not stay usable for long.
MAX_INVITE_DAYS = 30
CONSOLE = "console"
# Console staff get user ids far from any console chat id (the console chat uses 1).
CONSOLE_STAFF_FIRST_ID = 1_000_000


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def create_invite(session: Session, *, role: str, now: dt.datetime, municipality: str | None = None,
                  provider: str | None = None, days: int = DEFAULT_INVITE_DAYS, actor: str = "cli") -> str:
    """Make a single-use invite and return the code (shown once; only its hash is kept)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if role in MUNICIPAL_ROLES and not municipality:
        raise ValueError(f"a {role} invite needs a municipality")
    if role == Role.PARTNER and not provider:
        raise ValueError("a partner invite needs a provider")
    if not 1 <= days <= MAX_INVITE_DAYS:
        raise ValueError(f"an invite lasts 1 to {MAX_INVITE_DAYS} days")
    # Telegram deep-link payloads allow 64 characters of [A-Za-z0-9_-].
    code = f"{INVITE_PREFIX}_{secrets.token_urlsafe(18)}"
    session.add(Invite(code_hash=_hash(code), role=role, municipality=municipality, provider=provider,
                       created_at=now, expires_at=now + dt.timedelta(days=days)))
    record(session, actor=actor, action="invite", now=now,
           detail=f"role={role} municipality={municipality or '-'} provider={provider or '-'} days={days}")
    return code


def looks_like_invite(payload: str) -> bool:
    return payload.startswith(INVITE_PREFIX + "_")


def redeem_invite(session: Session, *, code: str, transport: str, user_id: int, chat_id: int,
                  display_name: str, now: dt.datetime) -> Staff | None:
    """Turn a valid, unused, unexpired invite into a staff membership; None if the code is not valid.

    The conditional UPDATE makes a code usable exactly once even when two people try it at the same time.
    """
    invite = session.exec(select(Invite).where(Invite.code_hash == _hash(code))).first()
    if invite is None or invite.used_at is not None or invite.cancelled_at is not None or invite.expires_at < now:
        return None
    claimed = session.exec(
        update(Invite).where(col(Invite.id) == invite.id, col(Invite.used_at).is_(None),
                             col(Invite.cancelled_at).is_(None)).values(used_at=now)
    )
    if claimed.rowcount != 1:
        return None
    staff = get_staff(session, transport=transport, user_id=user_id, include_inactive=True)
    if staff is None:
        staff = Staff(transport=transport, user_id=user_id, chat_id=chat_id, role=invite.role)
    staff.role, staff.municipality, staff.provider = invite.role, invite.municipality, invite.provider
    staff.chat_id, staff.display_name, staff.active = chat_id, display_name[:100], True
    session.add(staff)
    session.flush()
    session.execute(update(Invite).where(col(Invite.id) == invite.id).values(used_by=staff.id))
    record(session, actor=f"staff:{staff.id}", action="redeem", now=now,
           detail=f"role={staff.role} municipality={staff.municipality or '-'}")
    return staff


def open_invites(session: Session, now: dt.datetime) -> list[Invite]:
    """Invites that can still be used: not used, not cancelled, not expired (oldest first)."""
    return list(session.exec(select(Invite).where(col(Invite.used_at).is_(None), col(Invite.cancelled_at).is_(None),
                                                  Invite.expires_at > now).order_by(col(Invite.id))).all())


def cancel_invite(session: Session, *, invite_id: int, now: dt.datetime, actor: str = "cli") -> bool:
    """Make an unused invite's code stop working; False when there is no such open invite."""
    result = session.exec(update(Invite).where(col(Invite.id) == invite_id, col(Invite.used_at).is_(None),
                                               col(Invite.cancelled_at).is_(None), col(Invite.expires_at) > now)
                          .values(cancelled_at=now))
    done = result.rowcount == 1
    if done:
        record(session, actor=actor, action="invite-cancel", now=now, detail=f"invite={invite_id}")
    return done


def get_staff(session: Session, *, transport: str, user_id: int, include_inactive: bool = False) -> Staff | None:
    query = select(Staff).where(Staff.transport == transport, Staff.user_id == user_id)
    if not include_inactive:
        query = query.where(Staff.active)
    return session.exec(query).first()


def list_staff(session: Session) -> list[Staff]:
    return list(session.exec(select(Staff).order_by(col(Staff.role), col(Staff.municipality), col(Staff.id))).all())


def deactivate(session: Session, *, staff_id: int, now: dt.datetime, actor: str = "cli") -> bool:
    """The membership part of revoking: access ends, audited, and the chat gets everyone's menu back.

    Front ends revoke with bot.cases.staffing.revoke, which also gives the member's cases back to the queue;
    False when there is no active member with this id.
    """
    result = session.exec(update(Staff).where(col(Staff.id) == staff_id, col(Staff.active)).values(active=False))
    done = result.rowcount == 1
    if done:
        record(session, actor=actor, action="revoke", now=now, detail=f"staff={staff_id}")
        member = session.get(Staff, staff_id)
        if member is not None and member.chat_id:
            # Their chat goes back to the menu everyone has (no staff commands left to offer).
            enqueue(session, transport=member.transport, chat_id=member.chat_id, kind="commands", now=now)
    return done


def find_staff(session: Session, ref: str) -> list[Staff]:
    """Active staff by id or by display name (case-insensitive); more than one means the name is ambiguous."""
    ref = ref.strip()
    if ref.isdigit():
        staff = session.get(Staff, int(ref))
        return [staff] if staff and staff.active else []
    return [s for s in session.exec(select(Staff).where(Staff.active)).all()
            if s.display_name.casefold() == ref.casefold()]


def add_console_member(session: Session, *, role: str, municipality: str | None, name: str, now: dt.datetime,
                       actor: str = "cli") -> Staff:
    """Add a staff member who works from the console (no Telegram, no invite); ValueError says what is wrong.

    Console members are found by their name (``husly cases ... --as NAME``), so names are unique among active
    staff; they get user ids far from any console chat id (the console chat uses 1).
    """
    if role not in CASE_ROLES:
        raise ValueError(f"a console member is a caseworker, coordinator or admin, not {role!r}")
    if role in MUNICIPAL_ROLES and not municipality:
        raise ValueError(f"a {role} needs a municipality")
    name = name.strip()[:100]
    if not name:
        raise ValueError("the name is empty")
    if find_staff(session, name):
        raise ValueError(f"there is already a staff member called {name!r}")
    highest = session.exec(select(func.max(Staff.user_id)).where(Staff.transport == CONSOLE)).one()
    user_id = max(CONSOLE_STAFF_FIRST_ID, (highest or 0) + 1)
    member = Staff(transport=CONSOLE, user_id=user_id, chat_id=user_id, role=role,
                   municipality=municipality if role in MUNICIPAL_ROLES else None, display_name=name, created_at=now)
    session.add(member)
    session.flush()
    record(session, actor=actor, action="staff-add", now=now,
           detail=f"staff={member.id} role={role} municipality={member.municipality or '-'}")
    return member


def can_act_on(staff: Staff | None, *, municipality: str | None,
               roles: frozenset[Role] = CASE_ROLES) -> bool:
    """True when ``staff`` has one of ``roles`` and, for caseworkers and coordinators, belongs to ``municipality``."""
    if staff is None or not staff.active or staff.role not in roles:
        return False
    return staff.role not in MUNICIPAL_ROLES or staff.municipality == municipality
