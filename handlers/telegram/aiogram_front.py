"""The aiogram front end: the Bot API client the runtime sends with (the default framework).

Updates do not come in through aiogram's dispatcher: the runtime's own intake confirms an update to Telegram
only once it is stored, which aiogram's polling and webhook handler cannot (handlers/telegram/intake.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

# First: aiogram imported this way builds its models when used, not all ~900 at import (2 s, 100 MB less).
import handlers.telegram.aiogram_import  # noqa: F401

# isort: split
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.logs import log_failure
from bot.outbox import Blocked, Rejected, RetryAfter, Transient
from bot.replies import Reply
from handlers.telegram.sender_base import SharedCalls

log = logging.getLogger(__name__)


def markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    if reply.request_contact:
        return ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text=reply.request_contact, request_contact=True)]],
                                   resize_keyboard=True, one_time_keyboard=True)
    if reply.buttons:
        return InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text=b.text, callback_data=b.data, url=b.url) for b in row] for row in reply.buttons
        ])
    if reply.remove_keyboard:
        return ReplyKeyboardRemove()
    return None


class AiogramClient(SharedCalls):
    """The runtime's Bot API client over aiogram's Bot; framework errors become the core's delivery errors."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except TelegramRetryAfter as exc:
            raise RetryAfter(exc.retry_after) from exc
        except TelegramForbiddenError as exc:
            raise Blocked(exc.message) from exc
        except TelegramUnauthorizedError as exc:
            raise Rejected(f"unauthorized: {exc.message[:100]}") from exc
        except TelegramBadRequest as exc:
            if "message is not modified" in exc.message:
                return
            raise Rejected(exc.message[:200]) from exc
        except (TelegramServerError, TelegramNetworkError) as exc:
            raise Transient(type(exc).__name__) from exc
        except TelegramAPIError as exc:  # any other answer (fx 404 for a wrong API address): nothing to retry
            raise Rejected(f"{type(exc).__name__}: {exc.message[:100]}") from exc

    async def send(self, chat_id: int, reply: Reply) -> int | None:
        with self._errors():
            if reply.document:
                sent = await self.bot.send_document(
                    chat_id, BufferedInputFile(reply.document.content, reply.document.file_name),
                    caption=reply.html[:1024], reply_markup=markup(reply))
            else:
                sent = await self.bot.send_message(chat_id, reply.html, reply_markup=markup(reply),
                                                   link_preview_options={"is_disabled": True})
            return sent.message_id
        return None

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        with self._errors():
            keyboard = markup(reply)
            await self.bot.edit_message_text(text=reply.html, chat_id=chat_id, message_id=message_id,
                                             reply_markup=keyboard if isinstance(keyboard, InlineKeyboardMarkup)
                                             else None)

    async def download(self, file_id: str) -> bytes | None:
        """The file's bytes; None when Telegram cannot give them (logged: the caller says so to the person)."""
        try:
            file = await self.bot.get_file(file_id)
            if file.file_path:
                buffer = await self.bot.download_file(file.file_path)
                return buffer.read() if buffer else None
        except Exception as exc:  # any failure means "no file"; the type and place are logged, never the file
            log_failure(log, "file download", exc, level=logging.WARNING)
        return None

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        with self._errors():
            scope = BotCommandScopeChat(chat_id=chat_id)
            if not commands:
                await self.bot.delete_my_commands(scope=scope)
                return
            await self.bot.set_my_commands([BotCommand(command=c, description=d) for c, d in commands], scope=scope)

    async def set_commands(self, commands: dict[str, list[tuple[str, str]]]) -> None:
        for lang, items in commands.items():
            with self._errors():
                await self.bot.set_my_commands([BotCommand(command=c, description=d) for c, d in items],
                                               language_code=None if lang == "da" else lang)

    async def close(self) -> None:
        await self.bot.session.close()


def connect(token: str, api_url: str, request_timeout: float) -> AiogramClient:
    """A client for the Bot API at ``api_url``; every request gives up after ``request_timeout`` seconds."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_url), timeout=request_timeout)
    return AiogramClient(Bot(token, session=session, default=DefaultBotProperties(parse_mode="HTML")))
