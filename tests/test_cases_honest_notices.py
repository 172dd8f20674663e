"""What the young person and the caseworker are told on a Friday evening is true (played with two caseworkers in
Aarhus and a young person in Randers, where nobody is on Husly).

The young person sleeping in a car in Randers was told at first, honestly, that no caseworker from Randers is on
Husly and to call the municipality; but their next message got "The caseworkers can see that you wrote", and half
an hour later "They have been reminded": a promise nobody could keep, to someone who might wait instead of calling.
"""

from __future__ import annotations

from bot.cases.jobs import tick
from tests.cases_support import Desk, case, to

IN_A_CAR = "I am sleeping in a car tonight, I have nowhere to go"


def test_a_young_person_where_nobody_is_on_husly_is_not_told_that_caseworkers_read_or_were_reminded(
        engine, make_app, clock) -> None:
    clock.advance(hours=-5)  # Friday 10:00 in Denmark: the offices are open
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))  # Aarhus has a team; Randers has nobody
    youth, aarhus = desk.youth("randers"), desk.youth("aarhus")
    desk.open_case(aarhus)
    opened = " ".join(m.text for m in to(desk.open_case(youth), youth))
    assert "no caseworker from Randers Municipality is connected to Husly" in opened
    youth.press("cy:skip:2:words")
    youth.press("cy:skip:2:age")
    youth.press("cy:skip:2:tonight")
    finished = " ".join(m.text for m in to(youth.press("cy:skip:2:consent"), youth))
    assert "sees your answers when they take your case" not in finished and "call the municipality" in finished
    told = to(youth.say("is anyone there?"), youth)[0].text
    assert "can see that you wrote" not in told and "can read it" not in told
    assert "nobody can answer you here" in told and "call the municipality" in told
    clock.advance(minutes=31)
    assert tick(desk.engine, desk.app.deps, clock.now)["escalated"] == 2
    sent = youth.deliver()
    waiting = to(sent, youth)[0].text
    assert "reminded" not in waiting and "call the municipality yourself" in waiting and "112" in waiting
    # Where caseworkers are on Husly, they were reminded, and the young person hears so.
    assert "They have been reminded" in to(sent, aarhus)[0].text


def test_going_off_duty_with_a_case_taken_says_which_and_how_to_pass_it_on(engine, make_app) -> None:
    """Ole went off duty holding case #1 and was told only "You are off duty now": the young person's messages
    kept going to him for two hours until the safety net gave the case back."""
    desk = Desk(make_app(engine))
    ole = desk.staff("Ole")
    desk.team(ole)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    ole.press("cs:claim:1")
    assert case(engine).status == "claimed"
    said = to(ole.command("vagt", "fra"), ole)[0].text
    assert "off duty" in said and "#1" in said and "/overdrag 1" in said and "/slip 1" in said
    # With nothing taken, nothing more is said.
    ole.command("slip", "1")
    assert to(ole.command("vagt", "fra"), ole)[0].text == "You are off duty now."


def test_outside_office_hours_with_nobody_on_duty_the_young_person_hears_when_the_office_opens(
        engine, make_app, clock) -> None:
    """Friday 23:00 in Aarhus, nobody on duty: the case was sent with "a caseworker may not answer before Monday at
    08:00", but half an hour later came "They have been reminded. You can keep writing here", and on Saturday
    morning "Nobody has taken your case yet": a night of waiting for an answer that could not come."""
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    clock.advance(hours=8)  # Friday 23:00 in Denmark
    youth = desk.youth("aarhus")
    opened = " ".join(m.text for m in to(desk.open_case(youth), youth))
    assert "may not answer before Monday at 08:00" in opened
    youth.press("cy:skip:1:words")
    clock.advance(minutes=31)
    tick(desk.engine, desk.app.deps, clock.now)
    waiting = to(youth.deliver(), youth)[0].text
    assert "may not answer before Monday at 08:00" in waiting and "keep writing here" not in waiting
    clock.advance(hours=10)  # Saturday morning
    told = to(youth.say("hello? is anyone there"), youth)[0].text
    assert "may not answer before Monday at 08:00" in told
