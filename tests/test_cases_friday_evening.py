"""A Friday evening at the desk, played through: what a caseworker or a young person noticed as wrong. Each failed
before its fix.

- A case the safety net gave back to the team said "Ikke taget · venter 0 min." on the card and in /sager, and the
  next caseworker's briefing "ventet 0 min.", though the young person had waited two hours for an answer.
- Given back at 17:05 on a Friday, the young person was told "you get a message when one of them takes it": nobody
  was on duty, and nobody would answer before Monday.
- Ole went off duty and handed his case to Mette, who was not on duty either: the young person heard "write here as
  before", Ole nothing, and the young person's next messages waited unseen.
- A message typed while the case asked "how old are you?" brought the question back with its whole introduction ("A
  few short questions help the caseworker. You can skip them.") after every message.
"""

from __future__ import annotations

from bot.cases.jobs import tick
from tests.cases_support import Desk, case, to

CLOSED = "The office is closed, so a caseworker may not answer before Monday at 08:00."


def _evening(engine, make_app):
    desk = Desk(make_app(engine))
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    group = desk.team(mette)
    return desk, mette, ole, group


def test_a_case_given_back_unanswered_keeps_the_young_persons_wait(engine, make_app, clock) -> None:
    desk, mette, ole, group = _evening(engine, make_app)  # Friday 15:00 in Denmark
    sara = desk.youth("aarhus")
    desk.open_case(sara)
    clock.advance(minutes=35)
    mette.command("tag", "1")
    clock.advance(minutes=90)  # 17:05: Mette never answered, the office is closed, nobody on duty
    assert tick(desk.engine, desk.app.deps, clock.now)["returned"] == 1
    sent = sara.deliver()
    cards = [s.text for s in to(sent, group) if s.kind == "edit"]
    assert cards and "Ikke taget · venter 2 t. 5 min." in cards[-1], cards
    told = [s.text for s in to(sent, sara)]
    assert len(told) == 1 and CLOSED in told[0] and "You get a message when" not in told[0], told
    queue = " ".join(s.text for s in to(ole.command("sager"), ole))
    assert "not taken, waiting 2 h 5 min" in queue, queue
    # The next caseworker sees the real wait too.
    clock.advance(minutes=10)
    briefing = " ".join(s.text for s in to(ole.command("tag", "1"), ole))
    assert "the young person has waited 2 h 15 min for an answer" in briefing, briefing
    assert case(engine).claimed_by is not None


def test_given_back_in_office_hours_the_young_person_hears_they_get_a_message(engine, make_app, clock) -> None:
    desk, mette, _ole, _group = _evening(engine, make_app)
    clock.advance(hours=-5)  # Friday 10:00: the office is open
    sara = desk.youth("aarhus")
    desk.open_case(sara)
    mette.command("tag", "1")
    told = [s.text for s in to(mette.command("slip", "1"), sara)]
    assert told == ["The caseworker who had your case can no longer answer here. Your case is back with the "
                    "caseworkers at Aarhus Municipality. You get a message when one of them takes it."], told


def test_a_handover_to_a_colleague_off_duty_after_hours_is_said_to_both(engine, make_app, clock) -> None:
    desk, mette, ole, _group = _evening(engine, make_app)
    ole.command("vagt", "2")  # on duty till 17:00; Mette is not
    sara = desk.youth("aarhus")
    desk.open_case(sara)
    ole.command("tag", "1")
    clock.advance(hours=2, minutes=5)  # 17:05: Ole's duty is over
    sent = ole.command("overdrag", "1 Mette")
    said = " ".join(s.text for s in to(sent, ole))
    assert "Mette has case #1 now." in said and "Mette is not on duty now" in said, said
    told = " ".join(s.text for s in to(sent, sara))
    assert "has taken over your case" in told and CLOSED in told, told
    # To a colleague on duty, no such note.
    ole.command("vagt")
    clock.advance(minutes=1)
    sent = mette.command("overdrag", "1 Ole")
    assert "Ole has case #1 now." in " ".join(s.text for s in to(sent, mette))
    assert "is not on duty" not in " ".join(s.text for s in to(sent, mette))
    assert CLOSED not in " ".join(s.text for s in to(sent, sara))


def test_a_question_asked_again_after_a_message_comes_without_its_introduction(engine, make_app, clock) -> None:
    desk, _mette, _ole, _group = _evening(engine, make_app)
    clock.advance(hours=-5)
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth)
    youth.press("cy:words:1:yes")
    said = [s.text for s in to(youth.say("hallo?? er der nogen"), youth)]
    assert said[0].startswith("Du er ikke glemt."), said
    assert said[-1] == "Hvor gammel er du?", said
    said = [s.text for s in to(youth.say("ok jeg venter på jer"), youth)]
    # Asked twice in a row already: the next question comes (tests/test_cases_questions_once_more.py).
    assert said[-1] == "Hvor skal du sove i nat?", said
    assert not any("Et par korte spørgsmål" in t or "Hvor gammel er du?" in t for t in said)


def test_an_answer_to_the_caseworker_during_the_questions_reaches_the_caseworker(engine, make_app, clock) -> None:
    """Mette took Sara's case while "where will you sleep tonight?" was on Sara's screen, and asked whether she was
    somewhere safe; Sara's answer was read as the tonight answer: Mette never saw it, Sara got the next question."""
    desk, mette, _ole, _group = _evening(engine, make_app)
    sara = desk.youth("aarhus", lang="da")
    desk.open_case(sara)
    sara.press("cy:words:1:yes")
    sara.press("cy:skip:1:age")
    mette.command("tag", "1")
    mette.command("svar", "1 Hej, er du et trygt sted lige nu?")
    sent = sara.say("ja hos en veninde i aften")
    relayed = " ".join(s.text for s in to(sent, mette))
    assert "ja hos en veninde i aften" in relayed, relayed
    assert not any("telefonnummer" in s.text for s in to(sent, sara)), "no bot question in between"


def test_a_message_right_after_the_still_waiting_notice_does_not_hear_it_all_again(engine, make_app, clock) -> None:
    """At 17:21 Lea got "I'm sorry ... the office is closed, so a caseworker may not answer before Monday at 08:00",
    wrote "hallo??" the same minute, and got the office's closing time again in the next message."""
    desk, _mette, _ole, _group = _evening(engine, make_app)
    clock.advance(hours=2)  # Friday 17:00: closed, nobody on duty
    lea = desk.youth("aarhus", lang="da")
    desk.open_case(lea, "jeg har ingen steder at sove i nat")
    for question in ("words", "age", "tonight", "consent"):
        lea.press(f"cy:skip:1:{question}")
    clock.advance(minutes=31)  # twice the urgent deadline: the team is told again, and Lea hears she still waits
    assert tick(desk.engine, desk.app.deps, clock.now)["escalated"] == 1
    notice = [s.text for s in to(lea.deliver(), lea)]
    assert any("mandag kl. 08:00" in t for t in notice), notice
    said = [s.text for s in to(lea.say("hallo??"), lea)]
    assert said == ["Du er ikke glemt. Jeg har lagt din besked på din sag (nummer 1). Er du i fare, så ring 112."], said
