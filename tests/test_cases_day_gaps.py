"""Gaps found by playing each user's day (a young person at night, two caseworkers on a Friday evening), each a
test that failed before its fix: the queue order of a sofa surfer, short answers to "where do you sleep tonight?",
a contact shared before the age and tonight questions, and three earlier changes that had no test of their own."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cases import flow, service
from bot.cases.models import Case
from tests.cases_support import Desk, button_data, case, cases, to, transcript

SOFA = "Jeg har sovet på sofaen hos venner i flere uger og ved ikke hvad jeg skal"


def texts_of(sent: list) -> str:
    return "\n".join(m.text for m in sent)


def to_tonight(desk: Desk, youth: Any, text: str = "jeg har ingen steder at sove i nat") -> None:
    """Open a case and answer the questions up to "Where will you sleep tonight?"."""
    desk.open_case(youth, text)
    number = cases(desk.engine)[-1].id
    youth.press(f"cy:words:{number}:no")
    sent = to(youth.press(f"cy:skip:{number}:age"), youth)
    assert "Hvor skal du sove i nat?" in sent[-1].text


# ---- 1. a sofa surfer's case is raised in the queue ------------------------------------------------------------

def test_sofa_surfing_raises_a_case_like_being_homeless_now() -> None:
    plain = Case(transport="t", chat_id=1, urgency="urgent", reasons=["asked_for_help"])
    sofa = Case(transport="t", chat_id=2, urgency="urgent", reasons=["asked_for_help", "couch_surfing"])
    homeless = Case(transport="t", chat_id=3, urgency="urgent", reasons=["asked_for_help", "homeless_now"])
    ending = Case(transport="t", chat_id=4, urgency="urgent", reasons=["couch_surfing_ending"])
    for one in (plain, sofa, homeless, ending):
        one.priority = service.compute_priority(one)
    assert sofa.priority > plain.priority
    assert sofa.priority == homeless.priority
    assert ending.priority >= sofa.priority  # the sofa running out is no less urgent than the sofa


def test_the_queue_shows_a_sofa_surfer_before_a_plain_request_that_waited_longer(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    first = desk.youth("aarhus", lang="da")
    first.say("/start")
    first.press("menu:urgent")
    first.press("cy:go")  # "Akut hjælp", then yes: an urgent case with no reason of its own
    clock.advance(minutes=10)
    sofa = desk.youth("aarhus", lang="da")
    desk.open_case(sofa, SOFA)
    assert "couch_surfing" in case(engine, 2).reasons
    queue = to(group.command("sager"), group)[-1].text
    assert queue.index("#2") < queue.index("#1"), queue


# ---- 3. a contact shared before the age and tonight questions --------------------------------------------------

def test_a_contact_shared_at_the_age_question_keeps_asking_age_and_tonight(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    youth.press("cy:words:1:no")
    sent = to(youth.send(youth._incoming("contact", first_name="Sara", contact_phone="+4522334455")), youth)
    found = case(engine)
    assert (found.consent, found.first_name, found.phone) == (True, "Sara", "+4522334455")
    assert "Hvor gammel er du?" in sent[-1].text  # was "Tak, det var alt": age and tonight never asked
    sent = to(youth.press("cy:age:1:under_18"), youth)
    assert "Hvor skal du sove i nat?" in sent[-1].text
    sent = to(youth.say("ude"), youth)
    found = case(engine)
    assert (found.age_band, found.tonight) == ("under_18", "outside")
    assert "Tak, det var alt" in texts_of(sent)  # the contact question is not asked again
    card = [m.text for m in desk.sender.sent if m.chat_id == group.chat_id and "Sag #1" in m.text][-1]
    assert "+4522334455" in card and "under 18" in card and "intet sted / ude" in card


def test_a_number_typed_at_the_words_question_is_the_contact_and_the_questions_go_on(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    sent = to(youth.say("mit nummer er 22 33 44 55"), youth)
    assert case(engine).phone == "+4522334455"
    assert "kan se dit nummer" in texts_of(sent)
    assert "Må medarbejderne læse det, du skriver" in sent[-1].text  # the question on screen, asked again
    youth.press("cy:words:1:yes")
    sent = to(youth.press("cy:skip:1:age"), youth)
    sent = to(youth.press("cy:tn:1:friends"), youth)
    assert "Tak, det var alt" in texts_of(sent)  # not asked for the number again


def test_a_contact_shared_during_the_questions_of_someone_asking_for_another_person_finishes(engine,
                                                                                          make_app) -> None:
    """A parent's case skips the young person's own age and bed: a shared contact there ends the questions."""
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    parent = desk.youth("aarhus", lang="da")
    parent.say("min søn på 17 er smidt ud og sover på gaden i nat, hvad gør vi")
    parent.press("cy:go")
    assert flow.FOR_SOMEONE_ELSE in case(engine).reasons
    parent.press("cy:words:1:no")
    sent = to(parent.send(parent._incoming("contact", first_name="Jens", contact_phone="+4511223344")), parent)
    assert "Tak, det var alt" in texts_of(sent)


# ---- 2. short answers to "where will you sleep tonight?" -------------------------------------------------------

@pytest.mark.parametrize(("said", "where"), [("på en bænk", "outside"), ("i et telt", "outside"),
                                             ("i opgangen", "outside")])
def test_a_place_typed_at_the_tonight_question_is_the_answer(engine, make_app, said: str, where: str) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    to_tonight(desk, youth)
    sent = to(youth.say(said), youth)
    assert case(engine).tonight == where
    assert "Må medarbejderen se dit fornavn og telefonnummer?" in texts_of(sent)


def test_i_dont_know_at_the_tonight_question_is_nowhere_not_an_emergency(engine, make_app) -> None:
    """"ved ikke" got "Er du i fare lige nu, så ring 112" and made the case an emergency (the learned triage's hunch
    on two words); to "where will you sleep tonight?" it means nowhere."""
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    to_tonight(desk, youth)
    sent = youth.say("ved ikke")
    found = case(engine)
    assert (found.tonight, found.urgency) == ("outside", "urgent")
    assert "ring 112" not in to(sent, youth)[0].text
    assert "NØDSITUATION" not in texts_of(to(sent, group))


def test_a_place_typed_before_the_tonight_question_is_its_answer_not_a_topic(engine, make_app) -> None:
    """"ude" typed at the age question got the SU answer ("bor hjemme eller ude") and the age question again; the
    tonight question then came as if nothing was said."""
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    youth.press("cy:words:1:no")
    sent = to(youth.say("ude"), youth)
    assert case(engine).tonight == "outside"
    assert "SU" not in texts_of(sent)
    assert "Hvor gammel er du?" in sent[-1].text  # the question on screen, again
    sent = to(youth.press("cy:age:1:18_24"), youth)
    assert "Hvor skal du sove i nat?" not in texts_of(sent)  # already answered
    assert "Må medarbejderen se dit fornavn og telefonnummer?" in texts_of(sent)


def test_a_word_that_answers_nothing_during_the_questions_is_not_searched_as_a_topic(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    youth.press("cy:words:1:no")
    sent = to(youth.say("ude eller inde"), youth)
    assert len(sent) == 2 and "Hvor gammel er du?" in sent[-1].text, texts_of(sent)
    sent = to(youth.say("hvad er SU?"), youth)  # a question still gets its answer while the case waits
    assert "SU (Statens Uddannelsesstøtte)" in texts_of(sent)


def test_home_at_the_tonight_question_asks_whether_it_is_safe(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    to_tonight(desk, youth)
    sent = to(youth.say("hjemme"), youth)
    assert "trygt for dig at være hjemme i nat" in sent[-1].text
    assert {"cy:tn:1:has_place", "cy:tn:1:unsafe_home"} <= set(button_data(sent))
    youth.press("cy:tn:1:unsafe_home")
    assert case(engine).tonight == "unsafe_home"


def test_a_sentence_about_a_friend_before_the_tonight_question_is_not_read_as_a_place(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    youth.press("cy:words:1:no")
    youth.say("min kæreste smed mig ud")
    assert case(engine).tonight is None


# ---- 4. the report says why there is no share in time ----------------------------------------------------------

def test_the_report_says_in_words_why_a_share_in_time_is_missing(engine, make_app, clock) -> None:
    """The coordinator's report showed "– / –" next to "reached in time (emergency / urgent)"."""
    from bot.report.formats import render
    from tests.test_report_numbers import EMERGENCY, ask, report

    app = make_app(engine)
    page = render(report(app, clock), "html").decode()
    assert "ingen sager / ingen sager" in page and "– / –" not in page
    for i in range(5):
        ask(app, 8000 + i, EMERGENCY, "aarhus")  # five emergencies, nobody has taken them yet
    page = render(report(app, clock), "html").decode()
    header = page.split("kontaktet til tiden", 1)[0].rsplit('<div class="key">', 1)[1]
    assert "alle venter stadig / ingen sager" in header, header
    row = page.split("<td>Nødsituation</td>", 1)[1].split("</tr>", 1)[0]
    assert "alle venter stadig" in row


