"""A partner sends an Excel workbook to the bot in Telegram (both front ends): its homes are published."""

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
from tests.test_listings_workbook import workbook

PARTNER = 7302
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, engine,
         knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge, (PARTNER, "Bo", "partner"),
                            presses_answered=False, database_url=engine.url.render_as_string(hide_password=False))


def _send(desk: Desk, content: bytes, name: str) -> str:
    return desk.upload(PARTNER, content, name, XLSX)


def test_a_partner_publishes_homes_from_an_excel_workbook(desk: Desk) -> None:
    answer = _send(desk, workbook(["B-1", "Randers", "Randers C", "værelse", 1, 16, 2900, 250, None, 86421357],
                                  ["B-2", "Roskilde", "Trekroner", "ungdomsbolig", 1, 32, 3950, 400, None,
                                   86421357]), "ledige boliger.xlsx")
    assert "Lagt ind: 2 nye og 0 opdaterede" in answer, answer
    with session_scope(desk.bot.engine) as session:
        homes = sorted((x.provider_ref, x.municipality, x.rent) for x in session.exec(select(Listing)).all())
    assert homes == [("B-1", "randers", 2900), ("B-2", "roskilde", 3950)]


def test_an_open_document_spreadsheet_gets_how_to_save_it(desk: Desk) -> None:
    answer = _send(desk, b"PK\x03\x04 not read", "boliger.ods")
    assert ".xlsx" in answer and "CSV UTF-8" in answer and "Lagt ind" not in answer
