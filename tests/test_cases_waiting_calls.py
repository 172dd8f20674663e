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

# Written for these tests and checked against every real-message collection with rapidfuzz (token_set_ratio and
# partial_ratio both below 80), except the ones the task named word for word ("er der nogen?", "hallooo", "skynd
# jer", "jeg fryser", "im scared", "anyone??") and one-word greetings, which no check of that kind can pass.
FEELINGS = ("jeg føler mig så pisse alene", "i feel so so lonely rn lol", "im sooo scared rn", "so scared rn lol",
            "jeg er sååå bange herude", "jeg er bangeeee herude", "jeg er helt alene herude i nat",
            "jeg er skide bange herude", "jeg går helt i panik herude", "jeg er dødtræt lige nu",
            "im sooo exhausted rn", "jeg er lidt utryg", "im scared")
NEEDS = ("jeg fryser", "jeg frysr helt vildt", "I'm sooo cold", "im freezing out here lol", "det er pissekoldt",
         "det er så koldt herude", "jeg er mega sulten", "i havent eaten all day", "im starving rn")
CALLS = ("er der nogen?", "hallooo", "skynd jer", "anyone??", "hallo?? er der nogen derude", "hallooo er der nogen??",
         "hurry up plz", "r u there plz", "hvorfor svarer i ikke?!", "nogen der svarer?", "nogen derude?",
         "svar mig nu", "hvor er i??", "er i der??", "is anybody there", "is anyone there?", "is someone there?",
         "heeej??", "helloooo", "hallo hallo", "hvorfor svarer ingen", "er der nogen vågen herude?", "anyone awake??",
         # How long the wait is (the lead typed the first while playing a night: it got what to take along).
         "how long will it take?", "hvor lang tid tager det?", "how much longer??", "how long till someone answers",
         "hvor længe varer det")
# Says more than a feeling: a topic, a question, or danger (a greeting alone only greets).
# Only that they got it and wait: no warm line, and not searched ("fint, jeg venter" got the skæve boliger answer).
ACKS = ("fint, jeg venter", "ok jeg venter på jer", "okay fint", "okay i will wait")
MORE = ("hej", "hallo", "hvornår skriver i mon", "im so done waiting",
        "er der nogen? han slår mig", "jeg fryser og han slår mig igen", "skynd jer han kommer",
        "jeg fryser for min lejlighed har ingen varme", "jeg har ikke spist fordi min mor tog pengene",
        "hallo?? han truer mig med en kniv")


@pytest.mark.parametrize(("texts", "expected"), [(FEELINGS, Kind.FEELING), (NEEDS, Kind.NEED), (CALLS, Kind.CALL),
                                                  (ACKS, Kind.ACK)])
def test_what_counts_as_a_feeling_a_need_or_a_call(texts: tuple[str, ...], expected: Kind) -> None:
    assert [t for t in texts if feelings.kind(t) is not expected] == []


def test_what_says_more() -> None:
    assert [t for t in MORE if feelings.kind(t) is not None] == []


def test_a_call_a_need_and_a_feeling_each_get_a_kind_line_in_danish(engine, make_app, clock) -> None:
    clock.advance(hours=-5)  # Friday 10:00: the office is open, nobody has taken the case
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_and_skip(youth)
    rest = "Din sag (nummer 1) er sendt til medarbejderne, og din besked er lagt på den. Er det en nødsituation, så " \
           "ring 112."
    assert [s.text for s in to(youth.say("hallooo er der nogen??"), youth)] == ["Du er ikke glemt. " + rest]
    # After that, only that it reached the case, in words that change (the same sentence under every message read as
    # a wall).
    assert [s.text for s in to(youth.say("skynd jer"), youth)] == [
        "Du er ikke glemt. Jeg har lagt din besked på din sag (nummer 1). Er du i fare, så ring 112."]
    said = [s.text for s in to(youth.say("jeg fryser"), youth)]
    # The warm line and, in the same message, where to get warm tonight in Aarhus (sourced; not the whole topic).
    assert said[0].startswith("Jeg er ked af, at det er så hårdt lige nu. Den er også lagt på din sag.\n\n"
                              "Fryser du meget, så ring 112. Her kan du få varmen i nat:"), said
    assert len(said) == 1 and "Udrykningsteamet" in said[0], said
    assert [s.text for s in to(youth.say("so scared rn lol"), youth)] == [
        "Det er helt okay at have det sådan. Det er også med på din sag. Er du i fare, så ring 112."]
    # "fint, jeg venter" hears only that it reached the case: not the answer about skæve boliger.
    assert [s.text for s in to(youth.say("fint, jeg venter"), youth)] == ["Den er også lagt på din sag."]
    # Each reached the case, and none raised it.
    assert sum(e.action == "youth_wrote" for e in events(engine)) == 5
    assert case(engine).urgency == "urgent"


@pytest.mark.parametrize("serious", ["er der nogen? han slår mig", "skynd jer, jeg vil ikke leve mere",
                                     "hallo?? han truer mig med en kniv"])
def test_a_serious_message_on_a_waiting_case_is_not_taken_for_a_call_or_a_feeling(
        engine, make_app, clock, serious: str) -> None:
    clock.advance(hours=-5)
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_and_skip(youth)
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
    desk.open_and_skip(youth)
    said = [s.text for s in to(youth.say("anyone??"), youth)]
    assert len(said) == 1 and "nobody can answer you here" in said[0] and "forgotten" not in said[0], said


@pytest.mark.parametrize(("lang", "asked", "line"), [
    ("en", "how long will it take?", "You have not been forgotten."),
    ("da", "hvor lang tid tager det?", "Du er ikke glemt.")])
def test_asking_how_long_on_a_waiting_case_is_about_the_case(engine, make_app, clock, lang: str, asked: str,
                                                             line: str) -> None:
    # Thrown out and waiting for a caseworker, "how long will it take?" got the thrown-out topic's question about
    # what to take along ("take"): the wait is what they ask about.
    clock.advance(hours=-5)
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang=lang)
    desk.open_and_skip(youth)
    said = [s.text for s in to(youth.say(asked), youth)]
    assert len(said) == 1 and said[0].startswith(line), said
    assert sum(e.action == "youth_wrote" for e in events(engine)) == 1, "and it reached the case"
