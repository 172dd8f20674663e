"""Reading real messages through both Telegram front ends (aiogram and python-telegram-bot), over real HTTP
against the fake Bot API: small talk, the language of each message, follow-ups, someone asking for another
person, a letter about several things, a crisis with its own topic, and the question "are you in danger right now?"
for a message the model reads as a crisis that names no danger (tests/test_check_in.py has the terminal chat's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.cases.models import Case
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain, press, started, wait_sent
from tests.test_check_in import ASK_EN, EVERYDAY, INDIRECT
from tests.test_understanding import COUCH, LETTER, PAST_CRISIS, SON_IN_CAR

CHAT = 5151


@pytest.fixture(params=FRAMEWORKS)
def bot(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
        knowledge) -> Iterator[InProcessBot]:
    yield from started(fake_telegram, request.param, tmp_path / "data", knowledge, CHAT)


def say(bot: InProcessBot, text: str, count: int = 1, chat: int = CHAT, language_code: str = "da") -> list:
    """Send a text as the person (Telegram says their app is Danish) and wait for ``count`` replies."""
    mark = bot.tg.mark()
    bot.send(bot.tg.text_update(chat, text, language_code=language_code))
    return wait_sent(bot.tg, chat, count, since=mark)


def no_cases(bot: InProcessBot) -> bool:
    with Session(bot.engine) as session:
        return session.exec(select(Case)).first() is None


def test_small_talk_and_the_language_of_each_message(bot: InProcessBot) -> None:
    (reply,) = say(bot, "Hallo?")
    assert plain(reply).startswith("Jeg er her") and "menu:urgent" in callback_datas(reply)

    (reply,) = say(bot, "er du en robot?")
    assert "chatbot" in plain(reply)

    # "hvad kan du hjælpe med?" got the call for help (112), "hvad kan du" got "I don't know".
    (reply,) = say(bot, "hej husly, hvad kan du hjælpe med?")
    assert plain(reply).startswith("Jeg svarer på spørgsmål om bolig") and "menu:urgent" in callback_datas(reply)

    # The Telegram app says Danish; the message is English: the answer is English.
    safety, _offer = say(bot, "I sleep on the street tonight", count=2)
    assert plain(safety).startswith("You should not be alone with this")
    (reply,) = say(bot, "thanks!")
    assert plain(reply) == "You're welcome! Write again if there is anything else."
    (reply,) = say(bot, "hvordan søger jeg boligstøtte?")
    assert "Kilde:" in plain(reply)
    bot.wait_idle()


def test_a_one_word_english_first_message_and_a_danish_ok(bot: InProcessBot) -> None:
    # A chat that has not written yet: "anyone??" alone says English, though the Telegram app says Danish.
    _notice, reply = say(bot, "anyone??", count=2, chat=CHAT + 3)
    assert plain(reply).startswith("I'm here") and "menu:urgent" in callback_datas(reply)
    (reply,) = say(bot, "ok", chat=CHAT + 3)
    assert plain(reply).startswith("Okay. Write if")

    # At night: "is anyone awake?" is a call, not a question for the knowledge base ("Det ved jeg ikke").
    _notice, reply = say(bot, "er der nogen vågen herude?", count=2, chat=CHAT + 5)
    assert plain(reply).startswith("Jeg er her")

    # A Dane's "hej" and "ok" keep Danish, and so does a "thanks" after them.
    _notice, reply = say(bot, "hej", count=2, chat=CHAT + 4)
    assert plain(reply).startswith("Hej! Jeg er Husly")
    (reply,) = say(bot, "ok", chat=CHAT + 4)
    assert plain(reply).startswith("Okay. Skriv")
    (reply,) = say(bot, "thanks", chat=CHAT + 4)
    assert plain(reply) == "Selv tak! Skriv igen, hvis der er andet."
    bot.wait_idle()


def test_a_van_parked_on_the_street_is_no_crisis_but_sleeping_there_is(bot: InProcessBot) -> None:
    (reply,) = say(bot, "we parked the van out on the street by the flat", language_code="en")
    assert "You should not be alone" not in plain(reply) and "cy:go" not in callback_datas(reply)
    safety, offer = say(bot, "I sleep on the street, no bed", count=2, language_code="en")
    assert plain(safety).startswith("You should not be alone with this") and "cy:go" in callback_datas(offer)
    bot.wait_idle()


def test_a_follow_up_and_a_letter_about_several_things(bot: InProcessBot) -> None:
    (reply,) = say(bot, "Hvordan får jeg et kollegieværelse?")
    assert any(d.startswith("fb:kollegium:1") for d in callback_datas(reply))
    (reply,) = say(bot, "Hvad koster det?")
    assert any(d.startswith("fb:kollegium:1") for d in callback_datas(reply)), "read together with the topic just shown"

    (reply,) = say(bot, LETTER)
    assert "handler om flere ting" in plain(reply)
    topics = [d for d in callback_datas(reply) if d.startswith("t:")]
    assert 2 <= len(topics) <= 3 and "menu:staff" in callback_datas(reply)
    bot.wait_idle()


def test_a_helper_and_an_urgent_message_with_its_own_topic(bot: InProcessBot) -> None:
    safety, offer = say(bot, "min veninde sover på gaden i nat, hvad kan hun gøre?", count=2)
    assert plain(safety).startswith("Den unge skal ikke stå alene med det her")
    assert "om den unge" in plain(offer) and "cy:go" in callback_datas(offer)
    assert no_cases(bot), "no case in the helper's name without asking"

    safety, topic = say(bot, COUCH, chat=CHAT + 1, count=3)[-2:]
    assert "ikke stå alene" in plain(safety)
    assert "Jeg sover hos venner eller familie" in plain(topic) and "cy:go" in callback_datas(topic)
    bot.wait_idle()


def test_a_friend_asking_what_they_can_do_tonight_is_a_helper(bot: InProcessBot) -> None:
    safety, offer = say(bot, "min bedste ven sover udenfor i nat fordi hans mor har smidt ham ud, hvad kan jeg gøre?",
                        count=2)
    assert plain(safety).startswith("Den unge skal ikke stå alene med det her")
    assert "om den unge" in plain(offer) and no_cases(bot)
    bot.wait_idle()


def test_a_crisis_told_as_over_and_a_son_sleeping_in_his_car(bot: InProcessBot) -> None:
    (reply,) = say(bot, PAST_CRISIS)
    assert "ikke stå alene" not in plain(reply) and "112" not in plain(reply)
    # Its words tie the topic about moving from home with housing benefit; the learned scorer backs housing benefit,
    # so the two are offered (before: the moving-from-home answer, given as sure).
    assert "boligstøtte" in plain(reply).lower() or "t:boligstoette" in callback_datas(reply)
    assert "menu:urgent" not in callback_datas(reply)

    safety, offer = say(bot, SON_IN_CAR, count=3, chat=CHAT + 2)[-2:]
    assert plain(safety).startswith("Den unge skal ikke stå alene med det her")
    assert "cy:go" in callback_datas(offer)
    assert no_cases(bot), "no case in the parent's name without asking"
    bot.wait_idle()


# A spot in town beside it ("ved banegården") still only says where: it got "I'm not sure I understood".
@pytest.mark.parametrize("place", ["Roskilde", "jeg er i roskilde ved banegården"])
def test_the_municipality_typed_after_the_crisis_information(bot: InProcessBot, place: str) -> None:
    safety, _offer = say(bot, "jeg er 17 og min mor har smidt mig ud i aften, jeg ved ikke hvor jeg skal sove",
                         count=2)
    assert "Hvilken kommune er du i?" in plain(safety)
    # The safety information is on screen just above: the place's own help and the offer, in one message.
    (local,) = say(bot, place, count=1)
    assert "46 31 30 00" in plain(local) and "116 111" in plain(local)
    assert "Du skal ikke stå alene" not in plain(local)
    assert "Roskilde Kommune" in plain(local) and any(d.startswith("cy:go") for d in callback_datas(local))
    bot.wait_idle()


def test_a_typed_yes_to_the_offer_of_a_caseworker_opens_the_case(bot: InProcessBot) -> None:
    say(bot, "jeg er 17 og min mor har smidt mig ud i aften, jeg ved ikke hvor jeg skal sove", count=2)
    assert no_cases(bot)
    told, _asked = say(bot, "ja tak", count=2)
    assert "sagsnummer er" in plain(told)
    assert not no_cases(bot)
    bot.wait_idle()


def tap(bot: InProcessBot, call, prefix: str, count: int = 1) -> list:
    data = next(d for d in callback_datas(call) if d.startswith(prefix))
    mark = bot.tg.mark()
    bot.send(press(bot.tg, call, data))
    return wait_sent(bot.tg, CHAT, count, since=mark)


def urgencies(bot: InProcessBot) -> list[str]:
    with Session(bot.engine) as session:
        return [c.urgency for c in session.exec(select(Case))]


def test_no_i_am_okay_to_the_check_in_opens_nothing(bot: InProcessBot) -> None:
    (ask,) = say(bot, EVERYDAY[0])
    assert plain(ask).startswith(ASK_EN) and "70 20 12 01" in plain(ask)
    (glad,) = tap(bot, ask, "cy:no")
    assert plain(glad).startswith("I'm glad.")
    bot.wait_idle()
    assert urgencies(bot) == []


def test_yes_i_am_in_danger_to_the_check_in_opens_an_emergency(bot: InProcessBot) -> None:
    (ask,) = say(bot, INDIRECT[0])
    assert plain(ask).startswith(ASK_EN)
    told, _question = tap(bot, ask, "cy:go", count=2)
    assert plain(told).startswith("Your case number is")
    bot.wait_idle()
    assert urgencies(bot) == ["emergency"]
