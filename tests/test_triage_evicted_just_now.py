"""An eviction just carried out, or told with a "what now", is the writer homeless now: urgent.

"i got evicted, what now", "i just got evicted" and "jeg er lige blevet sat ud af min lejlighed" were not flagged: an
eviction told as done needed a day ("yesterday", "i dag"). An eviction years ago, someone else's, or one that may come
stays calm (guards).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

NOW = [
    "ok so i got evicted, what now??",
    "i literally just got evicted and idk where to go",
    "altså vi er lige blevet sat ud af vores lejlighed??",
    "fogeden har lige sat mig ud af lejligheden",
    "jeg blev sat ud af boligforeningen, hvad gør jeg nu",
    "min udlejer har lige sat os ud, hvad så nu",
]
HISTORY_OR_OTHERS = [
    "got evicted back in 2019, can i rent again now",
    "the family next door just got evicted, what now for the flat",
    "what now if i get evicted in the spring",
    "eviction was like 3 years back, what now with all the debt",
    "got evicted in 2021 what now for my credit",
]

test_an_eviction_just_done_is_urgent = expect(NOW, Urgency.URGENT, lang=DETECTED, how="at least")
test_an_eviction_long_ago_of_others_or_ahead_is_calm = expect(HISTORY_OR_OTHERS, Urgency.NONE, lang=DETECTED)
test_the_messages_are_our_own = our_own(NOW, HISTORY_OR_OTHERS)
