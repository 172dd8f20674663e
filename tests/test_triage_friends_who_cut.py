"""Friends who cut themselves, or who self-harm, are in danger now, as a friend who "cuts herself" already was.

"my friends cut themselves and i dont know what to do" and "my best friend self harms every day" were NOTHING:
bot/data/triage.yaml ``suicide`` listed "cuts herself" and "cut himself" but no plural and no "self harms".
Cutting told as over ("used to cut themselves, stopped years ago") stays history.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

GOING_ON = ["my two best mates cut themselves and hide it from everyone", "my sister self harms every week",
            "i found out my friends are cutting themselves, what do i say to them"]
OVER = "both of them used to cut themselves in year 8 but they stopped long ago"


test_friends_who_cut_now_are_an_emergency = expect(GOING_ON, Urgency.EMERGENCY, lang="en")
test_cutting_long_over_is_not = expect([OVER], Urgency.NONE, lang="en")
test_the_messages_are_our_own = our_own(GOING_ON, OVER)
