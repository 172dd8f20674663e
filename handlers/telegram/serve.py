"""Run the Telegram bot: connect, start the runtime, take updates in (polling or webhook), stop cleanly.

Start-up calls (getMe, deleteWebhook, setWebhook, setMyCommands) are tried again with backoff on 429 (its
``retry_after``), 5xx and network errors; after ``startup_timeout`` seconds the bot gives up with one line
(``StartupError``), never a traceback. A stop (SIGTERM/SIGINT) ends the intake first, then lets the runtime
finish or hand back what it holds (handlers/telegram/runtime.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from bot.outbox import Rejected, RetryAfter
from bot.ratelimit import jitter
from handlers.telegram.intake import ALLOWED_UPDATES, Poller, WebhookServer
from handlers.telegram.runtime import Runtime, TelegramClient

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_BACKOFF = 10.0


class StartupError(Exception):
    """The bot could not start; the message is one line for a person to act on."""


def connect(framework: str, token: str, api_url: str, request_timeout: float) -> TelegramClient:
    """The Bot API client of the chosen framework (imported only when chosen: each is slow to import)."""
    if framework == "ptb":
        from handlers.telegram import ptb_front
        return ptb_front.connect(token, api_url, request_timeout)
    from handlers.telegram import aiogram_front
    return aiogram_front.connect(token, api_url, request_timeout)


async def call_at_start(call: Callable[[], Awaitable[T]], what: str, *, api_url: str, give_up_after: float,
                        request_timeout: float) -> T:
    """``call()`` until it succeeds; retried on 429, 5xx and network errors, for at most ``give_up_after`` s."""
    started, attempt = time.monotonic(), 0
    while True:
        try:
            return await asyncio.wait_for(call(), timeout=request_timeout + 2)
        except RetryAfter as exc:
            wait, reason = jitter(exc.seconds), "429 Too Many Requests"
        except Rejected as exc:
            raise StartupError(f"Telegram refused {what} at {api_url}: {exc}") from None
        except Exception as exc:  # 5xx, a refused connection, a timeout: Telegram may be back in a moment
            wait, reason = jitter(min(0.5 * 2 ** attempt, MAX_BACKOFF)), type(exc).__name__
        attempt += 1
        if time.monotonic() - started + wait > give_up_after:
            raise StartupError(f"cannot reach the Telegram Bot API at {api_url} ({what}: {reason}; "
                               f"gave up after {attempt} tries in {time.monotonic() - started:.0f} s)")
        log.warning("%s failed (%s); trying again in %.1f s", what, reason, wait)
        await asyncio.sleep(wait)


async def run(runtime: Runtime, client: TelegramClient, token: str, webhook: dict[str, Any] | None,
              stop: asyncio.Event) -> None:
    """Serve until ``stop`` is set; raises StartupError when Telegram cannot be reached at start."""
    settings = runtime.app.settings

    def at_start(call: Callable[[], Awaitable[T]], what: str) -> Awaitable[T]:
        return call_at_start(call, what, api_url=settings.telegram_api_url,
                             give_up_after=settings.startup_timeout, request_timeout=settings.request_timeout)

    try:
        bot_id, username = await at_start(client.get_me, "getMe")
        runtime.set_identity(bot_id, username)
        try:
            await at_start(lambda: client.set_commands(runtime.command_menus()), "setMyCommands")
        except StartupError as exc:  # the menu is a courtesy: the bot works without it
            log.warning("command menu not set: %s", exc)
        await runtime.start_background(client)
        try:
            await _take_updates(runtime, client, token, webhook, stop, at_start)
        finally:
            await runtime.stop_background()
    finally:
        await client.close()


async def _take_updates(runtime: Runtime, client: TelegramClient, token: str, webhook: dict[str, Any] | None,
                        stop: asyncio.Event, at_start: Callable[[Callable[[], Awaitable[Any]], str],
                                                                Awaitable[Any]]) -> None:
    settings = runtime.app.settings
    if webhook:
        server = WebhookServer(webhook["host"], webhook["port"], webhook["path"], webhook["secret"], runtime.accept)
        await server.start()
        try:
            # Listen first, then tell Telegram where to send updates (else the first deliveries fail).
            await at_start(lambda: client.set_webhook(webhook["url"], webhook["secret"], ALLOWED_UPDATES),
                           "setWebhook")
            log.info("webhook listening on %s:%s", webhook["host"], webhook["port"])
            await stop.wait()
        finally:
            await server.stop()
        return
    await at_start(client.delete_webhook, "deleteWebhook")
    poller = Poller(settings.telegram_api_url, token, runtime.accept, request_timeout=settings.request_timeout)
    polling = asyncio.create_task(poller.run(), name="polling")
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        poller.stop()
        stopping.cancel()
        await asyncio.gather(polling, return_exceptions=True)
