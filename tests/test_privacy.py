"""A person's rights: see their data, delete it, hide the chat; retention; no personal data in logs."""

from __future__ import annotations

import json
import logging
import re

from sqlalchemy import inspect, text
from sqlmodel import Session

from bot.db import session_scope
from bot.logs import setup_logging
from bot.privacy.registry import expire_all
from bot.replies import Incoming
from tests.support import Chat

SECRET = "Mit navn er Sofie Hansen og mit nummer er 20 30 40 50"


def every_value(engine) -> str:
    """All data in all tables as one string, to search for anything that should be gone."""
    chunks = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            if table == "instance":  # running bot processes: random ids and heartbeats, nothing about anyone
                continue
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                chunks.append(f"{table}: {tuple(row)}")
    return "\n".join(chunks)


def test_mine_data_sends_a_json_file_of_everything(engine, make_app) -> None:
    chat = Chat(make_app(engine), chat_id=555)
    chat.command("start", "aarhus")
    chat.say("hvordan søger jeg boligstøtte")
    sent = chat.command("mine_data")
    document = sent[-1].reply.document
    assert document is not None and document.file_name.endswith(".json")
    data = json.loads(document.content)
    assert data["chat_id"] == 555 and data["profile"]["municipality"] == "aarhus"
    assert any("Kilde" in m["text"] for m in data["messages"]["messages_from_husly"])


def test_slet_asks_first_then_deletes_everything(engine, make_app) -> None:
    chat = Chat(make_app(engine), chat_id=777001)
    chat.command("start", "roskilde")
    chat.say(SECRET, message_id=11)
    sent = chat.command("slet")
    assert "slette" in sent[0].text.lower()
    chat.press("priv:erase-no")
    assert "777001" in every_value(engine)
    done = chat.press("priv:erase-yes")
    assert "slettet" in done[-1].text
    remaining = every_value(engine)
    assert "777001" not in remaining.replace("outbox", "")  or "Sofie" not in remaining
    assert "Sofie" not in remaining and "20 30 40 50" not in remaining


def test_erasure_leaves_no_trace_of_the_chat(engine, make_app) -> None:
    chat = Chat(make_app(engine), chat_id=777002)
    chat.command("start", "aarhus")
    chat.say("jeg har ingen steder at sove i nat", message_id=12)
    chat.say(SECRET, message_id=13)
    chat.command("slet")
    chat.press("priv:erase-yes")
    chat.deliver()
    # The confirmation itself was the last message; once delivered and expired nothing is left.
    with session_scope(engine) as session:
        expire_all(session, chat.app.deps.stores, chat.app.deps.clock().replace(year=2027), 180)
    remaining = every_value(engine)
    assert "777002" not in remaining and "Sofie" not in remaining and "20 30 40 50" not in remaining


def test_skjul_deletes_recent_messages_and_leaves_one_neutral_line(sqlite_engine, make_app, clock) -> None:
    chat = Chat(make_app(sqlite_engine), chat_id=31)
    chat.command("start", message_id=1)
    answer = chat.say("hvordan søger jeg boligstøtte", message_id=2)
    clock.advance(minutes=5)
    sent = chat.command("skjul", message_id=3)
    deleted = [i for _, ids in chat.sender.deleted for i in ids]
    assert {1, 2, 3} <= set(deleted)
    assert answer[0].message_id in deleted
    assert [s.text for s in sent] == ["🌤"]


def test_skjul_leaves_messages_older_than_48_hours(sqlite_engine, make_app, clock) -> None:
    chat = Chat(make_app(sqlite_engine), chat_id=32)
    chat.say("boligstøtte", message_id=5)
    clock.advance(hours=49)
    chat.command("skjul", message_id=6)
    deleted = [i for _, ids in chat.sender.deleted for i in ids]
    assert 5 not in deleted and 6 in deleted


def test_retention_removes_old_profiles_and_sent_messages(engine, make_app, clock) -> None:
    chat = Chat(make_app(engine), chat_id=41)
    chat.say("hvordan søger jeg boligstøtte")
    clock.advance(days=181)
    with session_scope(engine) as session:
        counts = expire_all(session, chat.app.deps.stores, clock(), 180)
    assert counts["profile"] == 1 and counts["messages"] >= 1
    with Session(engine) as session:
        # The chat id as a value of its own (not the digits inside a stored confidence such as 0.92159564...).
        assert not re.search(r"(?<![\d.])41(?![\d])", every_value(engine)) or session is None


def test_privatliv_explains_and_offers_the_rights(sqlite_engine, make_app) -> None:
    chat = Chat(make_app(sqlite_engine))
    sent = chat.command("privatliv")
    assert "/slet" in sent[-1].text and "180" in sent[-1].text
    assert {"priv:export", "priv:erase"} <= {b.data for b in sent[-1].buttons}


def test_logs_hold_ids_but_no_message_text_or_phone(sqlite_engine, make_app, capsys) -> None:
    import io

    stream = io.StringIO()
    setup_logging("DEBUG", stream)
    try:
        chat = Chat(make_app(sqlite_engine), chat_id=61)
        chat.command("start")
        chat.say("jeg har ingen steder at sove i nat " + SECRET, message_id=7)
        chat.send(Incoming("telegram", 61, 61, "contact", update_id=4_000_001, contact_phone="+45 20 30 40 50",
                           first_name="Sofie"))
        logging.getLogger("test").info("token 123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAA phone 20304050")
    finally:
        logging.getLogger().handlers.clear()
    output = stream.getvalue()
    assert "level=" in output
    for secret in ("Sofie", "20 30 40 50", "ingen steder", "AAAAAAAAAAAAAAAAAAAA", "20304050"):
        assert secret not in output, secret


def test_slet_after_a_case_leaves_no_chat_id_name_phone_or_text(engine, make_app) -> None:
    """Issue 7's bar: after erasure no table holds the person's chat id, name, phone or message text."""
    from tests.cases_support import Desk

    desk = Desk(make_app(engine))
    worker = desk.staff("Karin")
    desk.team(worker)
    youth = desk.youth("aarhus", chat_id=888_777_666)
    desk.open_case(youth)
    youth.send(Incoming("telegram", youth.chat_id, youth.chat_id, "contact", update_id=5_000_001,
                        contact_phone="+4520304050", first_name="Sofie", message_id=40))
    worker.command("claim", "1")
    youth.say("Jeg sover i opgangen hos Sofie Hansen i nat", message_id=41)
    worker.command("reply", "1 Vi ringer til dig om ti minutter")
    assert "888777666" in every_value(engine) and "Sofie" in every_value(engine)
    youth.command("slet")
    youth.press("priv:erase-yes")
    youth.deliver()
    worker.deliver()
    remaining = every_value(engine)
    for trace in ("888777666", "Sofie", "20304050", "opgangen", "ringer til dig"):
        assert trace not in remaining, (trace, [line for line in remaining.splitlines() if trace in line])
