"""The aiogram front end: receive updates (polling or webhook), hand them to the core, send its replies.

One catch-all handler per update kind maps the update to ``Incoming`` and calls the core; there is no logic
here. Edited messages have no handler, so they are ignored (no double answers).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)

from bot.outbox import Blocked, Rejected, RetryAfter, Transient
from bot.replies import Reply
from handlers.telegram.runtime import Runtime
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


class AiogramSender(SharedCalls):
    """The outbox's Sender over aiogram's Bot; framework errors become the core's delivery errors."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    @contextlib.contextmanager
    def _errors(self):  # type: ignore[no-untyped-def]
        try:
            yield
        except TelegramRetryAfter as exc:
            raise RetryAfter(exc.retry_after) from exc
        except TelegramForbiddenError as exc:
            raise Blocked(exc.message) from exc
        except TelegramBadRequest as exc:
            if "message is not modified" in exc.message:
                return
            raise Rejected(exc.message[:200]) from exc
        except (TelegramServerError, TelegramNetworkError) as exc:
            raise Transient(type(exc).__name__) from exc

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
        with contextlib.suppress(Exception):
            file = await self.bot.get_file(file_id)
            if file.file_path:
                buffer = await self.bot.download_file(file.file_path)
                return buffer.read() if buffer else None
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
            with contextlib.suppress(Exception):
                await self.bot.set_my_commands([BotCommand(command=c, description=d) for c, d in items],
                                               language_code=None if lang == "da" else lang)


def build(runtime: Runtime, token: str, api_url: str) -> tuple[Bot, Dispatcher]:
    """A Bot pointed at ``api_url`` and a Dispatcher whose handlers only translate and delegate."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_url))
    bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode="HTML"))
    sender = AiogramSender(bot)
    router = Router(name="husly")

    async def on_update(event: Message | CallbackQuery | ChatMemberUpdated, event_update: Update) -> None:
        """Hands any update to the core; callback queries are always answered."""
        # exclude_unset: the update as Telegram sent it. Fields aiogram fills with its `Default(...)` sentinel
        # (fx link_preview_options of a bot message under a pressed button) cannot be serialised otherwise.
        raw = event_update.model_dump(mode="json", exclude_unset=True, exclude_none=True, by_alias=True)
        callback_id = event.id if isinstance(event, CallbackQuery) else None
        await runtime.handle(raw, sender, callback_id=callback_id)

    # Catch-alls: the core decides what each update means, so no filters here.
    router.message.register(on_update)
    router.callback_query.register(on_update)
    router.my_chat_member.register(on_update)
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return bot, dispatcher


async def run(runtime: Runtime, token: str, api_url: str, webhook: dict[str, Any] | None) -> None:
    bot, dispatcher = build(runtime, token, api_url)
    sender = AiogramSender(bot)
    me = await bot.get_me()
    runtime.set_identity(me.id, me.username or "")
    await sender.set_commands(runtime.command_menus())
    background = runtime.start_background(sender)
    try:
        if webhook:
            await _serve_webhook(bot, dispatcher, webhook)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            polling = asyncio.create_task(dispatcher.start_polling(
                bot, handle_signals=False, allowed_updates=["message", "callback_query", "my_chat_member"]))
            try:
                # Shielded: a cancelled start_polling closes the session but leaves its poll loop running (it
                # then logs "Failed to fetch updates" on every shutdown); stop_polling ends that loop cleanly.
                await asyncio.shield(polling)
            finally:
                if not polling.done():
                    await _stop_polling(dispatcher, polling)
    finally:
        await runtime.stop_background(background)
        await bot.session.close()


async def _stop_polling(dispatcher: Dispatcher, polling: asyncio.Task[None]) -> None:
    with contextlib.suppress(RuntimeError):  # "Polling is not started": cancelling is enough then
        await dispatcher.stop_polling()
    polling.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await polling


async def _serve_webhook(bot: Bot, dispatcher: Dispatcher, webhook: dict[str, Any]) -> None:
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    app = web.Application()
    # SimpleRequestHandler answers 401 when the secret header is missing or wrong.
    handler = SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token=webhook["secret"])
    handler.register(app, path=webhook["path"])
    setup_application(app, dispatcher, bot=bot)
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        site = web.TCPSite(runner, webhook["host"], webhook["port"])
        await site.start()
        # Listen first, then tell Telegram where to send updates (else the first deliveries fail).
        await bot.set_webhook(webhook["url"], secret_token=webhook["secret"],
                              allowed_updates=["message", "callback_query", "my_chat_member"])
        log.info("webhook listening on %s:%s", webhook["host"], webhook["port"])
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
