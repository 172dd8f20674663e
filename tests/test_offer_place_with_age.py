"""The answer to "Which municipality are you in?" with an age beside it.

Playing a night in English: thrown out by a boyfriend, then "im 19, in høje taastrup" as the answer to the question
under the safety information. It got "I'm not sure I understood" and three unrelated choices (the age made it more
than a place), at night, to a person with nowhere to sleep. Now the place is read, its local help comes with the
offer, and the age goes with the words to the case: the person is not asked it again, and a 19-year-old is not
sent to the children's helpline.
"""

from __future__ import annotations

import pytest

from bot.place_reply import only_municipality, only_other_place
from tests.cases_support import Desk, case
from tests.corpus import our_own
from tests.support import Chat, texts

THROWN_OUT = "my boyfriend threw me out an hour ago and it is pouring down"
THROWN_OUT_DA = "min kæreste smed mig ud for en time siden og det styrtregner"
NOT_SURE_EN = "I'm not sure I understood"

test_own = our_own(THROWN_OUT, THROWN_OUT_DA)


@pytest.mark.parametrize(("message", "slug"), [
    ("im 19, in høje taastrup", "hoeje-taastrup"), ("17 år, Aarhus", "aarhus"),
    ("jeg er 17 og bor i Randers", "randers"), ("I'm 22 and I live in Copenhagen", "koebenhavn"),
    ("19 years old, roskilde", "roskilde"), ("favrskov, 16", "favrskov"),
    # Numbers that are no age, or more than a place and an age: still not only a place.
    ("bus 2 til aarhus", None), ("i 3 dage i roskilde", None), ("19 år, har ingen seng i aarhus", None),
    ("8000 aarhus", None), ("17 18 randers", None),
])
def test_a_place_with_an_age_beside_it_is_still_only_a_place(message: str, slug: str | None) -> None:
    assert only_municipality(message) == slug


def test_a_town_outside_the_six_with_an_age_is_read_too() -> None:
    assert only_other_place("jeg er 18 og bor i Odense") == "Odense"


def test_the_place_with_an_age_gets_its_local_help_and_the_offer(chat: Chat) -> None:
    chat.say(THROWN_OUT)
    shown = texts(chat.say("im 19, in høje taastrup"))
    assert NOT_SURE_EN not in shown
    assert "43 59 10 00" in shown and "caseworker from Høje-Taastrup Municipality" in shown


def test_in_danish_too(chat: Chat) -> None:
    chat.say(THROWN_OUT_DA)
    shown = texts(chat.say("17 år, Aarhus"))
    assert "Jeg er ikke sikker på, at jeg forstod dig" not in shown
    assert "medarbejder fra Aarhus Kommune" in shown


def test_the_age_said_with_the_place_goes_to_the_case_and_is_not_asked_again(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="hoeje-taastrup"))
    youth = desk.youth(None, lang="en")
    youth.say(THROWN_OUT)
    youth.say("im 19, in høje taastrup")
    opened = texts(youth.say("yes"))
    assert case(engine).age_band == "18_24" and case(engine).municipality == "hoeje-taastrup"
    assert "BørneTelefonen" not in opened, "a 19-year-old is no child"
    asked = texts(youth.press("cy:words:1:no"))
    assert "How old are you?" not in asked and "Where will you sleep tonight?" in asked


def test_a_helper_telling_the_age_of_the_friend_gives_the_case_no_age(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="aarhus"))
    youth = desk.youth("aarhus", lang="en")
    youth.say("my friend got thrown out by her dad tonight and has nowhere to sleep, she is 16")
    youth.say("yes")
    assert case(engine).age_band != "18_24"
