"""How updates reach the bot: a queue for ``getUpdates`` (long polling) or POSTs to the bot's webhook.

``push_update`` may be called from any thread; long polls live on the server loop and are woken with
``call_soon_threadsafe``. Only one ``getUpdates`` may wait at a time: a newer one ends the older with 409, as
Telegram does when two bot instances poll the same token.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

import aiohttp

from .errors import CONFLICT, ApiError
from .state import State, copy
from .validator import validate_object

# Update types Telegram leaves out when allowed_updates is empty or was never set.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class Updates:
    def __init__(self, state: State) -> None:
        self.state = state
        # Set by the server once its loop runs; polls and webhook POSTs happen there.
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closing = False
        self._poll_waiters: set[asyncio.Future[None]] = set()
        self._active_poll: asyncio.Future[None] | None = None

    @property
    def polling(self) -> bool:
        """True while a ``getUpdates`` call is waiting for updates."""
        active = self._active_poll
        return active is not None and not active.done()

    # The queue ------------------------------------------------------------------------------------------------

    def _numbered(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.state.lock:
            if "update_id" not in update:
                update = {"update_id": self.state.next_update_id, **update}
            self.state.next_update_id = max(self.state.next_update_id, update["update_id"] + 1)
        return update

    def push(self, update: dict[str, Any], validate: bool = True) -> int:
        update = self._numbered(update)
        if validate:
            _check(update)
        with self.state.lock:
            self.state.remember_update(update)
            self.state.updates.append(update)
        self.wake_pollers()
        return int(update["update_id"])

    def pending(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return list(self.state.updates)

    def wake_pollers(self) -> None:
        loop = self.loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop is closing
            loop.call_soon_threadsafe(self._wake_in_loop)

    def _wake_in_loop(self) -> None:
        for waiter in list(self._poll_waiters):
            if not waiter.done():
                waiter.set_result(None)

    def _allowed(self, update: dict[str, Any]) -> bool:
        kinds = [k for k in update if k != "update_id"]
        allowed = self.state.allowed_updates
        if not allowed:
            return not any(k in _OPT_IN_UPDATES for k in kinds)
        return any(k in allowed for k in kinds)

    def _confirm(self, offset: int) -> None:
        state = self.state
        if offset < 0:
            state.updates = state.updates[offset:]  # "-N": keep the last N, forget the rest
        else:
            state.updates = [u for u in state.updates if u["update_id"] >= offset]

    def _take(self, limit: int) -> list[dict[str, Any]]:
        # Updates of types the bot did not ask for are dropped, as Telegram never delivers them.
        with self.state.lock:
            kept: list[dict[str, Any]] = []
            for update in self.state.updates:
                if self._allowed(update):
                    kept.append(update)
                else:
                    self.state.skipped_updates.append(update)
            self.state.updates = kept
            return [copy(u) for u in kept[:limit]]

    # getUpdates -----------------------------------------------------------------------------------------------

    async def get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        if self.state.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the"
                " webhook first",
            )
        if self._active_poll is not None and not self._active_poll.done():
            self._active_poll.set_result(None)
        me: asyncio.Future[None] = loop.create_future()
        self._active_poll = me
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        with self.state.lock:
            if "offset" in params:
                self._confirm(int(params["offset"]))
            if isinstance(params.get("allowed_updates"), list):
                self.state.allowed_updates = list(params["allowed_updates"])
        # The timeout runs on the fake's clock, so a test with a manual clock decides when it is over.
        timeout = max(float(params.get("timeout", 0)), 0.0)
        timer = asyncio.ensure_future(self.state.clock.sleep(timeout))
        try:
            while True:
                batch = self._take(limit)
                if batch or timer.done() or self.closing:
                    return batch
                waiter: asyncio.Future[None] = loop.create_future()
                self._poll_waiters.add(waiter)
                try:
                    await asyncio.wait({waiter, me, timer}, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    self._poll_waiters.discard(waiter)
                if me.done() and self._active_poll is not me:
                    raise ApiError(409, CONFLICT)
        finally:
            # Ended before the answer goes out: a test that then looks at the clock sees no sleep left behind.
            timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await timer
            if self._active_poll is me:
                self._active_poll = None

    # Webhooks -------------------------------------------------------------------------------------------------

    def set_webhook(self, params: dict[str, Any]) -> bool:
        state = self.state
        with state.lock:
            if not params.get("url"):
                state.webhook = None  # Telegram: an empty url removes the webhook
            else:
                state.webhook = {
                    "url": params["url"],
                    "secret_token": params.get("secret_token"),
                    "max_connections": params.get("max_connections", 40),
                    "allowed_updates": params.get("allowed_updates"),
                }
                if isinstance(params.get("allowed_updates"), list):
                    state.allowed_updates = list(params["allowed_updates"])
            if params.get("drop_pending_updates"):
                state.updates.clear()
        self.wake_pollers()
        return True

    def delete_webhook(self, params: dict[str, Any]) -> bool:
        with self.state.lock:
            self.state.webhook = None
            if params.get("drop_pending_updates"):
                self.state.updates.clear()
        return True

    def webhook_info(self) -> dict[str, Any]:
        with self.state.lock:
            hook = self.state.webhook or {}
            info: dict[str, Any] = {
                "url": hook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self.state.updates),
            }
            if hook:
                info["max_connections"] = hook["max_connections"]
                if hook.get("allowed_updates"):
                    info["allowed_updates"] = hook["allowed_updates"]
                if "last_error_date" in hook:
                    info["last_error_date"] = hook["last_error_date"]
                    info["last_error_message"] = hook["last_error_message"]
            return info

    async def post_webhook(self, update: dict[str, Any], timeout: float) -> int:
        """POST ``update`` to the webhook exactly as Telegram does; the HTTP status the bot answered."""
        with self.state.lock:
            hook = dict(self.state.webhook) if self.state.webhook else None
        if hook is None:
            raise AssertionError("deliver(): no webhook is set (the bot never called setWebhook with a url)")
        update = self._numbered(update)
        _check(update)
        self.state.remember_update(update)
        # PTB answers 403 unless Content-Type is exactly application/json.
        headers = {"Content-Type": "application/json"}
        if hook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
            session.post(hook["url"], data=json.dumps(update).encode(), headers=headers) as response,
        ):
            await response.read()
            status = response.status
        with self.state.lock:
            self.state.deliveries.append((update, status))
            if status != 200 and self.state.webhook is not None:
                self.state.webhook["last_error_date"] = self.state.now()
                self.state.webhook["last_error_message"] = f"Wrong response from the webhook: {status}"
        return status

    def submit(self, coroutine: Any) -> Any:
        """Run ``coroutine`` on the server loop; a concurrent.futures.Future."""
        if self.loop is None:
            raise RuntimeError("FakeTelegram is not started")
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)


def _check(update: dict[str, Any]) -> None:
    problems = validate_object("Update", update)
    if problems:
        raise ValueError("invalid update: " + "; ".join(problems))

