"""Read the numbers for a report from the database: every count is aggregated in SQL (GROUP BY), so a year
of statistics is a few thousand rows to Python, not a million. Cases are few and read one row each.

Only statistics tables and the codes kept on cases are read (never a chat id, a name or a message): these
stay the same when a person erases their data, so a report made again says the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from bot.cases.models import Case, CaseEvent, Referral
from bot.curation import queue
from bot.listings.models import Listing
from bot.models import Feedback, QueryStat
from bot.report.period import Period
from bot.stats.models import DemoRun, ListingStat

# A question the curators see in the report only once asked this often (fewer could be one person's words).
MOST_ASKED_AT_LEAST = 5
MOST_ASKED_SHOWN = 10
CASE_EVENTS = ("created", "raised", "claimed", "closed", "followup_sent", "followup_answered")


@dataclass(frozen=True)
class CaseFacts:
    """One case as the report needs it: codes and times, nothing about the person."""

    created_at: dt.datetime
    urgency: str
    municipality: str | None
    lang: str
    reasons: tuple[str, ...]
    first_contact: dt.datetime | None
    became_emergency: dt.datetime | None
    created_as: str
    outcome: str | None
    followup_sent: bool
    followup_answer: str | None
    # The partner organisation whose referral link opened the case (None once the case is anonymised).
    referred_by: str | None = None


@dataclass
class Raw:
    # (day, municipality, outcome, count, of them in English, new people, returning people)
    questions: list[tuple[dt.date, str | None, str, int, int, int, int]] = field(default_factory=list)
    # (topic, municipality, outcome, count)
    topics: list[tuple[str | None, str | None, str, int]] = field(default_factory=list)
    # (topic, helpful, count)
    feedback: list[tuple[str, bool, int]] = field(default_factory=list)
    # (event, municipality, rent band, found, count)
    listing_events: list[tuple[str, str | None, str, bool | None, int]] = field(default_factory=list)
    # (municipality, count)
    published: list[tuple[str, int]] = field(default_factory=list)
    cases: list[CaseFacts] = field(default_factory=list)
    # Partners' referral links made in the period, per organisation: (organisation, made, of them used)
    referrals: list[tuple[str, int, int]] = field(default_factory=list)
    queue: queue.Summary = field(default_factory=lambda: queue.Summary(0, None))
    # (scrubbed text, times asked, lang)
    most_asked: list[tuple[str, int, str]] = field(default_factory=list)
    demo: bool = False


def gather(session: Session, period: Period) -> Raw:
    demo = session.exec(select(func.count()).select_from(DemoRun)).one() > 0
    return Raw(
        questions=_questions(session, period),
        topics=_topics(session, period),
        feedback=_feedback(session, period),
        listing_events=_listing_events(session, period),
        published=_published(session, period, include_demo=demo),
        cases=_cases(session, period),
        referrals=_referrals(session, period),
        queue=queue.summary(session),
        most_asked=[(item.text, item.times, item.lang) for item in queue.most_asked(
            session, at_least=MOST_ASKED_AT_LEAST, limit=MOST_ASKED_SHOWN)],
        demo=demo,
    )


def first_activity(session: Session) -> dt.date | None:
    """The first Danish day with a question counted (for a default period that starts with the service)."""
    first = session.execute(sql_select(func.min(QueryStat.day))).scalar()
    return _date(first) if first is not None else None


def _in_period(column: Any, period: Period, municipality_column: Any = None) -> list[Any]:
    conditions: list[Any] = [column >= period.start, column <= period.end]
    if period.municipality and municipality_column is not None:
        conditions.append(municipality_column == period.municipality)
    return conditions


def _questions(session: Session, period: Period) -> list[tuple[dt.date, str | None, str, int, int, int, int]]:
    """Per day, municipality and outcome (the order of ix_query_stat_report, so no sort), with the
    language and visitor counts summed alongside rather than grouped (they are only reported in total)."""
    day, municipality, outcome = col(QueryStat.day), col(QueryStat.municipality), col(QueryStat.outcome)
    lang, visitor = col(QueryStat.lang), col(QueryStat.visitor)
    rows = session.execute(
        sql_select(day, municipality, outcome, func.count(), func.sum(case((lang == "en", 1), else_=0)),
               func.sum(case((visitor == "new", 1), else_=0)), func.sum(case((visitor == "returning", 1), else_=0)))
        .where(*_in_period(day, period, municipality))
        .group_by(day, municipality, outcome)).all()
    return [(_date(d), m, o, int(n), int(en or 0), int(new or 0), int(back or 0))
            for d, m, o, n, en, new, back in rows]


def _topics(session: Session, period: Period) -> list[tuple[str | None, str | None, str, int]]:
    """Per topic, municipality and outcome, read in the order of ix_query_stat_topics (which holds the day
    too). The day is compared through coalesce() so SQLite does not pick the day index instead and sort
    every question of the period; PostgreSQL aggregates with a hash either way."""
    topic, municipality, outcome = col(QueryStat.topic), col(QueryStat.municipality), col(QueryStat.outcome)
    rows = session.execute(
        select(topic, municipality, outcome, func.count())
        .where(*_in_period(func.coalesce(QueryStat.day, QueryStat.day), period, municipality))
        .group_by(topic, municipality, outcome)).all()
    return [(t, m, o, int(n)) for t, m, o, n in rows]


def _feedback(session: Session, period: Period) -> list[tuple[str, bool, int]]:
    topic, helpful = col(Feedback.topic), col(Feedback.helpful)
    rows = session.execute(select(topic, helpful, func.count())
                           .where(*_in_period(Feedback.day, period, Feedback.municipality))
                           .group_by(topic, helpful)).all()
    return [(t, bool(h), int(n)) for t, h, n in rows]


def _listing_events(session: Session, period: Period) -> list[tuple[str, str | None, str, bool | None, int]]:
    columns = (col(ListingStat.event), col(ListingStat.municipality), col(ListingStat.rent_band),
               col(ListingStat.found))
    rows = session.execute(sql_select(*columns, func.count())
                           .where(*_in_period(ListingStat.day, period, ListingStat.municipality))
                           .group_by(*columns)).all()
    return [(event, municipality, band, found, int(n)) for event, municipality, band, found, n in rows]


def _published(session: Session, period: Period, *, include_demo: bool) -> list[tuple[str, int]]:
    conditions: list[Any] = [Listing.published_at >= period.since, Listing.published_at < period.until]
    if period.municipality:
        conditions.append(Listing.municipality == period.municipality)
    if not include_demo:
        conditions.append(~col(Listing.demo))
    rows = session.execute(select(Listing.municipality, func.count()).where(*conditions)
                           .group_by(Listing.municipality)).all()
    return [(municipality, int(n)) for municipality, n in rows]


def _referrals(session: Session, period: Period) -> list[tuple[str, int, int]]:
    """Links made in the period per organisation, and how many of them opened a case (a use is a case opened).
    Links used up or expired are deleted a while after (bot/cases/referrals.py ``KEPT_AFTER``): an older period
    counts only those kept."""
    conditions: list[Any] = [Referral.created_at >= period.since, Referral.created_at < period.until]
    if period.municipality:
        conditions.append(Referral.municipality == period.municipality)
    provider = col(Referral.provider)
    rows = session.execute(sql_select(provider, func.count(), func.sum(case((col(Referral.uses) > 0, 1), else_=0)))
                           .where(*conditions).group_by(provider)).all()
    return [(org, int(made), int(used or 0)) for org, made, used in rows]


def _cases(session: Session, period: Period) -> list[CaseFacts]:
    conditions: list[Any] = [Case.created_at >= period.since, Case.created_at < period.until]
    if period.municipality:
        conditions.append(Case.municipality == period.municipality)
    cases = session.exec(select(Case).where(*conditions).order_by(col(Case.id))).all()
    in_period = select(Case.id).where(*conditions)
    events = session.execute(
        select(CaseEvent.case_id, CaseEvent.action, CaseEvent.detail, CaseEvent.at)
        .where(col(CaseEvent.case_id).in_(in_period), col(CaseEvent.action).in_(CASE_EVENTS))
        .order_by(col(CaseEvent.at), col(CaseEvent.id))).all()
    by_case: dict[int, list[tuple[str, str | None, dt.datetime]]] = {}
    for case_id, action, detail, at in events:
        by_case.setdefault(case_id, []).append((action, detail, _aware(at)))
    return [_facts(case, by_case.get(case.id or 0, [])) for case in cases]


def _facts(case: Case, events: list[tuple[str, str | None, dt.datetime]]) -> CaseFacts:
    """Times and codes from the audit log: staff closes only (erasure closes a case too, but that is the
    person's right, not how the case ended), the first claim, the last follow-up answer."""
    first_contact = next((at for action, _, at in events if action == "claimed"), None)
    raised = next((at for action, detail, at in events if action == "raised" and detail == "emergency"), None)
    created_as = next((detail for action, detail, _ in events if action == "created" and detail), case.urgency)
    closes = [detail for action, detail, _ in events if action == "closed"]
    answers = [detail for action, detail, _ in events if action == "followup_answered"]
    return CaseFacts(
        created_at=_aware(case.created_at), urgency=case.urgency, municipality=case.municipality, lang=case.lang,
        reasons=tuple(case.all_reasons()), first_contact=first_contact, became_emergency=raised,
        created_as=created_as or case.urgency, outcome=closes[-1] if closes else None,
        followup_sent=any(action == "followup_sent" for action, _, _ in events),
        followup_answer=answers[-1] if answers else None, referred_by=case.referred_by)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

