"""A specific answer is not shown twice in a row, and "tell me more" after a topic brings its detail.

Playing it: someone asks what a botilbud is, then "how much does it cost?" (the specific answer about the cost comes:
right), then "what does that cost me?" and got exactly the same answer again, as a repeated detail did before
(tests/test_followup_no_repeat.py). Now the second time Husly says honestly that this is what it knows about it here,
and offers the closest other topics and a person. And "tell me more on that bit again?" right after a topic got "are
you in danger right now?" (the learned triage read "tell me more" as a crisis); "kan du uddybe?" and "more please" got
"not sure". A request for more after a topic is a follow-up asking for its detail ("Read more").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answering import Answer, answer
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.support import Chat, texts
from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain, wait_sent

TODAY = dt.date(2026, 12, 7)

BOTILBUD_EN = "what is a botilbud?"
COST_EN = "how much does it cost?"
COST_AGAIN_EN = "what does that cost me?"
BOTILBUD_DA = "hvad er et botilbud?"
COST_DA = "hvad koster det?"
COST_AGAIN_DA = "og hvad koster det mig om måneden?"
MORE_EN = "tell me more on that bit again?"
MORE_PLEASE_EN = "more please"
MORE_DA = "fortæl mere om det"
DEEPER_DA = "kan du uddybe?"
BENEFIT_DA = "hvad er boligstøtte?"

SAID_ALL_DA = "Det er det, jeg ved om det her"
SAID_ALL_EN = "That is what I know about it here"
# The specific answer about the cost, and the botilbud topic's detail ("Read more").
COST_ANSWER_EN = "What does it cost to live in supported accommodation?"
COST_ANSWER_DA = "Hvad koster det at bo på et botilbud?"
DETAIL_EN = "Some long-term places are social-housing homes"
DETAIL_DA = "Nogle længerevarende tilbud er almene boliger"

test_own = our_own(BOTILBUD_EN, COST_AGAIN_EN, COST_AGAIN_DA, MORE_EN, MORE_DA, DEEPER_DA)


def _ask(knowledge, text: str, **shown) -> Answer:
    kb, index = knowledge
    return answer(kb, index, text, today=TODAY, threshold=0.4, **shown)


@pytest.mark.parametrize(("text", "faq"), [(COST_AGAIN_EN, "hvad-koster-det"), (COST_AGAIN_DA, "hvad-koster-det")])
def test_the_specific_answer_just_shown_is_not_given_again(knowledge, text: str, faq: str) -> None:
    first = _ask(knowledge, text, previous_topic="botilbud")
    assert first.kind == "answer" and first.faq == faq, "the first time: the specific answer"
    again = _ask(knowledge, text, previous_topic="botilbud", faq_shown=faq)
    assert again.kind == "not_sure" and (SAID_ALL_EN in again.reply.html or SAID_ALL_DA in again.reply.html)
    labels = [b.text for row in again.reply.buttons for b in row]
    assert not any(label.startswith("Supported accommodation") or label.startswith("Botilbud") for label in labels)
    # Still what the person was asking about: a third time it is said again honestly, not shown again.
    assert again.faq == faq


@pytest.mark.parametrize("text", [MORE_EN, MORE_PLEASE_EN, MORE_DA, DEEPER_DA])
def test_a_request_for_more_after_a_topic_gets_its_detail(knowledge, text: str) -> None:
    found = _ask(knowledge, text, previous_topic="botilbud")
    assert found.kind == "answer" and found.topic == "botilbud" and found.detail
    assert DETAIL_EN in found.reply.html or DETAIL_DA in found.reply.html
    # The detail already shown: said honestly, not a second copy.
    again = _ask(knowledge, text, previous_topic="botilbud", detail_shown=True)
    assert again.kind == "not_sure" and DETAIL_EN not in again.reply.html and DETAIL_DA not in again.reply.html


def test_tell_me_more_alone_is_no_crisis(knowledge) -> None:
    assert _ask(knowledge, MORE_EN).kind not in ("urgent", "call_for_help")


def test_in_the_chat_the_cost_asked_twice_in_english(chat: Chat) -> None:
    chat.say(BOTILBUD_EN)
    first = texts(chat.say(COST_EN))
    assert COST_ANSWER_EN in first
    again = texts(chat.say(COST_AGAIN_EN))
    assert COST_ANSWER_EN not in again and SAID_ALL_EN in again


def test_in_the_chat_the_cost_asked_twice_in_danish(chat: Chat) -> None:
    chat.say(BOTILBUD_DA)
    assert COST_ANSWER_DA in texts(chat.say(COST_DA))
    again = texts(chat.say(COST_AGAIN_DA))
    assert COST_ANSWER_DA not in again and SAID_ALL_DA in again


def test_in_the_chat_tell_me_more_brings_the_detail_then_says_so(chat: Chat) -> None:
    chat.say(BOTILBUD_EN)
    detail = texts(chat.say(MORE_EN))
    assert DETAIL_EN in detail and "Are you in danger" not in detail
    again = texts(chat.say(MORE_PLEASE_EN))
    assert SAID_ALL_EN in again and DETAIL_EN not in again


def test_in_the_chat_kan_du_uddybe_brings_the_detail(chat: Chat) -> None:
    chat.say(BENEFIT_DA)
    shown = texts(chat.say(DEEPER_DA))
    assert "Boligstøtte" in shown and "Jeg er ikke sikker" not in shown and "Flere spørgsmål om det her" in shown


@pytest.fixture(params=FRAMEWORKS)
def bot(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
        knowledge) -> Iterator[InProcessBot]:
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge) as running:
        running.send(running.tg.command(7272, "start"))
        wait_sent(running.tg, 7272, 2)
        running.wait_idle(1)
        yield running


def _say(bot: InProcessBot, text: str) -> str:
    mark = bot.tg.mark()
    bot.send(bot.tg.text_update(7272, text, language_code="en"))
    (reply,) = wait_sent(bot.tg, 7272, 1, since=mark)
    return plain(reply) + " " + " ".join(callback_datas(reply))


def test_on_telegram_the_cost_is_not_repeated_and_more_brings_the_detail(bot: InProcessBot) -> None:
    _say(bot, BOTILBUD_EN)
    assert COST_ANSWER_EN in _say(bot, COST_EN)
    again = _say(bot, COST_AGAIN_EN)
    assert SAID_ALL_EN in again and COST_ANSWER_EN not in again and "menu:staff" in again
    _say(bot, BOTILBUD_EN)
    detail = _say(bot, MORE_EN)
    assert DETAIL_EN in detail and "Are you in danger" not in detail
    bot.wait_idle()
