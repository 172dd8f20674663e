"""Referral links keep the least: a link used up or expired is deleted a while after (``referrals.KEPT_AFTER``, the
retention job), and a case's "Henvist af" organisation goes when the case is anonymised, by the young person's /slet
or by retention (docs/privacy.md). The reason code "referred" stays, like the other codes, for the report."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from bot.cases import models, privacy, referrals
from bot.db import session_scope
from bot.privacy.registry import expire_all
from tests.cases_support import Desk, case
from tests.test_cases_referrals import ORG, _link, _opened, _partner


def _referred_case(desk: Desk):
    desk.team(desk.staff("Mette"))
    partner = _partner(desk)
    payload, _answer = _link(partner)
    youth, _sent = _opened(desk, payload)
    youth.press("cy:go")
    return partner, youth


def test_erasing_the_case_takes_the_referring_organisation_with_it(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    _partner_chat, youth = _referred_case(desk)
    assert case(engine).referred_by == ORG
    with session_scope(engine) as session:
        privacy.erase(session, youth.transport, youth.chat_id, dt.datetime.now(dt.UTC))
    erased = case(engine)
    assert erased.referred_by is None and erased.chat_id == privacy.ERASED_CHAT
    assert models.REFERRED in erased.all_reasons(), "the code stays for the report"


def test_an_old_closed_case_anonymised_by_retention_loses_the_organisation(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    _referred_case(desk)
    with session_scope(engine) as session:
        found = session.get(models.Case, 1)
        assert found is not None
        found.status, found.closed_at = models.CaseStatus.CLOSED.value, clock.now
        session.add(found)
    with session_scope(engine) as session:
        expire_all(session, [privacy.STORE], clock.now + dt.timedelta(days=200), retention_days=180)
    assert case(engine).referred_by is None


def test_used_up_and_expired_links_are_deleted_a_while_after_and_a_working_one_stays(engine, make_app,
                                                                                      clock) -> None:
    desk = Desk(make_app(engine))
    partner, _youth = _referred_case(desk)  # one used up
    _link(partner)  # one never used
    with session_scope(engine) as session:
        assert referrals.remove_old(session, clock.now + dt.timedelta(days=29)) == 0, "the month's links stay"
    with session_scope(engine) as session:
        # 31 days on: the used-up one was made over KEPT_AFTER ago; the unused one still works until day 30.
        assert referrals.remove_old(session, clock.now + dt.timedelta(days=31)) == 1
        assert [r.uses for r in session.exec(select(models.Referral)).all()] == [0]
    with session_scope(engine) as session:
        # Its last day was 30 days after it was made; it goes KEPT_AFTER later.
        assert referrals.remove_old(session, clock.now + dt.timedelta(days=59)) == 0
        assert referrals.remove_old(session, clock.now + dt.timedelta(days=61)) == 1
        assert session.exec(select(models.Referral)).all() == []


def test_the_retention_job_deletes_old_links(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    _link(_partner(desk))
    with session_scope(engine) as session:
        expire_all(session, [privacy.STORE], clock.now + dt.timedelta(days=61), retention_days=180)
    with session_scope(engine) as session:
        assert session.exec(select(models.Referral)).all() == []
