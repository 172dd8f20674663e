"""Turn a Telegram update (as the Bot API's JSON) into the core's ``Incoming``.

Both front ends hand us the update as a plain dict (aiogram: ``update.model_dump()``, PTB:
``update.to_dict()``), so this translation is written once. Only what the core needs is taken: no names or
phone numbers unless the person shared a contact themselves.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.inbox import Received
from bot.listings.csv_import import MAX_BYTES
from bot.replies import Incoming

TRANSPORT = "telegram"
# Files a person sends are only read up to the one size limit of a partner's CSV file (5 MB); a bigger file is
# passed on without its content, so the partner is told the limit instead of "I can only read text".
MAX_DOCUMENT_BYTES = MAX_BYTES
# Service messages (members joining, a group created or migrated, a pin): nobody wrote anything to answer.
SERVICE_KEYS = ("new_chat_members", "left_chat_member", "group_chat_created", "supergroup_chat_created",
                "channel_chat_created", "delete_chat_photo", "migrate_to_chat_id", "migrate_from_chat_id",
                "pinned_message")


# NUL (PostgreSQL refuses it in text) and UTF-16 halves without their other half (no encoding can store them).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post", "callback_query", "my_chat_member",
          "chat_member")


class Malformed(ValueError):
    """An update that does not have the shape the Bot API promises; skipped and counted, never its content logged."""


def sanitise(value: Any) -> Any:
    """The update with every string made storable, the same on every database (removed, not replaced: a NUL in
    a message carries no meaning, and a lone surrogate is half of an emoji that never arrived)."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("", value) if _UNSTORABLE.search(value) else value
    if isinstance(value, dict):
        return {sanitise(key): sanitise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [sanitise(item) for item in value]
    return value


def chat_of(update: dict[str, Any]) -> int | None:
    """The chat an update belongs to (its updates are handled in order), or None."""
    for kind in _KINDS:
        event = update.get(kind)
        if not isinstance(event, dict):
            continue
        chat = event.get("chat") or (event.get("message") or {}).get("chat") or {}
        chat_id = chat.get("id") if isinstance(chat, dict) else None
        if chat_id is None and kind == "callback_query":
            chat_id = (event.get("from") or {}).get("id")
        return chat_id if isinstance(chat_id, int) and not isinstance(chat_id, bool) else None
    return None


def received(update: Any) -> Received:
    """What the inbox stores of an update; raises Malformed when it has no usable update_id."""
    if not isinstance(update, dict):
        raise Malformed("not an object")
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool) or update_id < 0:
        raise Malformed("no update_id")
    clean = sanitise(update)
    return Received(update_id, chat_of(clean), json.dumps(clean, ensure_ascii=False, separators=(",", ":")))


def _command(text: str, entities: list[dict[str, Any]], bot_username: str) -> tuple[str, str, bool] | None:
    """("name", "args", addressed) for a message that starts with a bot command, else None."""
    first = next((e for e in entities if e.get("type") == "bot_command" and e.get("offset") == 0), None)
    if first is None and not text.startswith("/"):
        return None
    word, _, args = text.partition(" ")
    name, _, target = word[1:].partition("@")
    if not name:
        return None
    addressed = not target or target.lower() == bot_username.lower()
    return name.lower(), args.strip(), addressed


def _mentions(text: str, bot_username: str) -> bool:
    return bool(bot_username) and f"@{bot_username.lower()}" in text.lower()


def to_incoming(update: dict[str, Any], *, bot_id: int, bot_username: str) -> Incoming | None:
    """Map one update; None for updates the core never handles (edits, channel posts, service messages).

    Raises Malformed for an update without the fields the Bot API promises (fx a message without a chat).
    """
    try:
        incoming = _incoming(update, bot_id=bot_id, bot_username=bot_username)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise Malformed(type(exc).__name__) from None
    if incoming is not None:
        _check_types(incoming)
    return incoming


