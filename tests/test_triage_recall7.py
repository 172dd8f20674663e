"""Wording the seventh collection's development part showed the rules did not know (tests/data/real_messages_7.tsv,
dev7): an overdose written with a hyphen, a parent who hits the other parent, abuse said with "get", having to
leave by the weekend, a friend grabbed by the throat. In a letter only the rules can make an emergency (the learned
model judges short messages), so each sign is tested inside a letter. The words are our own, not the letters'."""

import pytest

from bot.triage import Urgency, triage
from bot.triage_model import MODEL_MAX_WORDS

# Ordinary background, long enough that the message is a letter.
BEFORE = ("Hi, I am in my last year of school and I live with my parents and my two younger sisters in a small town. "
          "I like football and drawing, and my teachers say I am doing fine. ")


def letter(core: str) -> str:
    text = BEFORE + core
    assert len(text.split()) > MODEL_MAX_WORDS
    return text


@pytest.mark.parametrize("core", [
    "Lately it is too much. I just want to take an over-dose and sleep forever.",
    "But when they fight my dad hits my mother and I hide in my room.",
    "At home I get abused by my uncle and nobody believes me.",
    "My friend called last night: her boyfriend grabbed her by the throat. She is scared to go home.",
])
def test_danger_now_in_a_letter_is_an_emergency(core: str) -> None:
    assert triage(letter(core), "en").urgency is Urgency.EMERGENCY


@pytest.mark.parametrize("core", [
    "Now my landlord says I need to leave by this weekend. Where do I go?",
    "The guy I sublet from says I need to leave by the weekend.",
])
def test_leaving_within_days_is_urgent(core: str) -> None:
    assert triage(letter(core), "en").urgency is Urgency.URGENT


@pytest.mark.parametrize("core", [
    "My dad used to hit my mom when I was little, but that was years ago. Can I get SU when I start school?",
    "I need to leave for work at 7 every day. Can I still get SU?",
    "We visit my grandma this weekend. Can I bring my dog to the dorm after?",
    "I had a sore throat all week and missed my exam. Can I still get SU?",
])
def test_the_same_words_about_the_past_or_plans_stay_ordinary(core: str) -> None:
    assert triage(letter(core), "en").urgency is Urgency.NONE
