"""Questions in free text: find the curated answer, or say honestly that we are not sure."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.answering import answer
from bot.conversation.buttons import Feedback
from bot.conversation.callbacks import CallbackDataError
from bot.conversation.callbacks import button as callback_button
from bot.conversation.cards import adults_only, municipality_name, read_more_only, render_answer, services_for
from bot.conversation.context import Context
from bot.conversation.state import Part
from bot.conversation.texts import menu_buttons
from bot.curation import queue
from bot.db import insert_row
from bot.i18n import _
from bot.models import QueryStat
from bot.place_reply import only_municipality
from bot.replies import Button, Reply, esc
from bot.stats.days import local_day
from bot.stats.record import visitor
from bot.triage import Triage, Urgency
from knowledge.loader import KnowledgeBase

# A question this soon after a topic was shown may follow up on it ("Hvad koster det?").
FOLLOW_UP_FOR = dt.timedelta(minutes=30)


class ShownTopic(Part):
    """The topic just shown (its id and when, never the words): a follow-up question can use it."""

    key = "shown_topic"
    topic: str
    at: dt.datetime
    # Shown in a crisis to someone under 18: shown again (fx in its local version), it leaves out adults' shelters.
    minor: bool = False
    # Its detail ("Read more") was shown: a follow-up landing on it again gets no second copy.
    more: bool = False
    # The specific answer (faq id) shown, if any: a follow-up asking it again gets no second copy either.
    faq: str | None = None


def answer_question(ctx: Context, text: str, result: Triage, *, only_if_sure: bool = False,
                    choices: bool = False, compact: bool = False) -> bool:
    """Answers a question from the knowledge base and remembers a municipality the person named.

    ``only_if_sure``: say nothing unless a curated answer fits (fx for a message that went to the person's
    case anyway: then it is neither counted nor kept for the curators); returns whether an answer was sent.
    ``choices`` (with ``only_if_sure``): the closest topics to choose from are also an answer when the closest is a
    crisis topic ("where can I sleep?" typed on the case got only "I have put your message on your case"; "har nogen
    kigget på min sag?" is no question for the knowledge base).
    ``compact``: a sure answer keeps only its "Read more" button (at the case questions, "hvad er SU?" got the answer
    with seven buttons between two questions of the case, whose own buttons it pushed off the screen).
    """
    if not only_if_sure and result.urgency is Urgency.NONE and (slug := only_municipality(text)):
        _answer_place(ctx, slug)
        return True
    # The engine has already switched the person's language if this message is clearly in the other one.
    found = answer(ctx.deps.kb, ctx.deps.index, text, today=ctx.now.date(),
                   threshold=ctx.deps.settings.confidence_threshold, lang=ctx.lang,
                   municipality=ctx.profile.municipality, triaged=result, previous_topic=shown_topic(ctx),
                   detail_shown=detail_shown(ctx), faq_shown=faq_shown(ctx))
    crisis = found.topic is not None and ctx.deps.kb.topics[found.topic].category == "crisis"
    if only_if_sure and not found.confident and not (choices and crisis and found.kind == "not_sure"):
        return False
    if found.search.municipality:
        ctx.profile.municipality = found.search.municipality
    reply = found.reply
    if found.kind != "small_talk" and not only_if_sure:
        # Statistics for coordinators: what was asked about and how it went, never the words or who asked.
        count_question(ctx, result, topic=found.topic, confidence=found.search.confidence, lang=found.lang,
                       outcome=found.outcome)
        # For curators: what Husly could not answer, and answered questions in case the answer gets 👎 (scrubbed).
        if found.outcome in ("unsure", "unanswered"):
            queue.keep_unanswered(ctx.session, text=text, lang=found.lang, topic=found.topic, reason=found.outcome,
                                  now=ctx.now)
        elif found.outcome == "answered" and found.topic:
            token = queue.keep_pending(ctx.session, text=text, lang=found.lang, topic=found.topic, now=ctx.now)
            if token:
                reply = _with_feedback_token(reply, token)
    if found.confident and found.topic:
        remember_topic(ctx, found.topic, more=found.detail, faq=found.faq)
    if compact and found.confident:
        reply = read_more_only(reply)
    for each in (reply, *found.more, *found.after):
        ctx.reply(each)
    return True


def count_question(ctx: Context, result: Triage, *, topic: str | None, confidence: float, lang: str,
                   outcome: str) -> None:
    """One question for the coordinators' report (bot.models.QueryStat): its topic, how it went, where; never the
    words or who asked. A crisis message shown the safety information counts too (outcome "safety"), whether the
    case flow or the question flow answered it: the report's "crisis information" beside its urgent cases."""
    insert_row(ctx.session, QueryStat, {
        "topic": topic, "confidence": confidence, "urgency": result.urgency.value, "lang": lang,
        "municipality": ctx.profile.municipality, "outcome": outcome, "visitor": visitor(ctx.profile, ctx.now),
        "day": local_day(ctx.now), "created_at": ctx.now})


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


def _answer_place(ctx: Context, slug: str) -> None:
    """A message that only names a municipality answers "Which municipality are you in?": keep it, and show the
    topic just shown again in its local version (or say that local help comes from now on)."""
    ctx.profile.municipality = slug
    shown = ctx.state.get(ShownTopic)
    topic = shown_topic(ctx)
    if shown is None or topic is None or not _has_local_help(ctx.deps.kb, topic, slug):
        ctx.reply(Reply(esc(_("Thank you. From now on I show you help in {place}.").format(
            place=municipality_name(slug))), buttons=menu_buttons()))
        return
    skip = adults_only(ctx.deps.kb) if shown.minor else frozenset()
    remember_topic(ctx, topic, minor=shown.minor)
    ctx.reply(render_answer(ctx.deps.kb, topic, ctx.lang, slug, ctx.now.date(), skip_services=skip))


def _has_local_help(kb: KnowledgeBase, topic_id: str, slug: str) -> bool:
    """Does the topic say more for this municipality (its own text, or a local service)? If not, showing it
    again would only repeat it."""
    topic = kb.topics.get(topic_id)
    if topic is None:
        return False
    return slug in topic.municipalities or any(slug in s.municipalities
                                               for s in services_for(kb, topic.services, slug))


def remember_topic(ctx: Context, topic_id: str, *, minor: bool = False, more: bool = False,
                   faq: str | None = None) -> None:
    """Keep the topic just shown (its id and when, never the words), so a follow-up question can use it;
    ``more``: its detail was shown; ``faq``: the specific answer shown."""
    ctx.state.put(ShownTopic(topic=topic_id, at=ctx.now, minor=minor, more=more, faq=faq))


def detail_shown(ctx: Context) -> bool:
    """Whether what was just shown (``shown_topic``) was the topic's detail."""
    shown = ctx.state.get(ShownTopic)
    return shown is not None and shown.more and shown_topic(ctx) is not None


def faq_shown(ctx: Context) -> str | None:
    """The specific answer (faq id) of what was just shown (``shown_topic``), if it was one."""
    shown = ctx.state.get(ShownTopic)
    return shown.faq if shown is not None and shown_topic(ctx) is not None else None


def shown_topic(ctx: Context) -> str | None:
    """The topic shown to the person in the last FOLLOW_UP_FOR, if any."""
    shown = ctx.state.get(ShownTopic)
    if shown is None:
        return None
    return shown.topic if dt.timedelta(0) <= ctx.now - shown.at <= FOLLOW_UP_FOR else None

