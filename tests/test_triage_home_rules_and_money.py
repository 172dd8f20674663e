"""A parent's rules at home and a tight budget are everyday life, not a danger.

The learned model read "jeg bor hos min far og han bestemmer alt" as an emergency (0.78: the "og han" of its violent
homes), and "jeg lever af su og den rækker aldrig helt" as despair (the "lever" and "ikke" of not wanting to live).
Naming nothing everyday it knew, they went to its unsure path: "are you in danger right now?" and 112, for a teenager
complaining about a strict dad, and a caseworker's queue full of them. A parent named with their rules
(``house_rules`` beside ``parent`` in bot/data/triage.yaml) and no crisis sign beside them, or a student grant or
making ends meet named (``everyday_cause``), is now an everyday cause: the model makes no emergency of it, and urgent
only with a home, a night or a danger named. The same rules with a blow, fear, a night out or someone holding the
writer stay urgent or an emergency.

Every message was written for this test, as young people write (typos, no capitals), and is checked against the
real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

EVERYDAY = [
    "jeg bor hos min far og han bestemmer alt",
    "bor ved min mor og hun kontrollerer alt hele tiden",
    "min stedfar bestemmer alt herhjemme og det er så træls",
    # "lade mig gå" is let go from someone holding the writer; "lade mig gå til festen" is a permission.
    "far gider ikke lade mig gå til festen hos emma",
    "my dad decides everything and i cant stand it",
    "i live w my mom and she controls evrything",
    "i stay w my parents n they control literally everything i do",
    "lever kun af su'en og pengene rækker bare ikk",
    "jeg lever af su og den rækker aldrig helt",
    "jeg lever bare af su og kan næsten ik få det til at løbe rundt",
    "min SU kan knap nok få det hele til at løbe rundt denne måned",
    "living off my student grant n can barely make ends meet lol",
]
EMERGENCY = [
    "he hits me when he decides I did something wrong",
    "min far bestemmer alt og slår mig hvis jeg siger nej",
    "my stepdad controls everything and he hurts me",
    "my dad controls everything and wont let me leave the house",
    "min far vil ikke lade mig gå og holder mig fast",
]
URGENT_AT_LEAST = [
    "min far har smidt mig ud og jeg har ingen steder at sove",
    "min far bestemmer alt og jeg tør ikke tage hjem i aften",
    "jeg lever af su men min udlejer har smidt mig ud og jeg sover på gaden",
    # A partner's control names no parent, and fear beside it: still the model's to ask about.
    "my gf controls every single thing i do and im scared of her",
]


test_a_parents_rules_or_a_tight_budget_is_neither_urgent_nor_an_emergency = expect(EVERYDAY, Urgency.NONE,
                                                                                   lang=DETECTED)
test_the_same_rules_with_a_blow_or_someone_holding_the_writer_are_an_emergency = expect(EMERGENCY, Urgency.EMERGENCY,
                                                                                        lang=DETECTED)
test_a_night_without_a_bed_or_fear_of_home_stays_flagged = expect(URGENT_AT_LEAST, Urgency.URGENT, how="at least",
                                                                  lang=DETECTED)
test_the_messages_are_our_own = our_own(EVERYDAY, EMERGENCY, URGENT_AT_LEAST)
