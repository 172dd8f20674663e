"""Triage precision on short first-person statements (issue 13 point 4), without losing a short crisis.

The learned model read almost any short first-person statement as a crisis: "jeg har" alone scored 0.62 emergency, and
"jeg har slugt en flue", "skal jeg sove hos ham eller hende i weekenden", "i want to sleep with him or maybe not" and
"jeg har ikke hørt fra nogen endnu" (on a waiting case: the whole team pinged) were emergencies; the rules called "jeg
skar mig på et glas da jeg vaskede op" self-harm. And "håber jeg sover ind for altid i nat" was only urgent, a
stepfather who locked the young person in was nothing. Coffee, cola or sugar "drukket" or "taget" read as an overdose.

The probes (tests/data/triage_fresh3.tsv) were written before the changes they measure and never trained on; rows
marked open are what the bot still gets wrong, kept to measure (they are expected to fail).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.cases_support import Desk, case, to
from tests.triage_cases import DETECTED, expect
from tests.triage_probes import probes

test_an_everyday_first_person_statement_is_not_flagged = expect(
    probes("triage_fresh3.tsv", "everyday"), Urgency.NONE, lang=DETECTED)


test_a_short_message_without_a_safe_place_is_flagged = expect(
    probes("triage_fresh3.tsv", "urgent"), Urgency.URGENT, how="at least", lang=DETECTED)


test_a_short_danger_now_is_an_emergency = expect(
    probes("triage_fresh3.tsv", "emergency"), Urgency.EMERGENCY, lang=DETECTED)


test_the_reported_everyday_messages_are_not_flagged = expect([
    # The reported false emergencies.
    "jeg har slugt en flue",
    "skal jeg sove hos ham eller hende i weekenden",
    "i want to sleep with him or maybe not",
    "jeg har ikke hørt fra nogen endnu",
    "jeg skar mig på et glas da jeg vaskede op",
    # Nothing but function words: nothing for the model to read a crisis in.
    "jeg har",
    "det er mig",
    # Something harmless drunk or taken.
    "jeg har drukket en hel liter cola",
    "jeg har spist en hel pose slik og har ondt i maven",
    "i drank two cans of cola before bed",
], Urgency.NONE, lang=DETECTED)


test_a_danger_now_stays_an_emergency = expect([
    # The reported misses.
    "håber jeg sover ind for altid i nat",
    "stedfar har låst døren og jeg kan ikke komme ud",
    # What tells an everyday message apart does not hide a danger said beside it.
    "jeg skar mig på et glas med vilje og det bløder meget",
    "han siger jeg skal sove hos ham i weekenden ellers slår han mig",
    "jeg har ikke hørt fra nogen og jeg har taget alle mine piller",
    "he wants me to sleep with him or im out tonight",
    "jeg har drukket kaffe med alle mine piller",
    "put bleach in my coffee and drank it",
], Urgency.EMERGENCY, lang=DETECTED)


test_locked_out_for_the_night_is_urgent = expect([
    ("min stedfar har låst døren så jeg ikke kan komme ind i nat", "da"),
    ("my stepdad locked the door so i cant get in tonight", "en"),
], Urgency.URGENT, how="at least")


def test_waiting_for_news_on_a_waiting_case_does_not_ping_the_team(engine, make_app, clock) -> None:
    clock.advance(hours=-5)  # Friday 10:00 in Denmark: the offices are open
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_and_skip(youth)
    sent = youth.say("jeg har ikke hørt fra nogen endnu")
    assert case(engine).urgency == "urgent", "the case keeps its level"
    assert not any("nødsituation" in s.text.lower() for s in to(sent, group)), "and nobody is called out"
