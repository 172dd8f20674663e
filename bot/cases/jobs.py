"""Periodic work: the response-time safety net for unclaimed cases, and the follow-up after a closed case.

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

from bot.cases import cards, notices, routing, sending, service
from bot.cases.models import Case
from bot.config import Settings
from bot.conversation.context import Deps
from bot.db import session_scope
from bot.i18n import _

log = logging.getLogger(__name__)
TOP_LEVEL = 3


def sla(settings: Settings, urgency: str) -> dt.timedelta:
    """How long a case may wait unclaimed before the next reminder."""
    minutes = settings.sla_emergency_minutes if urgency == "emergency" else settings.sla_urgent_minutes
    return dt.timedelta(minutes=minutes)


def due_level(settings: Settings, case: Case, now: dt.datetime) -> int:
    """0 until the first deadline, then one level per deadline passed, up to 3."""
    return min(TOP_LEVEL, int((now - case.waiting_since) / sla(settings, case.urgency)))


def tick(engine: Engine, deps: Deps, now: dt.datetime) -> dict[str, int]:
    """Send what is due at ``now``: reminders for unclaimed cases and follow-ups; return counts per kind."""
    counts = {"reannounced": 0, "escalated": 0, "admins": 0, "followups": 0, "errors": 0}
    with session_scope(engine) as session:
        waiting = session.exec(select(Case).where(Case.status == "open", col(Case.escalation) < TOP_LEVEL)).all()
        due = [(c.id, c.escalation, due_level(deps.settings, c, now)) for c in waiting]
        followups = session.exec(select(Case.id).where(
            Case.status == "closed", col(Case.followup_sent_at).is_(None), col(Case.followup_answer).is_(None),
            col(Case.followup_due_at) <= now)).all()
    for case_id, level, target in due:
        if case_id is not None and target > level:
            _each(engine, counts, case_id, partial(_escalate, deps=deps, case_id=case_id, level=level, target=target,
                                                   now=now, counts=counts))
    for case_id in followups:
        _each(engine, counts, case_id, partial(_follow_up, case_id=case_id, now=now, counts=counts))
    return counts


def _each(engine: Engine, counts: dict[str, int], case_id: int | None, work: Callable[[Session], None]) -> None:
    try:
        with session_scope(engine) as session:
            work(session)
    except Exception:
        # Logged with the id only; the next tick tries again because nothing was committed.
        log.exception("case %s: periodic work failed", case_id)
        counts["errors"] += 1


def _escalate(session: Session, *, deps: Deps, case_id: int, level: int, target: int, now: dt.datetime,
              counts: dict[str, int]) -> None:
    """Move the case from ``level`` to ``target``, doing each step passed; skipped if anyone got there first."""
    moved = session.execute(
        update(Case).where(col(Case.id) == case_id, col(Case.escalation) == level, col(Case.status) == "open")
        .values(escalation=target).execution_options(synchronize_session=False))
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        return
    case = session.get(Case, case_id)
    assert case is not None
    session.refresh(case)
    for step in range(level + 1, target + 1):
        service.log_event(session, case, "escalated", now, detail=str(step))
        if step == 1:
            cards.refresh(session, case, now)
            cards.ping(session, case, lambda: _("Case #{number} has waited {minutes} min and nobody has taken it.")
                       .format(number=case.id, minutes=cards.minutes(now - case.waiting_since)), now)
            counts["reannounced"] += 1
        elif step == 2:
            cards.post(session, case, routing.escalation_targets(session, case, 2, now), now)
            notices.to_youth(session, case, lambda lang: notices.still_waiting(deps.kb, case, lang), now)
            counts["escalated"] += 1
        else:
            cards.post(session, case, routing.escalation_targets(session, case, 3, now), now)
            counts["admins"] += 1
    log.warning("case %s unclaimed: escalation %s -> %s", case_id, level, target)


def _follow_up(session: Session, *, case_id: int, now: dt.datetime, counts: dict[str, int]) -> None:
    """Ask once whether the young person found somewhere safe to stay."""
    marked = session.execute(
        update(Case).where(col(Case.id) == case_id, col(Case.followup_sent_at).is_(None),
                           col(Case.status) == "closed").values(followup_sent_at=now)
        .execution_options(synchronize_session=False))
    if marked.rowcount != 1:  # type: ignore[attr-defined]
        return
    case = session.get(Case, case_id)
    assert case is not None
    session.refresh(case)
    profile = sending.profile_of(session, case.transport, case.chat_id)
    if profile is not None and profile.blocked:
        service.log_event(session, case, "followup_skipped", now, detail="blocked")
        return
    notices.to_youth(session, case, lambda lang: notices.followup(case), now)
    service.log_event(session, case, "followup_sent", now)
    counts["followups"] += 1

