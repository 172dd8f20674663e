"""Hurt by a person is violence; hurt by words is feelings.

Checking answer12's language-apart stems, the lead asked "I got hurt by my brother last night": only the learned
model called it an emergency, with no reason the answer could follow, so the young person got the suicide topic
(before: the night shelter) instead of violence at home. "Hurt by my/him/her/them" is violence for the rules now;
hurt by someone's words or what they said is not.
"""

from __future__ import annotations

import datetime as dt

from bot.answering import answer
from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_hurt_by_a_person_is_violence = expect([
    "got hurt by my brother again yesterday evening",
    "i keep getting hurt by him when he drinks",
], Urgency.EMERGENCY, lang="en", reason="violence_or_threats")


def test_the_answer_follows_the_violence(knowledge) -> None:
    kb, index = knowledge
    got = answer(kb, index, "got hurt by my brother again yesterday evening", lang="en", today=dt.date(2026, 12, 5),
                 threshold=0.5)
    assert got.topic == "vold-i-hjemmet"


test_hurt_by_words_is_not_an_emergency = expect([
    "I was so hurt by my mum's harsh words about my grades",
    "honestly really hurt by what my flatmate said about me",
    "my girlfriend hurt my feelings when she forgot my birthday",
], Urgency.URGENT, how="at most", lang=DETECTED)
