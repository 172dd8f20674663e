"""Group commit: updates that arrive while the core is busy are handled together, in one transaction, in order,
and one bad update never costs the others their answer."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from typing import Any

from sqlmodel import Session, func, select

from bot.models import ProcessedUpdate, Profile
from bot.replies import Incoming, Outcome
from handlers.telegram.runtime import Runtime
from tests.support import Chat, await_until

QUESTION = "hvordan søger jeg boligstøtte"


def _text(chat_id: int, update_id: int, text: str = QUESTION) -> Incoming:
    return Incoming("telegram", chat_id, chat_id, "text", update_id=update_id, text=text, message_id=update_id)


def test_a_batch_answers_every_update_in_order_and_dedupes_within_it(engine, make_app) -> None:
    app = make_app(engine)
    first, again, second = _text(11, 7001), _text(11, 7001), _text(12, 7002, "jeg har ingen steder at sove i nat")

    outcomes = app.core.handle_many([first, again, second])

    assert len(outcomes) == 3
    sent = Chat(app, chat_id=11).deliver()
    to_11, to_12 = [s.text for s in sent if s.chat_id == 11], [s.text for s in sent if s.chat_id == 12]
    assert len(to_11) == 2 and "/privatliv" in to_11[0] and "Kilde:" in to_11[1]  # answered once, not twice
    assert "/privatliv" in to_12[0] and "112" in to_12[1]
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(ProcessedUpdate)).one() == 2
        assert session.exec(select(func.count()).select_from(Profile)).one() == 2


def test_one_failing_update_in_a_batch_costs_the_others_nothing(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)

    def broken(ctx) -> None:
        raise RuntimeError("bug")

    app.core.router.commands["help"] = dataclasses.replace(app.core.router.commands["help"], handler=broken)
    help_ = Incoming("telegram", 22, 22, "command", update_id=8002, text="/help", command="help")

    app.core.handle_many([_text(21, 8001), help_, _text(23, 8003)])

    sent = Chat(app).deliver()
    by_chat = {chat_id: [s.text for s in sent if s.chat_id == chat_id] for chat_id in (21, 22, 23)}
    assert any("Kilde:" in text for text in by_chat[21]) and any("Kilde:" in text for text in by_chat[23])
    assert any("gik noget galt" in text and "112" in text for text in by_chat[22])
    # Nothing twice: the rolled-back batch left no rows behind before the one-by-one retry.
    assert len(by_chat[21]) == len(by_chat[23]) == 2


def test_updates_arriving_while_the_core_is_busy_go_in_together_in_arrival_order(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    runtime = Runtime(app)
    batches: list[list[int | None]] = []
    release = threading.Event()
    handle_many = app.core.handle_many

    def recording(incomings: list[Incoming]) -> list[Outcome]:
        batches.append([incoming.update_id for incoming in incomings])
        release.wait(5)  # the first batch is slow: the others queue up meanwhile
        return handle_many(incomings)

    app.core.handle_many = recording

    async def run() -> list[Outcome]:
        first = asyncio.create_task(runtime._core(_text(31, 9001)))
        await await_until(lambda: batches, what="the first batch in the core")
        rest = [asyncio.create_task(runtime._core(_text(32 + i, 9002 + i))) for i in range(4)]
        await await_until(lambda: len(runtime._waiting) == 4, what="the other four queued behind it")
        release.set()
        return await asyncio.gather(first, *rest)

    outcomes: list[Any] = asyncio.run(run())

    assert batches == [[9001], [9002, 9003, 9004, 9005]]
    assert all(isinstance(outcome, Outcome) for outcome in outcomes)
    sent = Chat(app).deliver()
    assert {s.chat_id for s in sent} == {31, 32, 33, 34, 35}


def test_two_instances_taking_overlapping_batches_answer_each_update_once(engine, make_app) -> None:
    """Two bot instances get the same redelivered updates in different orders at once (a deadlock on PostgreSQL
    is possible): every update is answered exactly once and nothing is lost."""
    import threading

    from sqlmodel import Session, select

    from bot.models import Outbox

    first, second = make_app(engine), make_app(engine)
    updates = [_text(40 + i, 9100 + i) for i in range(6)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(app, batch) -> None:
        try:
            start.wait()
            app.core.handle_many(batch)
        except BaseException as exc:  # the core must never raise
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(first, updates)),
               threading.Thread(target=run, args=(second, list(reversed(updates))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    with Session(engine) as session:
        rows = session.exec(select(Outbox.chat_id)).all()
    # Each chat: the privacy notice and the answer, once; no apology (no update failed for good).
    assert sorted(rows) == sorted([40 + i for i in range(6)] * 2)


def test_an_update_that_loses_a_race_to_create_a_row_is_tried_again_not_apologised_for(
        sqlite_engine, make_app, monkeypatch) -> None:
    from sqlalchemy.exc import IntegrityError

    import bot.conversation.engine as engine_module

    app = make_app(sqlite_engine)
    real_profile, calls = engine_module._profile, []

    def racing_profile(session, incoming, *rest):
        calls.append(incoming.update_id)
        if len(calls) == 1:  # another instance created this chat's profile a moment earlier
            raise IntegrityError("INSERT INTO profile", {}, Exception("UNIQUE constraint failed"))
        return real_profile(session, incoming, *rest)

    monkeypatch.setattr(engine_module, "_profile", racing_profile)
    app.core.handle(_text(51, 9301))

    sent = Chat(app).deliver()
    assert calls == [9301, 9301]
    assert any("Kilde:" in s.text for s in sent) and not any("gik noget galt" in s.text for s in sent)


def test_an_update_that_loses_a_deadlock_is_tried_again_not_apologised_for(
        sqlite_engine, make_app, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    import bot.conversation.engine as engine_module

    class Deadlock(Exception):
        sqlstate = "40P01"  # PostgreSQL's "deadlock detected" (fx /slet deleting rows the worker is marking)

    app = make_app(sqlite_engine)
    real_profile, calls = engine_module._profile, []

    def deadlocked_profile(session, incoming, *rest):
        calls.append(incoming.update_id)
        if len(calls) == 1:
            raise OperationalError("DELETE FROM outbox", {}, Deadlock("deadlock detected"))
        return real_profile(session, incoming, *rest)

    monkeypatch.setattr(engine_module, "_profile", deadlocked_profile)
    app.core.handle(_text(52, 9302))
    sent = Chat(app).deliver()
    assert calls == [9302, 9302] and app.core.failures == 0
    assert any("Kilde:" in s.text for s in sent) and not any("gik noget galt" in s.text for s in sent)
