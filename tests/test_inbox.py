"""The inbox and the heartbeats behind it (SQLite and PostgreSQL): an update is stored once, handled once, and
left to nobody: a dead instance's updates are taken over within seconds, in order per chat."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, create_engine, func
from sqlmodel import Session, col, select

from bot import inbox, instances
from bot.inbox import Received
from bot.models import InboxUpdate, ProcessedUpdate
from bot.replies import Incoming

T = "telegram"


def received(update_id: int, chat_id: int | None = 5, text: str = "hej") -> Received:
    return Received(update_id, chat_id, json.dumps({"update_id": update_id, "message": {"text": text}}))


def waiting(engine: Engine) -> list[tuple[int, str | None]]:
    with Session(engine) as session:
        return [(r.update_id, r.owner) for r in session.exec(select(InboxUpdate).order_by(col(InboxUpdate.update_id)))]


def test_an_update_is_stored_once_however_often_it_arrives(engine, clock) -> None:
    assert inbox.store(engine, T, [received(1), received(2)], owner="a", now=clock()) == {1, 2}
    assert inbox.store(engine, T, [received(2), received(3)], owner="a", now=clock()) == {3}
    assert [u for u, _ in waiting(engine)] == [1, 2, 3]


def test_a_dead_instances_updates_are_taken_over_after_four_seconds_in_order(engine, clock) -> None:
    instances.beat(engine, "dead", clock())
    inbox.store(engine, T, [received(12, chat_id=1), received(11, chat_id=1), received(13, chat_id=2)],
                owner="dead", now=clock())
    instances.beat(engine, "alive", clock())
    assert inbox.claim(engine, T, owner="alive", now=clock()) == [], "its owner beat a moment ago"
    clock.advance(seconds=3)
    instances.beat(engine, "alive", clock())
    assert inbox.claim(engine, T, owner="alive", now=clock()) == []
    clock.advance(seconds=2)  # five seconds without a beat: dead
    taken = inbox.claim(engine, T, owner="alive", now=clock())
    assert [r.update_id for r in taken] == [11, 12, 13]
    assert {owner for _, owner in waiting(engine)} == {"alive"}


def test_a_chat_another_live_instance_works_on_waits_for_it(engine, clock) -> None:
    for name in ("a", "b"):
        instances.beat(engine, name, clock())
    inbox.store(engine, T, [received(1, chat_id=7)], owner="a", now=clock())
    inbox.store(engine, T, [received(2, chat_id=7), received(3, chat_id=8)], owner=None, now=clock())
    taken = inbox.claim(engine, T, owner="b", now=clock())
    assert [r.update_id for r in taken] == [3], "chat 7's later update must not overtake the one 'a' handles"


def test_own_updates_not_in_hand_are_taken_again_and_a_clean_stop_hands_back(engine, clock) -> None:
    instances.beat(engine, "me", clock())
    inbox.store(engine, T, [received(1, chat_id=1), received(2, chat_id=2)], owner="me", now=clock())
    # Update 1 is being handled; 2 was deferred (the database blinked) and is no longer in hand.
    assert [r.update_id for r in inbox.claim(engine, T, owner="me", now=clock(), busy=[1])] == [2]
    assert inbox.release(engine, owner="me") == 2
    instances.beat(engine, "next", clock())
    assert [r.update_id for r in inbox.claim(engine, T, owner="next", now=clock())] == [1, 2]


def test_a_retired_instance_is_dead_at_once(engine, clock) -> None:
    instances.beat(engine, "old", clock())
    inbox.store(engine, T, [received(1)], owner="old", now=clock())
    instances.retire(engine, "old")
    assert [r.update_id for r in inbox.claim(engine, T, owner="new", now=clock())] == [1]


def test_handling_deletes_the_stored_update_in_the_same_transaction(engine, make_app, clock) -> None:
    app = make_app(engine)
    inbox.store(engine, T, [received(41, chat_id=4242)], owner="me", now=clock())
    outcome = app.core.handle(Incoming(T, 4242, 4242, "text", update_id=41, text="hvad er boligstøtte"))
    assert not outcome.deferred
    assert waiting(engine) == [], "what the person wrote leaves with the handled update"
    with Session(engine) as session:
        assert session.get(ProcessedUpdate, (T, 41)) is not None


def test_while_the_database_is_locked_the_update_is_deferred_not_apologised_for(tmp_path, make_app) -> None:
    import sqlite3

    from bot.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'locked.sqlite3'}")
    migrate(engine)
    app = make_app(engine)
    locker = sqlite3.connect(tmp_path / "locked.sqlite3", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        outcome = app.core.handle(Incoming(T, 77, 77, "text", update_id=9, text="jeg har ingen steder at sove i nat"))
    finally:
        locker.execute("COMMIT")
        locker.close()
    assert outcome.deferred, "nothing was done: the update must be tried again"
    check = create_engine(f"sqlite:///{tmp_path / 'locked.sqlite3'}")
    with Session(check) as session:
        assert session.exec(select(func.count()).select_from(ProcessedUpdate)).one() == 0
    check.dispose()
    outcome = app.core.handle(Incoming(T, 77, 77, "text", update_id=9, text="jeg har ingen steder at sove i nat"))
    assert not outcome.deferred
    engine.dispose()


def test_instances_long_gone_are_forgotten(engine, clock) -> None:
    instances.beat(engine, "gone", clock())
    clock.advance(hours=2)
    instances.beat(engine, "here", clock())
    with Session(engine) as session:
        names = set(session.exec(select(instances.Instance.id)).all())
    assert names == {"here"}
    assert dt.timedelta(seconds=5) >= instances.DEAD_AFTER
