"""A young person in crisis at night sees each case question at most twice in a row, whatever they type.

Playing a night in the terminal chat: a case opened at once ("min stedfar har slået mig ..."), and "Må medarbejderne
læse det, du skriver til mig her?" came with the case, again after "jeg er 16" and a third time after "Randers":
each typed answer to another question (age, municipality) started the count again. Now the words question comes once
more at most, then the next question; its buttons above still work. And "hvad så nu" typed right under "Hvor skal
du sove i nat?" got the same question and buttons again at once; now the reply says what happens, and the question
stays where it is, just above.
"""

from __future__ import annotations

from tests.cases_support import Desk, button_data, case, to
from tests.corpus import our_own

HIT = "min stedfar slog mig i aften, og jeg tør ikke gå hjem"
HIT_EN = "my stepdad hit me tonight and i dont dare go home"
ON = "min telefon er snart løbet tør for strøm"
WORDS_QUESTION = "Må medarbejderne læse det, du skriver til mig her?"
TONIGHT_QUESTION = "Hvor skal du sove i nat?"


test_the_messages_are_our_own = our_own([HIT, HIT_EN, ON])


def _texts(sent: list) -> str:
    return "\n".join(m.text for m in sent)


def _youth_with_a_case(engine, make_app, lang: str = "da"):
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth(None, lang=lang)
    opened = _texts(to(youth.say(HIT if lang == "da" else HIT_EN),
                       youth))
    assert case(engine).id == 1
    return desk, group, youth, opened


def test_answering_other_questions_does_not_show_the_words_question_a_third_time(engine, make_app) -> None:
    _desk, group, youth, opened = _youth_with_a_case(engine, make_app)
    assert WORDS_QUESTION in opened
    after_age = _texts(to(youth.say("jeg er 16"), youth))
    assert WORDS_QUESTION in after_age  # once more: the person may have missed it
    after_town = _texts(to(youth.say("Randers"), youth))
    assert WORDS_QUESTION not in after_town, after_town
    assert TONIGHT_QUESTION in after_town  # the next open question instead
    assert case(engine).age_band == "under_18" and case(engine).municipality == "randers"
    # The buttons on screen still work: a late yes shares the first words with the team.
    shared = _texts(to(youth.press("cy:words:1:yes"), group))
    assert case(engine).words_consent is True
    assert "tør ikke gå hjem" in shared


def test_the_same_in_english(engine, make_app) -> None:
    _desk, _group, youth, opened = _youth_with_a_case(engine, make_app, lang="en")
    question = "May the caseworkers read what you write to me here?"
    assert question in opened
    assert question in _texts(to(youth.say("im 16"), youth))
    after_town = _texts(to(youth.say("Randers"), youth))
    assert question not in after_town
    assert "Where will you sleep tonight?" in after_town


def test_what_now_right_under_a_question_gets_no_copy_of_it(engine, make_app) -> None:
    _desk, _group, youth, _opened = _youth_with_a_case(engine, make_app)
    youth.say("jeg er 16")
    assert TONIGHT_QUESTION in _texts(to(youth.say("Randers"), youth))
    what_now = _texts(to(youth.say("hvad så nu"), youth))
    assert TONIGHT_QUESTION not in what_now, what_now
    assert "sag" in what_now  # the reply is about the case
    # Writing on afterwards: the question comes once more (the person may have missed it), with its buttons.
    again = to(youth.say(ON), youth)
    assert TONIGHT_QUESTION in _texts(again)
    assert "cy:skip:1:tonight" in button_data(again)
