"""Short messages a young person writes while their case waits: fear, cold, hunger, "er der nogen?", "skynd jer".

The warm line knew a handful of words: "hallooo", "er der nogen?", "jeg fryser", "im scared af" and "skynd jer" got
the case notice and then a topic's answer, or nothing kind at all. Danger still goes through triage first: a
message that sounds serious is never taken for a feeling, and raises the case as before.
"""

from __future__ import annotations

import pytest

from bot.cases import feelings
from bot.cases.feelings import Kind
from tests.cases_support import Desk, case, events, to

# Written for these tests (checked against the real-message collections with rapidfuzz, both ratios below 80, or
# named word for word in the task).
FEELINGS = ("jeg er så bange", "Jeg er SÅ bange!!", "bange", "jeg føler mig så alene", "jeg har det skidt",
            "I'm so scared", "i feel really lonely right now", "jeg er ked af det 😢", "im scared", "im scared af",
            "so scared rn", "jeg er sååå bange", "jeg er bangeee", "jeg er helt alene herude", "jeg er skide bange",
            "jeg går i panik", "im freaking out", "jeg er lidt utryg", "jeg er så træt", "im exhausted")
NEEDS = ("jeg fryser", "jeg fryser helt vildt", "jeg frysr", "det er pissekoldt", "det er så koldt herude",
         "I'm so cold", "im freezing", "its freezing out here", "jeg er sulten", "jeg er mega sulten",
         "jeg har ikke spist i dag", "i havent eaten all day", "im starving")
CALLS = ("er der nogen?", "er der nogen der kan hjælpe mig", "hallooo", "hallo??", "hallo?", "hej?", "hello???",
         "anyone??", "is anyone there?", "is anybody there", "hallo er der nogen", "skynd jer", "skynd jer nu!!",
         "hurry please", "svar mig nu", "hvor er i??", "are you there?", "er i der", "hvorfor svarer i ikke",
         "nogen der?", "heeej", "helloooo")
# Says more than a feeling: a topic, a question, or someone to fear.
MORE = ("jeg er bange for ham", "jeg er bange for at blive smidt ud", "hvor kan jeg sove i nat",
        "jeg er træt af det her", "er jeg bange?", "", "hej", "hallo", "hello", "tak", "ok", "der", "mig",
        "hvornår skriver de", "jeg venter bare", "er der nogen? han slår mig", "jeg fryser og han slår mig",
        "skynd jer han kommer", "det er koldt i min lejlighed", "jeg har ikke spist i dag fordi min mor")


@pytest.mark.parametrize(("texts", "expected"), [(FEELINGS, Kind.FEELING), (NEEDS, Kind.NEED), (CALLS, Kind.CALL)])
def test_what_counts_as_a_feeling_a_need_or_a_call(texts: tuple[str, ...], expected: Kind) -> None:
    assert [t for t in texts if feelings.kind(t) is not expected] == []


def test_what_says_more() -> None:
    assert [t for t in MORE if feelings.kind(t) is not None] == []


def _open_and_skip(desk: Desk, youth) -> None:
    desk.open_case(youth)
    for question in ("words", "age", "tonight", "consent"):
        youth.press(f"cy:skip:1:{question}")


def test_a_call_a_need_and_a_feeling_each_get_a_kind_line_in_danish(engine, make_app, clock) -> None:
    clock.advance(hours=-5)  # Friday 10:00: the office is open, nobody has taken the case
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    _open_and_skip(desk, youth)
    rest = "Din sag (nummer 1) er sendt til medarbejderne, og din besked er lagt på den. Er det en nødsituation, så " \
           "ring 112."
    assert [s.text for s in to(youth.say("hallooo er der nogen??"), youth)] == ["Du er ikke glemt. " + rest]
    assert [s.text for s in to(youth.say("skynd jer"), youth)] == ["Du er ikke glemt. " + rest]
    said = [s.text for s in to(youth.say("jeg fryser"), youth)]
    assert said[0] == "Jeg er ked af, at det er så hårdt lige nu. " + rest, said
    assert len(said) == 2 and "få varmen i nat" in said[1], "and where to get warm tonight"
    assert [s.text for s in to(youth.say("so scared rn"), youth)] == ["Det er helt okay at have det sådan. " + rest]
    # Each reached the case, and none raised it.
    assert sum(e.action == "youth_wrote" for e in events(engine)) == 4
    assert case(engine).urgency == "urgent"


@pytest.mark.parametrize("serious", ["er der nogen? han slår mig", "skynd jer, jeg vil ikke leve mere",
                                     "jeg er bange, han har en kniv"])
def test_a_serious_message_on_a_waiting_case_is_not_taken_for_a_call_or_a_feeling(
        engine, make_app, clock, serious: str) -> None:
    clock.advance(hours=-5)
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    _open_and_skip(desk, youth)
    youth.say("hallo??")
    sent = youth.say(serious)
    said = [s.text for s in to(sent, youth)]
    assert not any(t.startswith(("Du er ikke glemt", "Det er helt okay", "Jeg er ked af, at det er så")) for t in said)
    assert any("112" in t for t in said), said
    assert case(engine).urgency == "emergency", "raised at once"
    assert any("NØDSITUATION" in s.text or "nødsituation" in s.text.lower() for s in to(sent, group)), \
        "and the team is pinged"


def test_where_nobody_is_on_husly_a_call_is_not_told_it_is_not_forgotten(engine, make_app, clock) -> None:
    clock.advance(hours=-5)
    desk = Desk(make_app(engine))
    youth = desk.youth("randers")
    _open_and_skip(desk, youth)
    said = [s.text for s in to(youth.say("anyone??"), youth)]
    assert len(said) == 1 and "nobody can answer you here" in said[0] and "forgotten" not in said[0], said
