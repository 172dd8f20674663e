"""Follow-ups and the pronouns for people, in the conversation core (bot/followup.py), and a strict dad in the chat.

- Just after the answer about being thrown out, "hvad med vores ting?" (what about our things?) got that topic's
  question about being thrown out with a child: "vores" matched its "hvem hjælper os?" and its examples' "vores barn".
  In a follow-up the pronouns say who, already said; its own words ("ting") choose the question, or the topic.
- "i live w my parents n they decide everything", just after the same answer, was read as its
  follow-up because "they" may point back; the message names whom "they" are itself ("my parents"), so it stands
  alone. A "they" with nobody named before it still points back.
- "jeg bor hos min far og han bestemmer alt" was asked "Er du i fare lige nu?" with 112 beside it.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from sqlmodel import Session, select

from bot.cases.models import Case
from tests.corpus import our_own
from tests.support import Chat

THROWN_OUT_DA = "mor har smidt mig ud i aften efter vi råbte af hinanden"
OUR_THINGS = "ok men hvad med vores ting??"
THROWN_OUT_EN = "my mum just kicked me out of the flat, tonight of all nights"
NAMES_THEM = "i live w my parents n they decide everything"
POINTS_BACK = "wait can they keep my keys"
STRICT_DAD = "jeg bor hos min far og han bestemmer alt"
WITH_CHILD = "Jeg er smidt ud og har mit barn med"


def thrown_out_answer(sent: list) -> bool:
    """The answer rated as the topic on being thrown out (its feedback buttons)."""
    return any((b.data or "").startswith("fb:smidt-ud:1") for s in sent for b in s.buttons)


def test_our_things_after_being_thrown_out_is_not_the_question_about_a_child(chat: Chat) -> None:
    chat.say(THROWN_OUT_DA)
    sent = chat.say(OUR_THINGS)
    assert thrown_out_answer(sent), "still a follow-up on being thrown out"
    assert not any(WITH_CHILD in s.text for s in sent)
    # The topic's own answer, which says what to take along.
    assert any("sundhedskort" in s.text for s in sent)


def test_a_message_that_names_whom_they_are_is_not_a_follow_up(chat: Chat) -> None:
    chat.say(THROWN_OUT_EN)
    sent = chat.say(NAMES_THEM)
    assert not thrown_out_answer(sent)
    assert not any(s.text.startswith("Thrown out by parents") for s in sent)


def test_they_with_nobody_named_before_it_still_points_back(chat: Chat) -> None:
    chat.say(THROWN_OUT_EN)
    assert thrown_out_answer(chat.say(POINTS_BACK))


def test_a_teenager_with_a_strict_dad_is_not_asked_whether_they_are_in_danger(chat: Chat) -> None:
    sent = chat.say(STRICT_DAD)
    assert not any("Er du i fare lige nu" in s.text or "112" in s.text for s in sent)
    with Session(chat.app.engine) as session:
        assert session.exec(select(Case)).first() is None


test_the_messages_are_our_own = our_own(THROWN_OUT_DA, OUR_THINGS, THROWN_OUT_EN, NAMES_THEM, POINTS_BACK, STRICT_DAD)
