"""A young person who writes on instead of tapping is not shown the same case question under every message.

Playing a night in crisis in the terminal chat: after "ja" to a caseworker the bot asked "Må medarbejderne læse det,
du skriver til mig her?", and the person wrote on ("ved ikke hvor jeg skal gå hen, det er koldt", "hvad med penge?",
"tak"). Each message got the same question and buttons again: four times in a row. Now a question is shown at most
twice in a row; then the next one comes, and the first buttons still work.
"""

from __future__ import annotations

from tests.cases_support import Desk, button_data, case, to

THROWN_OUT = "min stedfar har smidt mig ud i aften og jeg har ingen steder at sove, jeg er 17"
WORDS_QUESTION = "Må medarbejderne læse det, du skriver til mig her?"


def _texts(sent: list) -> str:
    return "\n".join(m.text for m in sent)


def _youth_at_the_words_question(engine, make_app):
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers", lang="da")
    youth.say(THROWN_OUT)
    assert WORDS_QUESTION in _texts(to(youth.say("ja"), youth))
    return desk, group, youth


def test_the_words_question_is_not_asked_under_every_message(engine, make_app) -> None:
    _desk, _group, youth = _youth_at_the_words_question(engine, make_app)
    second = to(youth.say("jeg ved ikke hvor jeg skal gå hen, det er så koldt herude"), youth)
    assert WORDS_QUESTION in _texts(second)  # asked once more: the person may have missed it
    third = to(youth.say("jeg har heller ingen penge til mad"), youth)
    assert WORDS_QUESTION not in _texts(third)
    # The next open question comes instead (age and municipality are known: where do you sleep tonight?).
    assert "Hvor skal du sove i nat?" in _texts(third)
    assert case(engine).words_consent is None


def test_a_tap_on_the_first_buttons_afterwards_still_shares_the_first_words(engine, make_app) -> None:
    _desk, group, youth = _youth_at_the_words_question(engine, make_app)
    youth.say("jeg ved ikke hvor jeg skal gå hen, det er så koldt herude")
    youth.say("jeg har heller ingen penge til mad")
    sent = youth.press("cy:words:1:yes")
    assert case(engine).words_consent is True
    shared = _texts(to(sent, group))
    assert "smidt mig ud" in shared and "ingen penge til mad" in shared


def test_no_answer_to_the_words_question_keeps_the_words_from_the_caseworkers(engine, make_app) -> None:
    desk, _group, youth = _youth_at_the_words_question(engine, make_app)
    youth.say("jeg ved ikke hvor jeg skal gå hen, det er så koldt herude")
    youth.say("jeg har heller ingen penge til mad")
    youth.press("cy:skip:1:tonight")
    youth.press("cy:anon:1")
    assert case(engine).words_consent is None
    assert "ingen penge til mad" not in _texts([m for m in desk.sender.sent if m.chat_id < 0])


def test_another_question_is_also_shown_at_most_twice_in_a_row(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth(None, lang="da")
    youth.say(THROWN_OUT)
    youth.say("ja")
    youth.press("cy:words:1:no")
    shown = [_texts(to(youth.say(text), youth)) for text in ("det er så koldt", "hvorfor svarer ingen", "skynd jer")]
    asked = ["Hvilken kommune er du i?" in text for text in shown]
    # Cold is how the person is, not writing past the question: it comes again and is not counted (after two cold
    # messages the words question was passed over). The two calls after it are counted: shown once more, then not.
    assert asked == [True, True, False], shown
    assert "cy:mun" not in button_data(to(youth.say("jeg er træt"), youth))