# ---- 6. three earlier changes, each with a test of its own ----------------------------------------------------

@pytest.mark.parametrize("said", ["alligevel", "tak, jeg har alligevel fået en lejlighed",
                                  "it worked out after all, thanks"])
def test_after_all_alone_after_saying_no_is_not_changing_ones_mind(engine, make_app, clock, said: str) -> None:
    """601fae5: "alligevel" / "after all" alone was read as wanting a caseworker again; "jeg har alligevel fået en
    lejlighed" is the opposite, and got the offer again."""
    youth = Desk(make_app(engine)).youth_who_said_no()
    clock.advance(minutes=10)
    sent = to(youth.say(said), youth)
    assert "cy:go" not in button_data(sent), texts_of(sent)
    assert cases(engine) == []


def test_a_typed_answer_at_the_words_question_waits_with_the_first_words(engine, make_app) -> None:
    """a2bf880: a message that answered another question at the words question ("jeg er 16, hun smed mig ud") was
    read, but its words were dropped: after "ja" to keeping them, the caseworker saw only the first message."""
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    sent = to(youth.say("jeg er 16, hun smed mig ud"), youth)
    assert case(engine).age_band == "under_18"
    assert "Må medarbejderne læse det, du skriver" in sent[-1].text
    assert transcript(engine) == []  # nothing kept before they say yes
    youth.press("cy:words:1:yes")
    kept = [m.text for m in transcript(engine)]
    assert kept == ["jeg har ingen steder at sove i nat\njeg er 16, hun smed mig ud"]
    assert "hun smed mig ud" in [m.text for m in desk.sender.sent if m.chat_id == group.chat_id][-1]


