"""Short calm answers are not crises. Found by playing a young person's night (dayplay2): "ved ikke" at a question,
"det går alligevel fint nu, tak" and "jeg har alligevel fået et værelse" were emergencies from the learned model
alone (it read the "ikke" and the "alligevel" of its short emergencies), so someone saying they were fine got 112
and a case opened at once; "jeg har fundet et sted at sove i nat" was urgent by a rule. Teasing and boredom
(answer9's probes) are everyday causes. Our own words."""


from bot.triage import Urgency
from tests.triage_cases import expect

test_a_calm_answer_is_not_flagged = expect([
    "ved ikke",
    "det ved jeg ikke",
    "aner det ikke",
    "idk",
    "det går alligevel fint nu, tak",
    "jeg klarer mig alligevel",
    "jeg har alligevel fået et værelse",
    "jeg fik alligevel et sted at sove",
    "jeg har fundet et sted at sove i nat",
    "I found a place to sleep tonight, thanks",
    "I'm fine now, thank you",
    "jeg keder mig",
    "de andre i klassen driller mig",
], Urgency.NONE)


test_a_crisis_said_beside_calm_words_is_still_flagged = expect([
    ("vil ikke mere", Urgency.EMERGENCY),
    ("jeg er ok med at dø", Urgency.EMERGENCY),
    ("jeg klarer mig ikke mere", Urgency.EMERGENCY),
    ("orker ikke mere", Urgency.EMERGENCY),
    ("sidder på broen", Urgency.EMERGENCY),
    ("jeg har det fint men han slår mig stadig", Urgency.EMERGENCY),
    ("im fine, just standing on the bridge", Urgency.EMERGENCY),
    ("har det ok, har bare samlet alle mine piller", Urgency.EMERGENCY),
    ("ved ikke hvor jeg skal sove i nat", Urgency.URGENT),
    ("har brug for et sted at sove i nat", Urgency.URGENT),
    ("jeg har et sted at sove i nat men skal ud i morgen og har ingen steder at bo", Urgency.URGENT),
    ("de driller mig og jeg vil ikke leve mere", Urgency.EMERGENCY),
])
