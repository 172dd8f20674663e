"""Ordinary letters flagged urgent for words read as something they are not (issue 13, triage precision).

On the real messages' development parts (never the held-out ones), cross-validated, ordinary letters were flagged
urgent for:
- a bad night told ("I didn't sleep very well") read as a night without a bed;
- a seat on the couch ("I was sitting on the couch when ...") read as a borrowed bed;
- "without hurting him" read as a blow;
- a condition contrary to the facts ("if I had had a home") read as a home lacking now;
- the start of a story of homelessness told from after it ("I became homeless because ...") and how long it lasted
  ("I spent the next three years ...") read as going on.
Written here in our own words (bot/data/triage.yaml: ``insomnia``, ``couch_sitting``,
``hurt_feelings``, ``hypothetical``, ``story_time``, ``looking_back``). The same words beside a crisis
now stay urgent or an emergency.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

MISREAD = [
    ("Last week I didn't sleep very well because the neighbours on the third floor threw a birthday party with a brass "
     "band until four in the morning. Is there a number I can ring about noise in the building, or do I have to talk "
     "to the landlord first? I would prefer not to start a feud with them."),
    ("How do I ask my cousin to move out of my flat without hurting him? He has stayed with me since March and he is "
     "lovely, but my partner moves in soon."),
    ("I was sitting on the couch with my flatmate last night when she told me she is moving out to live with her "
     "girlfriend in Odense. Now I need to find someone new for the second bedroom. Where do people advertise a room "
     "for rent in Aarhus?"),
    ("Jeg sad i sofaen med min veninde i går, da hun fortalte, at hun ikke længere vil læse medicin. Hun vil hellere "
     "være tømrer. Hvordan støtter jeg hende, når hendes forældre bliver skuffede?"),
    ("I became homeless because my mum threw me out of the family home. It happened on a Sunday evening when the "
     "council offices were shut, and I had nowhere to go. A bus driver told me about a room for young people run by "
     "a charity, and that is how my new life started."),
    ("After my lease ran out, my landlord's brother ended up kicking me out of the annex. I spent the next three years "
     "moving between friends and a caravan in Randers, until the council gave me a flat. Today I'm a bus driver and I "
     "coach a girls' handball team."),
]

# Ordinary before too (kept as guards of the same readings).
ALSO_ORDINARY = [
    ("Jeg har været indlagt på psykiatrisk afdeling i Risskov siden februar. Jeg var blevet udskrevet for længe siden, "
     "hvis jeg havde haft et bosted, siger overlægen. Det har været en lang ventetid med mange samtaler, gåture i "
     "parken og ergoterapi om tirsdagen. Nu har kommunen endelig fundet en bostøttelejlighed til mig i Horsens, og "
     "jeg glæder mig til at male væggene gule."),
]

STILL_A_CRISIS = [
    ("My old teammate Rasmus gave me a place to stay in Kolding for a month, but this evening he said his girlfriend "
     "wants the room back. I have nowhere to sleep tonight and I'm at the bus station with my rucksack.",
     Urgency.URGENT),
    ("I haven't slept for three nights, I sleep on a bench in the park since my mum threw me out.", Urgency.URGENT),
    ("I was sitting on the couch when my boyfriend hit me in the face again. I am scared he will kill me tonight.",
     Urgency.EMERGENCY),
    ("My stepdad threw me out last night. I slept on a bench by the lake. I became homeless because he found my "
     "diary, what do I do now?", Urgency.URGENT),
    ("Min mor smed mig ud i går, og jeg har ikke noget sted at sove i nat. Jeg sad i sofaen hos en ven, men han siger "
     "jeg ikke kan blive.", Urgency.URGENT),
]

test_words_misread_as_a_crisis_are_not_flagged = expect(MISREAD + ALSO_ORDINARY, Urgency.NONE, lang=DETECTED)
test_the_same_words_beside_a_crisis_now_stay_flagged = expect(STILL_A_CRISIS, how="at least", lang=DETECTED)
test_the_sentences_are_our_own = our_own(MISREAD, ALSO_ORDINARY, STILL_A_CRISIS)
