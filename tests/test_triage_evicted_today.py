"""An eviction carried out today or last night is no home now: urgent (``evicted_done`` with ``evicted_when`` in
bot/data/triage.yaml, reason homeless_now). Before, "we got evicted this morning" and "vi blev sat ud i morges" were
no crisis at all: the eviction rule read only days ahead ("on Friday", "i morgen"). A notice, a question asked ahead
and an eviction years ago stay ordinary.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import closeness_to_real_messages
from tests.support import Chat

DONE = [
    ("we got evicted this morning, me and my little brother, bailiff was here", "en"),
    ("so we got evicted today, where do we even go now", "en"),
    ("i morges blev vi sat ud af fogeden", "da"),
    ("jeg blev sat ud i går af fogeden", "da"),
]
NOT_NOW = [
    ("what happens if i get evicted today", "en"),
    ("i got an eviction notice today", "en"),
    ("mine forældre blev sat ud for 5 år siden", "da"),
]


@pytest.mark.parametrize(("text", "lang"), DONE)
def test_an_eviction_carried_out_today_is_urgent(text: str, lang: str) -> None:
    found = triage(text, lang)
    assert found.urgency is Urgency.URGENT and "homeless_now" in found.reasons


@pytest.mark.parametrize(("text", "lang"), NOT_NOW)
def test_a_notice_a_question_or_an_old_eviction_is_not(text: str, lang: str) -> None:
    assert triage(text, lang).urgency is Urgency.NONE


def test_the_person_evicted_this_morning_gets_tonights_help_and_the_offer(sqlite_engine, make_app) -> None:
    chat = Chat(make_app(sqlite_engine), lang="da")
    chat.command("start")
    sent = chat.say("i morges blev vi sat ud af fogeden")
    assert sent[0].text.startswith("Du skal ikke stå alene med det her")
    assert any("medarbejder" in m.text for m in sent)


@pytest.mark.parametrize("text", [t for t, _ in (*DONE, *NOT_NOW)])
def test_the_sentences_are_our_own(text: str) -> None:
    assert closeness_to_real_messages(text) < 80