def test_a_message_naming_no_municipality_costs_no_case_query(engine, make_app, monkeypatch) -> None:
    """197b777: place_for_case reads the text before it looks for an open case, so the many messages that name no
    municipality cost no query for it."""
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus", lang="da")
    calls: list[str] = []
    real = service.open_case_for

    def counted(*args: Any, **kwargs: Any) -> Case | None:
        calls.append("open_case_for")
        return real(*args, **kwargs)

    monkeypatch.setattr(flow.service, "open_case_for", counted)
    youth.say("hvordan søger jeg boligstøtte")
    assert calls == []
    youth.say("Aarhus")  # a municipality alone: now it looks
    assert calls == ["open_case_for"]


# ---- found playing the Friday evening ------------------------------------------------------------------------

def at_the_age_question(engine: Any, make_app: Any) -> Any:
    """A young person in Aarhus with a case for a night without a bed, asked "Hvor gammel er du?"."""
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ingen steder at sove i nat")
    youth.press("cy:words:1:yes")
    return youth


@pytest.mark.parametrize("said", ["spring over", "Spring over!", "vil ikke sige det", "skip"])
def test_skip_typed_at_a_question_skips_it(engine, make_app, said: str) -> None:
    """"spring over" typed at "Hvor gammel er du?" was put on the case as a message, and the question came again."""
    youth = at_the_age_question(engine, make_app)
    sent = to(youth.say(said), youth)
    assert "Hvor skal du sove i nat?" in sent[-1].text and len(sent) == 1, texts_of(sent)
    assert transcript(engine)[-1].text != said  # not kept on the case as their words
    sent = to(youth.say(said), youth)
    assert "Må medarbejderen se dit fornavn og telefonnummer?" in texts_of(sent)
    assert (case(engine).age_band, case(engine).tonight) == (None, None)


@pytest.mark.parametrize("said", ["I don't want to say my name", "jeg vil ikke sige hvor gammel jeg er",
                                  "det vil jeg helst ikke fortælle", "id rather not tell you"])
