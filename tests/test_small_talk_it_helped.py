"""Saying that an answer helped, or did not, is small talk: "You're welcome!" or "Sorry, I got that wrong", not a
topic read out of the thanks.

On lead, "tak det var en stor hjælp" got the topic on help with a big expense ("stor hjælp" read like "stor
udgift"), "thanks that really helped" the topic about the mind, "mange tak, det hjalp virkelig" the choices on debt,
and "det hjalp ikke" the choices on rent arrears ("hjalp" is help). A thanks with a question or a crisis in it is still
read as that (guards). In the terminal chat and both Telegram front ends, after a real answer.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.support import engine_answer
from tests.telegram_harness import FRAMEWORKS, InProcessBot, reply_text, started
from tests.test_console_understanding import converse, replies

TODAY = dt.date(2026, 12, 1)
WELCOME_DA = "Selv tak!"
WELCOME_EN = "You're welcome!"
SORRY_DA = "Undskyld, der ramte jeg forkert."

IT_HELPED = (
    ("tak det var en stor hjælp", "da"),
    ("mange tak, det hjalp virkelig", "da"),
    ("tusind tak du er sød", "da"),
    ("ok tak det vidste jeg ikke", "da"),
    ("tak tak, det giver mening nu", "da"),
    ("det hjalp mig sgu meget tak", "da"),
    ("du er den bedste husly", "da"),
    ("takker for infoen", "da"),
    ("ja tak, det var vildt godt", "da"),
    ("thx that rly helped", "en"),
    ("thank u sooo much that was so helpful", "en"),
    ("that was really helpful thx", "en"),
    ("ok makes sense, appreciate it", "en"),
    ("you're a legend thank you", "en"),
)
DID_NOT_HELP = (
    ("det hjalp ikke", "da"),
    ("hmm det hjælper mig ikke rigtig", "da"),
    ("nej det hjalp slet ikke", "da"),
    ("that didnt help at all lol", "en"),
    ("nope, didnt help", "en"),
)
# Thanks with more in it: still a question or a crisis.
STILL_READ = (
    ("tak, men hvad med boligstøtte?", "boligstoette"),
    ("thanks, but how do i apply for housing benefit", "boligstoette"),
)
STILL_URGENT = (
    "tak det hjalp, men jeg har stadig ikke et sted at sove i nat",
    "thanks that helped but my dad just threw me out and i have nowhere to go tonight",
)

test_the_messages_are_our_own = our_own(IT_HELPED, DID_NOT_HELP, STILL_READ, STILL_URGENT)


ask = partial(engine_answer, today=TODAY)


@pytest.mark.parametrize(("text", "lang"), IT_HELPED)
def test_saying_it_helped_gets_you_are_welcome(knowledge, text: str, lang: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "small_talk" and found.topic is None, (found.kind, found.topic)
    assert html.unescape(found.reply.html).startswith(WELCOME_DA if lang == "da" else WELCOME_EN), found.reply.html


@pytest.mark.parametrize(("text", "lang"), DID_NOT_HELP)
def test_saying_it_did_not_help_gets_a_sorry_and_the_way_to_a_person(knowledge, text: str, lang: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "small_talk" and found.topic is None, (found.kind, found.topic)
    if lang == "da":
        assert found.reply.html.startswith(SORRY_DA) and "medarbejder" in found.reply.html, found.reply.html
    else:
        assert found.reply.html.startswith("Sorry, I got that wrong") and "caseworker" in found.reply.html


@pytest.mark.parametrize(("text", "topic"), STILL_READ)
def test_a_thanks_with_a_question_is_still_answered(knowledge, text: str, topic: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "answer" and found.topic == topic, (found.kind, found.topic)


@pytest.mark.parametrize("text", STILL_URGENT)
def test_a_thanks_with_a_night_outside_is_still_urgent(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "urgent", (found.kind, found.topic)


def test_the_terminal_chat_says_you_are_welcome_after_an_answer(sqlite_engine, make_app) -> None:
    said = replies(converse(make_app(sqlite_engine), "hvordan søger jeg boligstøtte", "tak det var en stor hjælp",
                            "/quit"))
    assert any("Boligstøtte" in r for r in said)
    assert said[-1].startswith("Husly: " + WELCOME_DA), said[-1]
    assert not any("Enkeltydelse" in r for r in said)


CHAT = 6262


@pytest.fixture(params=FRAMEWORKS)
def bot(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
        knowledge) -> Iterator[InProcessBot]:
    yield from started(fake_telegram, request.param, tmp_path / "data", knowledge, CHAT)


def say(bot: InProcessBot, text: str) -> str:
    return reply_text(bot, CHAT, text)


def test_both_telegram_front_ends_take_thanks_and_a_miss_as_small_talk(bot: InProcessBot) -> None:
    assert "Boligstøtte" in say(bot, "hvordan søger jeg boligstøtte")
    assert say(bot, "tak det var en stor hjælp").startswith(WELCOME_DA)
    assert say(bot, "that really helped, thanks").startswith(WELCOME_EN)
    assert say(bot, "det hjalp ikke").startswith(SORRY_DA)
    bot.wait_idle()
