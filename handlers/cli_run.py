"""`husly run`: the Telegram bot, with aiogram (default) or python-telegram-bot, polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
from typing import Any
from urllib.parse import urlparse

import click

from bot.config import Settings
from bot.logs import setup_logging

TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def webhook_settings(settings: Settings) -> dict[str, Any] | None:
    """The webhook's URL, path, listen address and secret, or None for long polling."""
    from handlers.cli import EXIT_USAGE, Fail

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
    """Run the Telegram bot (needs HUSLY_TELEGRAM_TOKEN)."""
    from handlers.cli import EXIT_USAGE, Fail, build_app_or_fail, settings_from_env

    settings = settings_from_env()
    token = settings.telegram_token.get_secret_value() if settings.telegram_token else ""
    if not token:
        raise Fail("HUSLY_TELEGRAM_TOKEN is not set (get a token from @BotFather)", EXIT_USAGE)
    if not TOKEN_SHAPE.match(token):
        raise Fail("HUSLY_TELEGRAM_TOKEN does not look like a bot token (digits:letters)", EXIT_USAGE)
    webhook = webhook_settings(settings)
    setup_logging(settings.log_level)
    app = build_app_or_fail(settings)
    asyncio.run(_serve(app, settings, token, webhook))


async def _serve(app: Any, settings: Settings, token: str, webhook: dict[str, Any] | None) -> None:
    from handlers.telegram.runtime import Runtime

    runtime = Runtime(app)
    if settings.framework == "ptb":
        from handlers.telegram import ptb_front as front
    else:
        from handlers.telegram import aiogram_front as front  # type: ignore[no-redef]
    task = asyncio.create_task(front.run(runtime, token, settings.telegram_api_url, webhook))
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await task
