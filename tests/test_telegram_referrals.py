"""A partner's referral link through the real HTTP path (aiogram and python-telegram-bot against the fake Bot API): the
partner's /henvis gives a t.me link to the bot itself, the young person who opens it is greeted in the organisation's
name and offered a caseworker, yes opens a case whose card says who referred, and the partner hears nothing of it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import TEAM, Desk, running_desk
from tests.telegram_harness import FRAMEWORKS

METTE, LOUISE = 7301, 7302
SARA, JONAS = 5301, 5302
ORG = "Boligselskab Test"  # the organisation tests.telegram_desk gives a partner


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge,
                            (METTE, "Mette", "caseworker"), (LOUISE, "Louise", "partner"))


def test_a_partners_link_reaches_a_caseworker_only_with_the_young_persons_yes(desk: Desk) -> None:
    answer = "\n".join(desk.texts(LOUISE, desk.command(LOUISE, "henvis", "aarhus")))
    found = re.search(r"https://t\.me/(\w+)\?start=(\S+)", answer)
    assert found is not None, answer
    assert found.group(1) == desk.tg.username, "a link to this bot, by the username getMe gave"
    payload = found.group(2)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", payload), "a start parameter Telegram accepts"
    # The young person opens it: Telegram sends "/start <payload>".
    mark = desk.command(SARA, "start", payload)
    greeting = "\n".join(desk.texts(SARA, mark))
    assert f"Hej! {ORG} har sendt dig til mig" in greeting and "Louise" not in greeting
    assert "Vil du have, at en medarbejder fra Aarhus Kommune skriver til dig her i chatten?" in greeting
    assert desk.cases() == [], "nothing before the yes"
    offer, go = desk.last_with(SARA, "cy:go", mark)
    desk.press(offer, go)
    assert desk.case().referred_by == ORG
    assert f"Henvist af: {ORG}" in desk.card(1, TEAM)
    assert desk.texts(LOUISE, mark) == [], "the partner is told nothing about who used the link"
    # A second young person with the same link: used up, a kind word and the ordinary start.
    mark = desk.command(JONAS, "start", payload)
    said = desk.texts(JONAS, mark)
    assert said[0].startswith("Det link virker ikke mere"), said
    assert any(t.startswith("Hej, jeg er Husly") for t in said)
    assert len(desk.cases()) == 1


def test_no_thanks_opens_nothing(desk: Desk) -> None:
    answer = "\n".join(desk.texts(LOUISE, desk.command(LOUISE, "refer", "aarhus")))
    found = re.search(r"\?start=(\S+)", answer)
    assert found is not None, answer
    mark = desk.command(SARA, "start", found.group(1))
    offer, no = desk.last_with(SARA, "cy:no", mark)
    desk.press(offer, no)
    assert desk.cases() == []


def test_a_young_person_typing_henvis_is_told_it_is_for_partners(desk: Desk) -> None:
    desk.youth(SARA)
    said = desk.texts(SARA, desk.command(SARA, "henvis", "aarhus"))
    assert len(said) == 1 and said[0].startswith("Desværre, /henvis er kun for partnere i Husly"), said
