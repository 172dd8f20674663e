"""Questions in free text: find the curated answer, or say honestly that we are not sure."""

from __future__ import annotations

from bot.answering import answer
from bot.conversation.context import Context
from bot.db import insert_row
from bot.models import QueryStat
from bot.triage import Triage


def answer_question(ctx: Context, text: str, result: Triage, *, only_if_sure: bool = False) -> bool:
    """Answers a question from the knowledge base and remembers a municipality the person named.

    ``only_if_sure``: say nothing unless a curated answer fits (fx for a message that went to a case anyway);
    returns whether an answer was sent.
    """
    # A few words are enough to tell the language; for less, the person's chosen language is used.
    lang = None if len(text.split()) >= 3 else ctx.lang  # type: ignore[assignment]
    found = answer(ctx.deps.kb, ctx.deps.index, text, today=ctx.now.date(),
                   threshold=ctx.deps.settings.confidence_threshold, lang=lang,
                   municipality=ctx.profile.municipality, triaged=result)
    if only_if_sure and not found.confident:
        return False
    if found.search.municipality:
        ctx.profile.municipality = found.search.municipality
    # Statistics for coordinators: what was asked about, never the words or who asked.
    insert_row(ctx.session, QueryStat, {
        "topic": found.topic, "confidence": found.search.confidence, "urgency": result.urgency.value,
        "lang": found.lang, "municipality": ctx.profile.municipality, "created_at": ctx.now})
    ctx.reply(found.reply)
    return True
