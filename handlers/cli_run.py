"""`husly run`: the Telegram bot, with aiogram (default) or python-telegram-bot, polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import time
from typing import Any
from urllib.parse import urlparse

import click

from bot import startup_gc
from bot.config import Settings
from bot.logs import setup_logging
from handlers.cli_common import EXIT_PROBLEM, EXIT_USAGE, Fail, current

log = logging.getLogger(__name__)
TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def webhook_settings(settings: Settings) -> dict[str, Any] | None:
    """The webhook's URL, path, listen address and secret, or None for long polling."""
    if not settings.webhook_url:
        return None
    if settings.webhook_secret is None or not re.fullmatch(r"[A-Za-z0-9_-]{16,256}",
                                                           settings.webhook_secret.get_secret_value()):
        raise Fail("HUSLY_WEBHOOK_SECRET must be set to 16-256 characters of A-Z, a-z, 0-9, _ or -", EXIT_USAGE)
    host, _, port = settings.webhook_listen.rpartition(":")
    return {"url": settings.webhook_url, "path": urlparse(settings.webhook_url).path or "/",
            "host": host, "port": int(port), "secret": settings.webhook_secret.get_secret_value()}


@click.command()
def run() -> None:
    """Run the Telegram bot (needs HUSLY_TELEGRAM_TOKEN: a bot's token from @BotFather in Telegram)."""
    started = time.monotonic()
    husly = current()
    settings = husly.settings
    token = settings.telegram_token.get_secret_value() if settings.telegram_token else ""
    if not token:
        raise Fail("HUSLY_TELEGRAM_TOKEN is not set: create a bot with @BotFather in Telegram and set the token it "
                   "gives you (or run `husly chat` to try Husly without Telegram)", EXIT_PROBLEM)
    if not TOKEN_SHAPE.match(token):
        raise Fail("HUSLY_TELEGRAM_TOKEN does not look like a bot token (digits:letters)", EXIT_USAGE)
    webhook = webhook_settings(settings)
    setup_logging(settings.log_level)
    startup_gc.pause()
    try:
        app = husly.app()
        from handlers.telegram.serve import StartupError

        try:
            asyncio.run(_serve(app, settings, token, webhook, started))
        except StartupError as exc:
            raise Fail(str(exc), EXIT_PROBLEM) from None
    finally:
        startup_gc.resume()  # a start that failed half-way (the caller may be a test run, or go on)


async def _serve(app: Any, settings: Settings, token: str, webhook: dict[str, Any] | None,
                 started: float) -> None:
    from handlers.telegram import serve
    from handlers.telegram.runtime import Runtime

    client = serve.connect(settings.framework, token, settings.telegram_api_url, settings.request_timeout)
    kept = startup_gc.settle()
    log.info("built in %.1f s; %s start-up objects kept out of garbage collection", time.monotonic() - started,
             kept)
    stop = asyncio.Event()
    task = asyncio.create_task(serve.run(Runtime(app), client, token, webhook, stop))
    loop = asyncio.get_running_loop()

    def on_signal() -> None:
        # The first signal stops cleanly (sends in flight finish, nothing is repeated); a second one at once.
        if stop.is_set():
            task.cancel()
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, on_signal)
    with contextlib.suppress(asyncio.CancelledError):
        await task
