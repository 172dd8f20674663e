"""Tests of the fake Telegram Bot API server itself (tests/fake_telegram).

Real aiogram and python-telegram-bot clients talk to the fake, so a change that breaks either framework's view of
"Telegram" fails here first, not in some bot test far away.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, html
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonCommands,
    Message,
)
from aiogram.types import Update as AiogramUpdate
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from telegram import Update as PtbUpdate
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from tests.fake_telegram import ApiViolation, FakeTelegram, ManualClock, validate_call, validate_object
from tests.fake_telegram.spec import find_spec_path, load_spec
from tests.support import await_until

REPO_ROOT = Path(__file__).resolve().parents[1]
CHAT = 4242


# --------------------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------------------


@asynccontextmanager
async def aiogram_bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    """A real aiogram Bot pointed at the fake, with the project's default parse mode; session closed after."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(tg.base_url))
    bot = Bot(tg.token, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    try:
        yield bot
    finally:
        await bot.session.close()


def ptb_application(tg: FakeTelegram) -> Application:
    return (
        Application.builder()
        .token(tg.token)
        .base_url(f"{tg.base_url}/bot")
        .base_file_url(f"{tg.base_url}/file/bot")
        .build()
    )


def assert_results_are_valid(tg: FakeTelegram) -> None:
    """Every successful answer must be a valid object of the method's documented return type."""
    spec = load_spec()
    for call in tg.calls:
        method = spec.method(call.method)
        if call.ok and method is not None:
            problems = validate_object(" or ".join(method.returns), call.result)
            assert problems == [], f"{call.method} answered an invalid {method.returns}: {problems}"


async def raw_call(tg: FakeTelegram, method: str, token: str | None = None, **params: Any) -> tuple[int, Any]:
    """POST form fields like aiogram does, without any framework in between."""
    form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    url = f"{tg.base_url}/bot{token or tg.token}/{method}"
    async with aiohttp.ClientSession() as session, session.post(url, data=form) as response:
        return response.status, await response.json()


# --------------------------------------------------------------------------------------------------------------
# (1) aiogram
# --------------------------------------------------------------------------------------------------------------


async def test_aiogram_bot_methods_are_recorded_and_answered_with_valid_objects(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Ja tak", callback_data="answer:ja-æøå")]]
    )
    async with aiogram_bot(tg) as bot:
        me = await bot.get_me()
        assert (me.id, me.username, me.is_bot) == (tg.bot_id, tg.username, True)

        sent = await bot.send_message(CHAT, "<b>Hej</b> &amp; velkommen 👋", reply_markup=keyboard)
        assert sent.message_id == 1
        assert sent.chat.id == CHAT and sent.from_user is not None and sent.from_user.id == tg.bot_id
        assert sent.text == "Hej & velkommen 👋"
        assert sent.entities is not None and sent.entities[0].type == "bold" and sent.entities[0].length == 3
        assert sent.reply_markup is not None
        assert sent.reply_markup.model_dump(exclude_none=True) == keyboard.model_dump(exclude_none=True)
        assert (await bot.send_message(CHAT, "igen")).message_id == 2
        assert (await bot.send_message(CHAT + 1, "anden chat")).message_id == 1  # ids count per chat

        edited = await bot.edit_message_text("Opdateret", chat_id=CHAT, message_id=sent.message_id)
        assert isinstance(edited, Message) and edited.text == "Opdateret"
        stored = tg.message(CHAT, 1)
        assert stored is not None and stored["text"] == "Opdateret"
        assert edited.reply_markup is None  # an edit without reply_markup drops the keyboard, as in Telegram
        with pytest.raises(TelegramBadRequest, match="message is not modified"):
            await bot.edit_message_text("Opdateret", chat_id=CHAT, message_id=sent.message_id)

        tg.push_update(tg.callback(CHAT, "answer:ja-æøå", sent.message_id))
        query_id = tg.pending_updates()[0]["callback_query"]["id"]
        assert tg.unanswered_callback_queries() == [query_id]
        assert await bot.answer_callback_query(query_id, text="Tak!")
        assert tg.unanswered_callback_queries() == []

        assert await bot.set_my_commands([BotCommand(command="start", description="Start forfra")])
        assert [c.command for c in await bot.get_my_commands()] == ["start"]
        assert tg.commands() == [{"command": "start", "description": "Start forfra"}]
        assert await bot.delete_my_commands()
        assert tg.commands() == []

        assert await bot.send_chat_action(CHAT, "typing")
        assert await bot.set_chat_menu_button(CHAT, MenuButtonCommands())
        assert tg.menu_button(CHAT) == {"type": "commands"}
        chat = await bot.get_chat(CHAT)
        assert (chat.id, chat.type) == (CHAT, "private")
        member = await bot.get_chat_member(CHAT, CHAT)
        assert (member.status, member.user.id) == ("member", CHAT)
        assert await bot.delete_message(CHAT, 2)
        with pytest.raises(TelegramBadRequest, match="message to delete not found"):
            await bot.delete_message(CHAT, 2)
        assert await bot.delete_messages(CHAT, [1, 99])  # unknown ids are skipped, as in Telegram
        assert tg.message(CHAT, 1) is None

    methods = [c.method for c in tg.calls]
    assert methods == [
        "getMe",
        "sendMessage",
        "sendMessage",
        "sendMessage",
        "editMessageText",
        "editMessageText",
        "answerCallbackQuery",
        "setMyCommands",
        "getMyCommands",
        "deleteMyCommands",
        "sendChatAction",
        "setChatMenuButton",
        "getChat",
        "getChatMember",
        "deleteMessage",
        "deleteMessage",
        "deleteMessages",
    ]
    first = tg.sent(CHAT)[0]
    # Decoded from form fields: chat_id is an int, reply_markup a dict, the default parse mode is sent.
    assert first["chat_id"] == CHAT and first["parse_mode"] == "HTML"
    assert first["reply_markup"] == {"inline_keyboard": [[{"text": "Ja tak", "callback_data": "answer:ja-æøå"}]]}
    assert tg.sent_texts(CHAT) == ["Hej & velkommen 👋", "igen"]
    assert not tg.calls_of("editMessageText")[1].ok  # "not modified" is a Telegram error, not a violation
    tg.assert_no_violations()
    assert_results_are_valid(tg)


async def test_aiogram_dispatcher_polls_a_pushed_update_and_replies(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    dispatcher = Dispatcher()

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"Du skrev: {html.quote(message.text or '')}")

    update_id = tg.push_update(tg.text_update(CHAT, "hej <verden> & co"))
    async with aiogram_bot(tg) as bot:
        polling = asyncio.create_task(
            dispatcher.start_polling(bot, handle_signals=False, close_bot_session=False, polling_timeout=1)
        )
        try:
            await tg.await_for("sendMessage", timeout=5)
            # The update counts as handled once a later getUpdates confirms it with offset = update_id + 1.
            await await_until(lambda: not tg.pending_updates(), timeout=5, what="the update confirmed")
        finally:
            await dispatcher.stop_polling()
            await polling

    assert tg.sent_texts(CHAT) == ["Du skrev: hej <verden> & co"]
    assert tg.pending_updates() == []
    polls = tg.calls_of("getUpdates")
    assert polls[0].result[0]["update_id"] == update_id
    assert polls[0].params["allowed_updates"] == ["message"]  # aiogram asks only for what it has handlers for
    tg.assert_no_violations()
    assert_results_are_valid(tg)


# --------------------------------------------------------------------------------------------------------------
# (2) python-telegram-bot
# --------------------------------------------------------------------------------------------------------------


async def test_ptb_application_polls_a_pushed_update_and_replies(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    app = ptb_application(tg)

    async def reply(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(f"Svar: {update.message.text}")

    app.add_handler(MessageHandler(filters.TEXT & filters.UpdateType.MESSAGE, reply))
    tg.push_update(tg.text_update(CHAT, "hej fra PTB"))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            await tg.await_for("sendMessage", timeout=5)
        finally:
            await app.updater.stop()
            await app.stop()

    assert tg.sent_texts(CHAT) == ["Svar: hej fra PTB"]
    methods = [c.method for c in tg.calls]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]  # PTB's polling start sequence
    assert tg.calls[0].params == {}  # arg-less calls arrive with an empty body
    tg.assert_no_violations()
    assert_results_are_valid(tg)


# --------------------------------------------------------------------------------------------------------------
# (3) validator
# --------------------------------------------------------------------------------------------------------------


def keyboard(*rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"inline_keyboard": list(rows)}


@pytest.mark.parametrize(
    ("method", "params", "expected"),
    [
        ("sendMesage", {"chat_id": 1, "text": "x"}, "unknown method 'sendMesage'"),
        ("sendMessage", {"chat_id": 1}, "text: required field is missing"),
        ("sendMessage", {"chat_id": 1, "text": "x", "future_field": "1"}, "future_field: unknown field"),
        ("sendMessage", {"chat_id": 1, "text": "x" * 4097}, "text: 4097 characters"),
        # 2048 emoji are 4096 UTF-16 code units; one more character is over the limit although len() is 2049.
        ("sendMessage", {"chat_id": 1, "text": "😀" * 2048 + "a"}, "text: 4097 characters"),
        ("sendMessage", {"chat_id": 1, "text": "   "}, "text: 0 characters"),
        ("sendMessage", {"chat_id": "abc", "text": "x"}, "chat_id: 'abc' is neither"),
        ("sendMessage", {"chat_id": 1, "text": "x", "disable_notification": "yes"}, "expected Boolean"),
        ("sendMessage", {"chat_id": 1, "text": "<b>fed", "parse_mode": "HTML"}, 'start tag "b"'),
        ("sendMessage", {"chat_id": 1, "text": "<div>x</div>", "parse_mode": "HTML"}, 'Unsupported start tag "div"'),
        ("sendMessage", {"chat_id": 1, "text": "2 < 3", "parse_mode": "HTML"}, 'Unsupported start tag ""'),
        ("sendMessage", {"chat_id": 1, "text": "a&nbsp;b", "parse_mode": "HTML"}, 'entity "&nbsp;"'),
        ("sendMessage", {"chat_id": 1, "text": "a & b", "parse_mode": "HTML"}, 'Unescaped "&"'),
        ("sendMessage", {"chat_id": 1, "text": "<b><i>x</b></i>", "parse_mode": "HTML"}, "Unmatched end tag"),
        ("sendMessage", {"chat_id": 1, "text": "<span>x</span>", "parse_mode": "HTML"}, 'class "tg-spoiler"'),
        ("sendMessage", {"chat_id": 1, "text": "Pris: 5.", "parse_mode": "MarkdownV2"}, "Character '.' is reserved"),
        ("sendMessage", {"chat_id": 1, "text": "x", "parse_mode": "html5"}, "unsupported parse mode"),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": keyboard([{"text": "a", "callback_data": "x" * 65}])},
            "callback_data: 65 bytes",
        ),
        (
            "sendMessage",
            # 33 × "ø" is 33 characters but 66 UTF-8 bytes: the limit is in bytes.
            {"chat_id": 1, "text": "x", "reply_markup": keyboard([{"text": "a", "callback_data": "ø" * 33}])},
            "callback_data: 66 bytes",
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": keyboard([{"text": "a", "callback_data": ""}])},
            "callback_data: 0 bytes",
        ),
        (
            "sendMessage",
            {
                "chat_id": 1,
                "text": "x",
                "reply_markup": keyboard([{"text": str(i), "callback_data": str(i)} for i in range(9)]),
            },
            "inline_keyboard[0]: 9 buttons in one row",
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": keyboard([{"callback_data": "x"}])},
            "inline_keyboard[0][0].text: required field is missing",
        ),
        ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": keyboard([{"text": "a"}])}, "exactly one action"),
        ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": "{not json"}, "got string '{not json'"),
        ("setMyCommands", {"commands": [{"command": "Start", "description": "x"}]}, "only lowercase English letters"),
        ("setMyCommands", {"commands": [], "scope": {"type": "everyone"}}, "scope.type: 'everyone' is not a valid"),
        ("sendDocument", {"chat_id": 1, "document": "x", "caption": "c" * 1025}, "caption: 1025 characters"),
        ("deleteMessages", {"chat_id": 1, "message_ids": list(range(101))}, "message_ids: 101 items"),
        ("sendChatAction", {"chat_id": 1, "action": "thinking"}, "unknown chat action"),
    ],
)
def test_validator_reports_problems(method: str, params: dict[str, Any], expected: str) -> None:
    problems = validate_call(method, params)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("sendMessage", {"chat_id": 1, "text": "x" * 4096}),
        ("sendMessage", {"chat_id": 1, "text": "😀" * 2048}),  # 4096 UTF-16 code units exactly
        ("sendMessage", {"chat_id": 1, "text": "é" * 4096}),  # 8192 bytes, but 4096 characters
        # Tags and entities do not count: 4096 visible characters.
        ("sendMessage", {"chat_id": 1, "text": "<b>" + "&amp;" * 4095 + "</b>x", "parse_mode": "HTML"}),
        ("sendMessage", {"chat_id": "@husly_channel", "text": "x"}),
        (
            "sendMessage",
            {
                "chat_id": 1,
                "text": "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>i</ins><s>s</s><strike>s</strike>"
                '<del>d</del><span class="tg-spoiler">sp</span><tg-spoiler>t</tg-spoiler>'
                '<a href="https://husly.dk/?a=1&amp;b=2">link</a><tg-emoji emoji-id="5368324170671202286">👍'
                '</tg-emoji><code>c</code><pre><code class="language-python">print(1)</code></pre>'
                "<blockquote expandable>citat</blockquote> &lt;&gt;&amp;&quot; &#229; &#xE6;",
                "parse_mode": "HTML",
            },
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "*fed* _kursiv_ \\. [link](https://husly.dk)", "parse_mode": "MarkdownV2"},
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": keyboard([{"text": "a", "callback_data": "ø" * 32}])},
        ),
        (
            "sendMessage",
            {
                "chat_id": 1,
                "text": "x",
                "reply_markup": keyboard(*[[{"text": "a", "callback_data": "b"}] * 8] * 12),
            },
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "x", "reply_markup": {"keyboard": [["Ja", {"text": "Nej"}]], "is_persistent": True}},
        ),
        ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": {"remove_keyboard": True}}),
        ("setMyCommands", {"commands": [{"command": "hjaelp_2", "description": "Hjælp"}], "language_code": "da"}),
        ("setChatMenuButton", {"chat_id": 1, "menu_button": {"type": "commands"}}),
        ("answerCallbackQuery", {"callback_query_id": "1"}),
        ("getMe", {}),
    ],
)
def test_validator_accepts_valid_calls(method: str, params: dict[str, Any]) -> None:
    assert validate_call(method, params) == []


