"""Typed answers to the case questions (bot/cases/typed.py, read in bot/cases/flow.py ``_typed_answers``).

Playing a night-time crisis in the terminal chat: after "ja" the bot said "Tell me your municipality, so I can send
your case to the right caseworkers" and asked whether the caseworkers may read the person's words. The person typed
"copenhagen", then "yes they can", "im 19", "on the street": each was put on the case as a message and the same
question came again, and the case stayed without a municipality, seen by no local caseworker.
"""

from __future__ import annotations

import datetime as dt

from bot.conversation.cards import render_answer
from tests.cases_support import Desk, button_data, case, to

THROWN_OUT = "my dad kicked me out tonight and i have nowhere to go"


def texts_of(sent: list) -> str:
    return "\n".join(m.text for m in sent)


def test_a_municipality_typed_at_the_words_question_routes_the_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette", municipality="koebenhavn"))
    youth = desk.youth(None)
    youth.say(THROWN_OUT)
    shown = texts_of(to(youth.say("yes"), youth))
    assert "Tell me your municipality" in shown and case(engine).municipality is None
    sent = youth.say("copenhagen")
    assert case(engine).municipality == "koebenhavn"
    assert "Sag #1" in texts_of(to(sent, group))  # the team sees the card now
    # The question on screen is asked again, not answered by the name of a city.
    assert "May the caseworkers read what you write" in to(sent, youth)[-1].text


def test_every_question_can_be_answered_by_typing(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    youth.say(THROWN_OUT)
    youth.say("yes")
    assert "How old are you?" in to(youth.say("yes they can"), youth)[-1].text
    assert "Where will you sleep tonight?" in to(youth.say("im 19"), youth)[-1].text
    youth.say("on the street")
    found = case(engine)
    assert (found.words_consent, found.age_band, found.tonight) == (True, "18_24", "outside")
    assert THROWN_OUT in texts_of([m for m in desk.sender.sent if m.chat_id < 0])  # their words, with consent


def test_danish_typed_answers_with_accents_are_read(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    youth.say("min stedfar har smidt mig ud og jeg har ingen steder at sove i nat")
    youth.say("ja")
    youth.say("Ja, det må de!")  # folded, "må" is "maa": the old list had "ma" and never matched
    youth.say("jeg er 17")
    youth.say("hos min veninde")
    found = case(engine)
    assert (found.words_consent, found.age_band, found.tonight) == (True, "under_18", "friends")


def test_a_number_in_a_sentence_is_not_an_age(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus", lang="da")
    youth.say("min stedfar har smidt mig ud og jeg har ingen steder at sove i nat")
    youth.say("ja")
    youth.say("nej")
    sent = youth.say("jeg har boet der i 12 år")
    assert case(engine).age_band is None  # not "under 18"
    assert "Hvor gammel er du?" in to(sent, youth)[-1].text


def test_a_municipality_typed_after_the_questions_routes_the_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth(None)
    youth.say(THROWN_OUT)
    youth.say("yes")
    for step in ("words", "municipality", "age", "tonight", "consent"):
        youth.press(f"cy:skip:1:{step}")
    assert case(engine).municipality is None
    sent = youth.say("Randers")
    assert case(engine).municipality == "randers"
    assert "Sag #1" in texts_of(to(sent, group))


def test_an_answer_that_says_tap_talk_to_a_caseworker_has_that_button_and_a_typed_yes_offers_one(
        engine, make_app) -> None:
    """"Vil du tale med et menneske? Tryk på «Tal med en medarbejder»" had no such button under it, and the "ja"
    typed to its question got "Okay. Skriv, hvis der er andet": nobody connected."""
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus", lang="da")
    shown = to(youth.say("jeg vil gerne tale med en medarbejder"), youth)
    assert "Tal med en medarbejder" in shown[0].text and "menu:staff" in button_data(shown)
    offered = to(youth.say("ja"), youth)
    assert "cy:go" in button_data(offered) and "Skriv, hvis der er andet" not in texts_of(offered)
    youth.say("ja")
    assert case(engine).municipality == "aarhus" and case(engine).status == "open"


def test_a_phone_number_typed_at_the_contact_question_is_shared_and_a_typed_yes_is_shown_the_way(
        engine, make_app) -> None:
    """Asked "Can the caseworker see your first name and phone number?", people type "ja" or the number. "ja" was
    put on the case as a message; the number too, unseen by the caseworker when the words were not to be kept."""
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    youth.say(THROWN_OUT)
    youth.say("yes")
    for step in ("words", "age", "tonight"):
        youth.press(f"cy:skip:1:{step}")
    hint = texts_of(to(youth.say("yes"), youth))
    assert "Share my name and number" in hint and "put your message on your case" not in hint
    sent = youth.say("my number is 12 34 56 78")
    found = case(engine)
    assert (found.consent, found.phone) == (True, "+4512345678")
    assert "+4512345678" in to(sent, group)[-1].text
    assert "Thank you, that's all" in texts_of(to(sent, youth))


def test_changing_ones_mind_after_saying_no_gets_the_offer_again(engine, make_app, clock) -> None:
    """"nej tak" to a caseworker, then ten minutes later "jeg har fortrudt, jeg vil gerne snakke med en": that got
    "I'm not sure I understood" and three topics, and the "ja" after it small talk."""
    youth = Desk(make_app(engine)).youth_who_said_no()
    clock.advance(minutes=10)
    offered = to(youth.say("jeg har fortrudt, jeg vil gerne snakke med en"), youth)
    assert "cy:go" in button_data(offered) and "ikke sikker på, at jeg forstod" not in texts_of(offered)
    youth.say("ja")
    found = case(engine)
    assert found.municipality == "aarhus" and "sleeps_outside" in found.reasons


def test_a_municipality_typed_after_stop_still_routes_the_open_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth(None)
    youth.say(THROWN_OUT)
    youth.say("yes")
    youth.command("stop")
    sent = youth.say("Randers")
    assert case(engine).municipality == "randers" and case(engine).status == "open"
    assert "Sag #1" in texts_of(to(sent, group))


def test_no_answer_shows_two_different_buttons_with_the_same_label(knowledge) -> None:
    """The answer for someone under 18 got "💬 Talk to a caseworker" (connect) and its related topic "Talk to a
    caseworker" (a topic): two buttons reading the same that do different things."""
    kb = knowledge[0]
    for topic_id in kb.topics:
        for lang in ("da", "en"):
            reply = render_answer(kb, topic_id, lang, "aarhus", dt.date(2026, 12, 5))
            buttons = [b.text for row in reply.buttons for b in row]
            labels = [text.split(" ", 1)[-1] if text[:1] in "💬🆘" else text for text in buttons]
            assert len(labels) == len(set(labels)), (topic_id, lang, labels)
