"""Alerts: a saved search gets one message per batch of new fitting homes, never twice, and ends by itself."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from bot.db import session_scope
from bot.listings.alerts import ALERT_DAYS, OUTBOX_REF
from bot.listings.jobs import tick
from bot.listings.models import Listing, ListingAlert
from bot.models import Outbox
from tests.support import Chat
from tests.test_listings_search import item, put


@pytest.fixture
def app(engine: Engine, make_app):
    return make_app(engine)


def subscribed(app, chat_id: int = 4242, search: str = "aarhus:4000:") -> Chat:
    chat = Chat(app, chat_id, lang="en")
    chat.command("start")
    sent = chat.press(f"ls:a:{search}")
    assert "I'll write to you when a new home fits" in sent[0].text
    return chat


def test_new_fitting_homes_in_one_import_give_one_message(app, engine: Engine, clock) -> None:
    chat = subscribed(app)
    put(engine, item("a", rent=3500, aconto=0), item("b", rent=3000), item("dear", rent=4500),
        item("kbh", municipality="koebenhavn", rent=3000), now=clock.now)
    sent = chat.deliver()
    assert len(sent) == 1
    assert "New homes that fit your search: 2" in sent[0].text
    html = sent[0].reply.html
    assert html.index("example.org/b") < html.index("example.org/a")  # cheapest first
    assert "example.org/kbh" not in html and "example.org/dear" not in html
    assert "ls:p:0:aarhus:4000:" in [b.data for b in sent[0].buttons]


def test_a_home_is_never_alerted_twice(app, engine: Engine, clock) -> None:
    chat = subscribed(app)
    put(engine, item("a", rent=3500, aconto=0), now=clock.now)
    assert len(chat.deliver()) == 1
    # The partner sends the file again (an update) and the periodic job runs: nothing new to tell.
    put(engine, item("a", rent=3400, aconto=0), now=clock.now)
    tick(engine, None, clock.now)
    assert chat.deliver() == []
    # Withdrawn and published again: still the same home, still no second message.
    with session_scope(engine) as session:
        session.exec(select(Listing)).one().status = "withdrawn"
    put(engine, item("a", rent=3400, aconto=0), now=clock.now)
    assert chat.deliver() == []
    # A new home: one message, about that home only.
    put(engine, item("b", rent=3900, aconto=0), now=clock.now)
    sent = chat.deliver()
    assert len(sent) == 1 and "A new home fits your search" in sent[0].text
    assert "example.org/b" in sent[0].reply.html and "example.org/a" not in sent[0].reply.html


def test_a_home_that_becomes_cheap_enough_is_alerted_once(app, engine: Engine, clock) -> None:
    """A partner's second file lowered a rent from 4.500 to 3.500 kr.: the home now fit a saved search for
    "max 4.000", but only new homes were matched, so that young person never heard about it."""
    chat = subscribed(app)
    put(engine, item("a", rent=4500, aconto=0), now=clock.now)
    assert chat.deliver() == []
    put(engine, item("a", rent=3500, aconto=0), now=clock.now)
    sent = chat.deliver()
    assert len(sent) == 1 and "example.org/a" in sent[0].reply.html
    put(engine, item("a", rent=3300, aconto=0), now=clock.now)  # cheaper still: already told
    assert chat.deliver() == []


def test_stop_besked_ends_the_alert(app, engine: Engine, clock) -> None:
    chat = subscribed(app)
    assert "stopped" in chat.command("stop_besked")[0].text
    put(engine, item("a", rent=3500, aconto=0), now=clock.now)
    assert chat.deliver() == []
    assert "no housing alert" in chat.command("stop_besked")[0].text


def test_a_new_search_replaces_the_old_alert(app, engine: Engine, clock) -> None:
    chat = subscribed(app)
    chat.press("ls:a:koebenhavn::")
    put(engine, item("aarhus", rent=3000), item("kbh", municipality="koebenhavn", rent=6000), now=clock.now)
    sent = chat.deliver()
    assert len(sent) == 1 and "example.org/kbh" in sent[0].reply.html and "example.org/aarhus" not in sent[0].reply.html


def test_alerts_end_by_themselves_after_60_days_with_a_notice(app, engine: Engine, clock) -> None:
    chat = subscribed(app)
    clock.advance(days=ALERT_DAYS, minutes=1)
    counts = tick(engine, None, clock.now)
    assert counts["alerts_ended"] == 1
    sent = chat.deliver()
    assert len(sent) == 1 and "stopped after 60 days" in sent[0].text
    assert sent[0].buttons[0].data == "ls:a:aarhus:4000:"
    put(engine, item("a", rent=3500, aconto=0, expires_on=clock.now.date() + dt.timedelta(days=5)), now=clock.now)
    assert chat.deliver() == []


def test_many_alerts_are_spread_out_under_telegrams_rate_limit(app, engine: Engine, clock) -> None:
    for chat_id in range(1, 61):
        Chat(app, chat_id, lang="en").press("ls:a:aarhus::")
    put(engine, item("a"), now=clock.now)
    with session_scope(engine) as session:
        times = sorted(session.exec(select(Outbox.available_at).where(Outbox.ref == OUTBOX_REF)).all())
        alerts = session.exec(select(func.count()).select_from(ListingAlert)).one()
    assert len(times) == alerts == 60
    # At most 30 messages may start in any one second.
    assert all((times[i + 30] - times[i]).total_seconds() >= 1 for i in range(len(times) - 30))
    # At most 20 of them: answers to people writing meanwhile keep the rest of the bot's ~30 a second.
    assert all((times[i + 20] - times[i]).total_seconds() >= 1 for i in range(len(times) - 20))


def test_demo_listings_never_alert(app, engine: Engine, clock) -> None:
    from bot.listings.demo import create_demo

    chat = subscribed(app, search="::")
    with session_scope(engine) as session:
        create_demo(session, count=6, now=clock.now)
    assert chat.deliver() == []


def test_delete_my_data_removes_the_alert_and_what_was_sent(app, engine: Engine, clock) -> None:
    from bot.listings import privacy

    chat = subscribed(app)
    put(engine, item("a", rent=3500, aconto=0), now=clock.now)
    with session_scope(engine) as session:
        kept = privacy.export(session, "telegram", chat.chat_id)
        assert kept["saved_searches"][0]["municipality"] == "aarhus" and len(kept["listings_sent_to_you"]) == 1
        assert privacy.erase(session, "telegram", chat.chat_id, clock.now) == 2
        assert privacy.export(session, "telegram", chat.chat_id) == {"saved_searches": [], "listings_sent_to_you": []}
