"""What both Telegram senders share: the calls whose names and arguments aiogram and python-telegram-bot
have in common. Each front end adds ``send``/``edit``/``download`` and ``_errors`` (its own exceptions)."""

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

    # Typing and callback answers are courtesies: a failure must never affect the conversation.
    async def typing(self, chat_id: int) -> None:
        with contextlib.suppress(Exception):
            await self.bot.send_chat_action(chat_id, "typing")

    async def answer_callback(self, callback_id: str, text: str | None) -> None:
        with contextlib.suppress(Exception):
            await self.bot.answer_callback_query(callback_id, text=text or None)
