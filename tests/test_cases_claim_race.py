"""Two caseworkers press Overtag at once: exactly one gets the case, the other is told who has it."""

from __future__ import annotations

import threading
import time

from bot.cases import service
from bot.db import session_scope
from bot.replies import Incoming
from tests.cases_support import Desk, case, staff_id


def test_concurrent_sessions_claim_exactly_once(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    workers = [desk.staff("Mette"), desk.staff("Ole")]
    ids = [staff_id(engine, w) for w in workers]
    for _ in range(3):
        desk.open_case(desk.youth("aarhus"))
    for number in (1, 2, 3):
        start = threading.Barrier(len(ids))
        won: dict[int, bool] = {}

        def claim(member: int, number: int = number, start: threading.Barrier = start,
                  won: dict[int, bool] = won) -> None:
            with session_scope(engine) as session:
                start.wait()
                won[member] = service.claim(session, number, member, clock.now)
                # Keep the transaction open, so the other claim runs while this one is not yet committed.
                time.sleep(0.05)

        threads = [threading.Thread(target=claim, args=(member,)) for member in ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(won.values()) == [False, True]
        winner = next(member for member, ok in won.items() if ok)
        assert case(engine, number).claimed_by == winner and case(engine, number).status == "claimed"


def test_two_overtag_presses_at_once_give_one_winner_and_name_it(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    group = desk.team(mette)
    desk.open_case(desk.youth("aarhus"))
    start = threading.Barrier(2)
    answers: dict[str, str | None] = {}

    def press(name: str, user_id: int, update_id: int) -> None:
        incoming = Incoming("telegram", group.chat_id, user_id, "callback", update_id=update_id,
                            callback_data="cs:claim:1", chat_type="group", language_code="en")
        start.wait()
        answers[name] = desk.app.core.handle(incoming).callback_answer

    threads = [threading.Thread(target=press, args=("Mette", mette.user_id, 70_001)),
               threading.Thread(target=press, args=("Ole", ole.user_id, 70_002))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    winner = "Mette" if case(engine).claimed_by == staff_id(engine, mette) else "Ole"
    loser = "Ole" if winner == "Mette" else "Mette"
    assert (answers[winner] or "").startswith("Du har sag #1")  # pressed in the team chat, which reads Danish
    assert answers[loser] == f"Sag #1 er allerede taget af {winner}."
    group.deliver()
    youth_told = [s for s in desk.sender.sent if "has your case now" in s.text]
    assert len(youth_told) == 1
