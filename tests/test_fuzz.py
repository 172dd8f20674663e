"""Hostile and random input through the core and the Telegram mapping: no handler raises, and every reply is a
message Telegram would accept (length, HTML, callback data).

The core turns a handler's exception into a kind apology, so "no exception escaped" proves nothing: these
tests assert on ``Core.failures``, the count of updates a handler failed on. ``benchmarks/fuzz.py`` runs the
same fuzzers 10,000 cases each."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_app
from bot.config import Settings
from bot.db import make_engine, migrate
from bot.listings.csv_import import read_listings
from bot.replies import CALLBACK_DATA_MAX_BYTES, Incoming, IncomingKind, Reply
from handlers.telegram.updates import to_incoming
from tests.fake_telegram import validate_call
from tests.fuzzing import CHATS, USERS, build_world, chats, csv_files, roles
from tests.fuzzing import callback_data as any_button_data
from tests.support import Chat

HOSTILE = [
    "<b>fed</b>", "<script>alert(1)</script>", "&amp; &lt; & < >", "*bold* _it_ `code` [link](http://x)",
    "'; DROP TABLE profile; --", "\u202eRTL override", "\u200f\u200e", "\x00\x01\x1b[31m", "🏠" * 50,
    "a" * 10_000, "jeg har ingen steder at sove i nat " * 200, "/start " + "x" * 100, "\n\n\n", "   ",
    "%s %d {0} {name}", "Ø" * 4097, "<a href='javascript:alert(1)'>x</a>", "\\", "null", "None",
]
# Any character but a lone surrogate half (Cs), which no UTF-8 transport can carry.
characters = st.characters(exclude_categories=["Cs"])
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300), st.text(alphabet=characters, min_size=1,
                                                                          max_size=50))
callback_data = st.one_of(st.sampled_from(["t:", "fb::", "mun:odense", "cs:claim:99999999999999999999",
                                           "cy:fu:-1:no", "lm:x:abc", "ls:" + "z" * 60, ":::", "priv:erase-yes",
                                           "menu:" + "🏠" * 10, "lf:9:9:9", "cs:out:1:hacked"]),
                          st.text(min_size=1, max_size=64))
incomings = st.one_of(
    st.builds(lambda t: ("text", {"text": t}), texts),
    st.builds(lambda name, args: ("command", {"command": name, "args": args, "text": f"/{name} {args}"}),
              st.sampled_from(["start", "help", "sprog", "kommune", "queue", "case", "claim", "reply", "close",
                               "slet", "skjul", "mine_data", "privatliv", "stop", "team", "ny_bolig",
                               "mine_boliger", "stop_besked", "x" * 40]), texts),
    st.builds(lambda data: ("callback", {"callback_data": data}), callback_data),
    st.just(("unsupported", {})),
    st.builds(lambda phone: ("contact", {"contact_phone": phone, "first_name": "X"}), st.text(max_size=30)),
    st.builds(lambda content: ("document", {"document_name": "x.csv", "document_bytes": content}),
              st.binary(max_size=2000)),
)


def as_send_message(chat_id: int, reply: Reply) -> dict:
    params: dict = {"chat_id": chat_id, "text": reply.html, "parse_mode": "HTML"}
    if reply.buttons:
        params["reply_markup"] = {"inline_keyboard": [
            [{"text": b.text, **({"callback_data": b.data} if b.data else {"url": b.url})} for b in row]
            for row in reply.buttons]}
    return params


@pytest.fixture(scope="module")
def fuzz_chat(tmp_path_factory: pytest.TempPathFactory, knowledge) -> Chat:
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    app = build_app(Settings(_env_file=None, flood_limit_per_minute=10_000, cases_per_hour=10_000,
                             data_dir=path.parent), engine=engine, knowledge=knowledge)
    build_world(app)
    return Chat(app, chat_id=777)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incoming=incomings, private=st.booleans())
def test_any_update_gets_a_valid_answer_or_none(fuzz_chat: Chat, incoming: tuple[IncomingKind, dict],
                                                private: bool) -> None:
    kind, fields = incoming
    fuzz_chat.chat_type = "private" if private else "group"
    failures = fuzz_chat.app.core.failures
    sent = fuzz_chat.send(fuzz_chat._incoming(kind, **fields))
    assert fuzz_chat.app.core.failures == failures, f"a handler raised on {kind} {fields!r}"
    for message in sent:
        if message.kind == "send" and not message.reply.document:
            problems = validate_call("sendMessage", as_send_message(message.chat_id, message.reply))
            assert not problems, (kind, fields, problems)


update_dicts = st.fixed_dictionaries({"update_id": st.integers(1, 2**31)}, optional={
    "message": st.fixed_dictionaries({"message_id": st.integers(1, 10**6), "date": st.integers(0, 2**31),
                                      "chat": st.fixed_dictionaries({"id": st.integers(-10**12, 10**12),
                                                                     "type": st.sampled_from(["private", "group",
                                                                                              "supergroup"])}),
                                      "from": st.fixed_dictionaries({"id": st.integers(1, 10**10),
                                                                     "is_bot": st.booleans(),
                                                                     "first_name": st.text(max_size=20)})},
                                     optional={"text": texts, "entities": st.just([{"type": "bot_command",
                                                                                     "offset": 0, "length": 3}]),
                                               "sticker": st.just({}), "contact": st.fixed_dictionaries(
                                                   {"phone_number": st.text(max_size=15),
                                                    "first_name": st.text(max_size=10)})}),
    "edited_message": st.just({"message_id": 1}),
    "channel_post": st.just({"message_id": 1}),
    "poll": st.just({"id": "1"}),
})


@settings(max_examples=300, deadline=None)
@given(update=update_dicts)
def test_any_telegram_update_maps_or_is_ignored(update: dict) -> None:
    result = to_incoming(update, bot_id=42, bot_username="husly_bot")
    assert result is None or isinstance(result, Incoming)


def press_anywhere(chat: Chat, data: str, chat_type: str, group: int | None, user: int) -> str | None:
    """Press ``data`` as ``user`` in their private chat or in ``group``; the callback answer (None: none)."""
    failures = chat.app.core.failures
    outcome = chat.app.core.handle(Incoming("telegram", group or user, user, "callback", callback_data=data,
                                            message_id=5, chat_type=chat_type))
    assert chat.app.core.failures == failures, f"a handler raised on {data!r} by user {user} in a {chat_type}"
    return outcome.callback_answer


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), role=roles, where=chats)
def test_any_button_in_any_chat_from_any_role_is_answered_and_no_handler_raises(
        fuzz_chat: Chat, data: st.DataObject, role, where) -> None:
    pressed = data.draw(any_button_data(fuzz_chat.app.core.router))
    chat_type, group = where
    answer = press_anywhere(fuzz_chat, pressed, chat_type, group, USERS[role])
    assert answer is not None, "every press is answered, so the button stops spinning"
    assert len(answer) <= 200


@settings(max_examples=300, deadline=None)
@given(content=csv_files)
def test_any_csv_file_gets_a_report_never_an_exception(content: bytes) -> None:
    report = read_listings(content, provider="Boligselskab", today=dt.date(2026, 11, 27))
    assert report.ok or report.problems, "a file that is not imported says why"
    assert all(isinstance(problem, str) and problem for problem in report.problems)


def test_the_fuzzer_fails_when_a_handler_raises(fuzz_chat: Chat) -> None:
    """Without the failure count the check above could not fail: the engine apologises for every exception."""
    router = fuzz_chat.app.core.router
    original = router.callbacks["fb"]

    def broken(ctx, data) -> None:
        raise RuntimeError("a bug")

    router.callbacks["fb"] = dataclasses.replace(original, handler=broken)
    try:
        with pytest.raises(AssertionError, match="a handler raised"):
            press_anywhere(fuzz_chat, "fb:boligstoette:1", "private", None, USERS[next(iter(USERS))])
    finally:
        router.callbacks["fb"] = original


def test_the_shared_world_has_every_role_and_kind_of_chat() -> None:
    assert len(USERS) == 5 and {chat_type for chat_type, _group in CHATS} == {"private", "group", "supergroup"}
    assert CALLBACK_DATA_MAX_BYTES == 64