def test_not_wanting_to_tell_at_a_question_skips_it_and_is_no_emergency(engine, make_app, said: str) -> None:
    """"I don't want to say my name" at "How old are you?" was the learned model's despair: on the open case it
    became an emergency, with 112 and the suicide line, and the question came again."""
    youth = at_the_age_question(engine, make_app)
    sent = to(youth.say(said), youth)
    assert len(sent) == 1 and sent[-1].text in ("Hvor skal du sove i nat?", "Where will you sleep tonight?"), \
        texts_of(sent)
    assert "Livslinien" not in texts_of(sent)
    assert case(engine).urgency == "urgent" and case(engine).age_band is None


def test_a_young_person_writing_to_a_caseworker_who_went_off_duty_is_told_so(engine, make_app, clock) -> None:
    """Friday evening: Ole said /vagt fra with Noah's case still his. Noah wrote "er du der stadig?": it went to Ole's
    private chat and Noah heard nothing for an hour and a half, until the case went back to the team."""
    desk = Desk(make_app(engine))
    ole = desk.staff("Ole")
    desk.team(ole)
    clock.advance(hours=4)  # Friday 19:00 in Aarhus: the office is closed
    ole.command("vagt")
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg sover på gaden i nat")
    youth.press("cy:words:1:no")
    ole.command("tag", "1")
    ole.command("svar", "1 Hej, jeg hedder Ole. Hvor er du nu?")
    youth.say("på banegården")
    assert not any("ikke vagt" in m.text for m in to(desk.sender.sent, youth)), "on duty: no such notice"
    ole.command("svar", "1 Gå til Forsorgshjemmet, jeg ringer til dem")
    told = to(ole.command("vagt", "fra"), ole)[-1].text
    assert "case #1" in told and "told that you are not on duty" in told  # (Ole writes in English)
    clock.advance(minutes=10)
    assert "har ikke vagt" not in texts_of(to(youth.say("tak"), youth))  # Ole answered a moment ago
    ole.command("svar", "1 Godnat, jeg har fri nu. Skriv, hvis du har brug for noget")
    clock.advance(minutes=40)
    sent = youth.say("er du der stadig?")
    said = texts_of(to(sent, youth))
    assert "har ikke vagt lige nu" in said and "mandag kl. 08:00" in said and "112" in said
    assert "er du der stadig?" in texts_of(to(sent, ole))  # the message still reaches Ole
    again = texts_of(to(youth.say("hallo"), youth))
    assert "har ikke vagt" not in again  # once per unanswered run, not on every message


def test_no_off_duty_notice_inside_office_hours(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    ole = desk.staff("Ole")
    desk.team(ole)
    youth = desk.youth("aarhus", lang="da")  # Friday 15:00: the office is open, nobody said /vagt
    desk.open_case(youth, "jeg sover på gaden i nat")
    youth.press("cy:words:1:no")
    ole.command("tag", "1")
    ole.command("svar", "1 Hej")
    assert "har ikke vagt" not in texts_of(to(youth.say("hej"), youth))


def test_a_night_in_the_terminal_chat_short_answers_skip_and_a_typed_number(sqlite_engine, make_app) -> None:
    """The young person's night through `husly chat`: "ude" before the tonight question, "spring over" at the age,
    and a number typed: read as answers, nothing searched as a topic, and the questions end kindly."""
    from sqlmodel import Session, select

    from tests.test_console_understanding import converse, replies

    app = make_app(sqlite_engine)
    transcript_ = converse(app, "/start aarhus", "jeg har ingen steder at sove i nat", "ja", "nej", "ude",
                           "spring over", "22 33 44 55", "/quit")
    said = replies(transcript_)
    assert not any("SU (Statens" in r for r in said)
    assert sum("Hvor gammel er du?" in r for r in said) == 2  # asked, "ude" read, asked again, then skipped
    assert not any("Hvor skal du sove i nat?" in r for r in said)  # already answered
    assert any(r.startswith("Husly: Tak, det var alt") for r in said)
    with Session(app.engine) as session:
        found = session.exec(select(Case)).one()
    assert (found.tonight, found.age_band, found.phone) == ("outside", None, "+4522334455")
