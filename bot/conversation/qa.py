"""Questions in free text: find the curated answer, or say honestly that we are not sure."""

from __future__ import annotations

from dataclasses import replace

from bot.answering import answer
from bot.conversation.buttons import Feedback
from bot.conversation.callbacks import CallbackDataError
from bot.conversation.callbacks import button as callback_button
from bot.conversation.context import Context
from bot.curation import queue
from bot.db import insert_row
from bot.models import QueryStat
from bot.replies import Button, Reply
from bot.stats.days import local_day
from bot.stats.record import visitor
from bot.triage import Triage
from knowledge.lexicon import Lang


def answer_question(ctx: Context, text: str, result: Triage, *, only_if_sure: bool = False) -> bool:
    """Answers a question from the knowledge base and remembers a municipality the person named.

    ``only_if_sure``: say nothing unless a curated answer fits (fx for a message that went to a case anyway);
    returns whether an answer was sent.
    """
    # A few words are enough to tell the language; for less, the person's chosen language is used.
    lang: Lang | None = None if len(text.split()) >= 3 else ctx.lang  # type: ignore[assignment]
    found = answer(ctx.deps.kb, ctx.deps.index, text, today=ctx.now.date(),
                   threshold=ctx.deps.settings.confidence_threshold, lang=lang,
                   municipality=ctx.profile.municipality, triaged=result)
    if only_if_sure and not found.confident:
        return False
    if found.search.municipality:
        ctx.profile.municipality = found.search.municipality
    # Statistics for coordinators: what was asked about and how it went, never the words or who asked.
    insert_row(ctx.session, QueryStat, {
        "topic": found.topic, "confidence": found.search.confidence, "urgency": result.urgency.value,
        "lang": found.lang, "municipality": ctx.profile.municipality, "outcome": found.outcome,
        "visitor": visitor(ctx.profile, ctx.now), "day": local_day(ctx.now), "created_at": ctx.now})
    reply = found.reply
    # For curators: what Husly could not answer, and answered questions in case the answer gets 👎 (scrubbed).
    # Not a message that went to the person's case: that is theirs and the caseworkers' only.
    if only_if_sure:
        pass
    elif found.outcome in ("unsure", "unanswered"):
        queue.keep_unanswered(ctx.session, text=text, lang=found.lang, topic=found.topic, reason=found.outcome,
                              now=ctx.now)
    elif found.outcome == "answered" and found.topic:
        token = queue.keep_pending(ctx.session, text=text, lang=found.lang, topic=found.topic, now=ctx.now)
        if token:
            reply = _with_feedback_token(reply, token)
    ctx.reply(reply)
    return True


def _with_feedback_token(reply: Reply, token: str) -> Reply:
    """The 👍/👎 buttons carry the pending question's token ("fb:<topic>:<0|1>:<token>")."""
    def tagged(button: Button) -> Button:
        pressed = Feedback.unpack(button.data)
        if pressed is None:
            return button
        try:
            return callback_button(button.text, replace(pressed, token=token))
        except CallbackDataError:  # too long for Telegram with this topic: the feedback still counts, untagged
            return button
    return replace(reply, buttons=tuple(tuple(tagged(b) for b in row) for row in reply.buttons))
