"""Homelessness counted as time going on ("my second week of homelessness", "dag 3 som hjemløs"): urgent.

A development row of the twenty-second collection, a post that told its second week of homelessness, was read as
nothing: "been homeless" and "er hjemløs" were read, the noun and the count of days or weeks were not. Told as long
ago, as someone's school paper or about people in general, it stays calm.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

COUNTING = [
    "its my 2nd week being homeless, any shelters with free beds in roskilde?",
    "day 4 of homelessness, where can i shower",
    "we are in our third month of homelessness with a baby, can the kommune help",
    "min anden uge som hjemløs starter i dag, kan kommunen hjælpe mig med et værelse",
    "dag 3 som hjemløs, hvor er der gratis bad",
]
# A stay that ends on a date far ahead is no home that ends: the writer is homeless now (date31 read "have to be out"
# with "by March" as a later worry, which is right for "nowhere to live" ahead and wrong for a state said now).
HOMELESS_WITH_A_DATE = [
    "im homeless and the hostel wants me out by march, what are my options",
    "jeg er hjemløs og skal ud af herberget til 1. marts, hvad gør jeg",
]
CALM = [
    "i wrote a paper on the first weeks of homelessness for school, can you send sources",
    "people in their first week of homelessness often sleep at friends",
    "back in 2015, in my third month of homelessness, i found a job",
    "during my first week of homelessness years ago i slept at the station. today i volunteer there",
]

test_time_without_a_home_is_urgent = expect(COUNTING, Urgency.URGENT, lang=DETECTED)
test_homeless_now_with_a_stay_ending_far_ahead_is_urgent = expect(HOMELESS_WITH_A_DATE, Urgency.URGENT, lang=DETECTED)
test_a_story_or_a_topic_is_calm = expect(CALM, Urgency.NONE, lang=DETECTED, by="rules")
test_the_messages_are_our_own = our_own(COUNTING, HOMELESS_WITH_A_DATE, CALM)
