"""How easy a Danish text is to read: LIX (läsbarhetsindex), the measure Danish plain-language guides use.

LIX = words per sentence + 100 * share of long words (more than six letters). Under 30 is easy (children's
books, tabloids), 30-40 ordinary, over 40 hard. Husly's answers aim for a mean of at most 30.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé0-9]+(?:-[A-Za-zÆØÅæøå]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")
_ENDS_WITH_STOP = re.compile(r"[.!?:]\s*$")


def lix(text: str) -> float:
    """LIX = words/sentences + 100 * long words (over 6 letters)/words."""
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text.strip())) + (not _ENDS_WITH_STOP.search(text)))
    long_words = sum(len(w) > 6 for w in words)
    return len(words) / sentences + 100 * long_words / max(1, len(words))


def mean_lix(texts: Iterable[str]) -> float:
    scores = [lix(t) for t in texts]
    return sum(scores) / len(scores) if scores else 0.0
