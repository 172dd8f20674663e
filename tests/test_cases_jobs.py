"""The safety net for unclaimed cases and the follow-up after a closed case, driven by a fake clock."""

from __future__ import annotations

import datetime as dt

from bot.cases.jobs import tick
from tests.cases_support import EMERGENCY_TEXT, Desk, case, events, to


def run(desk: Desk, clock, **advance: float) -> dict[str, int]:
    clock.advance(**advance)
    return tick(desk.engine, desk.app.deps, clock.now)


def test_an_unclaimed_urgent_case_is_reannounced_then_sent_to_everyone_then_admins(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    boss = desk.staff("Admin", role="admin", municipality=None)
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mark = len(desk.sender.sent)
    assert run(desk, clock, minutes=14, seconds=59)["reannounced"] == 0
    assert run(desk, clock, seconds=1)["reannounced"] == 1
    sent = youth.deliver()
    ping = [s for s in to(sent, group) if s.kind == "send"]
    assert "Sag #1 har ventet 15 min., og ingen har taget den" in ping[0].text
    assert ping[0].buttons[0].data == "cs:claim:1"
    assert not to(sent, mette) and not to(sent, youth)
    assert run(desk, clock, minutes=15)["escalated"] == 1
    sent = youth.deliver()
    assert any("Case #1" in s.text for s in to(sent, mette)) and any("Case #1" in s.text for s in to(sent, ole))
    assert "taken your case yet" in to(sent, youth)[0].text  # 15:30: the office has just closed
    assert "112" in to(sent, youth)[0].text
    assert run(desk, clock, minutes=15)["admins"] == 1
    assert any("Case #1" in s.text for s in to(youth.deliver(), boss))
    assert not any(run(desk, clock, hours=5).values())
    assert [e.detail for e in events(engine) if e.action == "escalated"] == ["1", "2", "3"]
    assert len(desk.sender.sent) > mark


def test_an_emergency_is_reannounced_after_five_minutes(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    desk.open_case(desk.youth("aarhus"), EMERGENCY_TEXT)
    assert run(desk, clock, minutes=4)["reannounced"] == 0
    assert run(desk, clock, minutes=1)["reannounced"] == 1
    assert any("ventet 5 min" in s.text for s in to(group.deliver(), group))


def test_the_minutes_come_from_the_settings(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine, sla_urgent_minutes=3))
    desk.team(desk.staff("Mette"))
    desk.open_case(desk.youth("aarhus"))
    assert run(desk, clock, minutes=3)["reannounced"] == 1


def test_a_claimed_case_gets_no_reminders_and_a_second_tick_sends_nothing_twice(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    desk.team(mette)
    desk.open_case(desk.youth("aarhus"))
    desk.open_case(desk.youth("aarhus"))
    mette.command("claim", "1")
    first = run(desk, clock, minutes=16)
    again = tick(desk.engine, desk.app.deps, clock.now)  # fx a second bot instance at the same moment
    assert first["reannounced"] == 1 and again["reannounced"] == 0
    assert case(engine, 1).escalation == 0 and case(engine, 2).escalation == 1


def test_a_long_pause_does_every_step_it_missed(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    desk.open_case(desk.youth("aarhus"))
    counts = run(desk, clock, hours=2)  # the bot was down
    assert (counts["reannounced"], counts["escalated"], counts["admins"]) == (1, 1, 1)


def test_outside_office_hours_the_oncall_chat_gets_the_card(engine, make_app, clock) -> None:
    from bot.cases import service
    from bot.db import session_scope

    clock.now = dt.datetime(2026, 11, 28, 22, 0, tzinfo=dt.UTC)  # Saturday night
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    with session_scope(engine) as session:
        service.set_team(session, "aarhus", clock.now, oncall_chat_id=-4444)
    youth = desk.youth("aarhus")
    sent = desk.open_case(youth)
    assert [s.chat_id for s in sent if "Sag #1" in s.text] == [group.chat_id, -4444]
    assert any("on-call staff have been told too" in s.text for s in to(sent, youth))


def test_follow_up_is_asked_once_and_yes_is_stored(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.command("claim", "1")
    mette.command("close", "1 housed")
    assert run(desk, clock, hours=23, minutes=59)["followups"] == 0
    assert run(desk, clock, minutes=1)["followups"] == 1
    question = to(youth.deliver(), youth)
    assert "Did you find somewhere safe to stay?" in question[0].text
    assert run(desk, clock, hours=24)["followups"] == 0  # once
    youth.press_button(question, "Yes")
    assert case(engine).followup_answer == "safe" and case(engine).status == "closed"
    youth.press("cy:fu:1:no")  # a second answer is stale
    assert case(engine).status == "closed" and case(engine).followup_answer == "safe"


def test_a_follow_up_that_would_fall_at_night_waits_for_the_morning(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    clock.advance(hours=12)  # 03:00 Danish time
    mette.command("claim", "1")
    mette.command("close", "1 housed")
    assert run(desk, clock, hours=24)["followups"] == 0  # 03:00 the next night: not now
    assert run(desk, clock, hours=5, minutes=59)["followups"] == 0  # 08:59
    assert run(desk, clock, minutes=1)["followups"] == 1  # 09:00 Danish time


def test_follow_up_no_reopens_the_case_and_tells_the_caseworkers(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine, followup_hours=2))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.command("claim", "1")
    mette.command("close", "1 referred")
    run(desk, clock, hours=2)
    question = to(youth.deliver(), youth)
    sent = youth.press_button(question, "No, not yet")
    reopened = case(engine)
    assert (reopened.status, reopened.claimed_by, reopened.followup_answer) == ("open", None, "not_safe")
    assert "followup_not_safe" in reopened.reasons
    assert "help tonight" in to(sent, youth)[0].text  # safety information first
    assert any("åben igen" in s.text for s in to(sent, group))
    assert "cs:claim:1" in [b.data for s in to(sent, group) for b in s.buttons]


def test_no_follow_up_to_someone_who_blocked_the_bot(engine, make_app, clock) -> None:
    from bot.replies import Incoming

    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.command("claim", "1")
    mette.command("close", "1 no-contact")
    youth.send(Incoming("telegram", youth.chat_id, youth.chat_id, "blocked"))
    assert run(desk, clock, hours=25)["followups"] == 0
    assert [e.detail for e in events(engine) if e.action == "followup_skipped"] == ["blocked"]
