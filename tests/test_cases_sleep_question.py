"""A young person sleeping outside, in the case's questions, types "where can I sleep?" instead of tapping an answer:
they get the night's topics to choose from (where to sleep tonight, somewhere to get warm), not only "I have put your
message on your case". Terminal chat (the core)."""

from __future__ import annotations

import asyncio
import io

from handlers.console import chat


def converse(app, *lines: str, chat_id: int) -> list[str]:
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in (*lines, "/quit")))
    asyncio.run(chat(app, chat_id=chat_id, stdin=stdin, out=out, lang="da"))
    return out.getvalue().split("Husly: ")[3:]


def test_where_can_i_sleep_at_the_case_questions_gets_the_nights_help(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), "I sleep on the street tonight in Aarhus", "yes", "yes", "19",
                    "where can I sleep?", chat_id=1)
    asked = max(i for i, r in enumerate(said) if r.startswith("Where will you sleep tonight?"))
    after = said[said.index(next(r for r in said if r.startswith("Where will you sleep tonight?"))) + 1:]
    assert any(r.startswith("I have put your message on your case") for r in after)
    assert any("I have nowhere to sleep tonight" in r and "Somewhere to sleep or get warm tonight" in r
               for r in after), after
    assert asked == len(said) - 1, "the question comes again after the answer"


def test_hvor_kan_jeg_sove_in_danish_too(sqlite_engine, make_app) -> None:
    said = converse(make_app(sqlite_engine), "jeg sover på gaden i nat i Randers", "ja", "ja", "19",
                    "hvor kan jeg sove?", chat_id=2)
    first = said.index(next(r for r in said if r.startswith("Hvor skal du sove i nat?")))
    assert any("herberg" in r.lower() or "natvarme" in r.lower() for r in said[first + 1:]), said[first + 1:]
