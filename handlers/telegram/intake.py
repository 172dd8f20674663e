"""How updates come in from Telegram: long polling or a webhook, both written so nothing is confirmed unsafe.

Neither framework lets the application decide when Telegram may forget an update: aiogram and PTB confirm a
polled update on their next getUpdates whether or not it was handled, and both answer a webhook 200 before the
update is handled. So the intake is ours (the inbox pattern), and the frameworks are the Bot API client:

* ``Poller`` calls getUpdates itself and moves the offset past an update only once ``accept`` returned True,
  that is once the update is stored (the inbox, or the local spool while the database is away).
* ``WebhookServer`` answers 200 only once ``accept`` returned True, and 503 when it could not store the update,
  so Telegram sends it again; 403 for a missing, wrong or malformed secret header.

Updates arrive here as plain JSON: one malformed update is skipped by ``accept`` (and counted), it never
breaks a batch or stops intake.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiohttp

from bot.ratelimit import jitter

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger(__name__)

Accept = Callable[[list[Any]], Awaitable[bool]]
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
# Seconds a getUpdates long poll waits for updates on Telegram's side.
POLL_SECONDS = 25
MAX_BACKOFF = 30.0
# A Telegram update is a few kilobytes at most; anything far larger is not from Telegram.
MAX_BODY = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class Poller:
    """Long polling that confirms an update only once it is stored."""

    def __init__(self, api_url: str, token: str, accept: Accept, *, request_timeout: float = 10.0,
                 poll_seconds: int = POLL_SECONDS) -> None:
        self._url = f"{api_url}/bot{token}/getUpdates"
        self._accept = accept
        self._request_timeout = request_timeout
        self._poll_seconds = poll_seconds
        self._offset: int | None = None
        self._stopping = asyncio.Event()
        self._request: asyncio.Task[list[Any]] | None = None

    async def run(self) -> None:
        failures = 0
        timeout = aiohttp.ClientTimeout(total=self._poll_seconds + self._request_timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while not self._stopping.is_set():
                try:
                    self._request = asyncio.create_task(self._get_updates(session))
                    updates = await self._request
                except asyncio.CancelledError:
                    if self._stopping.is_set():
                        break
                    raise
                except _Wait as wait:
                    failures += 1
                    await self._pause(wait.seconds if wait.exact else min(2.0 ** failures, MAX_BACKOFF))
                    continue
                except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                    failures += 1
                    log.warning("getUpdates failed (%s); trying again", type(exc).__name__)
                    await self._pause(min(2.0 ** failures, MAX_BACKOFF))
                    continue
                failures = 0
                if updates:
                    await self._take(updates)
            await self._confirm(session)

    async def _take(self, updates: list[Any]) -> None:
        if await self._accept(updates):
            ids = [u["update_id"] for u in updates if isinstance(u, dict) and isinstance(u.get("update_id"), int)]
            if ids:
                self._offset = max(ids) + 1
        else:
            # Nothing was stored: Telegram keeps the updates and the next getUpdates brings them again.
            await self._pause(1.0)

    def stop(self) -> None:
        """Stop after the current call; a long poll in progress is cut off (its updates come again)."""
        self._stopping.set()
        if self._request is not None:
            self._request.cancel()

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=jitter(seconds))

    async def _get_updates(self, session: aiohttp.ClientSession, *, wait: int | None = None) -> list[Any]:
        body: dict[str, Any] = {"timeout": self._poll_seconds if wait is None else wait,
                                "allowed_updates": ALLOWED_UPDATES}
        if self._offset is not None:
            body["offset"] = self._offset
        async with session.post(self._url, json=body) as response:
            answer = await response.json(content_type=None)
        if not isinstance(answer, dict):
            raise ValueError("not a Bot API answer")
        if answer.get("ok") is True:
            result = answer.get("result")
            return result if isinstance(result, list) else []
        parameters = answer.get("parameters") or {}
        status = answer.get("error_code")
        if status == 429 and isinstance(parameters.get("retry_after"), int | float):
            raise _Wait(float(parameters["retry_after"]), exact=True)
        if status == 409:
            log.error("getUpdates: conflict (another process polls this token, or a webhook is set)")
        else:
            log.warning("getUpdates answered %s", status)
        raise _Wait(0, exact=False)

    async def _confirm(self, session: aiohttp.ClientSession) -> None:
        """Tell Telegram what we stored before stopping, so the next start does not receive it again."""
        if self._offset is None:
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._get_updates(session, wait=0), timeout=self._request_timeout)


class _Wait(Exception):
    def __init__(self, seconds: float, *, exact: bool) -> None:
        super().__init__(seconds)
        self.seconds, self.exact = seconds, exact


class WebhookServer:
    """The webhook endpoint: 200 only once the update is stored, 503 when it cannot be."""

    def __init__(self, host: str, port: int, path: str, secret: str, accept: Accept) -> None:
        self.host, self.port, self.path = host, port, path
        self._secret = secret.encode()
        self._accept = accept
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        from aiohttp import web  # only a webhook listens: 1.25 MB that polling does without

        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self.path, self._receive)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    async def stop(self) -> None:
        """Stop listening; requests being stored are finished first (within a few seconds)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        from aiohttp import web  # imported by start()

        # Compared as bytes, in constant time: a header with characters outside ASCII is simply wrong.
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, self._secret):
            return web.Response(status=403)
        try:
            update = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            log.warning("webhook: a body that is not JSON was refused")
            return web.Response(status=400)
        stored = await self._accept([update])
        return web.Response(status=200 if stored else 503)
