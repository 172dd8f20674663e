"""Case use cases on a database session: create, enrich, claim, close, reopen, transfer, transcript, audit.

No messages are sent here; callers queue them in the same session (cards.py, notices.py), so a change and
the notifications it causes commit together.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import bindparam, func, update
from sqlmodel import Session, col, select

from bot.cases import hours
from bot.cases.models import (
    AGE_BANDS,
    TONIGHT,
    Case,
    CaseEvent,
    CaseMessage,
    CaseStatus,
    MunicipalityTeam,
    Outcome,
)
from bot.staff.audit import record
from bot.staff.models import CASE_ROLES, MUNICIPAL_ROLES, Role, Staff
from bot.staff.service import can_act_on

# Staff lookups live in bot.staff.service; re-exported for the console's case commands (handlers/cli_cases.py).
from bot.staff.service import find_staff as find_staff

log = logging.getLogger(__name__)

# Reasons that raise a case within its level (an emergency always comes before an urgent case). Suicide risk
# and a body in danger come first, then under 18: an emergency with them outranks one that waited longer.
# Sofa surfing is homelessness (no home of one's own, tests/data/README.md "urgent"): as much as homeless now, and
# its end (the friends' sofa runs out) as much as nowhere to stay.
RAISE = {"suicide_or_self_harm": 60, "medical_emergency": 60, "under_18": 30, "under_18_unsafe_home": 30,
         "under_18_in_danger": 30, "sleeps_outside": 30, "nowhere_to_sleep": 30,
         "nowhere_to_stay": 20, "violence_or_threats": 20, "unsafe_home": 20, "couch_surfing_ending": 20,
         "thrown_out": 15, "homeless_now": 15, "couch_surfing": 15, "eviction_soon": 10}
BASE = {"emergency": 400, "urgent": 200}
# Within a level a case moves at most this far, so every emergency stays above every urgent case.
MAX_RAISE, MAX_LOWER = 90, 50


def compute_priority(case: Case) -> int:
    """Emergency before urgent; within a level, under 18 and nowhere to sleep tonight come first."""
    raised = sum(RAISE.get(reason, 0) for reason in set(case.all_reasons()))
    if case.tonight == "has_place":
        raised -= 20
    return BASE.get(case.urgency, BASE["urgent"]) + max(-MAX_LOWER, min(MAX_RAISE, raised))


def priority_rank(case: Case) -> int:
    """1 for emergencies, 2 for raised urgent cases (under 18, nowhere tonight), 3 for other urgent cases."""
    if case.urgency == "emergency":
        return 1
    return 2 if case.priority >= BASE["urgent"] + 30 else 3


def log_event(session: Session, case: Case, action: str, now: dt.datetime, *, actor: str = "system",
              staff: Staff | None = None, detail: str | None = None) -> None:
    """Write one audit-log entry (codes only)."""
    assert case.id is not None
    session.add(CaseEvent(case_id=case.id, at=now, actor="staff" if staff else actor,
                          staff_id=staff.id if staff else None, action=action, detail=(detail or None)))
    log.info("case %s: %s by %s %s", case.id, action, "staff" if staff else actor, staff.id if staff else "")


def _merge(reasons: list[str], more: tuple[str, ...] | list[str]) -> list[str]:
    merged = list(reasons)
    for reason in more:
        if reason and reason not in merged:
            merged.append(reason)
    return merged


def open_case_for(session: Session, transport: str, chat_id: int) -> Case | None:
    """The young person's case that is not closed, if any (the newest, should there ever be two)."""
    return session.exec(
        select(Case).where(Case.transport == transport, Case.chat_id == chat_id,
                           Case.status != CaseStatus.CLOSED.value)
        .order_by(col(Case.id).desc())
    ).first()


# Built once: this runs for every message a young person writes (statement building is most of its cost).
_OPEN_CASE_EXISTS = (
    select(Case.id).where(Case.transport == bindparam("transport"), Case.chat_id == bindparam("chat_id"),
                          Case.status != CaseStatus.CLOSED.value).limit(1)
)


def has_open_case(session: Session, transport: str, chat_id: int) -> bool:
    """Whether the chat has a case that is not closed: the cheap check before ``open_case_for``.

    It skips the autoflush of what the update changed so far (fx the profile: one more flush per message).
    Safe: a new case is flushed when it is created, and a case is closed or reopened by staff commands and
    buttons, never in the same update as a young person's text.
    """
    with session.no_autoflush:
        found = session.execute(_OPEN_CASE_EXISTS, {"transport": transport, "chat_id": chat_id}).first()
    return found is not None


