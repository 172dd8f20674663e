"""An age typed alone while a caseworker is offered ("16", "jeg er 19").

Playing a night in Danish: thrown out, sitting at the station, then "16" under the offer of a caseworker. It got the
detail of the topic on being thrown out, written for adults ("Det gælder ikke, hvis du bare gerne vil flytte
hjemmefra"), and the offer was gone from the screen; a 19-year-old's case then listed the children's helpline. Now
someone under 18 gets what those under 18 can do with the offer under it, anyone else a thank-you with the offer, and
the case opens with the age.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cases_support import Desk, case
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.support import Chat, texts
from tests.telegram_desk import Desk as TelegramDesk
from tests.telegram_desk import running_desk
from tests.telegram_harness import FRAMEWORKS

AT_THE_STATION = "min far har smidt mig ud og nu sidder jeg på banegården i randers uden noget"
ADULTS_DETAIL = "Det gælder ikke, hvis du bare gerne vil flytte hjemmefra"
MINORS_TOPIC = "Under 18 og ikke et trygt sted at bo"
OFFER = "Vil du have, at en medarbejder fra Randers Kommune skriver til dig"

test_own = our_own(AT_THE_STATION)


@pytest.mark.parametrize("age", ["16", "jeg er 16", "16 år"])
def test_someone_under_18_gets_the_help_for_minors_and_the_offer_again(chat: Chat, age: str) -> None:
    chat.say(AT_THE_STATION)
    shown = texts(chat.say(age))
    assert MINORS_TOPIC in shown and "116 111" in shown
    assert ADULTS_DETAIL not in shown
    assert OFFER in shown


@pytest.mark.parametrize("age", ["19", "jeg er 19"])
def test_an_adults_age_is_thanked_for_and_the_offer_stays(chat: Chat, age: str) -> None:
    chat.say(AT_THE_STATION)
    shown = texts(chat.say(age))
    assert "Tak. Hvis du siger ja, kan medarbejderen se din alder på sagen." in shown
    assert OFFER in shown and ADULTS_DETAIL not in shown


@pytest.mark.parametrize(("age", "band"), [("19", "18_24"), ("16", "under_18"), ("jeg er 27", "25_29")])
def test_the_case_opens_with_the_age_and_does_not_ask_it_again(engine, make_app, age: str, band: str) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers")
    youth.say(AT_THE_STATION)
    youth.say(age)
    opened = texts(youth.say("ja"))
    assert case(engine).age_band == band
    if band != "under_18":
        assert "116 111" not in opened, "the children's helpline only for a child"
    asked = texts(youth.press("cy:words:1:no"))
    assert "Hvor gammel er du?" not in asked


def test_a_number_that_is_no_age_is_not_taken_for_one(chat: Chat) -> None:
    chat.say(AT_THE_STATION)
    shown = texts(chat.say("5"))
    assert "se din alder" not in shown


def test_a_helper_giving_the_friends_age_is_not_thanked_for_their_own(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers")
    youth.say("min veninde er blevet smidt ud af sin far i aften og sidder på banegården i randers")
    shown = texts(youth.say("16"))
    assert "se din alder" not in shown


MIA = 5401


@pytest.fixture(params=FRAMEWORKS)
def telegram(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
             knowledge) -> Iterator[TelegramDesk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge, presses_answered=False)


def test_through_telegram_the_age_alone_gets_the_minors_help_and_goes_to_the_case(telegram: TelegramDesk) -> None:
    telegram.youth(MIA, "randers")
    telegram.write(MIA, AT_THE_STATION)
    mark = telegram.write(MIA, "16")
    shown = "\n".join(telegram.texts(MIA, mark))
    assert MINORS_TOPIC in shown and OFFER in shown and ADULTS_DETAIL not in shown
    offer, go = telegram.last_with(MIA, "cy:go", mark)
    telegram.press(offer, go)
    assert telegram.case(1).age_band == "under_18"
