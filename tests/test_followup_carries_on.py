"""A follow-up that opens with "og", "men", "and" or "but" carries on from the topic just shown, though it has five
words or more and no "det" or "it" ("og hvor lang er ventetiden?" just after the halls of residence).

On main such a message was read alone: "og hvor længe sku man vente" after the answer on kollegier got "not sure",
"and roughly whats the monthly amount" after SU the choices of the night's topics. A message that names its own
subject ("og hvad med boligstøtte") is still a new question, and a crisis still a crisis (guards). In the core, the
terminal chat and both Telegram front ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answering import answer
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import FRAMEWORKS, InProcessBot, reply_text, started
from tests.test_console_understanding import converse, replies

TODAY = dt.date(2026, 12, 5)
CARRIES_ON = (
    ("kollegium", "og hvor længe venter man typisk"),
    ("kollegium", "og hvor hurtig ka man flytte ind"),
    ("kollegium", "og hvor længe sku man vente"),
    ("boligstoette", "men hva hvis jeg bor på et værelse"),
    ("su", "and roughly whats the monthly amount"),
    ("su", "and is the amount differnt for students at home"),
    # Read so on main too (guard).
    ("depositum", "og hvornår får jeg så mine penge retur"),
)
# (topic shown, message, what it is): a subject of its own, or a crisis.
NEW = (
    ("kollegium", "og hva med boligstøtte så", "boligstoette"),
    ("su", "and how do i apply for housing benefit then", "boligstoette"),
    ("udsaettelse", "og min udlejer vil ik give mig depositummet retur", "depositum"),
)
CRISIS = ("kollegium", "men nu er jeg lige blevet smidt ud i aften")

test_the_messages_are_our_own = our_own([m for _, m in CARRIES_ON], [m for _, m, _ in NEW], CRISIS[1])


def ask(knowledge, text: str, previous: str):
    kb, index = knowledge
    return answer(kb, index, text, today=TODAY, threshold=0.4, previous_topic=previous)


@pytest.mark.parametrize(("previous", "text"), CARRIES_ON)
def test_a_message_that_carries_on_is_read_with_the_topic_just_shown(knowledge, previous: str, text: str) -> None:
    found = ask(knowledge, text, previous)
    assert found.kind == "answer" and found.topic == previous and found.follow_up, (found.kind, found.topic)


@pytest.mark.parametrize(("previous", "text", "topic"), NEW)
def test_and_with_a_subject_of_its_own_is_a_new_question(knowledge, previous: str, text: str, topic: str) -> None:
    found = ask(knowledge, text, previous)
    assert found.kind == "answer" and found.topic == topic and not found.follow_up, (found.kind, found.topic)


def test_but_with_a_crisis_is_a_crisis(knowledge) -> None:
    found = ask(knowledge, CRISIS[1], CRISIS[0])
    assert found.kind == "urgent" and found.topic == "smidt-ud", (found.kind, found.topic)


def test_the_terminal_chat_carries_on_with_the_halls_of_residence(sqlite_engine, make_app) -> None:
    said = replies(converse(make_app(sqlite_engine), "hvordan får jeg et kollegieværelse",
                            "og hvor længe sku man vente", "/quit"))
    assert said[-1].startswith("Husly: Bo på kollegium"), said[-1]
    assert not any("ikke sikker" in r for r in said)


CHAT = 7373


@pytest.fixture(params=FRAMEWORKS)
def bot(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
        knowledge) -> Iterator[InProcessBot]:
    yield from started(fake_telegram, request.param, tmp_path / "data", knowledge, CHAT)


def say(bot: InProcessBot, text: str) -> str:
    return reply_text(bot, CHAT, text)


def test_both_telegram_front_ends_carry_on_with_the_topic_just_shown(bot: InProcessBot) -> None:
    assert say(bot, "hvordan får jeg et kollegieværelse").startswith("Bo på kollegium")
    assert say(bot, "og hvor hurtig ka man flytte ind").startswith("Bo på kollegium")
    assert say(bot, "og hva med boligstøtte så").startswith("Boligstøtte")
    bot.wait_idle()
