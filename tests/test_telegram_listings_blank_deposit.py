"""In Telegram (both front ends): a partner's sheet with empty deposit cells is published with the deposit not known,
the partner is told to write 0 where nothing is paid, and a young person's search says "Depositum: ikke oplyst –
spørg udlejeren" rather than "Depositum 0 kr." (tests/test_listings_blank_deposit.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.db import session_scope
from bot.listings.models import Listing
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import Desk, running_desk
from tests.telegram_harness import FRAMEWORKS
from tests.test_listings_blank_deposit import HEADER, ROWS

PARTNER = 7421
YOUNG = 7422
SEARCH = "kan du vise mig ledige boliger i randers, højst 3000 kr om måneden i alt"


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, engine,
         knowledge) -> Iterator[Desk]:
    yield from running_desk(fake_telegram, request.param, tmp_path / "data", knowledge, (PARTNER, "Bo", "partner"),
                            presses_answered=False, database_url=engine.url.render_as_string(hide_password=False))


def test_a_young_person_sees_the_deposit_not_given_not_0_kr(desk: Desk) -> None:
    data = ("\r\n".join([HEADER, *ROWS[:2]]) + "\r\n").encode("utf-8")
    reply = desk.upload(PARTNER, data, "ledige boliger.csv")
    assert "Lagt ind: 2 nye" in reply, reply
    assert "Tomme celler læst som ikke oplyst" in reply and "skriv 0" in reply
    with session_scope(desk.bot.engine) as session:
        stored = {x.provider_ref: (x.deposit, x.prepaid_rent) for x in session.exec(select(Listing)).all()}
    assert stored == {"SK-1": (None, None), "SK-2": (0, None)}
    desk.youth(YOUNG, "randers")
    answer = " ".join(desk.texts(YOUNG, desk.write(YOUNG, SEARCH)))
    assert "Depositum og forudbetalt leje: ikke oplyst – spørg udlejeren" in answer, answer
    assert "Depositum 0\xa0kr. · Forudbetalt leje: ikke oplyst – spørg udlejeren" in answer


test_the_search_is_our_own = our_own([SEARCH])