def test_validator_checks_over_the_wire_and_the_fixture_collects_violations() -> None:
    with FakeTelegram() as tg:
        status, body = asyncio.run(
            raw_call(
                tg,
                "sendMessage",
                chat_id=1,
                text="x",
                reply_markup=keyboard([{"text": "a", "callback_data": "x" * 65}]),
            )
        )
        assert (status, body) == (
            400,
            {"ok": False, "error_code": 400, "description": "Bad Request: BUTTON_DATA_INVALID"},
        )
        status, body = asyncio.run(raw_call(tg, "sendMessage", chat_id=1, text="a < b", parse_mode="HTML"))
        assert body["description"] == 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2'
        status, body = asyncio.run(raw_call(tg, "sendMessage", chat_id=1, text="x" * 4097))
        assert body["description"] == "Bad Request: message is too long"
        status, body = asyncio.run(raw_call(tg, "sendMessage", chat_id=1, text=""))
        assert body["description"] == "Bad Request: message text is empty"
        status, body = asyncio.run(raw_call(tg, "frobnicate"))
        assert (status, body["description"]) == (404, "Not Found")
        status, body = asyncio.run(raw_call(tg, "getMe", token="987:wrong"))
        assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})

        assert len(tg.violations) == 5
        assert tg.violations[0].startswith("sendMessage: reply_markup.inline_keyboard[0][0].callback_data: 65 bytes")
        assert [c.status for c in tg.calls] == [400, 400, 400, 400, 404]  # the 401 never reached a method
        with pytest.raises(ApiViolation, match="5 Bot API violation"):
            tg.assert_no_violations()


