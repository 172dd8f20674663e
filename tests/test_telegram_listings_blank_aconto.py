"""In Telegram (both front ends): a partner's sheet with an empty aconto cell is published with the aconto not known,
the partner is told to write 0 where nothing is paid, and a young person's search says "aconto (ikke oplyst)" with no
monthly total, never "aconto 0 kr." (tests/test_listings_blank_aconto.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.db import session_scope
from bot.listings.models import Listing
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import Desk, running_desk
from tests.telegram_harness import FRAMEWORKS
from tests.test_listings_blank_aconto import HEADER, NOT_GIVEN, ROWS, SEARCH

PARTNER = 7621
YOUNG = 7622


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, engine,
         knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge, (PARTNER, "Lis", "partner"),
                            presses_answered=False, database_url=engine.url.render_as_string(hide_password=False))


def test_a_young_person_sees_the_aconto_not_given_not_0_kr(desk: Desk) -> None:
    data = ("\r\n".join([HEADER, *ROWS[:2]]) + "\r\n").encode("utf-8")
    reply = desk.upload(PARTNER, data, "ledige lejemål.csv")
    assert "Lagt ind: 2 nye" in reply, reply
    assert "Tomme celler læst som ikke oplyst" in reply and "Aconto varme/vand i række 2" in reply
    with session_scope(desk.bot.engine) as session:
        stored = {x.provider_ref: x.aconto for x in session.exec(select(Listing)).all()}
    assert stored == {"LI-1": None, "LI-2": 0}
    desk.youth(YOUNG, "randers")
    answer = " ".join(desk.texts(YOUNG, desk.write(YOUNG, SEARCH)))
    assert NOT_GIVEN in answer and "2.600\xa0kr. + aconto 0" not in answer, answer
