"""The case questions through the real HTTP path (aiogram and python-telegram-bot against the fake Bot API): a young
person at night shares their contact before the age and tonight questions, answers "where do you sleep tonight?"
in a word, and a sofa surfer's case comes before a plain request in the team's queue. Each failed before its fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cases.buttons import Youth, YouthAction
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import TEAM, Desk, running_desk
from tests.telegram_harness import FRAMEWORKS

METTE = 7201
SARA, JONAS = 5301, 5302


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge, (METTE, "Mette", "caseworker"))


def test_a_contact_shared_before_the_age_question_keeps_the_questions_going(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg har ingen steder at sove i nat", words=False)
    mark = desk.tg.mark()
    desk.send(desk.tg.contact(SARA, "+4522334455", first_name="Sara"))
    desk.sync()
    said = desk.texts(SARA, mark)
    assert any("kan se dit fornavn og nummer" in t for t in said)
    assert "Hvor gammel er du?" in said[-1], said  # was "Tak, det var alt": age and tonight never asked
    question, _data = desk.last_with(SARA, "cy:age:", mark)
    mark = desk.press(question, Youth(YouthAction.AGE, 1, "under_18").pack())
    assert "Hvor skal du sove i nat?" in desk.texts(SARA, mark)[-1]
    mark = desk.write(SARA, "på banegården")
    assert "Tak, det var alt" in desk.texts(SARA, mark)[-1]
    found = desk.case(1)
    assert (found.phone, found.age_band, found.tonight) == ("+4522334455", "under_18", "outside")
    assert "+4522334455" in desk.card(1) and "intet sted / ude" in desk.card(1)


def test_a_word_or_two_answers_where_they_sleep_tonight(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg har ingen steder at sove i nat", words=False)
    mark = desk.write(SARA, "ude")  # at the age question: where they sleep, not a question about SU
    said = desk.texts(SARA, mark)
    assert desk.case(1).tonight == "outside" and not any("SU" in t for t in said)
    assert "Hvor gammel er du?" in said[-1]
    desk.youth(JONAS)
    desk.open_case(JONAS, "jeg har ingen steder at sove i nat", words=False)
    question, data = desk.last_with(JONAS, "cy:skip:2:age")
    desk.press(question, data)
    mark = desk.write(JONAS, "ved ikke")  # at "Hvor skal du sove i nat?": nowhere, not an emergency
    assert (desk.case(2).tonight, desk.case(2).urgency) == ("outside", "urgent")
    assert not any("ring 112" in t.split("\n")[0] for t in desk.texts(JONAS, mark))
    assert not any("NØDSITUATION" in t for t in desk.texts(TEAM, mark))


def test_the_team_queue_shows_a_sofa_surfer_before_a_plain_request(desk: Desk) -> None:
    desk.youth(JONAS)
    start, urgent = desk.last_with(JONAS, "menu:urgent")
    desk.press(start, urgent)  # "Akut hjælp": an urgent case with no reason of its own, waiting longest
    offer, go = desk.last_with(JONAS, "cy:go")
    desk.press(offer, go)
    desk.youth(SARA)
    desk.open_case(SARA, "jeg sofasurfer hos venner")
    assert "couch_surfing" in desk.case(2).reasons
    mark = desk.in_team(METTE, "sager")
    lines = next(t for t in desk.texts(TEAM, mark) if t.startswith("Åbne sager")).splitlines()[1:]
    assert lines[0].startswith(("🟡 #2", "🟠 #2")), lines


def test_the_first_words_wait_for_the_words_question_at_the_end_and_for_a_late_yes(desk: Desk) -> None:
    desk.youth(SARA)
    desk.write(SARA, "min far har smidt mig ud i nat og jeg har ingen steder at sove")
    offer, go = desk.last_with(SARA, "cy:go")
    desk.press(offer, go)
    first_question, _data = desk.last_with(SARA, "cy:words:1:yes")
    desk.write(SARA, "jeg ved ikke hvad jeg skal gøre, det er så koldt")
    desk.write(SARA, "hvornår skriver de til mig")  # written on twice: the next questions come
    for question in ("cy:skip:1:age", "cy:skip:1:tonight", "cy:anon:1"):
        asked, data = desk.last_with(SARA, question)
        mark = desk.press(asked, data)
    assert "Sidste spørgsmål: Må medarbejderne læse det, du har skrevet til mig?" in desk.texts(SARA, mark)[-1]
    desk.write(SARA, "jeg sidder på banegården")
    mark = desk.write(SARA, "min telefon er ved at dø")
    assert "Tak, det var alt" in desk.texts(SARA, mark)[-1]
    assert not any("smidt mig ud" in t for t in desk.texts(TEAM)), "nothing passed on without a yes"
    mark = desk.press(first_question, Youth(YouthAction.WORDS, 1, "yes").pack())  # the old button, late
    assert desk.case(1).words_consent is True
    shared = "\n".join(desk.texts(TEAM, mark))
    assert "smidt mig ud" in shared and "banegården" in shared, "the words written before the yes are passed on"


def test_a_helper_is_asked_where_the_young_person_lives(desk: Desk) -> None:
    desk.command(JONAS, "start")  # no municipality known
    mark = desk.write(JONAS, "min kammerat skal sove udenfor i nat, hans mor smed ham ud. hvad gør vi?")
    said = "\n".join(desk.texts(JONAS, mark))
    assert "Hvilken kommune bor den unge i?" in said and "Hvilken kommune er du i?" not in said
    offer, go = desk.last_with(JONAS, "cy:go", mark)
    mark = desk.press(offer, go)
    said = "\n".join(desk.texts(JONAS, mark))
    assert "Skriv, hvilken kommune den unge bor i" in said
    question, data = desk.last_with(JONAS, "cy:words:1:no", mark)
    mark = desk.press(question, data)
    assert desk.texts(JONAS, mark)[-1].startswith("Hvilken kommune bor den unge i?")


def test_asking_whether_anyone_has_read_the_case_does_not_ping_the_team(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg har ingen steder at sove i nat")
    for question in ("cy:skip:1:age", "cy:skip:1:tonight", "cy:anon:1"):
        asked, data = desk.last_with(SARA, question)
        desk.press(asked, data)
    mark = desk.write(SARA, "godmorgen, har nogen kigget på min sag?")
    said = "\n".join(desk.texts(SARA, mark))
    assert "Jeg har lagt din besked på din sag" in said and "lyder alvorligt" not in said
    assert not any("lyder alvorlig" in t for t in desk.texts(TEAM, mark)), "no 'sounds serious' ping"


def test_the_case_number_is_said_once_and_the_card_says_the_words_question_was_asked(desk: Desk) -> None:
    desk.command(JONAS, "start")  # no municipality known: asked for when the case opens
    desk.write(JONAS, "min far har smidt mig ud i nat og jeg har ingen steder at sove")
    offer, go = desk.last_with(JONAS, "cy:go")
    desk.press(offer, go)
    desk.write(JONAS, "jeg ved ikke hvad jeg skal gøre, det er så koldt")
    desk.write(JONAS, "hvornår skriver de til mig")  # the words question passed over: the next question comes
    mark = desk.write(JONAS, "jeg bor i aarhus")
    assert any(t.startswith("Jeg har sendt din sag til ") for t in desk.texts(JONAS, mark)), desk.texts(JONAS, mark)
    told = [t for t in desk.texts(JONAS) if "sagsnummer er" in t or "sendt din sag (nummer" in t]
    assert len(told) == 1 and told[0].startswith("Dit sagsnummer er 1."), told  # said once, when the case opened
    card = desk.card(1)
    assert "ikke spurgt endnu" not in card and "Egne ord: ikke delt (spurgt, men har ikke svaret endnu)." in card


def test_a_typed_no_to_the_words_question_is_said_back_and_the_case_goes_on(desk: Desk) -> None:
    desk.youth(SARA)
    desk.write(SARA, "min far har smidt mig ud i nat og jeg har ingen steder at sove")
    offer, go = desk.last_with(SARA, "cy:go")
    desk.press(offer, go)
    mark = desk.write(SARA, "nej tak, det vil jeg ikke")
    said = desk.texts(SARA, mark)
    assert said[0].startswith("Okay, det er helt fint. Medarbejderne ser kun dine svar"), said
    assert "Hvor gammel er du?" in said[-1] and not any("112" in t for t in said), said
    assert desk.case(1).words_consent is False
    assert "Den unge har ikke sagt ja til, at deres egne ord gemmes på sagen." in desk.card(1)
    assert not any("NØDSITUATION" in t or "det vil jeg ikke" in t for t in desk.texts(TEAM, mark))
