"""An eviction carried out today or last night is no home now: urgent (``evicted_done`` with ``evicted_when`` in
bot/data/triage.yaml, reason homeless_now). Before, "we got evicted this morning" and "vi blev sat ud i morges" were
no crisis at all: the eviction rule read only days ahead ("on Friday", "i morgen"). A notice, a question asked ahead
and an eviction years ago stay ordinary.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.support import Chat
from tests.triage_cases import expect

DONE = [
    ("we got evicted this morning, me and my little brother, bailiff was here", "en"),
    ("so we got evicted today, where do we even go now", "en"),
    ("i morges blev vi sat ud af fogeden", "da"),
    ("jeg blev sat ud i går af fogeden", "da"),
]
NOT_NOW = [
    ("what happens if i get evicted today", "en"),
    ("an eviction notice landed in my letterbox today", "en"),
    ("mine forældre blev sat ud for 5 år siden", "da"),
]


test_an_eviction_carried_out_today_is_urgent = expect(DONE, Urgency.URGENT, reason="homeless_now")
test_a_notice_a_question_or_an_old_eviction_is_not = expect(NOT_NOW, Urgency.NONE)


def test_the_person_evicted_this_morning_gets_tonights_help_and_the_offer(sqlite_engine, make_app) -> None:
    chat = Chat(make_app(sqlite_engine), lang="da")
    chat.command("start")
    sent = chat.say("i morges blev vi sat ud af fogeden")
    assert sent[0].text.startswith("Du skal ikke stå alene med det her")
    assert any("medarbejder" in m.text for m in sent)


test_the_sentences_are_our_own = our_own(DONE, NOT_NOW)
