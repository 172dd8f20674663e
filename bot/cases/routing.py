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
from bot.config import Settings
from bot.staff.models import Staff

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


def unrouted_targets(session: Session, settings: Settings | None, now: dt.datetime) -> list[Target]:
    """Where a case without a municipality goes: the configured chat (fx the coordinators' group), else the
    configured municipality's team or on-call route, else the admins; never every municipality's team."""
    found: list[Target] = []
    if settings is not None and settings.unrouted_chat_id:
        found.append(Target("telegram", settings.unrouted_chat_id))
    elif settings is not None and settings.unrouted_municipality:
        found.extend(_municipality_targets(session, settings.unrouted_municipality, now))
    return _unique(found or _private(service.admins(session)))


def announce_targets(session: Session, case: Case, now: dt.datetime, settings: Settings | None = None
                     ) -> list[Target]:
    """Where a new case's card goes. Nobody at all for the municipality falls back to the admins."""
    return targets_for(session, case.municipality, now, settings)


def targets_for(session: Session, municipality: str | None, now: dt.datetime, settings: Settings | None = None
                ) -> list[Target]:
    """Where a new case's card for ``municipality`` would go (None: the route for cases without one)."""
    if municipality is None:
        return unrouted_targets(session, settings, now)
    return _unique(_municipality_targets(session, municipality, now) or _private(service.admins(session)))


def escalation_targets(session: Session, case: Case, level: int, now: dt.datetime,
                       settings: Settings | None = None) -> list[Target]:
    """Level 2: every caseworker of the municipality privately (and the on-call chat); level 3: admins.

    A case without a municipality stays with its own route (and the admins): never every caseworker.
    """
    if level >= 3:
        return _private(service.admins(session))
    if case.municipality is None:
        return unrouted_targets(session, settings, now)
    found = _private(service.caseworkers(session, case.municipality))
    team = service.team_for(session, case.municipality)
    if team and team.oncall_chat_id:
        found.append(Target(team.transport, team.oncall_chat_id))
    return _unique(found)


def can_receive(session: Session, municipality: str) -> bool:
    """Whether anyone would take a case sent to ``municipality``: active caseworkers or an on-call route."""
    team = service.team_for(session, municipality)
    return bool(service.caseworkers(session, municipality) or (team and team.oncall_chat_id))


def on_duty(session: Session, municipality: str | None, now: dt.datetime) -> list[Staff]:
    """Caseworkers of the municipality who said /vagt and are on duty now."""
    if municipality is None:
        return []
    return [s for s in service.caseworkers(session, municipality)
            if s.on_duty_until is not None and s.on_duty_until > now]


def someone_can_answer(session: Session, case: Case, now: dt.datetime, settings: Settings | None = None) -> bool:
    """True when a card goes somewhere, or a caseworker works from the console queue (`husly cases list`)."""
    return someone_can_answer_in(session, case.municipality, now, settings)


def someone_can_answer_in(session: Session, municipality: str | None, now: dt.datetime,
                          settings: Settings | None = None) -> bool:
    """``someone_can_answer`` for a case not made yet, in ``municipality``."""
    return bool(targets_for(session, municipality, now, settings) or service.caseworkers(session, municipality)
                or service.admins(session))
