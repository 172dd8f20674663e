"""A short message that is only a warning sign of suicide ("nobody would miss me", "I want to disappear") gets
the crisis line at once; the same words about something else do not."""

from __future__ import annotations

from bot.triage import Urgency
from tests.support import Chat
from tests.triage_cases import expect

test_a_warning_sign_of_suicide_on_its_own_is_an_emergency = expect([
    ("nobody would miss me", "en"),
    ("I want to disappear", "en"),
    ("jeg vil bare forsvinde", "da"),
    ("ingen ville savne mig", "da"),
    ("I keep having dark thoughts", "en"),
    ("my friend says nobody would miss her, what do I do?", "en"),
], Urgency.EMERGENCY, reason="suicide_or_self_harm")


test_the_same_words_about_something_else_are_not = expect([
    ("I want to disappear from social media for a while", "en"),
    ("I am tired of living with my parents, can I get my own place?", "en"),
    ("jeg vil gerne forsvinde fra min by og starte forfra i Aarhus", "da"),
    ("I had dark thoughts years ago but I am fine now, how do I find a flat?", "en"),
    ("I feel like a burden to my family because I don't have a job", "en"),
], Urgency.NONE)


def test_i_want_to_disappear_gets_the_crisis_line_not_a_housing_answer(sqlite_engine, make_app) -> None:
    chat = Chat(make_app(sqlite_engine), lang="en")
    chat.command("start")
    shown = "\n".join(m.text for m in chat.say("I want to disappear"))
    assert "70 20 12 01" in shown  # Livslinien
    assert "scam" not in shown.lower()  # it was answered with "I paid a deposit to a scammer"
