"""A region's or a town's services are shown only to people in the municipalities they serve.

A young person who had not said where they were asked where to find a shelter and was shown Roskildehjemmet, a
shelter south of Roskilde (its data: ``area: regional``, ``municipalities: [roskilde]``), and the Roskilde shelter
came again in the crisis answer after the safety information ("thrown out tonight"). Someone in Aarhus asking at
night would have been sent across the country. Now:

- municipality known (/start, a button, or said in the message): national services and that municipality's (or its
  region's, where the service's data names it);
- municipality not known: national services, and the answer asks which municipality, with the six buttons (the
  flow that already exists: a button or the typed name shows the local version), instead of another town's shelter
  or another region's health line.

Every message was written for this test and is checked against the real-message collections (closeness < 80).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bot.answering import Answer, answer
from bot.conversation.buttons import TopicIn
from bot.replies import Reply
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.support import Chat
from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain, press, wait_sent

TODAY = dt.date(2026, 12, 6)

SHELTER_QUESTIONS = (
    ("hvor ligger der et forsorgshjem man kan flytte ind på", "da"),
    ("where is there a shelter (forsorgshjem) i could move into", "en"),
)
THROWN_OUT_TONIGHT = (
    ("min kæreste har smidt mig ud af lejligheden her i aften", "da"),
    ("my girlfriend threw me out of our flat this evening", "en"),
)
MIND = (
    ("hvor kan jeg søge psykisk hjælp når jeg har det svært", "da"),
    ("my mental health is really bad lately, where can i get help", "en"),
)
# The region's lines of the topic about the mind: Region Hovedstaden's, Region Sjælland's and Region Midtjylland's.
REGION_LINES = ("1813", "1818", "Lægevagten i Region Midtjylland", "Out-of-hours doctor, Central Denmark Region")
ASKS = ("Hvilken kommune er du i?", "Which municipality are you in?")


def _asked(knowledge: tuple[Any, Any], text: str, lang: str, municipality: str | None = None) -> Answer:
    kb, index = knowledge
    return answer(kb, index, text, today=TODAY, threshold=0.4, lang=lang,  # type: ignore[arg-type]
                  municipality=municipality)


def _shown(found: Answer) -> str:
    return "\n".join(reply.html for reply in (found.reply, *found.more))


def _place_buttons(reply: Reply) -> set[str]:
    return {data.slug for row in reply.buttons for b in row if (data := TopicIn.unpack(b.data)) is not None}


@pytest.mark.parametrize(("text", "lang"), SHELTER_QUESTIONS)
def test_someone_who_has_not_said_where_they_are_is_not_sent_to_a_roskilde_shelter(knowledge: Any, lang: str,
                                                                                    text: str) -> None:
    found = _asked(knowledge, text, lang)
    assert found.confident and found.topic == "herberg", (found.topic, found.kind)
    shown = _shown(found)
    assert "Roskildehjemmet" not in shown and "46 36 90 00" not in shown
    # The answer asks where they are, with the buttons for the local version.
    assert _place_buttons(found.reply) == {"randers", "roskilde", "koebenhavn", "favrskov", "aarhus",
                                           "hoeje-taastrup"}


@pytest.mark.parametrize(("text", "lang"), THROWN_OUT_TONIGHT)
def test_the_crisis_answer_for_an_unknown_place_asks_where_and_shows_no_towns_shelter(knowledge: Any, lang: str,
                                                                                     text: str) -> None:
    found = _asked(knowledge, text, lang)
    assert found.kind == "urgent"
    shown = _shown(found)
    assert "112" in shown
    assert "Roskildehjemmet" not in shown and "46 36 90 00" not in shown
    assert any(ask in shown for ask in ASKS)


@pytest.mark.parametrize(("text", "lang"), THROWN_OUT_TONIGHT)
def test_in_roskilde_the_crisis_answer_still_has_its_shelter(knowledge: Any, lang: str, text: str) -> None:
    shown = _shown(_asked(knowledge, text, lang, municipality="roskilde"))
    assert "Roskildehjemmet" in shown and "46 36 90 00" in shown


@pytest.mark.parametrize(("text", "lang"), [*SHELTER_QUESTIONS, *THROWN_OUT_TONIGHT])
def test_someone_in_aarhus_gets_aarhus_help_and_no_roskilde_shelter(knowledge: Any, lang: str, text: str) -> None:
    # A guard: passed before too (a known municipality left other regions' services out already).
    shown = _shown(_asked(knowledge, text, lang, municipality="aarhus"))
    assert "Roskildehjemmet" not in shown
    assert "Aarhus" in shown


@pytest.mark.parametrize(("text", "lang"), MIND)
def test_an_unknown_place_gets_no_regions_health_lines_but_the_question_where(knowledge: Any, lang: str,
                                                                              text: str) -> None:
    found = _asked(knowledge, text, lang)
    assert found.confident and found.topic == "psykisk-sundhed", (found.topic, found.kind)
    shown = _shown(found)
    assert not [line for line in REGION_LINES if line in shown]
    assert "70 20 12 01" in shown  # Livslinien is national and stays
    assert any(ask in shown for ask in ASKS)
    assert "aarhus" in _place_buttons(found.reply)


@pytest.mark.parametrize(("text", "lang"), MIND)
def test_in_aarhus_the_health_answer_has_its_own_regions_doctor_only(knowledge: Any, lang: str, text: str) -> None:
    found = _asked(knowledge, text, lang, municipality="aarhus")
    shown = _shown(found)
    assert "Region Midtjylland" in shown or "Central Denmark Region" in shown
    assert "1813" not in shown and "1818" not in shown
    assert not any(ask in shown for ask in ASKS)  # the municipality is known: nothing to ask
    assert not _place_buttons(found.reply)


def test_a_place_said_in_the_message_counts_as_known(knowledge: Any) -> None:
    # A guard: passed before too.
    shown = _shown(_asked(knowledge, "jeg bor i Aarhus og leder efter et forsorgshjem jeg kan bo på", "da"))
    assert "Roskildehjemmet" not in shown


def test_in_the_chat_typing_the_town_after_the_question_shows_its_shelter(chat: Chat) -> None:
    first = "\n".join(m.text for m in chat.say("hvor ligger der et forsorgshjem man kan flytte ind på"))
    assert "Roskildehjemmet" not in first
    local = "\n".join(m.text for m in chat.say("Roskilde"))
    assert "Roskildehjemmet" in local and "46 36 90 00" in local


def test_in_the_chat_the_municipality_button_under_the_health_answer_shows_the_regions_doctor(chat: Chat) -> None:
    sent = chat.say("my mental health is really bad lately, where can i get help")
    assert "1813" not in "\n".join(m.text for m in sent)
    local = "\n".join(m.text for m in chat.press_button(sent, "Aarhus"))
    assert "Central Denmark Region" in local and "1813" not in local


def test_after_start_aarhus_the_english_crisis_answer_has_aarhus_help_only(chat: Chat) -> None:
    # A guard: passed before too.
    chat.command("start", "aarhus")
    shown = "\n".join(m.text for m in chat.say("my girlfriend threw me out of our flat this evening"))
    assert "Aarhus" in shown and "Roskildehjemmet" not in shown


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_through_telegram_the_shelter_answer_asks_where_and_the_button_shows_that_towns_shelter(
        fake_telegram: FakeTelegram, tmp_path: Path, knowledge: Any, framework: str) -> None:
    chat = 6262
    with InProcessBot(fake_telegram, framework, tmp_path / "data", knowledge=knowledge) as bot:
        bot.send(bot.tg.command(chat, "start"))
        wait_sent(bot.tg, chat, 2)
        bot.wait_idle(1)
        mark = bot.tg.mark()
        bot.send(bot.tg.text_update(chat, SHELTER_QUESTIONS[0][0], language_code="da"))
        (reply,) = wait_sent(bot.tg, chat, 1, since=mark)
        assert "Roskildehjemmet" not in plain(reply)
        local = TopicIn("herberg", "roskilde").pack()
        mark = bot.tg.mark()
        bot.send(press(bot.tg, reply, local))
        (shown,) = wait_sent(bot.tg, chat, 1, since=mark)
        assert "Roskildehjemmet" in plain(shown) and "46 36 90 00" in plain(shown)
        assert not [data for data in callback_datas(shown) if data.startswith("tk:")]
        bot.wait_idle()


test_the_messages_are_our_own = our_own(SHELTER_QUESTIONS, THROWN_OUT_TONIGHT, MIND,
                                        "jeg bor i Aarhus og leder efter et forsorgshjem jeg kan bo på")
