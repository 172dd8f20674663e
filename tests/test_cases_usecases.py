"""Case use cases that several paths share: putting a case back in the queue, and recording an answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Session

from bot.app import App
from bot.cases import service
from bot.cases.models import Case, CaseStatus
from bot.db import session_scope
from bot.staff.models import Staff
from tests.cases_support import URGENT_TEXT, Desk, case, events, to
from tests.conftest import Clock

MakeApp = Callable[..., App]


def _claimed_case(session: Session, staff: Staff, chat_id: int, now: dt.datetime) -> Case:
    case = service.create_case(session, transport="telegram", chat_id=chat_id, lang="da", municipality="aarhus",
                               urgency="urgent", reasons=("thrown_out",), now=now)
    case.status, case.claimed_by, case.claimed_at, case.escalation = CaseStatus.CLAIMED, staff.id, now, 2
    case.owed_since, case.owner_reminders = now, 3
    return case


def test_release_transfer_and_reopen_put_a_case_back_in_the_queue_alike(engine: Engine, clock: Clock) -> None:
    later = clock() + dt.timedelta(hours=2)
    back = {
        "released": lambda s, c: service.release(s, c, later, "test"),
        "transferred": lambda s, c: service.transfer(s, c, "randers", later, None),
        "reopened": lambda s, c: service.reopen(s, c, later, "came_back"),
    }
    with session_scope(engine) as session:
        staff = Staff(transport="telegram", user_id=1, chat_id=1, role="caseworker", municipality="aarhus")
        session.add(staff)
        session.flush()
        for chat_id, (action, step) in enumerate(back.items(), start=7001):
            found = _claimed_case(session, staff, chat_id, clock())
            step(session, found)
            # Unclaimed, waiting from now: the response-time clock, escalation and owner reminders start again. A
            # case given back or moved unanswered keeps the young person's wait (the card shows it); reopened, not.
            owed = None if action == "reopened" else clock()
            assert (found.status, found.claimed_by, found.claimed_at, found.escalation, found.waiting_since,
                    found.owed_since, found.owner_reminders) == ("open", None, None, 0, later, owed, 0), action
            assert service.waiting_for(found) == (later if action == "reopened" else clock())
            assert service.events(session, found.id or 0)[-1].action == action


def test_every_answer_is_audited_as_a_code_and_shown_on_the_card(engine: Engine, make_app: MakeApp) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    youth.say(URGENT_TEXT)
    youth.press("cy:go")
    sent = youth.press("cy:words:1:no") + youth.say("I am 17") + youth.press("cy:tn:1:friends")
    sent += youth.press("cy:anon:1")
    answered = [e.detail for e in events(engine) if e.action == "answered"]
    assert answered == ["words=no", "age=under_18", "tonight=friends", "consent=no"]
    assert (case(engine).words_consent, case(engine).age_band, case(engine).tonight) == (False, "under_18", "friends")
    # Each answer that changed the case edited the team's card in place; staying anonymous changed nothing.
    edits = [s for s in to(sent, group) if s.kind == "edit"]
    assert len(edits) == 3 and "under 18" in edits[-1].text
