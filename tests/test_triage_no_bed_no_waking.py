"""Three gaps found by playing a night through the bot (bot/data/triage.yaml):

- "The shelter is full" said as now is no bed tonight (``shelter_full``): it was no crisis at all. Asked ahead ("what
  if the shelter is full?") it is a question.
- "I don't want to wake up tomorrow" is the wish not to live, said plainly (``despair_strong``): it was only the learned
  model's urgent. Not wanting to wake up early for school is not.
- Someone under 18 left at home without food, money or an adult (``left_alone``) has no safe home: it was no crisis.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

NO_BED = [("the shelter is full tonight and it's -5 outside", "en"),
          ("herberget er fuldt i aften, hvor skal jeg gå hen", "da")]
ASKED_AHEAD = [("hvad gør man hvis herberget er fuldt", "da")]
NO_WAKING = [("i dont wanna wake up tomorrow morning", "en")]
EVERYDAY_WAKING = [("i dont want to wake up early tomorrow for school", "en")]


test_a_full_shelter_tonight_is_no_bed = expect(NO_BED, Urgency.URGENT, reason="nowhere_to_sleep")
test_a_question_ahead_or_an_early_morning_is_ordinary = expect([*ASKED_AHEAD, *EVERYDAY_WAKING], Urgency.NONE)
test_not_wanting_to_wake_up_tomorrow_is_an_emergency = expect(NO_WAKING, Urgency.EMERGENCY,
                                                              reason="suicide_or_self_harm")
test_the_sentences_are_our_own = our_own(NO_BED, ASKED_AHEAD, NO_WAKING, EVERYDAY_WAKING)


# Someone under 18 left at home without an adult's care (``left_alone``): no safe home, though nobody threw them out.
LEFT_ALONE = [("min mor er på afvænning og jeg er 16 og alene hjemme uden mad og penge", "da"),
              ("im 15 and my dad has left me alone for a week with no food in the house", "en")]
HOME_ALONE_FOR_FUN = [("jeg er 16 og er alene hjemme i weekenden, må jeg holde fest", "da")]

test_a_minor_left_alone_without_care_has_no_safe_home = expect(LEFT_ALONE, Urgency.URGENT,
                                                               reason="under_18_unsafe_home")
test_a_weekend_home_alone_is_ordinary = expect(HOME_ALONE_FOR_FUN, Urgency.NONE)
test_the_left_alone_sentences_are_our_own = our_own(LEFT_ALONE, HOME_ALONE_FOR_FUN)
