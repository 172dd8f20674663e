"""Someone asking for a young person who has nowhere to sleep tonight (a friend, a parent) reads the safety
information about the young person ("Er den unge i fare ..."), not words meant for the one without a bed ("Har du
ikke et sted at sove i nat ..."); the young person writing for themselves still reads theirs."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation.texts import safety_reply
from bot.triage import Urgency


@pytest.mark.parametrize(("lang", "helper", "own"), [
    ("da", "Er den unge i fare, så ring 112.", "Har du ikke et sted at sove i nat"),
    ("en", "If the young person is in danger, call 112.", "If you have nowhere to sleep tonight"),
])
def test_the_helper_reads_about_the_young_person(knowledge, lang: str, helper: str, own: str) -> None:
    kb = knowledge[0]
    for_other = safety_reply(kb, lang, "roskilde", dt.date(2026, 12, 5), Urgency.URGENT, ("sleeps_outside",),
                             for_other=True).html
    assert helper in for_other and own not in for_other
    assert "116 111" in for_other, "the under-18 line stays"
    self_ = safety_reply(kb, lang, "roskilde", dt.date(2026, 12, 5), Urgency.URGENT, ("sleeps_outside",)).html
    assert own in self_ and helper not in self_
