"""Refs of messages about a case sent to someone else than the young person (cards, briefings, pings).

Messages themselves are queued with bot.outbox.queue_reply and queue_edit, like ``Context.send``.
"""

from __future__ import annotations


def about(case_id: int | None, what: str) -> str:
    """The outbox ref of a message about case ``case_id`` sent to someone else than the young person: every
    such message carries one, so erasure finds and blanks it (bot.cases.privacy)."""
    return f"case:{case_id}:{what}"
