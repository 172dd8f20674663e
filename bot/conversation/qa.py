"""Questions in free text: find the curated answer, or say honestly that we are not sure."""

from __future__ import annotations

import datetime as dt

from bot.answering import answer
from bot.conversation.context import Context
from bot.db import insert_row
from bot.models import QueryStat
from bot.triage import Triage

# A question this soon after a topic was shown may follow up on it ("Hvad koster det?").
FOLLOW_UP_FOR = dt.timedelta(minutes=30)


def answer_question(ctx: Context, text: str, result: Triage) -> None:
    """Answers a question from the knowledge base and remembers a municipality the person named."""
    # The engine has already switched the person's language if this message is clearly in the other one.
    found = answer(ctx.deps.kb, ctx.deps.index, text, today=ctx.now.date(),
                   threshold=ctx.deps.settings.confidence_threshold, lang=ctx.lang,  # type: ignore[arg-type]
                   municipality=ctx.profile.municipality, triaged=result, previous_topic=shown_topic(ctx))
    if found.search.municipality:
        ctx.profile.municipality = found.search.municipality
    if found.kind != "small_talk":
        # Statistics for coordinators: what was asked about, never the words or who asked.
        insert_row(ctx.session, QueryStat, {
            "topic": found.topic, "confidence": found.search.confidence, "urgency": result.urgency.value,
            "lang": found.lang, "municipality": ctx.profile.municipality, "created_at": ctx.now})
    if found.confident and found.topic:
        remember_topic(ctx, found.topic)
    for reply in found.replies:
        ctx.reply(reply)


def remember_topic(ctx: Context, topic_id: str) -> None:
    """Keep the topic just shown (its id and when, never the words), so a follow-up question can use it."""
    state = ctx.state
    state.update(shown=topic_id, shown_at=ctx.now.isoformat())
    ctx.profile.state = state


def shown_topic(ctx: Context) -> str | None:
    """The topic shown to the person in the last FOLLOW_UP_FOR, if any."""
    state = ctx.state
    shown, at = state.get("shown"), state.get("shown_at")
    if not isinstance(shown, str) or not isinstance(at, str):
        return None
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        return None
    return shown if dt.timedelta(0) <= ctx.now - when <= FOLLOW_UP_FOR else None
