"""The question "are you in danger right now?" through both Telegram front ends (aiogram and python-telegram-bot),
over real HTTP against the fake Bot API: an everyday statement the model reads as a crisis is asked, "No, I am okay"
opens nothing; an indirect crisis is asked, and "Yes, I am in danger" opens an emergency case at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.cases.models import Case
from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain, press, wait_sent
from tests.test_check_in import ASK_EN, EVERYDAY, INDIRECT

CHAT = 6262


@pytest.fixture(params=FRAMEWORKS)
def bot(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
        knowledge) -> Iterator[InProcessBot]:
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge) as running:
        running.send(running.tg.command(CHAT, "start"))
        wait_sent(running.tg, CHAT, 2)
        running.wait_idle(1)
        yield running


def say(bot: InProcessBot, text: str, count: int = 1) -> list:
    mark = bot.tg.mark()
    bot.send(bot.tg.text_update(CHAT, text, language_code="da"))
    return wait_sent(bot.tg, CHAT, count, since=mark)


def tap(bot: InProcessBot, call, prefix: str, count: int = 1) -> list:
    data = next(d for d in callback_datas(call) if d.startswith(prefix))
    mark = bot.tg.mark()
    bot.send(press(bot.tg, call, data))
    return wait_sent(bot.tg, CHAT, count, since=mark)


def urgencies(bot: InProcessBot) -> list[str]:
    with Session(bot.engine) as session:
        return [c.urgency for c in session.exec(select(Case))]


def test_no_i_am_okay_opens_nothing(bot: InProcessBot) -> None:
    (ask,) = say(bot, EVERYDAY[0])
    assert plain(ask).startswith(ASK_EN) and "70 20 12 01" in plain(ask)
    (glad,) = tap(bot, ask, "cy:no")
    assert plain(glad).startswith("I'm glad.")
    bot.wait_idle()
    assert urgencies(bot) == []


def test_yes_i_am_in_danger_opens_an_emergency(bot: InProcessBot) -> None:
    (ask,) = say(bot, INDIRECT[0])
    assert plain(ask).startswith(ASK_EN)
    told, _question = tap(bot, ask, "cy:go", count=2)
    assert plain(told).startswith("Your case number is")
    bot.wait_idle()
    assert urgencies(bot) == ["emergency"]
