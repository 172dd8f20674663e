"""Five of triage13's open fresh probes mended by the lead (tests/data/triage_fresh3.tsv, now tuned=1): no point in
going on or waking up, a rope made ready, a room emptied with the writer on the pavement, one's clothes thrown out in
bin bags. The words are general; these everyday sentences beside them stay calm for the rules (the same words about a
place to live, an early morning, a trip, a charity bag or a trailer).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

# The rules read them now: before, only the learned model's hunch could (and did not always).
test_new_words_for_no_point_in_living_and_a_rope_made_ready_are_emergencies = expect([
    "honestly i see no point in going on like this",
    "ingen grund til at vågne i morgen tidlig, det hele er sort",
    "the rope is ready upstairs",
], Urgency.EMERGENCY, lang=DETECTED, by="rules and bot")


test_things_thrown_out_in_bags_is_urgent = expect([
    "stepmum threw my stuff in bin bags and left them in the hallway",
    "min far smed mine ting i sorte sække og sagde jeg ikke skal komme igen",
], Urgency.URGENT, lang=DETECTED, by="rules")


test_the_same_words_about_everyday_things_are_calm_for_the_rules = expect([
    "what is the reason to live in a kollegium instead of a flat",
    "hvad er meningen med at leve i et bofællesskab, er det billigere",
    "is there a point in going on a trip to aarhus to see rooms",
    "min vejleder spurgte om jeg vil fortsætte på studiet efter sommer",
    "I put my old clothes in bin bags for the charity shop",
    "my dad tied a rope to the trailer for the move",
], Urgency.NONE, lang=DETECTED, by="rules")