def _check_types(incoming: Incoming) -> None:
    ids = (incoming.chat_id, incoming.user_id)
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise Malformed("ids are not integers")
    texts = (incoming.text, incoming.callback_data or "", incoming.chat_type, incoming.language_code or "",
             incoming.first_name or "", incoming.contact_phone or "", incoming.document_name or "")
    if not all(isinstance(t, str) for t in texts):
        raise Malformed("a text field is not a string")
    if incoming.message_id is not None and not isinstance(incoming.message_id, int):
        raise Malformed("message_id is not an integer")


def _incoming(update: dict[str, Any], *, bot_id: int, bot_username: str) -> Incoming | None:
    update_id = update.get("update_id")
    if "callback_query" in update:
        query = update["callback_query"]
        message = query.get("message") or {}
        chat = message.get("chat") or {"id": query["from"]["id"], "type": "private"}
        return Incoming(TRANSPORT, chat["id"], query["from"]["id"], "callback", update_id=update_id,
                        callback_data=query.get("data") or "", message_id=message.get("message_id"),
                        chat_type=chat.get("type", "private"), language_code=query["from"].get("language_code"))
    if "my_chat_member" in update:
        member = update["my_chat_member"]
        if member["chat"].get("type") == "private" and member["new_chat_member"].get("status") == "kicked":
            return Incoming(TRANSPORT, member["chat"]["id"], member["from"]["id"], "blocked", update_id=update_id)
        return None
    message = update.get("message")
    if not message or "from" not in message:
        # Edited messages, channel posts and anonymous admins are ignored on purpose: no double answers.
        return None
    return _message(message, update_id, bot_id=bot_id, bot_username=bot_username)


def _message(message: dict[str, Any], update_id: int | None, *, bot_id: int, bot_username: str) -> Incoming | None:
    chat, sender = message["chat"], message["from"]
    base: dict[str, Any] = {
        "update_id": update_id, "message_id": message.get("message_id"), "chat_type": chat.get("type", "private"),
        "language_code": sender.get("language_code"), "bot_username": bot_username,
    }
    replied = message.get("reply_to_message") or {}
    reply_to = replied.get("from", {}).get("id")
    if reply_to == bot_id:
        # A reply to one of the bot's messages (fx a case card): the core finds the case from that message.
        base["reply_to_message_id"] = replied.get("message_id")
    if "text" in message:
        text = message["text"]
        command = _command(text, message.get("entities") or [], bot_username)
        if command:
            name, args, addressed = command
            # A first name is passed on only with /start <code>: staff redeeming an invite introduce themselves.
            first_name = sender.get("first_name") if name == "start" and args else None
            return Incoming(TRANSPORT, chat["id"], sender["id"], "command", text=text, command=name, args=args,
                            addressed=addressed, first_name=first_name, **base)
        addressed = chat.get("type") == "private" or reply_to == bot_id or _mentions(text, bot_username)
        return Incoming(TRANSPORT, chat["id"], sender["id"], "text", text=text, addressed=addressed, **base)
    if "contact" in message:
        contact = message["contact"]
        # Only a contact the person shared about themselves counts as consent to pass it on.
        own = contact.get("user_id") == sender["id"]
        return Incoming(TRANSPORT, chat["id"], sender["id"], "contact", **base,
                        contact_phone=contact.get("phone_number") if own else None,
                        first_name=contact.get("first_name") if own else None)
    if "document" in message and chat.get("type") == "private":
        document = message["document"]
        size = document.get("file_size") or 0
        return Incoming(TRANSPORT, chat["id"], sender["id"], "document", document_name=document.get("file_name"),
                        document_file_id=document.get("file_id") if size <= MAX_DOCUMENT_BYTES else None,
                        document_size=size, **base)
    # Truthiness, not presence: PTB's to_dict() puts `"group_chat_created": false` (and other service flags) into
    # every message, which made every sticker, photo or location look like a service message.
    if any(message.get(key) for key in SERVICE_KEYS):
        return None
    return Incoming(TRANSPORT, chat["id"], sender["id"], "unsupported", **base)


def first_name_of(update: dict[str, Any]) -> str:
    """The sender's first name, for staff who redeem an invite (never stored for young people)."""
    for key in ("message", "callback_query"):
        if key in update:
            return str(update[key].get("from", {}).get("first_name", ""))[:100]
    return ""
