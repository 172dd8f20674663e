"""What a person gets while the database is away: composed from memory alone (the knowledge base and triage).

Someone in crisis gets the safety information at once (112, the crisis line for what they wrote, where to go
tonight); everyone else gets one short "I'm slow right now". Their update is kept (inbox or spool) and answered
in full once the database is back.
"""

from __future__ import annotations

import datetime as dt

from bot.conversation.texts import safety_reply
from bot.i18n import _, normalise_lang, use_lang
from bot.replies import Incoming, Reply, esc
from bot.triage import Urgency, crisis_ahead, triage
from knowledge.lexicon import detect_language, detect_municipality, other_place
from knowledge.loader import KnowledgeBase
from knowledge.normalise import fold


def language_of(incoming: Incoming) -> str:
    """The message's own language when it shows one, else the language the person's app is set to."""
    text = incoming.text or ""
    tokens = fold(text).split()
    if detect_language(tokens, text) == "en":
        return "en"
    return "da" if any(ch in "æøåÆØÅ" for ch in text) else normalise_lang(incoming.language_code)


def safety_now(kb: KnowledgeBase, incoming: Incoming, today: dt.date) -> Reply | None:
    """The safety information for an urgent or emergency message; None when triage finds neither."""
    if incoming.kind != "text" or not incoming.private or not incoming.text.strip():
        return None
    lang = language_of(incoming)
    result = triage(incoming.text, lang)
    if result.urgency is Urgency.NONE:
        return None
    municipality = detect_municipality(fold(incoming.text).split())
    elsewhere = other_place(fold(incoming.text).split()) if municipality is None else None
    safety = safety_reply(kb, lang, municipality, today, result.urgency, result.reasons,
                          ahead=crisis_ahead(incoming.text, result), elsewhere=elsewhere)
    with use_lang(lang):
        intro = esc(_("I am slow right now, so first the most important thing. I will answer you fully soon."))
        danger = "" if result.urgency is Urgency.EMERGENCY else (
            "<b>" + esc(_("If you are in danger right now, call 112.")) + "</b>\n\n")
    return Reply(f"{intro}\n\n{danger}{safety.html}", buttons=safety.buttons)


def slow_notice(incoming: Incoming) -> Reply:
    """One short notice that the answer is coming (sent at most once per chat while the database is away)."""
    with use_lang(language_of(incoming)):
        return Reply(esc(_("I am slow right now, but I have your message and will answer soon. "
                           "If you are in danger, call 112.")))
