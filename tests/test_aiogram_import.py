"""aiogram imported with its models built on first use (handlers/telegram/aiogram_import.py).

What a user would notice: the bot starts in half the time and memory (benchmarks/startup.py); and nothing else.
The second is what these tests hold: every Bot API call the front end makes is sent exactly as aiogram sends it
when it builds all its models at import, and what Telegram answers is read the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import aiogram

ROOT = Path(__file__).resolve().parents[1]

# Builds every request the front end sends (handlers/telegram/aiogram_front.py) as aiogram's session would put it
# on the wire, and reads the answers Telegram gives; prints it all as JSON.
CALLS = """
import json, sys
if sys.argv[1] == "deferred":
    import handlers.telegram.aiogram_import
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import (AnswerCallbackQuery, DeleteMyCommands, EditMessageText, GetFile, SendDocument,
                             SendMessage, SetMyCommands)
from aiogram.methods.base import Response
from aiogram.types import (BotCommand, BotCommandScopeChat, BufferedInputFile, File, Message, Update)
from handlers.telegram.aiogram_front import markup
from bot.replies import Button, Reply

bot = Bot("1:x", session=AiohttpSession())
keyboard = markup(Reply("<b>Hej</b>", buttons=((Button("Ja", data="yes"), Button("Læs mere", url="https://x.dk")),)))
contact = markup(Reply("Dit nummer?", request_contact="Del mit nummer"))
removed = markup(Reply("Tak", remove_keyboard=True))
calls = [
    SendMessage(chat_id=7, text="<b>Hej</b>", reply_markup=keyboard, link_preview_options={"is_disabled": True}),
    SendMessage(chat_id=7, text="Dit nummer?", reply_markup=contact),
    SendMessage(chat_id=7, text="Tak", reply_markup=removed),
    EditMessageText(chat_id=7, message_id=3, text="Ny", reply_markup=keyboard),
    SendDocument(chat_id=7, document=BufferedInputFile(b"data", "mine.json"), caption="Dine data"),
    SetMyCommands(commands=[BotCommand(command="start", description="Start")], scope=BotCommandScopeChat(chat_id=7)),
    SetMyCommands(commands=[BotCommand(command="help", description="Help")], language_code="en"),
    DeleteMyCommands(scope=BotCommandScopeChat(chat_id=7)),
    GetFile(file_id="abc"),
    AnswerCallbackQuery(callback_query_id="9"),
]
wire = []
for call in calls:
    files = {}
    fields = {k: bot.session.prepare_value(v, bot=bot, files=files)
              for k, v in call.model_dump(warnings=False).items()}
    # An attached file gets a random name each time: keep that it is attached, not the name.
    fields = {k: "attach://<file>" if str(v).startswith("attach://") else v for k, v in fields.items()}
    wire.append([call.__api_method__, fields, len(files)])
user = {"id": 5, "is_bot": False, "first_name": "A", "language_code": "da"}
chat = {"id": 5, "type": "private", "first_name": "A"}
message = {"message_id": 3, "date": 1700000000, "chat": chat, "from": user, "text": "hej",
           "reply_markup": {"inline_keyboard": [[{"text": "Ja", "callback_data": "yes"}]]}}
answers = [
    Update.model_validate({"update_id": 1, "message": message}),
    Update.model_validate({"update_id": 2, "callback_query": {"id": "9", "chat_instance": "c", "from": user,
                                                              "message": message, "data": "yes"}}),
    Update.model_validate({"update_id": 3, "message": {**message, "contact": {"phone_number": "+4512345678",
                                                                             "first_name": "A", "user_id": 5}}}),
    Response[Message].model_validate({"ok": True, "result": message}),
    Response[File].model_validate({"ok": True, "result": {"file_id": "abc", "file_unique_id": "u",
                                                          "file_path": "documents/x.csv"}}),
]
read = [answer.model_dump(mode="json", exclude_none=True) for answer in answers]
print(json.dumps({"wire": wire, "read": read}, sort_keys=True, default=str))
"""


def _run(mode: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CALLS, mode], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_front_end_sends_and_reads_exactly_as_aiogram_does_when_it_builds_every_model_at_import() -> None:
    eager, deferred = _run("eager"), _run("deferred")
    assert eager["wire"], "nothing was built"
    assert deferred == eager
    # The buttons really went into the request (a deferred model that lost its fields would print {} on both).
    send = json.dumps(eager["wire"][0])  # type: ignore[index]
    assert "callback_data" in send and "https://x.dk" in send


def test_the_bot_imports_aiogram_without_building_its_models() -> None:
    code = ("import handlers.telegram.aiogram_front, aiogram.types as t, aiogram.methods as m\n"
            "print(sum(not c.__pydantic_complete__ for c in (t.Message, t.Update, t.StickerSet, m.SendMessage,"
            " m.AnswerInlineQuery)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"


def test_the_tests_run_aiogram_as_the_bot_does() -> None:
    # tests/conftest.py imports aiogram the bot's way first, so every Telegram test runs it as production does.
    assert not aiogram.types.StickerSet.__pydantic_complete__


# Every model of aiogram's types and methods (about 600), built (as on first use) one after the other, with what
# each field's annotation resolved to.
EVERY_MODEL = """
import json, re, sys
if sys.argv[1] == "deferred":
    import handlers.telegram.aiogram_import
import aiogram.methods as m, aiogram.types as t
from pydantic import BaseModel

def build(cls):  # in a function: no names of this script's own can help resolve a forward reference
    cls.model_rebuild(raise_errors=True)
    # (a function's repr names its address)
    return {name: re.sub("0x[0-9a-f]+", "", repr(field.annotation)) for name, field in cls.model_fields.items()}

models = [(p.__name__, n, getattr(p, n)) for p in (t, m) for n in p.__all__]
print(json.dumps({f"{p}.{n}": build(c) for p, n, c in models if isinstance(c, type) and issubclass(c, BaseModel)},
                 sort_keys=True))
"""


def test_every_aiogram_model_resolves_its_fields_as_when_built_at_import() -> None:
    runs = {}
    for mode in ("eager", "deferred"):
        done = subprocess.run([sys.executable, "-c", EVERY_MODEL, mode], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        runs[mode] = json.loads(done.stdout)
    assert len(runs["eager"]) > 500
    assert runs["deferred"] == runs["eager"]


def test_the_deferred_import_gives_a_types_module_only_the_names_its_annotations_use() -> None:
    # Each of the 410 modules of aiogram's types got all 900 names of the package before: 5 MB of the bot's memory.
    code = ("import handlers.telegram.aiogram_import, aiogram.types.message_entity as e\n"
            "print('User' in vars(e), 'StickerSet' in vars(e))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False"]
