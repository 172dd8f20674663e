"""Short chat is no question: a feeling ("jeg er så træt"), a call ("anyone??") or a remark ("er du sur på mig")
gets small talk or an honest "I'm not sure" with the menu, not one topic said with confidence (bot/answering.py:
thin, _chat_kind), while short questions about a topic are still answered.

On lead, "anyone??" got the privacy topic, "jeg er så træt" and "im so tired" the answer about a friend who is tired
of one staying on their sofa, "er du sur på mig" the topic about violence at home. The probes below were written
for this test; each is checked against every real-message collection (rapidfuzz token_set_ratio and partial_ratio
both below 80), except the ones the task named word for word (NAMED), which no check of that kind can pass."""

from __future__ import annotations

import datetime as dt
import sys
from functools import partial
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tests.support import engine_answer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_messages import read_messages  # noqa: E402

TODAY = dt.date(2026, 12, 1)
CHAT = (
    "anyoneee out thereee??",
    "jeg er sååå mega træt altså",
    "im soooo tiredd omg",
    "er du sur på mig nu?? :(",
    "hvorfor svarr du ik??",
    "haha du er sjov",
    "lol du er en sjov robot",
    "ej hvor er du langsom",
    "hallooooo nogen derudeee",
    "hvad så skatter",
    "whats good my guy",
    "omg ok",
    "yo yo yo",
    "hmmm ved ik rigtig",
    "jeg keder mig så meget haha",
    "so bored lmao",
    "du fatter ingenting",
    "nvm glem det",
    "never mind lol",
    "ahh okay ja",
    "mkay",
    "fuck mit liv lol",
    "are u a real person or wat",
    "hvem snakker jeg med egentlig",
    "hæ?",
    "ka du li pizza",
    "what's ur name",
    "hvad hedder du",
    "godnat du",
    "im so sleepy lol",
    "jeg er så søvnig",
    "hvad laver du i aften?",
    "du er for langsom mand",
    "im rly sad rn",
)
QUESTIONS = (
    ("hvad koster et kollegieværelse ca", "kollegium"),
    ("what's a youth housing flat?", "ungdomsbolig"),
    ("hvor meget er kontanthjælpen for en på 19", "kontanthjaelp"),
    ("how do students get SU", "su"),
    ("skæve boliger hvad er det lige", "skaev-bolig"),
    ("hvad betyder housing first", "housing-first"),
    ("hjælp til depositum??", "depositum"),
    ("psykolog gratis?", "psykisk-sundhed"),
    ("hvordan søger jeg SU egentlig", "su"),
    ("kan jeg få indskudslån", "indskudslaan"),
)
# Named in the task word for word.
NAMED_CHAT = ("anyone??", "jeg er så træt", "jeg er træt af det", "im so tired", "er du sur på mig",
              "jeg er ked af det")
NAMED_QUESTIONS = (("hvad er SU", "su"), ("boligstøtte?", "boligstoette"),
                   ("hvordan får jeg en ungdomsbolig", "ungdomsbolig"))


ask = partial(engine_answer, today=TODAY)


@pytest.mark.parametrize("text", CHAT + NAMED_CHAT)
def test_short_chat_gets_no_confident_topic(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert not found.confident and found.kind in ("small_talk", "not_sure"), (found.kind, found.topic)


@pytest.mark.parametrize(("text", "topic"), QUESTIONS + NAMED_QUESTIONS)
def test_a_short_question_is_still_answered(knowledge, text: str, topic: str) -> None:
    found = ask(knowledge, text)
    assert found.confident and found.kind == "answer" and found.topic == topic, (found.kind, found.topic)


def test_a_feeling_gets_a_warm_line_and_a_call_hears_that_husly_is_there(knowledge) -> None:
    tired = ask(knowledge, "jeg er så træt")
    assert tired.kind == "small_talk" and tired.reply.html.startswith("Det er helt okay at have det sådan.")
    assert ask(knowledge, "im soooo tiredd omg").kind == "not_sure"
    call = ask(knowledge, "anyone??")
    assert call.kind == "small_talk" and call.reply.html.startswith("Jeg er her."), call.reply.html


def test_a_feeling_that_names_a_topic_offers_it_under_the_warm_line(knowledge) -> None:
    sad = ask(knowledge, "jeg er ked af det")
    assert sad.kind == "small_talk" and not sad.confident
    assert sad.reply.buttons[0][0].data == "t:psykisk-sundhed", sad.reply.buttons


def test_a_need_said_in_a_word_or_two_is_still_answered(knowledge) -> None:
    cold = ask(knowledge, "jeg fryser")
    assert cold.confident and cold.topic == "natvarmestue"


def test_the_probes_are_our_own_not_near_copies_of_real_messages() -> None:
    real = [m.text for m in read_messages()]
    assert len(CHAT) >= 30 and len(QUESTIONS) >= 10
    for own in (*CHAT, *(q for q, _ in QUESTIONS)):
        close = max(max(fuzz.token_set_ratio(own, text), fuzz.partial_ratio(own, text)) for text in real)
        assert close < 80, own
