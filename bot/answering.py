"""One question in, one answer out: triage, retrieval and rendering, with no conversation state.

Used by the chat for free text and by `husly ask`, so both give the same answer to the same question.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from bot.conversation.cards import not_sure, render_answer, render_faq
from bot.conversation.texts import call_for_help, safety_reply
from bot.replies import Reply
from bot.triage import Triage, Urgency, triage
from knowledge.index import Index, SearchResult
from knowledge.lexicon import Lang
from knowledge.loader import KnowledgeBase
from knowledge.normalise import fold

# The topic that answers a situation triage recognised, by reason code (first reason wins).
CRISIS_TOPICS = {
    "suicide_or_self_harm": "selvmordstanker",
    "violence_or_threats": "vold-i-hjemmet",
    "under_18_unsafe_home": "under-18",
    "under_18_in_danger": "under-18",
    "thrown_out": "smidt-ud",
    "couch_surfing_ending": "sofasurfer",
    "eviction_soon": "udsaettelse",
    "nowhere_to_sleep": "hjemloes-akut",
    "nowhere_to_stay": "hjemloes-akut",
    "sleeps_outside": "hjemloes-akut",
    "homeless_now": "hjemloes-akut",
}


# How closely a question must match a specific question (SearchResult.faq_match) to be answered with it
# whatever the topic's confidence.
FAQ_SURE = 0.8

# A bare call for help says nothing of what is wrong; it gets the way to urgent help, not "I'm not sure".
CALLS_FOR_HELP = frozenset(fold(phrase) for phrase in (
    "hjælp", "hjælp mig", "hjælp mig please", "hjælp mig plz", "jeg har brug for hjælp", "har brug for hjælp",
    "kan du hjælpe mig", "kan i hjælpe mig", "kan nogen hjælpe mig", "sos", "help", "help me", "help me please",
    "i need help", "need help", "can you help me", "please help", "please help me", "hjælp hjælp",
))


def is_call_for_help(text: str) -> bool:
    return " ".join(fold(text).split()) in CALLS_FOR_HELP


# What happened to a question, for the statistics (bot.models.QueryStat.outcome).
OUTCOMES = ("answered", "unsure", "unanswered", "safety")


@dataclass(frozen=True)
class Answer:
    search: SearchResult
    triage: Triage
    lang: Lang
    municipality: str | None
    confident: bool
    reply: Reply
    # answered (a topic), unsure (suggestions offered), unanswered (nothing found), safety (crisis information
    # or the way to urgent help)
    outcome: str = "answered"

    @property
    def topic(self) -> str | None:
        """The best matching topic (shown as the answer only when ``confident``)."""
        return self.search.topic

    @property
    def faq(self) -> str | None:
        """The specific question (faq id) answered instead of the topic's general answer, if any."""
        return self.search.faq if self.confident and self.triage.urgency is Urgency.NONE else None


def answer(kb: KnowledgeBase, index: Index, text: str, *, today: dt.date, threshold: float,
           lang: Lang | None = None, municipality: str | None = None, triaged: Triage | None = None) -> Answer:
    """Triage and answer one question. A crisis gets the safety information instead of an article.

    ``triaged``: the chat has already scored this text for urgency; it is not done twice.
    """
    found = index.search(text, lang=lang)
    reply_lang: Lang = lang or found.lang
    where = found.municipality or municipality
    urgency = triaged or triage(text, reply_lang)
    crisis_topic = next((CRISIS_TOPICS[r] for r in urgency.reasons if CRISIS_TOPICS.get(r) in kb.topics), None)
    if crisis_topic and found.topic != crisis_topic:
        # Triage recognised the situation: its topic beats a word match ("kæreste" in "min kæreste slår mig").
        found = replace(found, topic=crisis_topic, confidence=max(found.confidence, threshold), faq=None, faq_match=0.0,
                        suggestions=(crisis_topic, *[s for s in found.suggestions if s != crisis_topic][:2]))
    # A question that is one of a topic's specific questions nearly word for word is answered even when the
    # calibrated confidence (fitted on general phrasings) is low: the close match is the evidence.
    confident = found.topic is not None and (found.confidence >= threshold or found.faq_match >= FAQ_SURE)
    if urgency.urgency is not Urgency.NONE:
        reply, outcome = safety_reply(kb, reply_lang, where, today, urgency.urgency, urgency.reasons), "safety"
    elif confident and found.topic and found.faq:
        reply, outcome = render_faq(kb, found.topic, found.faq, reply_lang, where, today), "answered"
    elif confident and found.topic:
        reply, outcome = render_answer(kb, found.topic, reply_lang, where, today), "answered"
    elif is_call_for_help(text):
        reply, outcome = call_for_help(reply_lang), "safety"
    else:
        reply = not_sure(kb, found.suggestions, reply_lang)
        outcome = "unsure" if any(t in kb.topics for t in found.suggestions) else "unanswered"
    return Answer(found, urgency, reply_lang, where, confident, reply, outcome)
