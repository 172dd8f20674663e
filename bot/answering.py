"""One question in, one answer out: triage, retrieval and rendering, with no conversation state.

Used by the chat for free text and by `husly ask`, so both give the same answer to the same question.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.conversation.cards import not_sure, render_answer
from bot.conversation.texts import safety_reply
from bot.replies import Reply
from bot.triage import Triage, Urgency, triage
from knowledge.index import Index, SearchResult
from knowledge.lexicon import Lang
from knowledge.loader import KnowledgeBase


@dataclass(frozen=True)
class Answer:
    search: SearchResult
    triage: Triage
    lang: Lang
    municipality: str | None
    confident: bool
    reply: Reply

    @property
    def topic(self) -> str | None:
        return self.search.topic if self.confident else None


def answer(kb: KnowledgeBase, index: Index, text: str, *, today: dt.date, threshold: float,
           lang: Lang | None = None, municipality: str | None = None) -> Answer:
    """Triage and answer one question. A crisis gets the safety information instead of an article."""
    found = index.search(text, lang=lang)
    reply_lang: Lang = lang or found.lang
    where = found.municipality or municipality
    urgency = triage(text, reply_lang)
    confident = found.topic is not None and found.confidence >= threshold
    if urgency.urgency is not Urgency.NONE:
        reply = safety_reply(kb, reply_lang, where, today, urgency.urgency, urgency.reasons)
    elif confident and found.topic:
        reply = render_answer(kb, found.topic, reply_lang, where, today)
    else:
        reply = not_sure(kb, found.suggestions, reply_lang)
    return Answer(found, urgency, reply_lang, where, confident, reply)
