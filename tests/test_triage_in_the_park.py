"""Sleeping "in the park" is sleeping rough, as "in a park" and "i parken" already were; meeting there is not.

"we sleep in the park, can the kommune help us" and "i sleep in the park these days, where can i shower" were
NOTHING: bot/data/triage.yaml ``rough_place`` listed "in a park" but not "in the park". "In the park" is everyday
talk too, so it is read by the rule for sleeping there only (``rough_place_common``), not as a sign for the learned
model.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

SLEEPING_THERE = ["we sleep in the park near the harbour these days", "me and my dog sleep in the park at the moment",
                  "i sleep in the park these days, where can i shower", "we sleep in the park, can the kommune help us"]
# Everyday life in the park: "in the park" as a sign for the learned model made the first two urgent.
ONLY_THERE = ["our youth club meets in the park on sundays", "we walk the dog in the park every evening",
              "after school we hang out with mates in the park"]


test_sleeping_in_the_park_is_urgent = expect(SLEEPING_THERE, Urgency.URGENT, lang="en")
test_being_in_the_park_is_not = expect(ONLY_THERE, Urgency.NONE, lang="en")
test_the_messages_are_our_own = our_own(SLEEPING_THERE, ONLY_THERE)
