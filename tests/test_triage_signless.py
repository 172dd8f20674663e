"""Everyday life that names no crisis sign is not a crisis: sport, a game, teeth, the weather, food and drink at home,
a phone or a pet said in a short message. The learned second opinion read such messages as urgent or an emergency
("final score of the derby yesterday", "molar throbbing since sunday", "far drikker sig fuld hver aften"); harmless
topics now count as everyday causes (``everyday_topic`` in bot/data/triage.yaml), a drink is a danger only when it is
someone's drink (spiked), and being beaten at a game is no blow. Indirect crises in words no rule knows stay flagged.

The probes (tests/data/triage_signless_probes.tsv) were written for this test and never trained on; rows marked open
are what the bot still gets wrong, kept to measure (they are expected to fail)."""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect
from tests.triage_probes import probes

test_the_reported_everyday_messages_are_not_flagged = expect([
    # The probes that started this (the team's own words).
    "my mum drinks wine every night",
    "far drikker sig fuld hver aften",
    "final score of the derby yesterday",
    "molar throbbing since sunday",
    "my little brother hits my car with his football all the time",
], Urgency.NONE, lang=DETECTED)


test_everyday_life_that_names_no_sign_is_not_flagged = expect(
    probes("triage_signless_probes.tsv", "everyday"), Urgency.NONE, lang=DETECTED)


test_an_indirect_crisis_stays_flagged = expect(
    probes("triage_signless_probes.tsv", "crisis"), Urgency.URGENT, how="at least", lang=DETECTED)


test_a_danger_beside_a_harmless_topic_is_still_an_emergency = expect([
    # A drink is still a danger when it is someone's drink, and a blow beside a game is still a blow.
    "someone put something in my drink at the party and I can't stand up",
    "min bror slår mig når han taber i fifa",
    "my dad beats me when his team loses",
    # A harmless topic beside a danger: the danger decides.
    "my phone is dead and he is waiting outside my door with a knife",
    # A harmless topic beside a crisis sign (fear, not daring to sleep at home) is no everyday cause: the model decides.
    "far drikker sig fuld og smadrer alt i stuen, jeg er bange",
    "far drikker sig fuld hver aften og jeg tør ikke sove hjemme",
], Urgency.EMERGENCY, lang=DETECTED)


test_a_harmless_topic_with_no_sign_and_no_danger_is_not_raised_by_the_model = expect([
    # A night said beside a game is the game's night, not one to get through (triage11; the team's own words).
    "lost every single game of chess tonight lol",
    "stayed up till 3 playing minecraft tonight",
], Urgency.NONE, lang=DETECTED)
