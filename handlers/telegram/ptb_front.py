"""The python-telegram-bot front end: the Bot API client the runtime sends with.

Updates do not come in through PTB's Application: the runtime's own intake confirms an update to Telegram only
once it is stored, which PTB's updater and webhook cannot (handlers/telegram/intake.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.error import RetryAfter as PtbRetryAfter
from telegram.request import HTTPXRequest

from bot.logs import log_failure
from bot.outbox import Blocked, Rejected, RetryAfter, Transient
from bot.replies import Reply
from handlers.telegram.sender_base import SharedCalls

# Concurrent requests (each chat has at most one send in flight: bot/outbox.py).
MAX_CONNECTIONS = 128

log = logging.getLogger(__name__)


def markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    if reply.request_contact:
        return ReplyKeyboardMarkup([[KeyboardButton(reply.request_contact, request_contact=True)]],
                                   resize_keyboard=True, one_time_keyboard=True)
    if reply.buttons:
        return InlineKeyboardMarkup([[InlineKeyboardButton(b.text, callback_data=b.data, url=b.url) for b in row]
                                     for row in reply.buttons])
    if reply.remove_keyboard:
        return ReplyKeyboardRemove()
    return None


def _seconds(value: int | dt.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class PtbClient(SharedCalls):
    """The runtime's Bot API client over PTB's Bot; framework errors become the core's delivery errors."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._ready = False

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except PtbRetryAfter as exc:
            raise RetryAfter(_seconds(exc.retry_after)) from exc
        except Forbidden as exc:
            raise Blocked(exc.message) from exc
        except BadRequest as exc:
            if "message is not modified" in exc.message.lower():
                return
            raise Rejected(exc.message[:200]) from exc
        except InvalidToken as exc:
            raise Rejected("unauthorized") from exc
        except (TimedOut, NetworkError) as exc:
            raise Transient(type(exc).__name__) from exc
        except TelegramError as exc:  # any other answer: nothing to retry
            raise Rejected(f"{type(exc).__name__}: {exc.message[:100]}") from exc

    async def send(self, chat_id: int, reply: Reply) -> int | None:
        with self._errors():
            if reply.document:
                sent = await self.bot.send_document(
                    chat_id, InputFile(reply.document.content, filename=reply.document.file_name),
                    caption=reply.html[:1024], parse_mode=ParseMode.HTML, reply_markup=markup(reply))
            else:
                sent = await self.bot.send_message(chat_id, reply.html, parse_mode=ParseMode.HTML,
                                                   reply_markup=markup(reply),
                                                   link_preview_options=LinkPreviewOptions(is_disabled=True))
            return sent.message_id
        return None

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        with self._errors():
            keyboard = markup(reply)
            await self.bot.edit_message_text(reply.html, chat_id=chat_id, message_id=message_id,
                                             parse_mode=ParseMode.HTML,
                                             reply_markup=keyboard if isinstance(keyboard, InlineKeyboardMarkup)
                                             else None)

    async def download(self, file_id: str) -> bytes | None:
        """The file's bytes; None when Telegram cannot give them (logged: the caller says so to the person)."""
        try:
            file = await self.bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())
        except Exception as exc:  # any failure means "no file"; the type and place are logged, never the file
            log_failure(log, "file download", exc, level=logging.WARNING)
        return None

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        with self._errors():
            if not commands:
                await self.bot.delete_my_commands(scope=BotCommandScopeChat(chat_id))
                return
            await self.bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=BotCommandScopeChat(chat_id))

    async def set_commands(self, commands: dict[str, list[tuple[str, str]]]) -> None:
        for lang, items in commands.items():
            with self._errors():
                await self.bot.set_my_commands([BotCommand(c, d) for c, d in items],
                                               language_code=None if lang == "da" else lang)

    async def get_me(self) -> tuple[int, str]:
        # PTB's Bot needs initialising (which calls getMe) before other calls; a failed start is tried again.
        with self._errors():
            if not self._ready:
                await self.bot.initialize()
                self._ready = True
            me = await self.bot.get_me()
            return int(me.id), str(me.username or "")
        raise AssertionError("unreachable")  # pragma: no cover - _errors re-raises

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.bot.shutdown()


def connect(token: str, api_url: str, request_timeout: float) -> PtbClient:
    """A client for the Bot API at ``api_url``; every request gives up after ``request_timeout`` seconds."""
    t = request_timeout
    request = HTTPXRequest(connection_pool_size=MAX_CONNECTIONS, connect_timeout=t, read_timeout=t, write_timeout=t,
                           pool_timeout=t, media_write_timeout=t)
    return PtbClient(Bot(token, base_url=f"{api_url}/bot", base_file_url=f"{api_url}/file/bot", request=request))
