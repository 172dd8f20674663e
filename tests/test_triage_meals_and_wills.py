"""A meal, a shower or a will: everyday things the learned model read as a crisis.

- A free meal, breakfast or a shower asked for today (``daytime_help`` in bot/data/triage.yaml, an everyday cause for
  the model only): "where is there a free hot meal in town today" was urgent (the model's "today" and "in town").
- A will or an inheritance in the family (``everyday_topic``): "min onkel siger han vil skrive mig ud af sit testamente"
  was an emergency.

Beside a night outside, being thrown out, a blow or a wish to die they are as urgent as before.
Every sentence was written for this test (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

MEALS = [
    "where is there a free hot meal in town today",
    "any place near me to grab a free lunch",
    "varmt måltid gratis idag??",
    "hvor kan man få gratis morgenmad i byen i dag",
]
# A meal missed this morning, typed at the case questions: the model's emergency, and the suicide line came.
MORNING = ["har ik spist noget siden i morges tbh", "har ikk fået noget at spise siden i morges"]
WILLS = [
    "min onkel siger han vil skrive mig ud af sit testamente",
    "min mormor har skrevet mig ud af testamentet",
    "my grandma says she'll cut me out of the inheritance",
]
STILL_CRISES = [
    ("any place with a free hot meal tonight, i'm sleeping outside", Urgency.URGENT),
    ("et måltid mad, jeg sover på gaden", Urgency.URGENT),
    ("ikke spist i tre dage og vil ikke leve mere", Urgency.EMERGENCY),
    ("min onkel vil skrive mig ud af testamentet og i aftes smed han mig ud", Urgency.URGENT),
]

test_a_meal_asked_for_today_is_no_crisis = expect(MEALS, Urgency.NONE, lang=DETECTED)
test_a_meal_missed_this_morning_is_no_crisis = expect(MORNING, Urgency.NONE, lang=DETECTED)
test_a_will_in_the_family_is_no_crisis = expect(WILLS, Urgency.NONE, lang=DETECTED)
test_beside_a_crisis_they_stay_urgent = expect(STILL_CRISES, how="at least", lang=DETECTED)
test_the_messages_are_our_own = our_own(MEALS, MORNING, WILLS, STILL_CRISES)
