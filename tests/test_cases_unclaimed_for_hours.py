"""A Friday evening, played: a case nobody takes for hours. Two caseworkers were on duty; the team heard about the case
at 18:30 and the admins at 18:45 (with no admin on Husly, nobody), and then nothing more: at 22:00 the young person was
still waiting and no one had been reminded since. Now the team is told again every hour while someone can answer,
and not through a weekend night when the office is closed and nobody is on duty. Failed before the fix."""

from __future__ import annotations

from bot.cases.jobs import tick
from tests.cases_support import Desk, to


def _pings(sent, group) -> list[str]:
    return [s.text for s in to(sent, group) if s.kind == "send" and s.text.startswith("⏰")]


def test_a_case_nobody_takes_is_brought_up_again_each_hour_while_someone_is_on_duty(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    group = desk.team(mette)
    clock.advance(hours=3)  # Friday 18:00: the office is closed, Mette and Ole are on duty
    mette.command("vagt")
    ole.command("vagt")
    desk.open_and_skip(desk.youth("aarhus"))
    pings = []
    for _quarter in range(16):  # until 22:00
        clock.advance(minutes=15)
        tick(desk.engine, desk.app.deps, clock.now)
        pings += _pings(group.deliver(), group)
    waits = [p.split("har ventet ")[1].split(",")[0] for p in pings]
    # At 15 min (the team), 45 min (the admins: none here), then every hour while Mette and Ole are on duty.
    assert waits == ["15 min.", "1 t. 45 min.", "2 t. 45 min.", "3 t. 45 min."], pings
    # 22:00: both go off duty. The office is closed: the group is not woken every hour of the night.
    mette.command("vagt", "fra")
    ole.command("vagt", "fra")
    group.deliver()
    for _hour in range(6):
        clock.advance(hours=1)
        tick(desk.engine, desk.app.deps, clock.now)
        assert not _pings(group.deliver(), group)



def test_where_nobody_is_on_husly_no_hourly_reminder_is_counted(engine, make_app, clock, caplog) -> None:
    # Randers has nobody on Husly here: a reminder has nowhere to go. Each hour one was tried and counted as sent
    # ("repeated" in the tick's counts, which the operators read), though no one got it.
    clock.advance(days=-1, hours=-6)  # Thursday 08:00 (UTC; 09:00 in Denmark): the office is open all day
    desk = Desk(make_app(engine))
    desk.open_and_skip(desk.youth("randers"))
    clock.advance(hours=1)
    tick(desk.engine, desk.app.deps, clock.now)  # the levels up to the admins, at once
    caplog.clear()
    for _hour in range(5):
        clock.advance(hours=1)
        assert tick(desk.engine, desk.app.deps, clock.now)["repeated"] == 0
    assert not [r for r in caplog.records if "no staff to notify" in r.getMessage()]
