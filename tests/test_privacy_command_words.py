"""A young person with an open case asks to see and delete their data the way people type it: "/mine", "/my_data",
"/delete". Each got "I don't know the command" and had to find /mine_data and /slet; access and erasure are rights,
not a spelling test. Each failed before its fix."""

from __future__ import annotations

import pytest

from tests.cases_support import Desk, to


@pytest.mark.parametrize("typed", ["mine", "my_data"])
def test_typing_mine_sends_the_data_as_mine_data_does(sqlite_engine, make_app, typed: str) -> None:
    desk = Desk(make_app(sqlite_engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth)
    expected = [(s.kind, s.text) for s in to(youth.command("mine_data"), youth)]
    got = [(s.kind, s.text) for s in to(youth.command(typed), youth)]
    assert got == expected and "kender ikke" not in " ".join(t for _k, t in got), got


def test_typing_delete_asks_the_erasure_question_and_deletes(sqlite_engine, make_app) -> None:
    desk = Desk(make_app(sqlite_engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus", lang="en")
    desk.open_case(youth)
    asked = youth.command("delete")
    assert [b.data for s in asked for b in s.buttons] == ["priv:erase-yes", "priv:erase-no"], [s.text for s in asked]
    done = " ".join(s.text for s in to(youth.press("priv:erase-yes"), youth))
    assert "deleted" in done, done
