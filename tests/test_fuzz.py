"""Hostile and random input through the core and the Telegram mapping: nothing escapes as an exception, and
every reply is a message Telegram would accept (length, HTML, callback data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import build_app
from bot.config import Settings
from bot.db import make_engine, migrate
from bot.replies import Incoming, Reply
from handlers.telegram.updates import to_incoming
from tests.fake_telegram import validate_call
from tests.support import Chat

HOSTILE = [
    "<b>fed</b>", "<script>alert(1)</script>", "&amp; &lt; & < >", "*bold* _it_ `code` [link](http://x)",
    "'; DROP TABLE profile; --", "\u202eRTL override", "\u200f\u200e", "\x00\x01\x1b[31m", "🏠" * 50,
    "a" * 10_000, "jeg har ingen steder at sove i nat " * 200, "/start " + "x" * 100, "\n\n\n", "   ",
    "%s %d {0} {name}", "Ø" * 4097, "<a href='javascript:alert(1)'>x</a>", "\\", "null", "None",
]
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300), st.text(alphabet=st.characters(
    blacklist_categories=("Cs",)), min_size=1, max_size=50))
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
def fuzz_chat(tmp_path_factory: pytest.TempPathFactory, knowledge) -> Chat:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    app = build_app(Settings(_env_file=None, flood_limit_per_minute=10_000), engine=engine, knowledge=knowledge)
    return Chat(app, chat_id=777)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incoming=incomings, private=st.booleans())
def test_any_update_gets_a_valid_answer_or_none(fuzz_chat: Chat, incoming: tuple[str, dict], private: bool) -> None:
    kind, fields = incoming
    fuzz_chat.chat_type = "private" if private else "group"
    sent = fuzz_chat.send(fuzz_chat._incoming(kind, **fields))
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
