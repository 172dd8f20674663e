"""Neutral message objects: what comes in and what goes out, with no chat framework's types.

The core returns ``Reply`` objects; each front end renders them its own way (Telegram inline keyboards,
numbered choices on the console). Text is Telegram-style HTML with every user and knowledge text escaped.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from typing import Any, Literal

CALLBACK_DATA_MAX_BYTES = 64  # Telegram refuses longer callback_data with BUTTON_DATA_INVALID
TEXT_MAX = 4096  # Telegram's limit for one message, counted after entity parsing

IncomingKind = Literal["text", "command", "callback", "contact", "document", "unsupported", "blocked"]


def esc(text: object) -> str:
    """Escape any text for Telegram HTML (only &, < and > are special there; quotes for attributes)."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Button:
    text: str
    data: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.url is None):
            raise ValueError("a button needs exactly one of data or url")
        if self.data is not None and not 0 < len(self.data.encode()) <= CALLBACK_DATA_MAX_BYTES:
            raise ValueError(f"callback data must be 1-{CALLBACK_DATA_MAX_BYTES} bytes: {self.data!r}")


@dataclass(frozen=True)
class Document:
    file_name: str
    content: bytes
    mime_type: str = "application/json"


@dataclass(frozen=True)
class Reply:
    """One message to show: HTML text, inline buttons in rows, and optional extras."""

    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    # Ask for the phone number with Telegram's contact button (a reply keyboard), shown under the message.
    request_contact: str | None = None
    remove_keyboard: bool = False
    document: Document | None = None

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"html": self.html}
        if self.buttons:
            payload["buttons"] = [[{"text": b.text, "data": b.data, "url": b.url} for b in row]
                                  for row in self.buttons]
        if self.request_contact:
            payload["request_contact"] = self.request_contact
        if self.remove_keyboard:
            payload["remove_keyboard"] = True
        if self.document:
            payload["document"] = {
                "file_name": self.document.file_name,
                "mime_type": self.document.mime_type,
                "content": base64.b64encode(self.document.content).decode(),
            }
        return payload

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Reply:
        doc = payload.get("document")
        return cls(
            html=payload["html"],
            buttons=tuple(tuple(Button(b["text"], b.get("data"), b.get("url")) for b in row)
                          for row in payload.get("buttons", ())),
            request_contact=payload.get("request_contact"),
            remove_keyboard=bool(payload.get("remove_keyboard")),
            document=Document(doc["file_name"], base64.b64decode(doc["content"]), doc["mime_type"]) if doc else None,
        )


@dataclass(frozen=True)
class Incoming:
    """One update from a person, already translated from the transport's own format."""

    transport: str
    chat_id: int
    user_id: int
    kind: IncomingKind
    update_id: int | None = None
    text: str = ""
    command: str | None = None
    args: str = ""
    callback_data: str | None = None
    message_id: int | None = None
    chat_type: str = "private"
    language_code: str | None = None
    # Groups: the bot reacts only when addressed (a command to it, a mention, a reply to its message).
    addressed: bool = True
    first_name: str | None = None
    contact_phone: str | None = None
    document_name: str | None = None
    document_bytes: bytes | None = None
    # The transport's handle for the file; the front end downloads it into document_bytes. None for a file too
    # big to read (``document_size`` says how big).
    document_file_id: str | None = None
    document_size: int | None = None
    # The message this one answers (Telegram "reply"), fx a caseworker replying to a case card.
    reply_to_message_id: int | None = None
    # The bot's own username on the transport ("" where it has none, fx the console): for links to the bot, such
    # as a partner's referral link (t.me/<username>?start=<code>).
    bot_username: str = ""

    @property
    def private(self) -> bool:
        return self.chat_type == "private"


@dataclass
class Outcome:
    """What the front end does itself, right away (everything else goes through the outbox)."""

    callback_answer: str | None = None
    # The database did not answer: nothing was done, and the update must be handled again later.
    deferred: bool = False


_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a\s+href="([^"]*)"\s*>(.*?)</a>', re.DOTALL)


def to_plain(html_text: str) -> str:
    """The text a person sees in Telegram, without markup (also what Telegram's length limit counts)."""
    return html.unescape(_TAG.sub("", html_text))


def to_text(html_text: str) -> str:
    """The message for a text-only screen (the console, `husly ask`): a link keeps its address after its text,
    "borger.dk (https://www.borger.dk/...)", since nothing can be clicked there."""
    def link(match: re.Match[str]) -> str:
        url, label = html.unescape(match.group(1)), to_plain(match.group(2))
        return label if label.strip() == url else f"{label} ({url})"

    return to_plain(_LINK.sub(lambda m: html.escape(link(m), quote=False), html_text))


def split_html(html_text: str, limit: int = TEXT_MAX) -> list[str]:
    """Split a long message at paragraph or line breaks so every part fits Telegram's limit.

    Parts never cut through a tag: the knowledge base only uses inline tags within one line, so breaking
    at newlines keeps every part well-formed. A single over-long line is cut at a space.
    """
    if len(to_plain(html_text)) <= limit:
        return [html_text]
    parts: list[str] = []
    current = ""
    for line in html_text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(to_plain(candidate)) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        while len(to_plain(line)) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            parts.append(line[:cut])
            line = line[cut:].lstrip()
        current = line
    if current:
        parts.append(current)
    return parts
