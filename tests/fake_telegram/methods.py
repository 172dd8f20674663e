"""The Bot API methods the fake models: what each answers and how it changes the state.

Handlers run on the server loop, take the decoded parameters and the recorded :class:`Call` (for uploads), and
raise :class:`ApiError` for Telegram's errors. Methods without a handler get the smallest valid object of their
documented return type, so aiogram and PTB decode the answer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from .errors import NOT_MODIFIED, QUERY_INVALID, ApiError
from .spec import load_spec, minimal_object
from .state import Call, State, StoredFile, copy, file_object
from .updates import Updates
from .validator import parse_entities

Handler = Callable[[dict[str, Any], Call], Any]

# send* methods whose Message result carries a media object of this (field, type).
_MEDIA_RESULTS = {
    "sendphoto": ("photo", "Array of PhotoSize"),
    "sendaudio": ("audio", "Audio"),
    "sendvideo": ("video", "Video"),
    "sendanimation": ("animation", "Animation"),
    "sendvoice": ("voice", "Voice"),
    "sendvideonote": ("video_note", "VideoNote"),
    "sendsticker": ("sticker", "Sticker"),
    "senddice": ("dice", "Dice"),
    "sendpoll": ("poll", "Poll"),
}
_NO_OVERRIDE = object()


def commands_key(scope: dict[str, Any] | None, language_code: str | None) -> tuple[str, str]:
    """Telegram keeps one command list per (scope, language)."""
    return json.dumps(scope or {"type": "default"}, sort_keys=True), language_code or ""


def text_content(text: str, parse_mode: str | None, entities: Any, key: str = "text") -> dict[str, Any]:
    """The text (or caption) as it ends up in the Message: markup parsed into entities, like Telegram does."""
    parsed = parse_entities(text, parse_mode)
    content: dict[str, Any] = {key: parsed.text}
    found = parsed.entities if parse_mode else (entities if isinstance(entities, list) else [])
    if found:
        content["entities" if key == "text" else "caption_entities"] = found
    return content


def _inline_markup(params: dict[str, Any]) -> dict[str, Any] | None:
    markup = params.get("reply_markup")
    return markup if isinstance(markup, dict) and markup.get("inline_keyboard") else None


class Methods:
    def __init__(self, state: State, updates: Updates) -> None:
        self.state = state
        self._overrides_lock = threading.Lock()
        self._overrides: dict[str, Any] = {}
        bot_user = state.bot_user
        self._handlers: dict[str, Handler] = {
            "getme": lambda p, c: bot_user,
            "setwebhook": lambda p, c: updates.set_webhook(p),
            "deletewebhook": lambda p, c: updates.delete_webhook(p),
            "getwebhookinfo": lambda p, c: updates.webhook_info(),
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "editmessagecaption": self._edit_message_caption,
            "deletemessage": self._delete_message,
            "deletemessages": self._delete_messages,
            "answercallbackquery": self._answer_callback_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "senddocument": self._send_document,
            "setchatmenubutton": self._set_chat_menu_button,
            "getchatmenubutton": self._get_chat_menu_button,
            "getchat": self._get_chat,
            "getfile": self._get_file,
            "getchatmember": self._get_chat_member,
            "copymessage": lambda p, c: {"message_id": state.allocate_message_id(state.chat_for(p["chat_id"])["id"])},
        }

    def set_result(self, method: str, result: Any) -> None:
        with self._overrides_lock:
            self._overrides[method.lower()] = result

    def dispatch(self, method: str, params: dict[str, Any], call: Call) -> Any:
        with self._overrides_lock:
            override = self._overrides.get(method.lower(), _NO_OVERRIDE)
        if override is not _NO_OVERRIDE:
            return override(params) if callable(override) else override
        handler = self._handlers.get(method.lower())
        if handler is not None:
            return handler(params, call)
        return self._generic_result(method, params, call)

    # Methods without a handler --------------------------------------------------------------------------------

    def _generic_result(self, method: str, params: dict[str, Any], call: Call) -> Any:
        method_spec = load_spec().method(method)
        returns = method_spec.returns if method_spec else ("Boolean",)
        if "Message" in returns and "chat_id" in params and "inline_message_id" not in params:
            if method.lower().startswith("edit"):
                return self._edit_generic(params)
            return self._send_generic(method, params, call)
        if returns[0] == "Array of Message" and "chat_id" in params:
            media = params["media"] if isinstance(params.get("media"), list) else [{}]
            return [self._new_bot_message(params, caption=item.get("caption")) for item in media]
        if returns[0] == "Array of MessageId":
            ids = params.get("message_ids") or []
            chat = self.state.chat_for(params["chat_id"])
            return [{"message_id": self.state.allocate_message_id(chat["id"])} for _ in ids]
        result = minimal_object(returns[0])
        if returns[0] == "ChatAdministratorRights":
            result["can_send_welcome_messages"] = False  # required by aiogram 3.31, newer than the 10.1 spec
        return result

    def _send_generic(self, method: str, params: dict[str, Any], call: Call) -> dict[str, Any]:
        content: dict[str, Any] = {}
        if isinstance(params.get("caption"), str):
            content.update(
                text_content(params["caption"], params.get("parse_mode"), params.get("caption_entities"), "caption")
            )
        media = _MEDIA_RESULTS.get(method.lower())
        if media is not None:
            key, type_expr = media
            if type_expr == "Array of PhotoSize":
                stored = self._stored_from_param(params, call, "photo", "photo.jpg", "photos")
                content[key] = [{**file_object(stored, "photo"), "width": 800, "height": 600}]
            else:
                value = minimal_object(type_expr)
                if "file_id" in value:
                    stored = self._stored_from_param(params, call, key, None, key + "s")
                    value.update(file_object(stored, key))
                content[key] = value
        elif method.lower() == "sendlocation":
            content["location"] = {"latitude": params["latitude"], "longitude": params["longitude"]}
        elif method.lower() == "sendcontact":
            content["contact"] = {
                k: params[k] for k in ("phone_number", "first_name", "last_name", "vcard") if k in params
            }
        return self._new_bot_message(params, **content)

    def _edit_generic(self, params: dict[str, Any]) -> Any:
        key, stored = self._editable(params)
        updated = {**stored, "edit_date": self.state.now()}
        with self.state.lock:
            self.state.messages[key] = updated
        return copy(updated)

    # Sending --------------------------------------------------------------------------------------------------

    def _new_bot_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        state = self.state
        chat = state.chat_for(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": state.allocate_message_id(chat["id"]),
            "from": state.bot_user,
            "chat": chat,
            "date": state.now(),
        }
        if isinstance(params.get("message_thread_id"), int):
            message["message_thread_id"] = params["message_thread_id"]
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and isinstance(reply.get("message_id"), int):
            with state.lock:
                replied = state.messages.get((chat["id"], reply["message_id"]))
            if replied is not None:
                message["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        message.update({k: v for k, v in content.items() if v is not None})
        markup = params.get("reply_markup")
        # Telegram echoes only inline keyboards (Message.reply_markup is an InlineKeyboardMarkup); echoing a
        # reply keyboard would make aiogram reject the whole answer.
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return state.store(message)

    def _stored_from_param(
        self, params: dict[str, Any], call: Call, name: str, default_name: str | None, folder: str
    ) -> StoredFile:
        upload = call.upload(name)
        if upload is not None:
            return self.state.add_file(upload.content, upload.filename, upload.content_type, folder)
        value = params.get(name)
        known = self.state.file(value) if isinstance(value, str) else None
        if known is not None:
            return known
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self.state.add_file(b"", value.rsplit("/", 1)[-1] or default_name, None, folder)
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _send_message(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        content = text_content(params["text"], params.get("parse_mode"), params.get("entities"))
        if isinstance(params.get("link_preview_options"), dict):
            content["link_preview_options"] = params["link_preview_options"]
        return self._new_bot_message(params, **content)

    def _send_document(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        stored = self._stored_from_param(params, call, "document", "document", "documents")
        content: dict[str, Any] = {"document": file_object(stored, "document")}
        if isinstance(params.get("caption"), str):
            content.update(
                text_content(params["caption"], params.get("parse_mode"), params.get("caption_entities"), "caption")
            )
        return self._new_bot_message(params, **content)

    # Editing and deleting -------------------------------------------------------------------------------------

    def _editable(self, params: dict[str, Any]) -> tuple[tuple[int, int], dict[str, Any]]:
        if "chat_id" not in params or "message_id" not in params:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        chat = self.state.chat_for(params["chat_id"])
        key = (chat["id"], params["message_id"])
        with self.state.lock:
            stored = self.state.messages.get(key)
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if stored.get("from", {}).get("id") != self.state.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        # Without its edit_date, so "not modified" compares the content only.
        return key, {k: v for k, v in stored.items() if k != "edit_date"}

    def _apply_edit(self, key: tuple[int, int], stored: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        updated = {k: v for k, v in stored.items() if k not in changes or changes[k] is not None}
        updated.update({k: v for k, v in changes.items() if v is not None})
        if updated == stored:
            raise ApiError(400, NOT_MODIFIED)
        updated["edit_date"] = self.state.now()
        with self.state.lock:
            self.state.messages[key] = updated
        return copy(updated)

    def _edit_message_text(self, params: dict[str, Any], call: Call) -> Any:
        if "inline_message_id" in params:
            return True
        key, stored = self._editable(params)
        content = text_content(params.get("text", ""), params.get("parse_mode"), params.get("entities"))
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        changes = {"text": content["text"], "entities": content.get("entities"), "reply_markup": _inline_markup(params)}
        return self._apply_edit(key, stored, changes)

    def _edit_message_reply_markup(self, params: dict[str, Any], call: Call) -> Any:
        if "inline_message_id" in params:
            return True
        key, stored = self._editable(params)
        return self._apply_edit(key, stored, {"reply_markup": _inline_markup(params)})

    def _edit_message_caption(self, params: dict[str, Any], call: Call) -> Any:
        if "inline_message_id" in params:
            return True
        key, stored = self._editable(params)
        content = text_content(
            params.get("caption", ""), params.get("parse_mode"), params.get("caption_entities"), "caption"
        )
        changes = {
            "caption": content["caption"] or None,
            "caption_entities": content.get("caption_entities"),
            "reply_markup": _inline_markup(params),
        }
        return self._apply_edit(key, stored, changes)

    def _delete_message(self, params: dict[str, Any], call: Call) -> bool:
        chat = self.state.chat_for(params["chat_id"])
        with self.state.lock:
            if self.state.messages.pop((chat["id"], params["message_id"]), None) is None:
                raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def _delete_messages(self, params: dict[str, Any], call: Call) -> bool:
        # Telegram skips messages that cannot be found instead of failing the whole call.
        chat = self.state.chat_for(params["chat_id"])
        with self.state.lock:
            for message_id in params["message_ids"]:
                self.state.messages.pop((chat["id"], message_id), None)
        return True

    # Buttons, commands, menus ---------------------------------------------------------------------------------

    def _answer_callback_query(self, params: dict[str, Any], call: Call) -> bool:
        query_id = str(params["callback_query_id"])
        with self.state.lock:
            if self.state.callback_queries.get(query_id) is not False:
                raise ApiError(400, QUERY_INVALID)
            self.state.callback_queries[query_id] = True
        return True

    def _set_my_commands(self, params: dict[str, Any], call: Call) -> bool:
        with self.state.lock:
            self.state.commands[commands_key(params.get("scope"), params.get("language_code"))] = list(
                params["commands"]
            )
        return True

    def _get_my_commands(self, params: dict[str, Any], call: Call) -> list[dict[str, Any]]:
        with self.state.lock:
            return list(self.state.commands.get(commands_key(params.get("scope"), params.get("language_code")), []))

    def _delete_my_commands(self, params: dict[str, Any], call: Call) -> bool:
        with self.state.lock:
            self.state.commands.pop(commands_key(params.get("scope"), params.get("language_code")), None)
        return True

    def _set_chat_menu_button(self, params: dict[str, Any], call: Call) -> bool:
        with self.state.lock:
            self.state.menu_buttons[params.get("chat_id")] = params.get("menu_button") or {"type": "default"}
        return True

    def _get_chat_menu_button(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        with self.state.lock:
            chat_button = self.state.menu_buttons.get(params.get("chat_id"))
            return chat_button or self.state.menu_buttons.get(None) or {"type": "default"}

    # Chats, members, files ------------------------------------------------------------------------------------

    def _get_chat(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        chat = self.state.chat_for(params["chat_id"])
        with self.state.lock:
            known = self.state.chats.get(chat["id"], {})
        info = {**chat, **{k: v for k, v in known.items() if k in ("title", "username", "first_name", "last_name")}}
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return info

    def _get_chat_member(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        # Everyone is a plain member; a test that needs admins or "left" users overrides with set_result().
        user_id = params["user_id"]
        if user_id == self.state.bot_user["id"]:
            return {"status": "member", "user": self.state.bot_user}
        with self.state.lock:
            first_name = self.state.chats.get(user_id, {}).get("first_name", "Test")
        return {"status": "member", "user": {"id": user_id, "is_bot": False, "first_name": first_name}}

    def _get_file(self, params: dict[str, Any], call: Call) -> dict[str, Any]:
        stored = self.state.file(params["file_id"])
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }
