"""An answer asks for the person's municipality only while it is not known, and a crisis asks once.

A 19-year-old thrown out in Randers read "Skriv, hvilken kommune du bor i, så får du de lokale numre" twice, each
time right above Randers's own help; without a municipality the crisis asked for it three times in two messages.
"""

from __future__ import annotations

import re

import pytest

from bot.conversation.cards import without_place_request
from knowledge.loader import load
from tests.support import Chat, texts

THROWN_OUT = "min far har smidt mig ud i går og min ven siger jeg kun kan sove der i nat. hvad skal jeg gøre"
# Any sentence of the knowledge base that asks for the municipality, however it is worded.
ASKS = re.compile(r"\b(skriv|fortæl),? (mig )?(din|hvilken|hvor)\b[^.!?]*\b(kommune|by)\b|"
                  r"\btell me\b[^.!?]*\b(municipality|town|city)\b", re.IGNORECASE)
SAID_ASK = re.compile(r"Skriv,? (hvilken|din) kommune|Hvilken kommune er du i")


def knowledge_texts() -> list[tuple[str, str]]:
    found = []
    for topic in load().topics.values():
        for lang in ("da", "en"):
            found.append((topic.id, topic.answer.get(lang)))
            found.extend((f"{topic.id}/{entry.id}", entry.a.get(lang)) for entry in topic.faq)
    return found


@pytest.mark.parametrize(("where", "text"), knowledge_texts())
def test_every_request_for_the_municipality_in_the_knowledge_base_can_be_left_out(where: str, text: str) -> None:
    assert not ASKS.search(without_place_request(text)), where


def test_a_crisis_in_a_named_municipality_does_not_ask_for_it(chat: Chat) -> None:
    sent = texts(chat.say(THROWN_OUT + " jeg bor i Randers"))
    assert "Randers" in sent
    assert not SAID_ASK.search(sent)


def test_a_crisis_without_a_municipality_asks_for_it_once(chat: Chat) -> None:
    sent = texts(chat.say(THROWN_OUT))
    assert len(SAID_ASK.findall(sent)) == 1


def test_an_answer_shown_for_a_municipality_does_not_ask_for_it(chat: Chat) -> None:
    assert SAID_ASK.search(texts(chat.say("hvordan får jeg en ungdomsbolig")))
    sent = texts(chat.say("aarhus"))
    assert "Aarhus" in sent and not SAID_ASK.search(sent)
