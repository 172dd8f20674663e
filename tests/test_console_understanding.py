"""Reading real messages in the terminal chat (`husly chat`): the same core as Telegram, so English in is
English out, small talk gets a short reply, a follow-up is read with the topic just shown, someone asking for a
friend is not given a case, and a letter about several things gets choices."""

from __future__ import annotations

import asyncio
import io

from sqlmodel import Session, select

from bot.cases.models import Case
from handlers.console import chat
from tests.test_understanding import LETTER, PAST_CRISIS, SON_IN_CAR


def converse(app, *lines: str) -> str:
    out = io.StringIO()
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    return out.getvalue()


def replies(transcript: str) -> list[str]:
    """The bot's messages, in order (each starts with "Husly: ")."""
    return ["Husly: " + part.split("\n\n")[0] for part in transcript.split("Husly: ")[1:]]


def test_the_terminal_chat_answers_english_in_english_and_small_talk_briefly(sqlite_engine, make_app) -> None:
    transcript = converse(make_app(sqlite_engine), "Hej", "I sleep on the street tonight", "thanks", "/quit")
    assert "Hej! Jeg er Husly" in transcript
    assert "You should not be alone with this" in transcript
    assert "You're welcome!" in transcript
    assert "Du skal ikke stå alene" not in transcript


def test_the_terminal_chat_reads_follow_ups_helpers_and_letters(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    transcript = converse(app, "Hvordan får jeg et kollegieværelse?", "Hvad koster det?",
                          "min ven sover på gaden i nat, hvad kan han gøre?", LETTER, "/quit")
    said = replies(transcript)
    kollegium = [r for r in said if "Bo på kollegium" in r]
    assert len(kollegium) == 2, "the follow-up got the kollegium answer too"
    assert any(r.startswith("Husly: Den unge skal ikke stå alene") for r in said)
    assert "handler om flere ting" in transcript
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None, "no case in the helper's name without asking"


def test_the_terminal_chat_answers_from_memory_while_the_database_is_locked(tmp_path, sqlite_engine, make_app,
                                                                           monkeypatch) -> None:
    import sqlite3
    import threading

    import handlers.console as console
    from bot.db import WAIT_SECONDS
    from bot.outbox import DeliveryWorker
    from bot.replies import Incoming

    app = make_app(sqlite_engine)
    monkeypatch.setattr(console, "RETRY_PAUSES", (0.2, 0.5, 1.0, 2.0))
    out = io.StringIO()
    worker = DeliveryWorker(app.engine, "console", console.ConsoleSender(out))
    locker = sqlite3.connect(tmp_path / "core.sqlite3", isolation_level=None, check_same_thread=False)
    locker.execute("BEGIN EXCLUSIVE")  # another process writing: the database takes nothing for a while
    # Longer than a statement waits for a lock (bot/db.py WAIT_SECONDS), so the first try gives up.
    release = threading.Timer(WAIT_SECONDS + 1.0, lambda: locker.execute("COMMIT"))
    release.start()
    try:
        crisis = Incoming("console", 1, 1, "text", text="jeg har ingen steder at sove i nat", language_code="da")
        asyncio.run(console._deliver(app, crisis, worker, out))
    finally:
        release.join()
        locker.close()
    transcript = out.getvalue()
    memory, full = transcript.find("langsom"), transcript.find("Du skal ikke stå alene")
    assert 0 <= memory < full, "the safety information from memory at once, then the full answer"
    assert "112" in transcript[:full]


def test_the_terminal_chat_tells_a_crisis_told_as_over_from_a_night_without_a_bed(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    # The replies after the greeting and the privacy note (the greeting's footer names 112 for anyone in danger).
    past = " ".join(replies(converse(app, PAST_CRISIS, "/quit"))[2:])
    assert "ikke stå alene" not in past, "being thrown out two years ago is no crisis tonight"
    assert "boligstøtte" in past.lower()
    son = replies(converse(app, SON_IN_CAR, "/quit"))
    assert any(r.startswith("Husly: Den unge skal ikke stå alene") for r in son), "a son sleeping in his car"
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None, "no case in the parent's name without asking"


def test_the_terminal_chat_reads_our_things_and_a_message_that_names_whom_they_are(sqlite_engine, make_app) -> None:
    """After the answer about being thrown out, "vores" in "hvad med vores ting?" chose the question about a child, and
    a message naming "my parents" before its "they" was read as a follow-up (tests/test_understanding_pronouns.py)."""
    from tests.test_understanding_pronouns import NAMES_THEM, OUR_THINGS, THROWN_OUT_DA, WITH_CHILD

    said = replies(converse(make_app(sqlite_engine), THROWN_OUT_DA, OUR_THINGS, NAMES_THEM, "/quit"))
    # The answer's heading: the topic, not its question about a child (that one is still a button to press).
    things = next(r for r in said if r.startswith("Husly: Smidt ud af") and "sundhedskort" in r)
    assert WITH_CHILD not in things.splitlines()[1]
    assert not said[-1].startswith("Husly: Thrown out by parents")


def test_an_age_under_18_said_after_tonights_help_gets_the_answer_for_minors(sqlite_engine, make_app) -> None:
    # Tonight's help asks for the municipality; "jeg er 17" (a bare age: no test sentence can be far from every real
    # message) got "Jeg er ikke sikker på, at jeg forstod dig".
    transcript = converse(make_app(sqlite_engine), "min stedfar har lige smidt mig ud og jeg står på gaden nu",
                          "jeg er 17", "/quit")
    after = transcript.split("jeg er 17")[-1] if "jeg er 17" in transcript else transcript
    said = replies(transcript)
    assert any(r.startswith("Husly: Under 18 og ikke et trygt sted at bo") for r in said), said
    assert "ikke sikker på, at jeg forstod dig" not in after
    assert "116 111" in after
