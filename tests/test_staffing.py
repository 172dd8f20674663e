"""Staff joining and leaving as core use cases: what every front end (the console, a chat command) calls."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from bot.app import App
from bot.cases.staffing import revoke
from bot.db import session_scope
from bot.staff.audit import entries
from bot.staff.models import Staff
from bot.staff.service import CONSOLE_STAFF_FIRST_ID, add_console_member, find_staff
from tests.cases_support import Desk, case, staff_id, to
from tests.conftest import Clock

MakeApp = Callable[..., App]


def test_revoking_gives_held_cases_back_to_the_team_and_tells_the_young_person(engine: Engine,
                                                                              make_app: MakeApp) -> None:
    app = make_app(engine)
    desk = Desk(app)
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.press("cs:claim:1")
    assert case(engine).claimed_by == staff_id(engine, mette)

    with session_scope(engine) as session:
        released = revoke(session, staff_id=staff_id(engine, mette), now=app.deps.clock(), settings=app.settings)
    assert released is not None and [c.id for c in released] == [1]
    sent = youth.deliver()

    assert (case(engine).status, case(engine).claimed_by) == ("open", None)
    assert any("can no longer answer here" in s.text for s in to(sent, youth))
    # The colleague sees the case again, to take; the one who left keeps no card that could still change.
    assert any("#1" in s.text and "cs:claim:1" in [b.data for b in s.buttons] for s in to(sent, ole))
    assert any(s.kind == "edit" and "no longer shown here" in s.text for s in to(sent, mette))
    with session_scope(engine) as session:
        member = session.get(Staff, staff_id(engine, mette))
        assert member is not None and member.active is False
        assert [e.action for e in entries(session, None)].count("revoke") == 1
        # Revoking again, or someone who never was staff, changes nothing.
        assert revoke(session, staff_id=staff_id(engine, mette), now=app.deps.clock(), settings=app.settings) is None
        assert revoke(session, staff_id=999, now=app.deps.clock(), settings=app.settings) is None


def test_adding_console_staff_checks_the_name_and_role_and_is_audited(engine: Engine, clock: Clock) -> None:
    with session_scope(engine) as session:
        mette = add_console_member(session, role="caseworker", municipality="aarhus", name="  Mette ", now=clock())
        admin = add_console_member(session, role="admin", municipality="aarhus", name="Ane", now=clock())
        for role, municipality, name, problem in (("caseworker", None, "Ole", "needs a municipality"),
                                                  ("caseworker", "aarhus", "   ", "name is empty"),
                                                  ("coordinator", "randers", "mette", "already a staff member"),
                                                  ("partner", None, "Bo", "not 'partner'")):
            with pytest.raises(ValueError, match=problem):
                add_console_member(session, role=role, municipality=municipality, name=name, now=clock())
        assert (mette.display_name, mette.transport, mette.user_id, mette.chat_id) == (
            "Mette", "console", CONSOLE_STAFF_FIRST_ID, CONSOLE_STAFF_FIRST_ID)
        # An admin belongs to every municipality; each member gets the next free console id.
        assert (admin.municipality, admin.user_id) == (None, CONSOLE_STAFF_FIRST_ID + 1)
        assert find_staff(session, "METTE") == [mette]
        assert len(session.exec(select(Staff)).all()) == 2
        assert [e.action for e in entries(session, None)] == ["staff-add", "staff-add"]