def latest_case_for(session: Session, transport: str, chat_id: int) -> Case | None:
    return session.exec(
        select(Case).where(Case.transport == transport, Case.chat_id == chat_id).order_by(col(Case.id).desc())
    ).first()


def create_case(session: Session, *, transport: str, chat_id: int, lang: str, municipality: str | None,
                urgency: str, reasons: tuple[str, ...] | list[str], now: dt.datetime) -> Case:
    """Open a case (anonymous until the young person consents to share details)."""
    case = Case(transport=transport, chat_id=chat_id, lang=lang, municipality=municipality, urgency=urgency,
                reasons=_merge([], reasons), created_at=now, waiting_since=now)
    _age_from_reasons(case)
    case.priority = compute_priority(case)
    session.add(case)
    session.flush()
    log_event(session, case, "created", now, actor="youth", detail=urgency)
    return case


def carry_over(case: Case, earlier: Case) -> None:
    """A new case of a person who had one before: link it, and keep what they told us then."""
    case.previous_case_id = earlier.id
    case.age_band = case.age_band or earlier.age_band
    case.tonight = None  # tonight is new every time
    case.words_consent = earlier.words_consent
    if earlier.consent and not case.consent:
        case.consent, case.first_name, case.phone = True, earlier.first_name, earlier.phone
    case.reasons = _merge(case.reasons or [], ["came_back"])
    case.priority = compute_priority(case)


def enrich(session: Session, case: Case, *, urgency: str | None = None, reasons: tuple[str, ...] | list[str] = (),
           now: dt.datetime) -> bool:
    """Raise the urgency (never lower it) and add reason codes; True when the case became an emergency."""
    became_emergency = urgency == "emergency" and case.urgency != "emergency"
    if became_emergency:
        case.urgency = "emergency"
        log_event(session, case, "raised", now, actor="youth", detail="emergency")
    case.reasons = _merge(case.reasons or [], reasons)
    _age_from_reasons(case)
    case.priority = compute_priority(case)
    session.add(case)
    return became_emergency


def _age_from_reasons(case: Case) -> None:
    """"jeg er 16": triage found the person is under 18, so the age question need not be asked."""
    if case.age_band is None and "under_18" in (case.reasons or []):
        case.age_band = "under_18"


def set_age(case: Case, band: str) -> None:
    if band not in AGE_BANDS:
        raise ValueError(band)
    case.age_band = band
    case.priority = compute_priority(case)


def set_tonight(case: Case, where: str) -> None:
    if where not in TONIGHT:
        raise ValueError(where)
    case.tonight = where
    case.priority = compute_priority(case)


def set_contact(case: Case, first_name: str | None, phone: str | None) -> None:
    case.consent = True
    case.first_name = (first_name or "").strip()[:100] or None
    case.phone = (phone or "").strip()[:32] or None


def can_act(staff: Staff | None, case: Case) -> bool:
    """Caseworkers act on their municipality's cases (and on cases no municipality is known for yet)."""
    if staff is None or not staff.active or staff.role not in CASE_ROLES:
        return False
    if case.municipality is None:
        return True
    return can_act_on(staff, municipality=case.municipality)


def leads(staff: Staff) -> bool:
    """Coordinators and admins may release, hand over or close a colleague's case (with a confirmation)."""
    return staff.role in (Role.COORDINATOR, Role.ADMIN)


