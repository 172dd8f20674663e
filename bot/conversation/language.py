"""English in, English out: which language a chat follows, from what the person writes.

A message clearly written in one language (``clear_language``) sets the chat's language, always. A very short
one ("anyone??", "hello?", "tak") tells less: it sets the language only while the person has written nothing
that told it yet, so a first "anyone??" is answered in English, while a Dane who has written "hej" or Danish
and then "thanks" keeps Danish, and "ok" or "👍" tells nothing. The language the person has written (or chosen
with /sprog) is kept as a part of the conversation state: one word, no text.
"""

from __future__ import annotations

import re

from bot.conversation.state import Part, State
from bot.models import Profile
from bot.replies import Incoming
from knowledge.lexicon import clear_language, short_language
from knowledge.normalise import fold

# "kan du skrive på engelsk?", "answer in danish please": a short message asking for a language (Danish words asking
# for English too). Longer, it is about something else ("I wrote the letter in English").
_ASKS_FOR = {"en": re.compile(r"\b(?:in|paa) (?:english|engelsk)\b|\benglish please\b"
                              r"|\b(?:speak|tale) (?:english|engelsk)\b|^(?:english|engelsk)$"),
             "da": re.compile(r"\b(?:in|paa) (?:danish|dansk)\b|\bdanish please\b|\bspeak danish\b"
                              r"|\btale dansk\b|^(?:danish|dansk)$")}
ASKS_FOR_MAX_WORDS = 8


class Spoken(Part):
    """The language the person has written clearly in or chosen; short messages do not move it."""

    key = "spoken"
    lang: str


def follow_language(incoming: Incoming, profile: Profile) -> None:
    """Switch the profile's language to the one the person writes in (for this reply and the next ones)."""
    if incoming.kind != "text" or not incoming.private:
        return
    state = State(profile)
    clear = asked_for(incoming.text) or clear_language(incoming.text[:2000])
    if clear is not None:
        profile.lang = clear
        if (spoken := state.get(Spoken)) is None or spoken.lang != clear:
            state.put(Spoken(lang=clear))
        return
    short = short_language(incoming.text)
    if short is not None and state.get(Spoken) is None:
        # Only the phone's setting (or the default) chose the language so far: the person's own word beats it,
        # and the next short word in the other language ("hej", then "thanks") does not flip it back and forth.
        profile.lang = short
        state.put(Spoken(lang=short))


def asked_for(text: str) -> str | None:
    """The language a short message asks the chat to write in, if any."""
    said = fold(text)
    if len(said.split()) > ASKS_FOR_MAX_WORDS:
        return None
    return next((lang for lang, pattern in _ASKS_FOR.items() if pattern.search(said)), None)


def chosen(profile: Profile, lang: str) -> None:
    """The person chose ``lang`` (/sprog): a short word in the other language does not undo that."""
    State(profile).put(Spoken(lang=lang))