async def test_get_json_bodies_and_methods_without_a_dedicated_handler(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    async with aiohttp.ClientSession() as session:
        url = f"{tg.base_url}/bot{tg.token}"
        async with session.get(f"{url}/sendMessage", params={"chat_id": "7", "text": "via GET"}) as response:
            assert response.status == 200 and (await response.json())["result"]["text"] == "via GET"
        payload = {
            "chat_id": 7,
            "text": "via JSON",
            "reply_markup": {"inline_keyboard": [[{"text": "a", "url": "https://husly.dk"}]]},
        }
        async with session.post(f"{url}/SENDMESSAGE", json=payload) as response:  # method names are case-insensitive
            assert response.status == 200
    assert [p["text"] for p in tg.sent(7)] == ["via GET", "via JSON"]
    assert tg.sent(7)[1]["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://husly.dk"

    # Methods without a hand-written answer get a minimal valid object of their return type.
    async with aiogram_bot(tg) as bot:
        photo = await bot.send_photo(7, BufferedInputFile(b"jpeg", "billede.jpg"), caption="<b>Foto</b>")
        assert photo.photo is not None and photo.caption == "Foto"
        assert (await bot.copy_message(7, 7, photo.message_id)).message_id == photo.message_id + 1
        assert await bot.get_chat_member_count(-100123) == 0
        assert (await bot.get_my_default_administrator_rights()).can_manage_chat is False
        assert await bot.set_message_reaction(7, photo.message_id, [])
    tg.assert_no_violations()


def test_fixture_fails_a_test_with_violations_unless_marked(tmp_path: Path) -> None:
    test_file = tmp_path / "test_sample.py"
    test_file.write_text(
        textwrap.dedent(
            """
            import json, urllib.request, pytest

            def call(tg, text):
                data = json.dumps({"chat_id": 1, "text": text, "parse_mode": "HTML"}).encode()
                request = urllib.request.Request(
                    f"{tg.base_url}/bot{tg.token}/sendMessage", data, {"Content-Type": "application/json"}
                )
                try:
                    urllib.request.urlopen(request)
                except urllib.error.HTTPError:
                    pass

            def test_bad(fake_telegram):
                call(fake_telegram, "<div>no</div>")

            @pytest.mark.allow_api_violations
            def test_bad_but_allowed(fake_telegram):
                call(fake_telegram, "<div>no</div>")

            def test_good(fake_telegram):
                call(fake_telegram, "<b>ja</b>")
                assert fake_telegram.sent(1)[0]["text"] == "<b>ja</b>"
            """
        )
    )
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-rA", "-c", "/dev/null", "--rootdir", str(tmp_path)),
            *("-p", "tests.fake_telegram.plugin", "-p", "no:cacheprovider", "-p", "no:asyncio", test_file.name),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert "PASSED test_sample.py::test_bad_but_allowed" in output, output
    assert "PASSED test_sample.py::test_good" in output, output
    assert "ERROR test_sample.py::test_bad" in output, output
    assert 'sendMessage: text: can\'t parse entities (HTML): Unsupported start tag "div"' in output, output


def run_pytest_on(tmp_path: Path, tests: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run pytest with the fake's plugin on one test file in ``tmp_path``: (exit code, output)."""
    (tmp_path / "test_sample.py").write_text(textwrap.dedent(tests))
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-rA", "-c", "/dev/null", "--rootdir", str(tmp_path)),
            *("-p", "tests.fake_telegram.plugin", "-p", "no:cacheprovider", "-p", "no:asyncio", "test_sample.py"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", **(env or {})},
        timeout=60,
    )
    return result.returncode, result.stdout + result.stderr


def test_a_missing_spec_stops_the_run_with_one_message_before_any_test(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "bot-api.json"
    code, output = run_pytest_on(
        tmp_path,
        """
        from tests.fake_telegram import validate_call

        def test_polls(fake_telegram):
            assert fake_telegram.base_url

        def test_validates():
            assert validate_call("getMe", {}) == []

        def test_needs_no_telegram():
            assert True
        """,
        {"HUSLY_BOT_API_SPEC": str(missing)},
    )
    assert code == pytest.ExitCode.USAGE_ERROR, output
    assert output.count("the Bot API spec ../shared/telegram/bot-api.json is missing") == 1, output
    assert f"HUSLY_BOT_API_SPEC names {missing}" in output and "3 collected test(s) need it" in output, output
    assert "passed" not in output and "500" not in output, output


def test_tests_that_need_no_spec_run_without_it(tmp_path: Path) -> None:
    code, output = run_pytest_on(
        tmp_path, "def test_plain():\n    assert 1 + 1 == 2\n", {"HUSLY_BOT_API_SPEC": str(tmp_path / "gone.json")}
    )
    assert code == 0 and "1 passed" in output, output


def test_spec_is_found_by_walking_up() -> None:
    path = find_spec_path()
    assert path.parts[-3:] == ("shared", "telegram", "bot-api.json")
    assert load_spec().version == "Bot API 10.1"


# --------------------------------------------------------------------------------------------------------------
# (4) getUpdates semantics
# --------------------------------------------------------------------------------------------------------------


async def test_get_updates_offset_limit_and_allowed_updates(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    ids = [tg.push_update(tg.text_update(CHAT, f"besked {n}")) for n in range(3)]
    assert ids == [1, 2, 3]

    async def poll(**params: Any) -> list[int]:
        status, body = await raw_call(tg, "getUpdates", **params)
        assert status == 200, body
        return [u["update_id"] for u in body["result"]]

    assert await poll() == [1, 2, 3]
    assert await poll() == [1, 2, 3]  # nothing is confirmed without an offset
    assert await poll(offset=2) == [2, 3]  # confirms 1
    assert await poll(limit=1) == [2]
    assert await poll(offset=4) == []  # confirms everything
    assert tg.pending_updates() == []

    tg.push_update(tg.callback(CHAT, "x", 1))
    tg.push_update(tg.text_update(CHAT, "tekst"))
    assert await poll(allowed_updates=["message"]) == [5]  # the callback_query is dropped, as Telegram does
    assert [u["update_id"] for u in tg.skipped_updates] == [4]
    assert await poll(offset=-1) == [5]


@pytest.fixture
def timed() -> Iterator[tuple[FakeTelegram, ManualClock]]:
    """A fake whose time moves only when the test advances its clock: nothing here waits for real."""
    clock = ManualClock()
    with FakeTelegram(clock=clock) as tg:
        yield tg, clock
    tg.assert_no_violations()


async def test_long_poll_waits_for_its_timeout(timed: tuple[FakeTelegram, ManualClock]) -> None:
    tg, clock = timed
    poll = asyncio.create_task(raw_call(tg, "getUpdates", timeout=1))
    await asyncio.to_thread(clock.wait_sleeping)
    clock.advance(0.9)
    assert clock.sleeping == 1 and not poll.done(), "0.9 s into a 1 s long poll it still waits"
    clock.advance(0.1)
    status, body = await asyncio.wait_for(poll, 10)
    assert (status, body["result"]) == (200, [])


async def test_long_poll_wakes_up_on_a_new_update(timed: tuple[FakeTelegram, ManualClock]) -> None:
    tg, clock = timed
    poll = asyncio.create_task(raw_call(tg, "getUpdates", timeout=10))
    await asyncio.to_thread(clock.wait_sleeping)
    # Pushed from another thread, as a test running a bot elsewhere would; the clock never moves, so only the
    # update can end the poll.
    threading.Thread(target=lambda: tg.push_update(tg.text_update(CHAT, "vågn op"))).start()
    status, body = await asyncio.wait_for(poll, 10)
    assert status == 200 and body["result"][0]["message"]["text"] == "vågn op"
    assert clock.sleeping == 0, "the poll's timeout was given up, not left behind"


async def test_blocking_helpers_refuse_to_run_inside_an_event_loop(fake_telegram: FakeTelegram) -> None:
    # Blocking here would freeze the loop that runs the bot under test, so the fake says so instead of hanging.
    with pytest.raises(RuntimeError, match=r"await tg\.await_for"):
        fake_telegram.wait_for("sendMessage", timeout=0.1)
    with pytest.raises(RuntimeError, match=r"await tg\.adeliver"):
        fake_telegram.deliver(fake_telegram.text_update(CHAT, "x"))
    with pytest.raises(AssertionError, match="waiting for 1 call"):
        await fake_telegram.await_for("sendMessage", timeout=0.1)


async def test_two_pollers_conflict_like_two_bot_instances(timed: tuple[FakeTelegram, ManualClock]) -> None:
    tg, clock = timed
    first = asyncio.create_task(raw_call(tg, "getUpdates", timeout=5))
    await asyncio.to_thread(clock.wait_sleeping)
    assert tg.polling
    second = asyncio.create_task(raw_call(tg, "getUpdates", timeout=0))
    status, body = await first
    assert status == 409 and body["description"].startswith("Conflict: terminated by other getUpdates request")
    assert (await second)[0] == 200


# --------------------------------------------------------------------------------------------------------------
# (5) fault injection
# --------------------------------------------------------------------------------------------------------------


async def test_fail_next_429_is_telegram_retry_after_in_aiogram(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    tg.fail_next("sendMessage", status=429, retry_after=3)
    async with aiogram_bot(tg) as bot:
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(CHAT, "første forsøg")
        assert caught.value.retry_after == 3
        await bot.send_message(CHAT, "andet forsøg")  # only one failure was queued

        tg.fail_next(status=500)
        with pytest.raises(TelegramServerError):
            await bot.send_message(CHAT, "x")
        tg.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
        with pytest.raises(TelegramBadRequest, match="chat not found"):
            await bot.send_message(CHAT, "x")

        tg.block_user(CHAT)
        with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
            await bot.send_message(CHAT, "x")
        await bot.send_message(CHAT + 1, "andre brugere får stadig beskeder")

    attempts = tg.calls_of("sendMessage")
    assert [(c.status, c.injected) for c in attempts] == [
        (429, True),
        (200, False),
        (500, True),
        (400, True),
        (403, False),
        (200, False),
    ]
    assert attempts[0].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3},
    }
    assert [p["text"] for p in tg.sent()] == ["andet forsøg", "andre brugere får stadig beskeder"]
    tg.assert_no_violations()


async def test_failure_rate_is_seeded(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram

    async def statuses() -> list[int]:
        return [(await raw_call(tg, "sendChatAction", chat_id=CHAT, action="typing"))[0] for _ in range(20)]

    tg.failure_rate(0.5, statuses=(429, 502), seed=7)
    first = await statuses()
    tg.failure_rate(0.5, statuses=(429, 502), seed=7)
    assert await statuses() == first  # reproducible
    assert {200, 429, 502} <= set(first)
    tg.failure_rate(0)
    assert set(await statuses()) == {200}


async def test_delay_holds_the_answer_until_the_time_has_passed(timed: tuple[FakeTelegram, ManualClock]) -> None:
    tg, clock = timed
    tg.delay(0.3, "getMe")
    slow = asyncio.create_task(raw_call(tg, "getMe"))
    await asyncio.to_thread(clock.wait_sleeping)
    clock.advance(0.2)
    assert clock.sleeping == 1 and not slow.done() and tg.calls_of("getMe") == []
    assert (await raw_call(tg, "sendChatAction", chat_id=CHAT, action="typing"))[0] == 200, "other methods are not held"
    clock.advance(0.1)
    assert (await asyncio.wait_for(slow, 10))[0] == 200
    (call,) = tg.calls_of("getMe")
    assert call.time == pytest.approx(clock.time() - 0.3), "a call's time is when it arrived, on the fake's clock"


# --------------------------------------------------------------------------------------------------------------
# (6) webhooks
# --------------------------------------------------------------------------------------------------------------


@asynccontextmanager
async def running_app(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def test_webhook_delivery_to_a_real_aiogram_handler_checks_the_secret(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    dispatcher = Dispatcher()

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"webhook: {message.text}")

    async with aiogram_bot(tg) as bot:
        app = web.Application()
        SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token="rigtig-hemmelighed").register(
            app, path="/webhook"
        )
        async with running_app(app) as url:
            await bot.set_webhook(f"{url}/webhook", secret_token="rigtig-hemmelighed")
            assert tg.webhook is not None and tg.webhook["secret_token"] == "rigtig-hemmelighed"
            assert await tg.adeliver(tg.text_update(CHAT, "hej")) == 200
            await tg.await_for("sendMessage", timeout=5)

            with pytest.raises(TelegramConflictError):
                await bot.get_updates()  # Telegram refuses polling while a webhook is set

            await bot.set_webhook(f"{url}/webhook", secret_token="forkert")
            assert await tg.adeliver(tg.text_update(CHAT, "ignoreret")) == 401
            info = await bot.get_webhook_info()
            assert info.url == f"{url}/webhook" and info.last_error_message is not None
            assert await bot.delete_webhook()
    assert tg.sent_texts(CHAT) == ["webhook: hej"]
    assert [status for _, status in tg.deliveries] == [200, 401]
    tg.assert_no_violations()


@contextmanager
def webhook_app_in_thread(seen: list[tuple[str | None, str | None]]) -> Iterator[str]:
    """A plain aiohttp webhook on its own loop/thread, for the blocking deliver()."""

    async def handle(request: web.Request) -> web.Response:
        seen.append((request.headers.get("Content-Type"), request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        await request.json()
        return web.Response(status=200)

    ready = threading.Event()
    state: dict[str, Any] = {}

    def run() -> None:
        loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_post("/hook", handle)
        runner = web.AppRunner(app)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        state["url"] = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        state["loop"] = loop
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(5)
    try:
        yield state["url"]
    finally:
        state["loop"].call_soon_threadsafe(state["loop"].stop)
        thread.join(5)


def test_blocking_deliver_sends_exactly_what_telegram_sends(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    seen: list[tuple[str | None, str | None]] = []
    with webhook_app_in_thread(seen) as url:
        status, _ = asyncio.run(raw_call(tg, "setWebhook", url=url, secret_token="s3cret"))
        assert status == 200
        assert tg.deliver(tg.text_update(CHAT, "hej")) == 200
    assert seen == [("application/json", "s3cret")]
    status, body = asyncio.run(raw_call(tg, "getUpdates"))
    assert status == 409 and "webhook is active" in body["description"]


# --------------------------------------------------------------------------------------------------------------
# (7) files and update builders
# --------------------------------------------------------------------------------------------------------------


async def test_added_file_can_be_fetched_with_get_file_and_downloaded(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    content = "Lejekontrakt, side 1 – æøå".encode() * 100
    file_id = tg.add_file(content, "kontrakt.pdf")
    update = tg.document_update(CHAT, file_id, "kontrakt.pdf", "application/pdf")
    assert update["message"]["document"]["file_size"] == len(content)
    tg.push_update(update)

    async with aiogram_bot(tg) as bot:
        file = await bot.get_file(file_id)
        assert file.file_path is not None and file.file_path.endswith(".pdf")
        downloaded = await bot.download_file(file.file_path)
        assert downloaded is not None and downloaded.read() == content

        uploaded = await bot.send_document(CHAT, BufferedInputFile(b"%PDF-1.4 svar", "svar.pdf"), caption="<i>Svar</i>")
        assert uploaded.document is not None and uploaded.document.file_name == "svar.pdf"
        assert uploaded.caption == "Svar"
    call = tg.calls_of("sendDocument")[0]
    upload = call.upload("document")
    assert upload is not None and (upload.filename, upload.content) == ("svar.pdf", b"%PDF-1.4 svar")
    assert tg.file_content(uploaded.document.file_id) == b"%PDF-1.4 svar"

    # PTB builds download URLs from base_file_url; check that path too.
    app = ptb_application(tg)
    async with app:
        ptb_file = await app.bot.get_file(file_id)
        assert bytes(await ptb_file.download_as_bytearray()) == content
        # PTB uploads the file as the `document` part itself, not via attach://
        await app.bot.send_document(CHAT, document=b"ptb bytes", filename="ptb.txt")
    ptb_upload = tg.calls_of("sendDocument")[1].upload("document")
    assert ptb_upload is not None and (ptb_upload.filename, ptb_upload.content) == ("ptb.txt", b"ptb bytes")

    async with aiohttp.ClientSession() as session:
        async with session.get(f"{tg.base_url}/file/bot{tg.token}/missing/file.bin") as response:
            assert response.status == 404
        async with session.get(f"{tg.base_url}/file/bot1:wrong/{file.file_path}") as response:
            assert response.status == 401
    tg.assert_no_violations()
    assert_results_are_valid(tg)


def test_update_builders_produce_updates_both_frameworks_accept(fake_telegram: FakeTelegram) -> None:
    tg = fake_telegram
    sent_message_id = 1
    updates = [
        tg.text_update(CHAT, "hej"),
        tg.command(CHAT, "start", "kode123"),
        tg.callback(CHAT, "vælg:1", sent_message_id),
        tg.sticker(CHAT),
        tg.photo(CHAT, caption="billede"),
        tg.document_update(CHAT, tg.add_file(b"x", "a.txt"), "a.txt", "text/plain"),
        tg.contact(CHAT, "+4512345678", "Mette"),
        tg.edited_text(CHAT, "rettet"),
        tg.group_text(-100123, "hej gruppe"),
        tg.location(CHAT),
        tg.voice(CHAT),
        tg.my_chat_member(CHAT, "kicked"),
    ]
    for update in updates:
        update_id = tg.push_update(update)
        full = {"update_id": update_id, **update}
        assert validate_object("Update", full) == []
        AiogramUpdate.model_validate(full)  # raises on anything aiogram's models reject
        assert PtbUpdate.de_json(full, None).update_id == update_id

    command = updates[1]["message"]
    assert command["text"] == "/start kode123"
    assert command["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    # Message ids are allocated per chat and never collide with the bot's own messages.
    ids = [u["message"]["message_id"] for u in updates if "message" in u and u["message"]["chat"]["id"] == CHAT]
    assert len(ids) == len(set(ids))
    with pytest.raises(ValueError, match="invalid update"):
        tg.push_update({"message": {"text": "no chat, no date"}})
