"""What the fake Telegram knows: recorded calls, chats, messages, files, commands, the webhook and the update queue.

Shared between the server thread and the test thread, so every read and write holds ``lock``; ``changed`` is
notified whenever a call is recorded (``wait_for`` waits on it).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import mimetypes
import threading
from dataclasses import dataclass, field
from typing import Any

from .clock import ServerClock
from .validator import UploadedFile

# Update fields that carry a message the fake should remember (edits, callbacks and replies refer to them).
_MESSAGE_KEYS = ("message", "edited_message", "channel_post", "edited_channel_post", "business_message")


@dataclass
class Call:
    """One recorded request. ``params`` are decoded (ints, bools, dicts); uploads are in ``files``.

    ``time`` is when the request arrived (on the fake's clock) and ``number`` its place in the order of arrival;
    calls are appended when answered, so a delayed or long-polling call appears after calls that finished before
    it.
    """

    method: str
    params: dict[str, Any]
    time: float
    number: int = -1
    status: int = 200
    description: str | None = None
    injected: bool = False
    files: dict[str, UploadedFile] = field(default_factory=dict)
    response: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """True if Telegram would have answered ``ok: true``."""
        return self.status == 200

    @property
    def result(self) -> Any:
        """The ``result`` part of the answer (``None`` for failed calls)."""
        return (self.response or {}).get("result")

    def upload(self, name: str) -> UploadedFile | None:
        """The file sent for parameter ``name``, whether sent directly (PTB) or via ``attach://`` (aiogram)."""
        value = self.params.get(name)
        if isinstance(value, UploadedFile):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            return self.files.get(value.removeprefix("attach://"))
        return self.files.get(name)

    def __str__(self) -> str:
        shown = ", ".join(f"{k}={_short(v)}" for k, v in self.params.items())
        outcome = "ok" if self.ok else f"{self.status} {self.description}"
        return f"{self.method}({shown}) -> {outcome}{' [injected]' if self.injected else ''}"


@dataclass
class StoredFile:
    """A file the fake knows: added by a test (``add_file``) or uploaded by the bot."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def copy(value: Any) -> Any:
    """A deep copy of a JSON value: what leaves the state must not be changed by whoever receives it."""
    return json.loads(json.dumps(value))


class State:
    def __init__(self, bot_user: dict[str, Any], clock: ServerClock) -> None:
        self.bot_user = bot_user
        self.clock = clock
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.calls: list[Call] = []
        self.arrivals = 0
        self.violations: list[str] = []
        self.deliveries: list[tuple[dict[str, Any], int]] = []
        self.skipped_updates: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.next_message_id: dict[int, int] = {}
        self.last_user_message: dict[int, int] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.callback_queries: dict[str, bool] = {}
        self.files: dict[str, StoredFile] = {}
        self._file_counter = itertools.count(1)
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.webhook: dict[str, Any] | None = None
        self.allowed_updates: list[str] | None = None

    def arrive(self, method: str) -> Call:
        """A new call of ``method``, numbered in the order requests arrived."""
        with self.lock:
            number, self.arrivals = self.arrivals, self.arrivals + 1
        return Call(method, {}, self.clock.time(), number)

    def now(self) -> int:
        """A Telegram date: whole Unix seconds on the fake's clock."""
        return int(self.clock.time())

    def record(self, call: Call, response: dict[str, Any], violations: list[str]) -> None:
        call.response = response
        with self.changed:
            self.calls.append(call)
            self.violations.extend(violations)
            self.changed.notify_all()

    # Chats and messages -------------------------------------------------------------------------------------

    def remember_update(self, update: dict[str, Any]) -> None:
        with self.lock:
            for key in _MESSAGE_KEYS:
                if isinstance(update.get(key), dict):
                    self._remember_message(update[key])
            query = update.get("callback_query")
            if isinstance(query, dict):
                self.callback_queries.setdefault(str(query["id"]), False)
                if isinstance(query.get("message"), dict) and "date" in query["message"]:
                    self._remember_message(query["message"], only_chat=True)
            for key in ("my_chat_member", "chat_member", "chat_join_request"):
                if isinstance(update.get(key), dict):
                    self._remember_chat(update[key]["chat"])

    def _remember_chat(self, chat: dict[str, Any]) -> None:
        self.chats[chat["id"]] = {**self.chats.get(chat["id"], {}), **chat}

    def _remember_message(self, message: dict[str, Any], only_chat: bool = False) -> None:
        if not isinstance(message.get("chat"), dict) or not isinstance(message.get("message_id"), int):
            return  # a malformed update a test pushes on purpose: nothing to remember
        chat_id = message["chat"]["id"]
        self._remember_chat(message["chat"])
        self.next_message_id[chat_id] = max(self.next_message_id.get(chat_id, 1), message["message_id"] + 1)
        if not only_chat:
            self.messages[(chat_id, message["message_id"])] = message

    def allocate_message_id(self, chat_id: int) -> int:
        with self.lock:
            message_id = self.next_message_id.get(chat_id, 1)
            self.next_message_id[chat_id] = message_id + 1
            return message_id

    def chat_for(self, chat_id: int | str) -> dict[str, Any]:
        """The Chat object for ``chat_id``: as the fake saw it in an update, or a plausible one."""
        with self.lock:
            if isinstance(chat_id, str):
                # "@channelusername": give it a stable fake id in the channel range.
                digest = int(hashlib.sha256(chat_id.encode()).hexdigest()[:9], 16)
                numeric = -1_000_000_000_000 - digest
                known = self.chats.get(numeric)
                if known is None:
                    known = {"id": numeric, "type": "channel", "title": chat_id[1:], "username": chat_id[1:]}
                    self.chats[numeric] = known
                return dict(known)
            known = self.chats.get(chat_id)
            if known is not None:
                return {
                    k: known[k] for k in ("id", "type", "title", "username", "first_name", "last_name") if k in known
                }
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "Test"}
        if chat_id < -1_000_000_000_000:
            return {"id": chat_id, "type": "supergroup", "title": "Test supergroup"}
        return {"id": chat_id, "type": "group", "title": "Test group"}

    def store(self, message: dict[str, Any]) -> dict[str, Any]:
        """Keep ``message`` as the current version of that message and return a copy."""
        with self.lock:
            self.messages[(message["chat"]["id"], message["message_id"])] = message
        return copy(message)

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        with self.lock:
            stored = self.messages.get((chat_id, message_id))
            return copy(stored) if stored is not None else None

    # Files ----------------------------------------------------------------------------------------------------

    def add_file(self, content: bytes, file_name: str | None, mime_type: str | None, folder: str) -> StoredFile:
        number = next(self._file_counter)
        suffix = ""
        if file_name and "." in file_name:
            suffix = "." + file_name.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=f"BQACAgQAAxkBAAI{number:06d}FakeFileId",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"{folder}/file_{number}{suffix}",
            content=content,
            file_name=file_name,
            mime_type=mime_type or (mimetypes.guess_type(file_name)[0] if file_name else None),
        )
        with self.lock:
            self.files[stored.file_id] = stored
        return stored

    def file(self, file_id: str) -> StoredFile | None:
        with self.lock:
            return self.files.get(file_id)

    def file_at(self, path: str) -> StoredFile | None:
        with self.lock:
            return next((f for f in self.files.values() if f.file_path == path), None)


def file_object(stored: StoredFile, kind: str) -> dict[str, Any]:
    """The fields every Telegram file object has (PhotoSize, Voice, ...), plus name and type for a Document."""
    obj: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.content),
    }
    if kind == "document":
        if stored.file_name:
            obj["file_name"] = stored.file_name
        if stored.mime_type:
            obj["mime_type"] = stored.mime_type
    return obj
