"""The python-telegram-bot front end: the same core behind PTB's Application (polling or webhook).

Handlers only translate. ``filters.UpdateType.MESSAGE`` keeps edited messages out (PTB's TEXT filter would
fire on edits too), so nobody gets a second answer when they fix a typo.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import logging
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut
from telegram.error import RetryAfter as PtbRetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.outbox import Blocked, Rejected, RetryAfter, Transient
from bot.replies import Reply
from handlers.telegram.runtime import Runtime
from handlers.telegram.sender_base import SharedCalls

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


class PtbSender(SharedCalls):
    """The outbox's Sender over PTB's Bot; framework errors become the core's delivery errors."""

    def __init__(self, application: Application) -> None:  # type: ignore[type-arg]
        self.bot = application.bot

    @contextlib.contextmanager
    def _errors(self):  # type: ignore[no-untyped-def]
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
        except (TimedOut, NetworkError) as exc:
            raise Transient(type(exc).__name__) from exc

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
        with contextlib.suppress(Exception):
            file = await self.bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())
        return None

    async def set_chat_commands(self, chat_id: int, commands: list[tuple[str, str]]) -> None:
        with self._errors():
            if not commands:
                await self.bot.delete_my_commands(scope=BotCommandScopeChat(chat_id))
                return
            await self.bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=BotCommandScopeChat(chat_id))

    async def set_commands(self, commands: dict[str, list[tuple[str, str]]]) -> None:
        for lang, items in commands.items():
            with contextlib.suppress(Exception):
                await self.bot.set_my_commands([BotCommand(c, d) for c, d in items],
                                               language_code=None if lang == "da" else lang)


def build(runtime: Runtime, token: str, api_url: str) -> Application:  # type: ignore[type-arg]
    """An Application pointed at ``api_url`` whose handlers only translate and delegate."""
    # Concurrent updates (PTB handles one at a time by default): the runtime keeps each chat's order, and updates
    # that wait together for the core are handled in one transaction (see Runtime._core).
    application = (ApplicationBuilder().token(token).base_url(f"{api_url}/bot")
                   .base_file_url(f"{api_url}/file/bot").concurrent_updates(True).build())
    sender = PtbSender(application)

    async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Hands any update to the core; callback queries are always answered."""
        callback_id = update.callback_query.id if update.callback_query else None
        await runtime.handle(update.to_dict(), sender, callback_id=callback_id)

    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE, on_update))
    application.add_handler(CallbackQueryHandler(on_update))
    application.add_handler(ChatMemberHandler(on_update, ChatMemberHandler.MY_CHAT_MEMBER))
    return application


async def run(runtime: Runtime, token: str, api_url: str, webhook: dict[str, Any] | None) -> None:
    application = build(runtime, token, api_url)
    sender = PtbSender(application)
    allowed = ["message", "callback_query", "my_chat_member"]
    async with application:
        me = await application.bot.get_me()
        runtime.set_identity(me.id, me.username or "")
        await sender.set_commands(runtime.command_menus())
        background = runtime.start_background(sender)
        try:
            await application.start()
            if webhook:
                await _serve_webhook(application, webhook, allowed)
            else:
                await application.updater.start_polling(allowed_updates=allowed)  # type: ignore[union-attr]
                await asyncio.Event().wait()
        finally:
            if application.updater and application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await runtime.stop_background(background)


async def _serve_webhook(application: Application, webhook: dict[str, Any], allowed: list[str]) -> None:  # type: ignore[type-arg]
    """Receive updates on aiohttp (as the aiogram front end does) and queue them for the Application.

    PTB's own ``start_webhook`` needs the optional tornado dependency (``python-telegram-bot[webhooks]``), which
    is not installed; PTB documents feeding ``application.update_queue`` from a custom web server instead.
    """
    from aiohttp import web

    secret = webhook["secret"].encode()

    async def receive(request: web.Request) -> web.Response:
        # Like PTB's own handler: 403 unless the secret matches (compared in constant time).
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, secret):
            return web.Response(status=403)
        if request.content_type != "application/json":
            return web.Response(status=415)
        try:
            update = Update.de_json(await request.json(), application.bot)
        except Exception:
            log.warning("webhook: a request body that is not an update was refused")
            return web.Response(status=400)
        await application.update_queue.put(update)
        return web.Response()

    app = web.Application()
    app.router.add_post(webhook["path"], receive)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, webhook["host"], webhook["port"])
        await site.start()
        # Listen first, then tell Telegram where to send updates.
        await application.bot.set_webhook(webhook["url"], secret_token=webhook["secret"], allowed_updates=allowed)
        log.info("webhook listening on %s:%s", webhook["host"], webhook["port"])
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
