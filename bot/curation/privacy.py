"""The curator queue's place in the privacy registry (registered by bot.conversation.menu): retention only.

Items are scrubbed and hold no chat id, so there is nothing to find for one person's access or erasure
request. The scrubber can still miss something unusual (a rare name, an address written oddly), so the
queue is treated as if it could hold personal data: nothing in it outlives the retention period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from bot.curation import queue
from bot.privacy.registry import Store


def _export(session: Session, transport: str, chat_id: int) -> dict[str, Any]:
    return {}


def _erase(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    return 0


STORE = Store("curator_queue", _export, _erase, queue.expire)
