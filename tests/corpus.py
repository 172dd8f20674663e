"""How close a sentence of our own comes to the real messages (tests/data/real_messages*.tsv): a probe, example or
test sentence must not be a near copy of one, or the corpus would stop measuring text nobody on the project wrote."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

# As the other tests that read the corpus import it (one module name for mypy).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from real_messages import read_messages


@cache
def _real_lowered() -> tuple[str, ...]:
    return tuple(m.text.lower() for m in read_messages())


def closeness_to_real_messages(text: str) -> float:
    """The highest rapidfuzz token-set or partial ratio of ``text`` against any real message, case ignored."""
    own = text.lower()
    return max(max(fuzz.token_set_ratio(own, real), fuzz.partial_ratio(own, real)) for real in _real_lowered())