def claim(session: Session, case_id: int, staff_id: int, now: dt.datetime) -> bool:
    """Take an unclaimed open case; exactly one of several simultaneous claims wins.

    One conditional UPDATE: the database decides, so two caseworkers pressing Overtag at once cannot both
    get the case (PostgreSQL locks the row; SQLite serialises writers).
    """
    result = session.exec(
        update(Case)
        .where(col(Case.id) == case_id, col(Case.claimed_by).is_(None), col(Case.status) == CaseStatus.OPEN.value)
        # The young person has waited since the case went in the queue (or since before, when it came back
        # unanswered), not since now: the card and the briefing show that wait; the reminders count from the claim
        # all the same (owner_clock).
        .values(claimed_by=staff_id, claimed_at=now, status=CaseStatus.CLAIMED.value, relay=True,
                owed_since=func.coalesce(col(Case.owed_since), col(Case.waiting_since)), owner_reminders=0)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def close(session: Session, case: Case, staff: Staff, outcome: Outcome, now: dt.datetime,
          followup_after: dt.timedelta) -> None:
    case.status, case.outcome, case.closed_at, case.closed_by = CaseStatus.CLOSED, Outcome(outcome), now, staff.id
    case.relay, case.owed_since = False, None
    # A day later, but not at night: "are you safe now?" should not wake someone at 3 in the morning.
    due = hours.at_a_kind_hour(now + followup_after)
    case.followup_due_at, case.followup_sent_at, case.followup_answer = due, None, None
    session.add(case)
    log_event(session, case, "closed", now, staff=staff, detail=outcome)


def reopen(session: Session, case: Case, now: dt.datetime, reason: str, staff: Staff | None = None) -> None:
    """Open a closed case again with the response-time clock restarted: unclaimed, or taken by ``staff``."""
    _back_to_queue(case, now)
    case.closed_at, case.closed_by, case.outcome, case.relay, case.followup_due_at = None, None, None, True, None
    if staff is not None:
        case.status, case.claimed_by, case.claimed_at, case.owed_since = CaseStatus.CLAIMED, staff.id, now, now
    case.reasons = _merge(case.reasons or [], [reason] if reason else [])
    case.priority = compute_priority(case)
    session.add(case)
    log_event(session, case, "reopened", now, actor="youth", staff=staff, detail=reason or None)


def _back_to_queue(case: Case, now: dt.datetime, *, keep_wait: bool = False) -> None:
    """Open and unclaimed, waiting from ``now`` (the response-time clock and its reminders start again).

    ``keep_wait``: a young person still owed an answer (a case given back or moved unanswered) has waited since
    then, and the card, the queue and the next caseworker's briefing say so (``waiting_for``)."""
    case.status, case.claimed_by, case.claimed_at = CaseStatus.OPEN, None, None
    case.escalation, case.waiting_since, case.owner_reminders = 0, now, 0
    if not keep_wait:
        case.owed_since = None


def waiting_for(case: Case) -> dt.datetime:
    """Since when the young person of an open case has waited for a caseworker: since it went in the queue, or
    earlier when it came back to the queue with their message unanswered."""
    if case.owed_since is not None and case.owed_since < case.waiting_since:
        return case.owed_since
    return case.waiting_since


def release(session: Session, case: Case, now: dt.datetime, why: str, staff: Staff | None = None) -> None:
    """Put a claimed case back in the queue, unclaimed, with the response-time clock restarted (the young person's
    wait for an answer goes on)."""
    _back_to_queue(case, now, keep_wait=True)
    session.add(case)
    log_event(session, case, "released", now, staff=staff, detail=why)


def hand_over(session: Session, case: Case, to: Staff, now: dt.datetime, by: Staff) -> None:
    """Give a claimed (or open) case to a colleague: they own it now, and owe the next answer.

    The young person's wait goes on (the card and the briefing show it since their first unanswered message; an
    open case has waited since it went in the queue); the reminders start again from the handover
    (``owner_clock``), so the new owner gets their full time before the case goes back to the team.
    """
    if case.owed_since is None:
        case.owed_since = case.waiting_since if case.status == CaseStatus.OPEN else now
    case.status, case.claimed_by, case.claimed_at, case.relay = CaseStatus.CLAIMED, to.id, now, True
    case.owner_reminders = 0
    session.add(case)
    log_event(session, case, "handed_over", now, staff=by, detail=f"to staff {to.id}")


def held_by(session: Session, staff: Staff) -> list[Case]:
    """The cases ``staff`` has taken and not closed, oldest first."""
    return list(session.exec(select(Case).where(Case.claimed_by == staff.id, Case.status == CaseStatus.CLAIMED.value)
                             .order_by(col(Case.id))).all())


def release_cases_of(session: Session, staff: Staff, now: dt.datetime) -> list[Case]:
    """Put a leaving staff member's open cases back in the queue, so none waits on someone who is gone."""
    held = held_by(session, staff)
    for case in held:
        release(session, case, now, f"staff {staff.id} revoked")
    return held


def transfer(session: Session, case: Case, municipality: str, now: dt.datetime, staff: Staff | None) -> None:
    """Move the case to another municipality's queue, unclaimed, with the response-time clock restarted."""
    detail = f"{case.municipality or '-'}->{municipality}"
    case.municipality = municipality
    _back_to_queue(case, now, keep_wait=True)
    session.add(case)
    log_event(session, case, "transferred", now, staff=staff, detail=detail)


def add_message(session: Session, case: Case, direction: str, text: str, now: dt.datetime,
                staff: Staff | None = None) -> CaseMessage:
    assert case.id is not None
    message = CaseMessage(case_id=case.id, transport=case.transport, chat_id=case.chat_id, direction=direction,
                          staff_id=staff.id if staff else None, text=text, created_at=now)
    session.add(message)
    session.flush()
    return message


def youth_wrote(case: Case, now: dt.datetime) -> None:
    """The young person wrote: the card shows when, and the owner of a claimed case owes an answer."""
    case.last_youth_at = now
    if case.status == CaseStatus.CLAIMED and case.owed_since is None:
        case.owed_since, case.owner_reminders = now, 0


def owner_clock(case: Case) -> dt.datetime | None:
    """Since when the owner of a claimed case owes an answer, for the reminders: the young person's wait, but not
    before the owner got the case (a handover keeps the wait and gives the new owner their full time)."""
    if case.owed_since is None:
        return None
    return max(case.owed_since, case.claimed_at) if case.claimed_at is not None else case.owed_since


def owner_answered(case: Case) -> None:
    case.owed_since, case.owner_reminders = None, 0


def kept_words(session: Session, case: Case) -> list[CaseMessage]:
    """The young person's own messages kept on the case (only with their consent), oldest first."""
    if not case.words_consent:
        return []
    return [m for m in transcript(session, case.id or 0) if m.direction == "in"]


def cases_opened_since(session: Session, transport: str, chat_id: int, since: dt.datetime) -> int:
    return len(session.exec(select(Case.id).where(Case.transport == transport, Case.chat_id == chat_id,
                                                  col(Case.created_at) >= since)).all())


def transcript(session: Session, case_id: int) -> list[CaseMessage]:
    return list(session.exec(
        select(CaseMessage).where(CaseMessage.case_id == case_id).order_by(col(CaseMessage.id))
    ).all())


def events(session: Session, case_id: int) -> list[CaseEvent]:
    return list(session.exec(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(col(CaseEvent.id))).all())


def visible_queue(session: Session, staff: Staff) -> list[Case]:
    """Cases not closed that this staff member may act on: highest priority first, then longest waiting."""
    query = select(Case).where(Case.status != CaseStatus.CLOSED.value)
    if staff.role in MUNICIPAL_ROLES:
        query = query.where((col(Case.municipality) == staff.municipality) | col(Case.municipality).is_(None))
    elif staff.role != Role.ADMIN:
        return []
    found = session.exec(query.order_by(col(Case.priority).desc(), col(Case.waiting_since), col(Case.id))).all()
    # The longest waiting as the young person counts it (a case given back unanswered keeps its wait).
    return sorted(found, key=lambda c: (-c.priority, waiting_for(c) if c.status == CaseStatus.OPEN else c.waiting_since,
                                        c.id or 0))


def team_for(session: Session, municipality: str) -> MunicipalityTeam | None:
    return session.get(MunicipalityTeam, municipality)


def set_team(session: Session, municipality: str, now: dt.datetime, *, transport: str | None = None,
             team_chat_id: int | None = None, oncall_chat_id: int | None = None,
             office_hours: str | None = None, actor: str = "cli") -> MunicipalityTeam:
    """Create or change a municipality's settings; only the given fields change (audited)."""
    team = session.get(MunicipalityTeam, municipality) or MunicipalityTeam(municipality=municipality)
    if transport is not None:
        team.transport = transport
    if team_chat_id is not None:
        team.team_chat_id = team_chat_id or None  # 0 clears it
    if oncall_chat_id is not None:
        team.oncall_chat_id = oncall_chat_id or None
    if office_hours is not None:
        team.office_hours = office_hours or None
    team.updated_at = now
    session.add(team)
    record(session, actor=actor, action="team-set", now=now,
           detail=f"municipality={municipality} team={team_chat_id} oncall={oncall_chat_id} hours={office_hours}")
    return team


def caseworkers(session: Session, municipality: str | None) -> list[Staff]:
    """Active caseworkers and coordinators of a municipality (of every municipality for None)."""
    query = select(Staff).where(Staff.active, col(Staff.role).in_([r.value for r in MUNICIPAL_ROLES]))
    if municipality is not None:
        query = query.where(Staff.municipality == municipality)
    return list(session.exec(query.order_by(col(Staff.id))).all())


def admins(session: Session) -> list[Staff]:
    return list(session.exec(select(Staff).where(Staff.active, Staff.role == Role.ADMIN.value)
                             .order_by(col(Staff.id))).all())


def cases_since(session: Session, since: dt.datetime) -> list[Case]:
    return list(session.exec(select(Case).where(Case.created_at >= since).order_by(col(Case.id))).all())
