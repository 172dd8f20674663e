"""Shared by the triage sentence tests: a file lists its own sentences, the level each must be read at and why (in its
comments and test names); ``expect`` makes the test, so no file repeats a test body (and tests/corpus.py ``our_own``
the test that the sentences are the team's own).

    test_a_kitchen_injury_is_no_emergency = expect(KITCHEN, Urgency.NONE)
    test_the_messages_are_our_own = our_own(KITCHEN, HARM)

A row is a sentence, (sentence, language), (sentence, level) or (sentence, language, level); pytest.param rows (an
open probe's strict xfail, or a long letter's short id) pass through. The test ids are the rows, as with a plain
``pytest.mark.parametrize`` over them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

import pytest
from _pytest.mark import ParameterSet

from bot.triage import Triage, Urgency, by_rules, triage
from knowledge.lexicon import detect_language
from knowledge.normalise import fold

# A sentence; (sentence, language); (sentence, level); (sentence, language, level); or a pytest.param of them.
Row = str | tuple[str, str] | tuple[str, Urgency] | tuple[str, str, Urgency] | ParameterSet
Test = Callable[..., None]
How = Literal["exactly", "at least", "at most"]
By = Literal["bot", "rules", "rules and bot"]

# As ``lang``: the language the bot detects for each sentence (as tests/triage_probes.py ``level`` reads it).
DETECTED = "detected"


def read(text: str, lang: str = DETECTED, *, rules: bool = False) -> Triage:
    """The bot's finding for ``text`` (rules and the learned model), or the rules' alone, in ``lang``."""
    language = detect_language(fold(text).split(), text) if lang == DETECTED else lang
    return (by_rules if rules else triage)(text, language)


def meets(found: Urgency, level: Urgency, how: How) -> bool:
    """``found`` is exactly ``level``, or at least or at most it (none < urgent < emergency)."""
    if how == "at least":
        return found.rank >= level.rank
    if how == "at most":
        return found.rank <= level.rank
    return found is level


def expect(rows: Iterable[Row], level: Urgency | None = None, *, how: How = "exactly", lang: str = "da",
           by: By = "bot", reason: str | None = None, min_words: int = 0) -> Test:
    """A test that reads each row and asserts its level: the row's own where it has one, else ``level``.

    A row's own language wins over ``lang`` (a code, or DETECTED; "da" is triage()'s own default). ``by``: the whole
    bot, the rules alone, or the rules and then the bot (both must meet the level). ``reason``: one the finding must
    give. ``min_words``: each row must be longer than this (a letter, where only the rules can make an emergency).
    """

    def check(text: str, *details: str) -> None:
        own_level = [d for d in details if isinstance(d, Urgency)]
        own_lang = [d for d in details if not isinstance(d, Urgency)]
        want = own_level[0] if own_level else level
        assert want is not None, f"no level to expect for {text!r}"
        language = own_lang[0] if own_lang else lang
        assert not min_words or len(text.split()) > min_words, f"not longer than {min_words} words: {text!r}"
        for rules in {"bot": (False,), "rules": (True,), "rules and bot": (True, False)}[by]:
            found = read(text, language, rules=rules)
            said = f"{'rules' if rules else 'bot'} read {text!r} as {found.urgency} {found.reasons}"
            assert meets(found.urgency, want, how), f"{said}, not {how} {want}"
            assert reason is None or reason in found.reasons, f"{said}, without {reason}"

    return _parametrized(list(rows), check)


def _parametrized(rows: list[Row], check: Callable[..., None]) -> Test:
    """``check`` as a test over the rows, with the ids pytest gives them: the sentence, and its language or level."""
    widths = {_width(row) for row in rows} or {1}
    assert len(widths) == 1, "the rows of one test all have the same items (sentence, language, level)"
    width = widths.pop()
    if width == 1:

        @pytest.mark.parametrize("text", rows)
        def test_text(text: str) -> None:
            check(text)

        return test_text
    if width == 2:

        @pytest.mark.parametrize(("text", "detail"), rows)
        def test_pair(text: str, detail: str) -> None:
            check(text, detail)

        return test_pair

    @pytest.mark.parametrize(("text", "detail", "more"), rows)
    def test_triple(text: str, detail: str, more: str) -> None:
        check(text, detail, more)

    return test_triple


def _width(row: Row) -> int:
    if isinstance(row, ParameterSet):  # a NamedTuple: its values are the row
        return len(row.values)
    return 1 if isinstance(row, str) else len(row)
