""""Please call the municipality yourself" comes with the municipality's contact.

Playing a 16-year-old locked out at night in a municipality where no caseworker is on Husly: the bot said, three
times, to call the municipality, and never how. Now each of those messages carries the municipality's own line from
the knowledge base: its phone where one is sourced (Favrskov), its website where none is (Randers: no number was
found on randers.dk, so none is shown).
"""

from __future__ import annotations

import pytest

from bot.cases.jobs import tick
from tests.cases_support import Desk, to

IN_A_CAR = "I am sleeping in a car tonight, I have nowhere to go"


@pytest.mark.parametrize(("municipality", "contact"), [("favrskov", "89 64 10 10"), ("randers", "randers.dk")])
def test_each_call_the_municipality_message_says_how(engine, make_app, clock, municipality: str,
                                                     contact: str) -> None:
    clock.advance(hours=-5)  # Friday 10:00 in Denmark: offices open, but nobody from there is on Husly
    desk = Desk(make_app(engine))
    youth = desk.youth(municipality)
    # The HTML as sent: a website is a link ("Website"), its address in the href.
    opened = " ".join(m.reply.html for m in to(desk.open_case(youth, IN_A_CAR), youth))
    assert "call the municipality yourself" in opened and contact in opened
    for step in ("words", "age", "tonight"):
        youth.press(f"cy:skip:1:{step}")
    finished = " ".join(m.reply.html for m in to(youth.press("cy:skip:1:consent"), youth))
    assert "call the municipality yourself" in finished and contact in finished
    clock.advance(minutes=31)
    tick(desk.engine, desk.app.deps, clock.now)
    waiting = " ".join(m.reply.html for m in to(youth.deliver(), youth))
    assert "call the municipality yourself" in waiting and contact in waiting


def test_where_caseworkers_are_on_husly_no_municipality_line_is_added(engine, make_app, clock) -> None:
    clock.advance(hours=-5)
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    opened = " ".join(m.text for m in to(desk.open_case(youth, IN_A_CAR), youth))
    assert "call the municipality yourself" not in opened and "Aarhus Kommune, " not in opened
