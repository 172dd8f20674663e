"""In Telegram (both front ends): a 17-year-old who said their age and then asked for a room is not shown rooms "til
unge 18-29"; when nothing else fits they are told so kindly, with the help for those under 18 as a button
(tests/test_listings_age.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.db import session_scope
from bot.listings.publish import publish
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import Desk, running_desk
from tests.telegram_harness import FRAMEWORKS
from tests.test_listings_age import ASKS_ROOM, FOR_YOUTH, LEFT_OUT, MINOR_TOPIC_TITLE, SAYS_AGE
from tests.test_listings_search import NOW, item

YOUNG = 7531
GROWN = 7532


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, engine,
         knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge,
                            presses_answered=False, database_url=engine.url.render_as_string(hide_password=False))


def test_a_17_year_old_is_not_shown_rooms_for_18_to_29_and_gets_the_help_for_minors(desk: Desk) -> None:
    with session_scope(desk.bot.engine) as session:
        publish(session, [item("ung-1", rent=2800, target_group="youth")], now=NOW)
    desk.youth(YOUNG, "aarhus")
    desk.write(YOUNG, SAYS_AGE)
    mark = desk.write(YOUNG, ASKS_ROOM)
    answer = " ".join(desk.texts(YOUNG, mark))
    assert "Ingen boliger passer lige nu" in answer and FOR_YOUTH not in answer, answer
    assert LEFT_OUT in answer
    buttons = [b["text"] for call in desk.to(YOUNG, mark)
               for row in call.params.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
    assert MINOR_TOPIC_TITLE in buttons, buttons
    desk.youth(GROWN, "aarhus")
    grown = " ".join(desk.texts(GROWN, desk.write(GROWN, ASKS_ROOM)))
    assert FOR_YOUTH in grown, grown  # no age said: the room is shown as before
