"""Small talk: "hej", "tak", "farvel", "er du en robot?", "hallo?", a swear word, a row of emoji.

Such a message is no question, and answering it with "I'm not sure I understood" (or with the halls of residence
for "hallo?") is a poor start. It gets a short, friendly reply and the menu (bot/conversation/talk.py).
A message is small talk only when nothing else is in it; the phrases are data (bot/data/smalltalk.yaml).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from knowledge import yamlfile
from knowledge.normalise import fold

DATA = Path(__file__).resolve().parent / "data" / "smalltalk.yaml"
KINDS = ("swearing", "missed", "robot", "abilities", "language", "more", "unclear", "bye", "thanks", "ping", "greeting",
         "ack")
# Longer than this it is a message, whatever words it has.
MAX_WORDS = 8
_REPEATS = re.compile(r"(.)\1+")
# Emoji of sadness or pain ("😭😭😭"): a feeling, answered warmly, not "write your question in a few words".
SAD_EMOJI = frozenset("😭😢😞😔😟😥😰😓😩😫😖😣☹🙁💔🥺😿🥀")


def sad_emoji_only(text: str) -> bool:
    """Whether ``text`` is only emoji or punctuation, and one of them is sad ("😭😭", "💔", "😢?")."""
    return not fold(text).split() and bool(set(text) & SAD_EMOJI)


@cache
def _phrases(path: Path = DATA) -> tuple[list[tuple[tuple[str, ...], str]], frozenset[str]]:
    """(phrase, kind) longest first, and the filler words."""
    raw = yamlfile.parse(path.read_text(encoding="utf-8"))
    phrases = [(tuple(fold(str(p)).split()), kind) for kind in KINDS for p in raw[kind]]
    phrases.sort(key=lambda item: -len(item[0]))
    return phrases, frozenset(fold(" ".join(raw["filler"])).split())


def small_talk(text: str) -> str | None:
    """The kind of small talk ``text`` is ("greeting", "thanks", ..., "emoji"), or None for a real message."""
    words = fold(text).split()
    if not words:
        # Nothing but emoji or punctuation ("👍", "😭😭", "???"); a sad one is a feeling.
        if sad_emoji_only(text):
            return "feeling"
        return "emoji" if text.strip() else None
    if len(words) > MAX_WORDS:
        return None
    kinds = _cover(words) or _cover([_REPEATS.sub(r"\1", w) for w in words])
    if not kinds:
        return None
    return min(kinds, key=KINDS.index)


def _cover(words: list[str]) -> set[str] | None:
    """The kinds of the phrases that make up ``words`` entirely (with filler words), or None if something is left."""
    phrases, filler = _phrases()

    def cover(i: int) -> set[str] | None:
        if i == len(words):
            return set()
        for phrase, kind in phrases:
            if tuple(words[i : i + len(phrase)]) == phrase:
                rest = cover(i + len(phrase))
                if rest is not None:
                    return {kind, *rest}
        if words[i] in filler:
            return cover(i + 1)
        return None

    return cover(0) or None
