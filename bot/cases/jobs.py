"""Periodic work: the response-time safety net for unclaimed and claimed cases, and the follow-up after a close.

Unclaimed: re-announced, then every caseworker, then the admins, then the card chats again every hour while someone
can answer (office hours or someone on duty). Claimed: when the young person waits for the
owner's answer (the first one, or since their last message), the owner is reminded, then reminded again with
the team told, then the case goes back to the team.

``tick`` is a pure function of the database and ``now``: the bot calls it every 30 seconds (bot.jobs), tests
call it with a fake clock. Every step is a conditional UPDATE, so several bot instances may tick at once
and each reminder is still sent once. Each case is handled in its own transaction: one failing case does
not hold up the others.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from bot.cases import actions, cards, notices, relay, routing, service
from bot.cases.buttons import Staff as StaffButton
from bot.cases.buttons import StaffAction
from bot.cases.models import Case, CaseStatus
from bot.config import Settings
from bot.conversation.callbacks import button
from bot.conversation.context import Deps
from bot.db import session_scope
from bot.i18n import _
from bot.logs import log_failure
from bot.profiles import profile_of

log = logging.getLogger(__name__)
TOP_LEVEL = 3
# After the admins, a case nobody takes is not left silent until someone happens to open /sager: the team is told
# again each hour (escalation counts on past TOP_LEVEL, no new column). A Friday evening played: a case opened at 18:00
# with two caseworkers on duty got its last reminder at 18:45 (to admins; with none, to nobody) and then none.
REPEAT = dt.timedelta(hours=1)


def sla(settings: Settings, urgency: str) -> dt.timedelta:
    """How long a case may wait unclaimed before the next reminder."""
    minutes = settings.sla_emergency_minutes if urgency == "emergency" else settings.sla_urgent_minutes
    return dt.timedelta(minutes=minutes)


def due_level(settings: Settings, case: Case, now: dt.datetime) -> int:
    """0 until the first deadline, then one level per deadline passed up to 3, then one more each REPEAT."""
    step, waited = sla(settings, case.urgency), now - case.waiting_since
    level = int(waited / step)
    return level if level <= TOP_LEVEL else TOP_LEVEL + int((waited - TOP_LEVEL * step) / REPEAT)


def tick(engine: Engine, deps: Deps, now: dt.datetime) -> dict[str, int]:
    """Send what is due at ``now``: reminders for unclaimed cases and follow-ups; return counts per kind."""
    counts = {"reannounced": 0, "escalated": 0, "admins": 0, "repeated": 0, "owner_reminded": 0, "returned": 0,
              "followups": 0, "errors": 0}
    claimed_sla = dt.timedelta(minutes=deps.settings.sla_claimed_minutes)
    with session_scope(engine) as session:
        waiting = session.exec(select(Case).where(Case.status == CaseStatus.OPEN.value)).all()
        due = [(c.id, c.escalation, due_level(deps.settings, c, now)) for c in waiting]
        owed = session.exec(select(Case).where(Case.status == CaseStatus.CLAIMED.value,
                                               col(Case.owed_since).is_not(None),
                                               col(Case.owner_reminders) < TOP_LEVEL)).all()
        owners = [(c.id, c.owner_reminders, min(TOP_LEVEL, int((now - owing) / claimed_sla)))
                  for c in owed if (owing := service.owner_clock(c)) is not None]
        followups = session.exec(select(Case.id).where(
            Case.status == CaseStatus.CLOSED.value, col(Case.followup_sent_at).is_(None),
            col(Case.followup_answer).is_(None), col(Case.followup_due_at) <= now)).all()
    for case_id, level, target in due:
        if case_id is not None and target > level:
            _each(engine, counts, case_id, partial(_escalate, deps=deps, case_id=case_id, level=level, target=target,
                                                   now=now, counts=counts))
    for case_id, level, target in owners:
        if case_id is not None and target > level:
            _each(engine, counts, case_id, partial(_remind_owner, deps=deps, case_id=case_id, level=level,
                                                   target=target, now=now, counts=counts))
    for case_id in followups:
        if case_id is not None:
            _each(engine, counts, case_id, partial(_follow_up, case_id=case_id, now=now, counts=counts))
    return counts


def _each(engine: Engine, counts: dict[str, int], case_id: int | None, work: Callable[[Session], None]) -> None:
    try:
        with session_scope(engine) as session:
            work(session)
    except Exception as exc:
        # The next tick tries again because nothing was committed.
        log_failure(log, f"job cases: case {case_id}", exc)
        counts["errors"] += 1


def _escalate(session: Session, *, deps: Deps, case_id: int, level: int, target: int, now: dt.datetime,
              counts: dict[str, int]) -> None:
    """Move the case from ``level`` to ``target``, doing each step passed; skipped if anyone got there first."""
    moved = session.exec(
        update(Case).where(col(Case.id) == case_id, col(Case.escalation) == level,
                           col(Case.status) == CaseStatus.OPEN.value)
        .values(escalation=target).execution_options(synchronize_session=False))
    if moved.rowcount != 1:
        return
    case = session.get(Case, case_id)
    assert case is not None
    session.refresh(case)
    for step in range(level + 1, target + 1):
        if step > TOP_LEVEL:
            if step == target:  # hours missed at once (the bot was down): one reminder, not one per hour
                _remind_again(session, case, now, counts, deps.settings)
            continue
        service.log_event(session, case, "escalated", now, detail=str(step))
        if step == 1:
            cards.refresh(session, case, now)
            cards.ping(session, case, lambda: _("Case #{number} has waited {waited} and nobody has taken it.")
                       .format(number=case.id, waited=cards.waited(now - service.waiting_for(case))), now)
            counts["reannounced"] += 1
        elif step == 2:
            cards.post(session, case, routing.escalation_targets(session, case, 2, now, deps.settings), now)
            # "They have been reminded" only if there is someone to remind (a municipality nobody is on Husly for).
            nobody = case.municipality is not None and not routing.someone_can_answer(session, case, now,
                                                                                      deps.settings)
            opening = notices.closed_until(session, case, now)
            opens = partial(notices.when, opening, now) if opening else None
            notices.to_youth(session, case, partial(notices.still_waiting, deps.kb, case, nobody=nobody, opens=opens),
                             now)
            if nobody or opening:
                # Said now: a message the minute after hears that it reached the case, not the notice again.
                service.log_event(session, case, relay.TOLD, now, detail=relay.told_situation(case, nobody, opening))
            counts["escalated"] += 1
        else:
            cards.post(session, case, routing.escalation_targets(session, case, 3, now, deps.settings), now)
            counts["admins"] += 1
    log.warning("case %s unclaimed: escalation %s -> %s", case_id, level, target)


def _remind_again(session: Session, case: Case, now: dt.datetime, counts: dict[str, int], settings: Settings) -> None:
    """The hourly reminder after the admins: only when someone can answer now, so a closed office with nobody on
    duty is not woken every hour of the weekend (the first hour it opens, the team hears it), and a municipality with
    nobody on Husly does not log "no staff to notify" every hour for each of its cases."""
    if notices.closed_until(session, case, now) is not None or not routing.targets_for(session, case.municipality,
                                                                                        now, settings):
        return
    cards.refresh(session, case, now)
    cards.ping(session, case, lambda: _("Case #{number} has waited {waited} and nobody has taken it.")
               .format(number=case.id, waited=cards.waited(now - service.waiting_for(case))), now)
    counts["repeated"] += 1


def _remind_owner(session: Session, *, deps: Deps, case_id: int, level: int, target: int, now: dt.datetime,
                  counts: dict[str, int]) -> None:
    """The owner of a claimed case owes the young person an answer: remind, remind and tell the team, release."""
    moved = session.exec(
        update(Case).where(col(Case.id) == case_id, col(Case.owner_reminders) == level,
                           col(Case.status) == CaseStatus.CLAIMED.value, col(Case.owed_since).is_not(None))
        .values(owner_reminders=target).execution_options(synchronize_session=False))
    if moved.rowcount != 1:
        return
    case = session.get(Case, case_id)
    assert case is not None and case.owed_since is not None
    session.refresh(case)
    owed = now - case.owed_since
    waited = cards.minutes(owed)
    owner = cards.staff_name(session, case.claimed_by)
    if target >= TOP_LEVEL:
        service.log_event(session, case, "owner_silent", now, detail=str(waited))
        actions.back_to_team(session, deps.settings, case, now, "owner_silent")
        counts["returned"] += 1
        log.warning("case %s: owner silent %s min, back to the team", case_id, waited)
        return
    service.log_event(session, case, "owner_reminded", now, detail=str(target))
    cards.refresh(session, case, now)
    reply = ((button(_("Reply"), StaffButton(StaffAction.REPLY, case_id)),),)
    notices.tell_claimer(session, case, lambda: _("Case #{number}: the young person has waited {waited} for your "
                                                  "answer.").format(number=case_id, waited=cards.waited(owed)), now,
                         buttons=reply)
    if target == 2:
        cards.ping(session, case, lambda: _("Case #{number}: the young person has waited {waited} for an answer "
                                            "from {name}.").format(number=case_id, waited=cards.waited(owed),
                                                                   name=owner), now)
    counts["owner_reminded"] += 1


def _follow_up(session: Session, *, case_id: int, now: dt.datetime, counts: dict[str, int]) -> None:
    """Ask once whether the young person found somewhere safe to stay."""
    marked = session.exec(
        update(Case).where(col(Case.id) == case_id, col(Case.followup_sent_at).is_(None),
                           col(Case.status) == CaseStatus.CLOSED.value).values(followup_sent_at=now)
        .execution_options(synchronize_session=False))
    if marked.rowcount != 1:
        return
    case = session.get(Case, case_id)
    assert case is not None
    session.refresh(case)
    profile = profile_of(session, case.transport, case.chat_id)
    if profile is not None and profile.blocked:
        service.log_event(session, case, "followup_skipped", now, detail="blocked")
        return
    notices.to_youth(session, case, lambda lang: notices.followup(case), now)
    service.log_event(session, case, "followup_sent", now)
    counts["followups"] += 1

