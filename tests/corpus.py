"""How close a sentence of our own comes to the real messages (tests/data/real_messages*.tsv): a probe, example or
test sentence must not be a near copy of one, or the corpus would stop measuring text nobody on the project wrote."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import cast

import pytest
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


# The highest closeness a sentence of ours may have to a real message.
OWN_BELOW = 80


def our_own(*groups: Iterable[object] | str) -> Callable[[str], None]:
    """A test that every sentence of the groups stays below closeness OWN_BELOW to every real message; a group is one
    sentence or a list of sentences or of rows that start with one ((sentence, language), (sentence, level), ...).

        test_the_messages_are_our_own = our_own(KITCHEN, HARM, LETTER)

    The test ids are the sentences."""
    sentences = [_sentence(row) for group in groups for row in ([group] if isinstance(group, str) else group)]

    @pytest.mark.parametrize("text", sentences)
    def test_own(text: str) -> None:
        assert closeness_to_real_messages(text) < OWN_BELOW, text

    return test_own


def _sentence(row: object) -> str:
    """A row's sentence: the row, or its first item (a pytest.param's first item is its values, sentence first)."""
    while not isinstance(row, str):
        row = cast("Sequence[object]", row)[0]
    return row
