"""A throwing out feared for tonight or today is urgent: "tonight" is no worry about later.

"jeg er bange for at min far smider mig ud i nat" and "i am scared my dad will kick me out tonight" were not flagged:
the worry words ("bange for at min", "afraid my", "worried my") read every fear as a worry ahead. A fear with no day
stays a worry (guards).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

TONIGHT = [
    "har mega angst for at far smider mig ud i nat",
    "im worried my stepmom throws me out tonight when she finds out",
    "pretty sure my mum is gonna throw me out today",
    "min veninde er bange for at hendes far smider hende ud i nat",
    "jeg tror min stedfar smider mig ud i aften, hvad gør jeg",
]
# The same fears with no day.
LATER = [
    "jeg er bekymret for at min stedmor smider mig ud når hun opdager det",
    "im worried my stepmom throws me out when she finds out",
]

test_a_throwing_out_feared_for_tonight_is_urgent = expect(TONIGHT, Urgency.URGENT, lang=DETECTED, how="at least")
test_a_fear_with_no_day_is_calm = expect(LATER, Urgency.NONE, lang=DETECTED)
test_the_messages_are_our_own = our_own(TONIGHT, LATER)
