"""Who is told about a case: the team chat, the out-of-hours chat, caseworkers privately, admins.

Console staff have no inbox (they use `husly cases`), so they are never a target: a row queued for the
console transport would be printed in the young person's terminal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from bot.cases import hours, service
from bot.cases.models import Case, MunicipalityTeam
from bot.staff.models import Staff
from knowledge.schema import MUNICIPALITIES

NO_INBOX = ("console",)


@dataclass(frozen=True)
class Target:
    transport: str
    chat_id: int


def _private(staff: list[Staff]) -> list[Target]:
    return [Target(s.transport, s.chat_id) for s in staff if s.transport not in NO_INBOX]


def admin_targets(session: Session) -> list[Target]:
    return _private(service.admins(session))


def _unique(targets: list[Target]) -> list[Target]:
    return list(dict.fromkeys(targets))


def office_hours(team: MunicipalityTeam | None) -> hours.OfficeHours:
    """The municipality's office hours (the default when none are set or the stored text is unreadable)."""
    try:
        return hours.parse(team.office_hours if team else None)
    except hours.HoursError:
        return hours.parse(None)


def is_office_hours(session: Session, municipality: str | None, now: dt.datetime) -> bool:
    team = service.team_for(session, municipality) if municipality else None
    return office_hours(team).is_open(now)


def _municipality_targets(session: Session, municipality: str, now: dt.datetime) -> list[Target]:
    team = service.team_for(session, municipality)
    targets: list[Target] = []
    if team and team.team_chat_id:
        targets.append(Target(team.transport, team.team_chat_id))
    else:
        targets.extend(_private(service.caseworkers(session, municipality)))
    if team and team.oncall_chat_id and not office_hours(team).is_open(now):
        targets.append(Target(team.transport, team.oncall_chat_id))
    return targets


def announce_targets(session: Session, case: Case, now: dt.datetime) -> list[Target]:
    """Where a new case's card goes. Nobody at all for the municipality falls back to the admins."""
    if case.municipality is None:
        found = _private(service.admins(session))
        if not found:
            # No admin yet: every municipality's team sees it rather than no one.
            for slug in MUNICIPALITIES:
                found.extend(_municipality_targets(session, slug, now))
        return _unique(found)
    return _unique(_municipality_targets(session, case.municipality, now) or _private(service.admins(session)))


def escalation_targets(session: Session, case: Case, level: int, now: dt.datetime) -> list[Target]:
    """Level 2: every caseworker of the municipality privately (and the on-call chat); level 3: admins."""
    if level >= 3:
        return _private(service.admins(session))
    found = _private(service.caseworkers(session, case.municipality))
    team = service.team_for(session, case.municipality) if case.municipality else None
    if team and team.oncall_chat_id:
        found.append(Target(team.transport, team.oncall_chat_id))
    return _unique(found)


def someone_can_answer(session: Session, case: Case, now: dt.datetime) -> bool:
    """True when a card goes somewhere, or a caseworker works from the console queue (`husly cases list`)."""
    return bool(announce_targets(session, case, now) or service.caseworkers(session, case.municipality)
                or service.admins(session))
