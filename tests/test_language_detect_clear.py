"""A message clearly written in English is read as English by triage and retrieval too.

``detect_language`` counted function words only: "i was raped last night", "been homeless for 2 weeks" and "got kicked
out today" were Danish ("i" is Danish too, "was" no function word), so the chat's triage missed what only English
phrases name. Now the language a message is clearly written in (``clear_language``) decides first.
"""

from __future__ import annotations

import pytest

from knowledge.lexicon import detect_language
from knowledge.normalise import fold


@pytest.mark.parametrize(("text", "lang"), [
    ("i was raped last night", "en"),
    ("been homeless for 2 weeks", "en"),
    ("got kicked out today", "en"),
    ("homeless since monday", "en"),
    ("jeg er hjemløs", "da"),
    ("i nat sover jeg i opgangen", "da"),
    ("kan jeg få SU?", "da"),
])
def test_the_language_it_is_written_in(text: str, lang: str) -> None:
    assert detect_language(fold(text).split(), text) == lang
