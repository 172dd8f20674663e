"""Free of suicidal thoughts now is no emergency; free of them once and now they are back is one.

Collection 15's development part: a young woman out of a psychiatric ward wrote that she is free of suicidal thoughts
for the first time ("Er fri for selvmordstanker"), and was called an emergency, answered with the suicide topic.
Every message here was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

FREE_NOW = [
    "jeg er fri for selvmordstanker efter et halvt år i behandling og søger et værelse",
    "i am no longer suicidal but i need a place to live after the ward",
    "the ward helped, i am free from suicidal thoughts, can i get help with the deposit",
    "hun er ikke længere selvmordstruet og skal flytte i bofællesskab, hvad koster det",
]
BACK = [
    "a year without suicidal thoughts, free of suicidal thoughts even, and this week they came back again",
    "jeg var fri for selvmordstanker længe, men nu er tankerne tilbage",
    "im not suicidal anymore i thought, but the thoughts came back again last night",
    "selvmordstankerne er her igen, jeg er ikke længere fri for dem",
]

test_free_of_them_now_is_no_emergency = expect(FREE_NOW, Urgency.URGENT, how="at most", lang=DETECTED)
test_free_of_them_once_and_back_now_is_an_emergency = expect(BACK, Urgency.EMERGENCY, lang=DETECTED)
test_the_messages_are_our_own = our_own(FREE_NOW, BACK)
