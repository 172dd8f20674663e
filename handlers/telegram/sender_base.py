"""What both Telegram clients share: the calls whose names and arguments aiogram and python-telegram-bot have
in common. Each front end adds ``send``/``edit``/``download``/``set_chat_commands`` and ``_errors`` (its own
exceptions turned into the core's delivery errors: bot/outbox.py)."""

from __future__ import annotations

import contextlib
from typing import Any


class SharedCalls:
    bot: Any

    def _errors(self) -> contextlib.AbstractContextManager[None]:  # pragma: no cover - defined by subclasses
        raise NotImplementedError

    async def delete(self, chat_id: int, message_ids: list[int]) -> None:
        with self._errors():
            await self.bot.delete_messages(chat_id, message_ids)

    async def get_me(self) -> tuple[int, str]:
        with self._errors():
            me = await self.bot.get_me()
            return int(me.id), str(me.username or "")
        raise AssertionError("unreachable")  # pragma: no cover - _errors re-raises

    async def delete_webhook(self) -> None:
        with self._errors():
            await self.bot.delete_webhook(drop_pending_updates=False)

    async def set_webhook(self, url: str, secret: str, allowed_updates: list[str]) -> None:
        with self._errors():
            await self.bot.set_webhook(url, secret_token=secret, allowed_updates=allowed_updates)

    # Typing and callback answers are courtesies: a failure must never affect the conversation.
    async def typing(self, chat_id: int) -> None:
        with contextlib.suppress(Exception):
            await self.bot.send_chat_action(chat_id, "typing")

    async def answer_callback(self, callback_id: str, text: str | None) -> None:
        with contextlib.suppress(Exception):
            await self.bot.answer_callback_query(callback_id, text=text or None)
