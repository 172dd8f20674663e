"""A handover keeps the young person's wait, and gives the new caseworker their full time.

Sara had waited 82 minutes for Ole when he handed her case to Mette with /overdrag; Mette's briefing and the card
said "ventet 0 min. på svar". The wait goes on; only the reminders (and the return to the team) start again from
the handover, so the case does not bounce back to the team minutes after Mette got it.
"""

from __future__ import annotations

from bot.cases.jobs import tick
from tests.cases_support import Desk, case, to


def test_a_handed_over_case_shows_the_real_wait_and_the_new_owner_gets_the_normal_time(
        engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    group = desk.team(mette)
    sara = desk.youth("aarhus")
    desk.open_case(sara)
    ole.command("claim", "1")
    clock.advance(minutes=62)
    assert tick(desk.engine, desk.app.deps, clock.now)["owner_reminded"] == 1  # Ole was reminded (twice in one)
    clock.advance(minutes=20)
    sent = ole.command("overdrag", "1 Mette")
    assert case(engine).claimed_by is not None and case(engine).owner_reminders == 0
    briefing = " ".join(s.text for s in to(sent, mette) if "gave you case #1" in s.text)
    assert "the young person has waited 1 h 22 min for an answer" in briefing, briefing
    cards = [s.text for s in to(sent, group) if s.kind == "edit"]
    assert cards and "ventet 1 t. 22 min. på svar" in cards[-1], cards
    # Mette gets the normal time from the handover: no reminder, and not back to the team, before 30 minutes.
    clock.advance(minutes=29)
    assert not any(tick(desk.engine, desk.app.deps, clock.now).values())
    clock.advance(minutes=1)
    assert tick(desk.engine, desk.app.deps, clock.now)["owner_reminded"] == 1
    reminder = " ".join(s.text for s in to(sara.deliver(), mette))
    assert "has waited 1 h 52 min for your answer" in reminder, reminder
    clock.advance(minutes=59)
    assert tick(desk.engine, desk.app.deps, clock.now)["returned"] == 0
    assert case(engine).status == "claimed"
    clock.advance(minutes=1)
    assert tick(desk.engine, desk.app.deps, clock.now)["returned"] == 1
    assert case(engine).status == "open" and case(engine).claimed_by is None


def test_an_answered_case_handed_over_owes_the_next_answer_from_the_handover(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    desk.team(mette)
    desk.open_case(desk.youth("aarhus"))
    ole.command("claim", "1")
    ole.command("reply", "1 Hi, I am here")
    clock.advance(minutes=40)
    sent = ole.command("overdrag", "1 Mette")
    assert "has waited 0 min for an answer" in " ".join(s.text for s in to(sent, mette))
    clock.advance(minutes=30)
    assert tick(desk.engine, desk.app.deps, clock.now)["owner_reminded"] == 1
