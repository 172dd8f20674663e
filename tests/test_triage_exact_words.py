"""A word marked "=" in the triage rules matches only as written: a typo of it is not that word, even where the same
word is written unmarked (and so typo-tolerant) in another concept. The mark was cancelled that way for ~270 words:
the typo list is built from every unmarked use, and the marked phrase looked its word up in the same table."""

from __future__ import annotations

import pytest

from bot.triage import RULES_FILE, TYPO_MIN_LENGTH, Urgency, _concept_starts, _fold_pattern, _Matches, _rules, triage
from knowledge import yamlfile


def _typo(word: str) -> str:
    """One letter pair swapped inside the word (first and last letter kept): a typo the rules would forgive."""
    middle = len(word) // 2
    return word[:middle - 1] + word[middle] + word[middle - 1] + word[middle + 1:]


def _marked_alone() -> list[tuple[str, str]]:
    """(concept, word) for each phrase that is one long word marked exact, whose word is also written unmarked."""
    written = {name: [_fold_pattern(str(p)) for p in phrases]
               for name, phrases in yamlfile.parse(RULES_FILE.read_text(encoding="utf-8"))["concepts"].items()}
    unmarked = {w for ps in written.values() for p in ps for w in p if not w.startswith("=")}
    return sorted({(name, p[0][1:]) for name, ps in written.items() if "@" not in name for p in ps
                   if len(p) == 1 and p[0].startswith("=") and len(p[0]) > TYPO_MIN_LENGTH + 1
                   and p[0][1:] in unmarked and _typo(p[0][1:]) != p[0][1:]})


def test_some_exact_words_are_also_written_unmarked() -> None:
    # Without such words the test below would check nothing.
    assert len(_marked_alone()) >= 10


@pytest.mark.parametrize(("concept", "word"), _marked_alone())
def test_a_typo_of_an_exact_word_is_not_that_word(concept: str, word: str) -> None:
    rules = _rules()
    typo = _typo(word)
    other = tuple(p for p in rules.concepts[concept] if p not in {("=" + word,), (word,)})
    assert 0 in _concept_starts(rules, _Matches(rules, [word]), "da", concept)
    if not _Matches(rules, [typo]).starts(tuple(other)):
        assert 0 not in _concept_starts(rules, _Matches(rules, [typo]), "da", concept)


def test_an_unmarked_word_still_forgives_a_typo() -> None:
    # The exact mark stays where it is written: "fogedretten" is read with a letter missing.
    assert triage("fogedreten kommer i morgen og sætter mig ud, hvor skal jeg sove", "da").urgency is not Urgency.NONE
