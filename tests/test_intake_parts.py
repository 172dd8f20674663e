"""The parts of the durable intake, one at a time: text made storable, malformed updates, the spool, and the
fail-safe answer composed without the database."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.failsafe import safety_now, slow_notice
from bot.inbox import Received
from bot.replies import Incoming, to_plain
from bot.spool import Spool
from handlers.telegram.updates import Malformed, received, to_incoming
from tests.cases_support import Desk, to

NUL_TEXT = "hello\x00 are you there?"


def update(text: object, **message: object) -> dict[str, object]:
    return {"update_id": 31, "message": {"message_id": 5, "date": 0, "chat": {"id": 42, "type": "private"},
                                         "from": {"id": 42, "is_bot": False, "first_name": "A"},
                                         "text": text, **message}}


def test_nul_and_broken_emoji_halves_are_removed_at_intake() -> None:
    stored = received(update("hej\x00 med \ud83d dig"))
    assert "\\u0000" not in stored.payload and "\x00" not in stored.payload
    incoming = to_incoming(stored.update(), bot_id=1, bot_username="bot")
    assert incoming is not None and incoming.text == "hej med  dig"


def test_a_nul_in_a_relayed_message_reaches_the_caseworker_on_both_databases(engine, make_app) -> None:
    # PostgreSQL refuses NUL in text: before, this message got the apology and the caseworker nothing.
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.command("claim", "1")
    incoming = to_incoming(received({**update(NUL_TEXT), "update_id": 9001}).update(), bot_id=1, bot_username="b")
    assert incoming is not None
    sent = youth.send(Incoming(youth.transport, youth.chat_id, youth.user_id, "text", update_id=9001,
                               text=incoming.text, language_code="en"))
    [relayed] = to(sent, mette)
    assert "hello are you there?" in relayed.text


@pytest.mark.parametrize("broken", [
    {"update_id": 1, "message": {"message_id": 1, "date": 0, "from": {"id": 1}, "text": "no chat"}},
    update(12345),
    update("x", chat={"id": "42", "type": "private"}),
    {"update_id": 2, "callback_query": {"id": "q", "data": "menu:urgent"}},
])
def test_malformed_updates_are_named_malformed(broken: dict[str, object]) -> None:
    with pytest.raises(Malformed):
        to_incoming(broken, bot_id=1, bot_username="bot")


@pytest.mark.parametrize("broken", [None, [], {"message": {}}, {"update_id": "7"}, {"update_id": -1}])
def test_an_update_without_a_usable_id_cannot_be_stored(broken: object) -> None:
    with pytest.raises(Malformed):
        received(broken)


def test_the_spool_gives_back_what_it_took_once_then_forgets_it(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", "a")
    spool.append([Received(1, 5, '{"update_id": 1}'), Received(2, None, '{"update_id": 2}')])
    spool.append([Received(3, 5, '{"update_id": 3}')])
    assert spool.pending()
    stored: list[Received] = []
    assert spool.replay(stored.extend) == 3
    assert [r.update_id for r in stored] == [1, 2, 3]
    assert not spool.pending() and spool.replay(stored.extend) == 0
    assert oct((tmp_path / "spool").stat().st_mode & 0o777) == "0o700", "what people wrote: this user only"


def test_a_replay_that_fails_keeps_the_spool_and_a_line_cut_by_a_crash_is_skipped(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", "a")
    spool.append([Received(1, 5, '{"update_id": 1}')])
    with spool.path.open("a") as handle:
        handle.write(json.dumps(Received(2, 5, "{}").to_json())[:20])  # the process died mid-line

    def database_away(batch: list[Received]) -> None:
        raise ConnectionError

    with pytest.raises(ConnectionError):
        spool.replay(database_away)
    assert spool.pending(), "kept for the next replay"
    stored: list[Received] = []
    assert spool.replay(stored.extend) == 1 and [r.update_id for r in stored] == [1]


def test_another_process_on_the_host_can_replay_a_spool(tmp_path: Path) -> None:
    Spool(tmp_path, "dead-process").append([Received(7, 1, '{"update_id": 7}')])
    stored: list[Received] = []
    assert Spool(tmp_path, "next-process").replay(stored.extend) == 1


def crisis(text: str, language_code: str | None = "da") -> Incoming:
    return Incoming("telegram", 1, 1, "text", update_id=1, text=text, language_code=language_code)


TODAY = dt.date(2026, 12, 4)


def test_the_failsafe_gives_the_safety_information_from_memory(knowledge) -> None:
    kb, _ = knowledge
    reply = safety_now(kb, crisis("jeg har ingen steder at sove i nat"), TODAY)
    assert reply is not None
    text = to_plain(reply.html)
    assert text.startswith("Jeg er lidt langsom") and "112" in text
    emergency = safety_now(kb, crisis("jeg vil slå mig selv ihjel"), TODAY)
    assert emergency is not None and "70 20 12 01" in to_plain(emergency.html), "Livslinien for suicidal thoughts"


def test_the_failsafe_answers_in_the_language_of_the_message(knowledge) -> None:
    kb, _ = knowledge
    reply = safety_now(kb, crisis("I have nowhere to sleep tonight", language_code="da"), TODAY)
    assert reply is not None and "call 112" in to_plain(reply.html)
    assert "112" in to_plain(slow_notice(crisis("what is housing benefit", language_code="en")).html)


def test_an_ordinary_question_gets_no_safety_text_only_the_slow_notice(knowledge) -> None:
    kb, _ = knowledge
    assert safety_now(kb, crisis("hvad er boligstøtte"), TODAY) is None
    assert "langsom" in to_plain(slow_notice(crisis("hvad er boligstøtte")).html)


def test_a_polling_bot_does_without_aiohttps_web_server() -> None:
    # Only a webhook listens; aiohttp's server (1.25 MB of the bot's memory) is imported when one starts.
    code = ("import sys\n"
            "import handlers.telegram.serve, handlers.telegram.aiogram_front, handlers.telegram.ptb_front\n"
            "print('aiohttp.web' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]
