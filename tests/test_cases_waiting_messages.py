"""Messages on a case that waits: the honest notice is said once, not on every message, and a short feeling gets a
warm line, not a topic's answer.

A young person in Randers, where nobody from the municipality is on Husly, got the same four sentences ("no caseworker
from Randers Municipality is connected to Husly ... call the municipality yourself") after every message; at night
in Aarhus, "the office is closed, so a caseworker may not answer before Monday at 08:00" each time. And "jeg er så
bange", written while the case waited, got the answer about violence at home.
"""

from __future__ import annotations

import io
from typing import Any

from tests.cases_support import Desk, case, events, to

NOBODY = "nobody can answer you here"
SHORT = "I have put your message on your case (number 1). If you are in danger, call 112."


def test_where_nobody_is_on_husly_the_notice_is_said_once_then_again_after_a_while(engine, make_app, clock) -> None:
    clock.advance(hours=-5)  # Friday 10:00 in Denmark: the offices are open
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))  # Aarhus has a team; Randers has nobody
    youth = desk.youth("randers")
    desk.open_and_skip(youth)
    first = to(youth.say("is anyone there?"), youth)
    assert NOBODY in first[0].text
    clock.advance(minutes=10)
    again = to(youth.say("hello"), youth)
    assert [s.text for s in again] == [SHORT]
    clock.advance(minutes=10)
    assert [s.text for s in to(youth.say("please"), youth)] == ["That one is on your case too."]  # not SHORT again
    # Every message still reaches the case.
    assert sum(e.action == "youth_wrote" for e in events(engine)) == 3
    assert case(engine).last_youth_at == clock.now
    # A message that sounds serious hears the whole notice (and the team is pinged).
    assert NOBODY in to(youth.say("I am sleeping in a car tonight, I have nowhere to go"), youth)[0].text
    clock.advance(hours=3, minutes=1)
    assert NOBODY in to(youth.say("hello?"), youth)[0].text


def test_at_night_the_notice_is_said_once_and_again_when_someone_goes_on_duty_and_off(
        engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    ole = desk.staff("Ole")
    desk.team(ole)
    clock.advance(hours=8)  # Friday 23:00 in Denmark, nobody on duty
    youth = desk.youth("aarhus")
    desk.open_and_skip(youth)
    assert "may not answer before Monday at 08:00" in to(youth.say("hello?"), youth)[0].text
    assert [s.text for s in to(youth.say("hello"), youth)] == [SHORT]
    ole.command("vagt")
    told = to(youth.say("hi"), youth)[0].text
    assert "Nobody has taken your case yet" in told and "Monday" not in told
    ole.command("vagt", "fra")
    assert "may not answer before Monday at 08:00" in to(youth.say("hi again"), youth)[0].text


def test_a_short_feeling_on_a_waiting_case_gets_a_warm_line_not_a_topic(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_and_skip(youth)
    said = [s.text for s in to(youth.say("jeg er så bange"), youth)]
    assert said == ["Det er helt okay at have det sådan. Din sag (nummer 1) er sendt til medarbejderne, og din besked "
                    "er lagt på den. Er det en nødsituation, så ring 112."], said
    assert sum(e.action == "youth_wrote" for e in events(engine)) == 1
    # Fear of someone is not a feeling to soothe: the safety information comes, and the case becomes an emergency.
    said = [s.text for s in to(youth.say("jeg er bange for ham"), youth)]
    assert any("112" in t for t in said) and not any(t.startswith("Det er helt okay") for t in said)
    assert case(engine).urgency == "emergency"


def test_a_short_feeling_where_nobody_is_on_husly_still_hears_that(engine, make_app, clock) -> None:
    clock.advance(hours=-5)
    desk = Desk(make_app(engine))
    youth = desk.youth("randers")
    desk.open_and_skip(youth)
    said = [s.text for s in to(youth.say("I'm so scared"), youth)]
    assert len(said) == 1 and said[0].startswith("It is okay to feel like that.") and NOBODY in said[0]
    said = [s.text for s in to(youth.say("I feel so alone"), youth)]
    assert said == ["It is okay to feel like that. " + SHORT]


def test_what_counts_as_a_short_feeling() -> None:
    from bot.cases import feelings

    for text in ("jeg er så bange", "Jeg er SÅ bange!!", "bange", "jeg føler mig så alene", "jeg har det skidt",
                 "I'm so scared", "i feel really lonely right now", "jeg er ked af det 😢"):
        assert feelings.is_short_feeling(text), text
    for text in ("jeg er bange for ham", "jeg er bange for at blive smidt ud", "hvor kan jeg sove i nat",
                 "jeg er træt af det her", "er jeg bange?", ""):
        assert not feelings.is_short_feeling(text), text


class _Lines(io.StringIO):
    """The terminal's input, with the clock moved before some lines (no sleeps)."""

    def __init__(self, lines: list[tuple[str, dict[str, float]]], clock: Any) -> None:
        super().__init__()
        self.lines, self.clock = lines, clock

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if not self.lines:
            return ""
        line, advance = self.lines.pop(0)
        if advance:
            self.clock.advance(**advance)
        return line + "\n"


def test_in_the_terminal_chat_a_night_of_messages_and_a_feeling(sqlite_engine, make_app, clock) -> None:
    """`husly chat` (no caseworker on Husly): the notice once, then short; "jeg er så bange" a warm line; three hours
    later the notice again."""
    import asyncio

    from handlers.console import chat
    from tests.test_console_understanding import replies

    app = make_app(sqlite_engine)
    lines: list[tuple[str, dict[str, float]]] = [
        ("/start aarhus", {}), ("jeg har ingen steder at sove i nat", {}), ("ja", {}), ("spring over", {}),
        ("spring over", {}), ("spring over", {}), ("spring over", {}), ("hallo?", {"minutes": 5}),
        ("ok jeg venter på jer", {"minutes": 5}), ("jeg er så bange", {"minutes": 5}), ("hallo", {"hours": 3}),
        ("/quit", {})]
    out = io.StringIO()
    asyncio.run(chat(app, stdin=_Lines(lines, clock), out=out, lang="da"))
    said = replies(out.getvalue())
    nobody = [r for r in said if "ingen kan svare dig her" in r]
    short = [r for r in said if r == "Husly: Jeg har lagt din besked på din sag (nummer 1). Er du i fare, så ring 112."]
    assert len(short) == 1, said
    assert any(r.startswith("Husly: Det er helt okay at have det sådan. Den er også lagt på din sag") for r in said), \
        said
    assert not any("vold" in r.lower() for r in said[-4:]), said
    assert len(nobody) == 2, said  # the first message, and three hours later
