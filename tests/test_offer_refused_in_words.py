"""A no to the offer of a caseworker said in words, and respected afterwards.

Playing a night in English: a 17-year-old thrown out by a stepfather, at the station in Roskilde, is offered a
caseworker and writes "no i dont want to talk to anyone from the kommune they will call my mom". On main that was
"I'm not sure I understood" with the suicide topic among the choices, and the offer stayed; "where can i sleep" then
got the offer again, and the "ok" typed under it opened the case the person had refused. Now a no in words is a no
(with BørneTelefonen, anonymous, when the person fears their parents would be told), a later urgent message gets
its help and the way back to a caseworker as a tap, and "ok" opens nothing. A clear yes still opens the case, and
"jeg vil ikke leve mere" or "jeg vil ikke hjem" are no refusal of help (guards).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cases_support import Desk
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.support import Chat, cases_of, texts
from tests.telegram_desk import Desk as TelegramDesk
from tests.telegram_desk import running_desk
from tests.telegram_harness import FRAMEWORKS

THROWN_OUT_EN = "my stepdad threw me out like an hour ago n im sitting at roskilde station rn"
THROWN_OUT_DA = "min stedfar har smidt mig ud for en time siden og jeg sidder på stationen i roskilde"
OFFER_EN = "Do you want a caseworker from Roskilde Municipality to write to you here"
OFFER_DA = "Vil du have, at en medarbejder fra Roskilde Kommune skriver til dig"
NOT_SURE = ("not sure I understood", "ikke sikker på, at jeg forstod")
REFUSALS = (
    ("no i dont want to talk to anyone from the kommune they will just ring my mom", "en", True),
    ("nah i dont want a caseworker tbh", "en", False),
    ("nej jeg gider ikk snakke med kommunen, de siger det bare til min far", "da", True),
    ("nej jeg vil ik ha kommunen blandet ind i det", "da", False),
    ("nej tak, det gider jeg helst ikk", "da", False),
)
WHERE_TO_SLEEP = {"en": "k but where do i crash tonight", "da": "men hvor fanden skal jeg så sove i nat"}

test_own = our_own(THROWN_OUT_EN, THROWN_OUT_DA, REFUSALS, list(WHERE_TO_SLEEP.values()))


def _thrown_out(chat: Chat, lang: str) -> None:
    shown = texts(chat.say(THROWN_OUT_EN if lang == "en" else THROWN_OUT_DA))
    assert (OFFER_EN if lang == "en" else OFFER_DA) in shown


@pytest.mark.parametrize(("refusal", "lang", "parents"), REFUSALS)
def test_a_no_in_words_declines_and_a_fear_of_parents_hears_of_an_anonymous_line(
        chat: Chat, refusal: str, lang: str, parents: bool) -> None:
    _thrown_out(chat, lang)
    shown = texts(chat.say(refusal))
    assert not any(n in shown for n in NOT_SURE), shown
    assert "Thoughts of suicide" not in shown and "Selvmordstanker" not in shown
    assert ("you decide" in shown or "du bestemmer" in shown) == parents, shown
    assert ("116 111" in shown) == parents
    assert ("Okay" in shown) and "112" in shown
    assert not cases_of(chat)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_after_a_no_the_next_urgent_message_gets_help_and_a_tap_back_and_ok_opens_nothing(
        chat: Chat, lang: str) -> None:
    _thrown_out(chat, lang)
    chat.say(REFUSALS[0][0] if lang == "en" else REFUSALS[2][0])
    shown = texts(chat.say(WHERE_TO_SLEEP[lang]))
    assert "46 31 30 00" in shown, "Roskilde's number for tonight"
    assert OFFER_EN not in shown and OFFER_DA not in shown, "no second offer to refuse"
    assert "after all" in shown or "alligevel" in shown
    assert OFFER_EN not in texts(chat.say("ok"))
    assert not cases_of(chat), "'ok' after a no opens no case"


def test_the_way_back_tapped_connects_the_caseworker(chat: Chat) -> None:
    _thrown_out(chat, "en")
    chat.say(REFUSALS[0][0])
    back = chat.say(WHERE_TO_SLEEP["en"])
    assert not cases_of(chat)
    opened = texts(chat.press_button(back, "💬 Talk to a caseworker"))
    assert "May the caseworkers read what you write" in opened
    assert len(cases_of(chat)) == 1


@pytest.mark.parametrize("said", ["jeg vil ikke hjem", "i dont want to go back home"])
def test_not_wanting_to_go_home_is_no_refusal_of_help(chat: Chat, said: str) -> None:
    _thrown_out(chat, "da")
    shown = texts(chat.say(said))
    assert "du bestemmer" not in shown and "Hvis du fortryder" not in shown and "you decide" not in shown


def test_not_wanting_to_live_under_the_offer_is_an_emergency(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="roskilde"))
    youth = desk.youth("roskilde")
    youth.say(THROWN_OUT_DA)
    shown = texts(youth.say("jeg vil ikke leve mere"))
    assert "Hvis du fortryder" not in shown
    assert "70 20 12 01" in shown, "Livslinien"


MIA = 5501


@pytest.fixture(params=FRAMEWORKS)
def telegram(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
             knowledge) -> Iterator[TelegramDesk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge)


def test_through_telegram_a_no_in_words_is_respected(telegram: TelegramDesk) -> None:
    telegram.youth(MIA, "roskilde")
    telegram.write(MIA, THROWN_OUT_EN)
    mark = telegram.write(MIA, REFUSALS[0][0])
    shown = "\n".join(telegram.texts(MIA, mark))
    assert "you decide" in shown and "116 111" in shown and "not sure" not in shown
    mark = telegram.write(MIA, WHERE_TO_SLEEP["en"])
    shown = "\n".join(telegram.texts(MIA, mark))
    assert "after all" in shown and OFFER_EN not in shown
    telegram.write(MIA, "ok")
    assert telegram.cases() == [], "'ok' after a no opens no case"
