"""Update builders: the dicts Telegram would send when a person writes, presses a button or shares a file.

They only *build* updates (numbering comes when one is pushed or delivered); files they mention are stored so the
bot can download them via ``getFile``.
"""

from __future__ import annotations

import itertools
from typing import Any

from .state import State, copy, file_object
from .validator import utf16_len


def _user(user_id: int, first_name: str, language_code: str | None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    return user


class UpdateBuilders:
    def __init__(self, state: State) -> None:
        self.state = state
        self._callback_counter = itertools.count(1)

    def _user_message(
        self,
        chat_id: int,
        user_id: int | None,
        chat_type: str,
        first_name: str,
        language_code: str | None,
        message_id: int | None,
        content: dict[str, Any],
        title: str | None = None,
    ) -> dict[str, Any]:
        # In a private chat the chat id is the user's id, so that is the default sender.
        sender_id = user_id if user_id is not None else (chat_id if chat_type == "private" else 1_000_001)
        if chat_type == "private":
            chat: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": first_name}
        else:
            chat = {"id": chat_id, "type": chat_type, "title": title or "Test group"}
        if message_id is None:
            message_id = self.state.allocate_message_id(chat_id)
        with self.state.lock:
            self.state.last_user_message[chat_id] = message_id
        return {
            "message_id": message_id,
            "from": _user(sender_id, first_name, language_code),
            "chat": chat,
            "date": self.state.now(),
            **content,
        }

    def text_update(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = "da",
        message_id: int | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A ``message`` update with plain text (``extra`` is merged into the message, e.g. entities)."""
        message = self._user_message(
            chat_id, user_id, chat_type, first_name, language_code, message_id, {"text": text, **extra}
        )
        return {"message": message}

    def command(
        self,
        chat_id: int,
        command: str,
        args: str = "",
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = "da",
        message_id: int | None = None,
    ) -> dict[str, Any]:
        """A ``/command args`` message with the bot_command entity both frameworks look for."""
        name = command if command.startswith("/") else "/" + command
        text = f"{name} {args}" if args else name
        entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(name)}]
        return self.text_update(
            chat_id, text, user_id, chat_type, first_name, language_code, message_id, entities=entities
        )

    def group_text(
        self,
        chat_id: int,
        text: str,
        user_id: int = 1_000_001,
        chat_type: str = "group",
        title: str = "Test group",
        first_name: str = "Test",
        language_code: str | None = "da",
        message_id: int | None = None,
    ) -> dict[str, Any]:
        """A text message in a group or supergroup (``chat_id`` should be negative)."""
        message = self._user_message(
            chat_id, user_id, chat_type, first_name, language_code, message_id, {"text": text}, title
        )
        return {"message": message}

    def edited_text(
        self,
        chat_id: int,
        text: str,
        message_id: int | None = None,
        user_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = "da",
    ) -> dict[str, Any]:
        """An ``edited_message`` update (defaults to the user's last message built for this chat)."""
        if message_id is None:
            with self.state.lock:
                message_id = self.state.last_user_message.get(chat_id, 1)
        message = self._user_message(chat_id, user_id, chat_type, first_name, language_code, message_id, {"text": text})
        message["edit_date"] = message["date"]
        return {"edited_message": message}

    def callback(
        self,
        chat_id: int,
        data: str,
        message_id: int,
        user_id: int | None = None,
        first_name: str = "Test",
        language_code: str | None = "da",
    ) -> dict[str, Any]:
        """A ``callback_query`` for a button press on message ``message_id`` (a bot message the fake knows, or
        a stand-in bot message that is then remembered so edits of it work)."""
        state = self.state
        with state.lock:
            stored = state.messages.get((chat_id, message_id))
        if stored is None:
            stored = state.store(
                {
                    "message_id": message_id,
                    "from": state.bot_user,
                    "chat": state.chat_for(chat_id),
                    "date": state.now(),
                    "text": "(message created by the fake for a callback)",
                }
            )
        sender_id = user_id if user_id is not None else chat_id
        return {
            "callback_query": {
                "id": f"{state.bot_user['id']}{next(self._callback_counter):08d}",
                "from": _user(sender_id, first_name, language_code),
                "message": copy(stored),
                "chat_instance": str(-abs(chat_id) - 7_000_000_000),
                "data": data,
            }
        }

    def _media_update(
        self, chat_id: int, user_id: int | None, content: dict[str, Any], first_name: str = "Test"
    ) -> dict[str, Any]:
        return {"message": self._user_message(chat_id, user_id, "private", first_name, "da", None, content)}

    def document_update(
        self,
        chat_id: int,
        file_id: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
        user_id: int | None = None,
    ) -> dict[str, Any]:
        """A message with a document; ``file_id`` usually comes from ``add_file``."""
        stored = self.state.file(file_id)
        document: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": stored.file_unique_id if stored else f"uniq-{file_id[-12:]}",
        }
        name = file_name or (stored.file_name if stored else None)
        mime = mime_type or (stored.mime_type if stored else None)
        if name:
            document["file_name"] = name
        if mime:
            document["mime_type"] = mime
        if stored:
            document["file_size"] = len(stored.content)
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
        return self._media_update(chat_id, user_id, content)

    def photo(
        self,
        chat_id: int,
        content: bytes = b"\xff\xd8\xff\xe0fake-jpeg",
        caption: str | None = None,
        user_id: int | None = None,
    ) -> dict[str, Any]:
        """A photo message (two sizes, like Telegram); the bytes are downloadable via getFile."""
        stored = self.state.add_file(content, "photo.jpg", "image/jpeg", "photos")
        small = self.state.add_file(content, "photo_small.jpg", "image/jpeg", "photos")
        sizes = [
            {**file_object(small, "photo"), "width": 90, "height": 67},
            {**file_object(stored, "photo"), "width": 800, "height": 600},
        ]
        message_content: dict[str, Any] = {"photo": sizes}
        if caption:
            message_content["caption"] = caption
        return self._media_update(chat_id, user_id, message_content)

    def sticker(self, chat_id: int, emoji: str = "👍", user_id: int | None = None) -> dict[str, Any]:
        """A (regular, static) sticker message."""
        stored = self.state.add_file(b"RIFF-fake-webp", "sticker.webp", "image/webp", "stickers")
        sticker = {
            **file_object(stored, "sticker"),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._media_update(chat_id, user_id, {"sticker": sticker})

    def voice(
        self, chat_id: int, duration: int = 2, content: bytes = b"OggS-fake-voice", user_id: int | None = None
    ) -> dict[str, Any]:
        """A voice message whose audio bytes are downloadable via getFile."""
        stored = self.state.add_file(content, "voice.ogg", "audio/ogg", "voice")
        voice = {**file_object(stored, "voice"), "duration": duration, "mime_type": "audio/ogg"}
        return self._media_update(chat_id, user_id, {"voice": voice})

    def contact(
        self,
        chat_id: int,
        phone_number: str,
        first_name: str = "Test",
        user_id: int | None = None,
        own: bool = True,
    ) -> dict[str, Any]:
        """A shared contact; with ``own`` it is the sender's own contact (``contact.user_id`` = sender)."""
        contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name}
        if own:
            contact["user_id"] = user_id if user_id is not None else chat_id
        return self._media_update(chat_id, user_id, {"contact": contact}, first_name=first_name)

    def location(
        self, chat_id: int, latitude: float = 55.6761, longitude: float = 12.5683, user_id: int | None = None
    ) -> dict[str, Any]:
        """A location message (defaults to Copenhagen)."""
        return self._media_update(
            chat_id, user_id, {"location": {"latitude": float(latitude), "longitude": float(longitude)}}
        )

    def my_chat_member(self, chat_id: int, status: str = "kicked", user_id: int | None = None) -> dict[str, Any]:
        """The ``my_chat_member`` update Telegram sends when a user blocks ("kicked") or restarts ("member")."""
        bot_user = self.state.bot_user
        sender_id = user_id if user_id is not None else chat_id
        old: dict[str, Any] = {"status": "member", "user": bot_user}
        new: dict[str, Any] = {"status": status, "user": bot_user}
        if status == "kicked":
            new["until_date"] = 0
        elif status == "member":
            old = {"status": "kicked", "user": bot_user, "until_date": 0}
        return {
            "my_chat_member": {
                "chat": self.state.chat_for(chat_id),
                "from": _user(sender_id, "Test", None),
                "date": self.state.now(),
                "old_chat_member": old,
                "new_chat_member": new,
            }
        }
