"""Not wanted in one's home any more, afraid to go home, or unsafe in it at 15, is urgent, in the writers' words.

The eighth collection's development part (tests/data/real_messages_8.tsv) had two urgent letters the rules let
through: a 15-year-old who does "not feel safe or comfortable" in her own home, and a student whose housemate
"didn't want me in the apartment anymore" and who was "forced to find a new place". The words added are general
(unsafe with a word between, not wanted in a home any more, forced to find a new place); a home word must stand
beside "not wanted", so a break-up ("he doesn't want me anymore") is no eviction.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_not_wanted_or_unsafe_in_ones_home_is_urgent = expect([
    "I am fifteen, mum is drunk every night and I don't feel safe or welcome in my own home",
    "jeg er 16 og føler mig ikke tryg og glad i mit eget hjem",
    "my flatmate said he doesn't want me in the flat anymore, I have nowhere to go",
    "min mor vil ikke have mig boende længere og jeg er tvunget til at finde et nyt sted",
    "after the fight my stepdad didn't want me in the house any more",
    "my landlord's son moved back so I was forced to find a new place to live this week",
    # Wanted out at 17, or afraid to go home (probes the lead wrote: both were none).
    "i'm 17, expecting a baby, and my parents want me out",
    "min mor siger hun vil ha mig ud af huset og jeg er sytten",
    "honestly im scared to go home tonight",
    "jeg er bange for at tage tilbage til lejligheden pga min eks",
], Urgency.URGENT, lang=DETECTED, by="rules")


test_everyday_words_beside_them_stay_calm = expect([
    "he doesn't want me anymore after the break-up",
    "I don't feel safe or confident driving at night",
    "the council closed the hall so our choir was forced to find a new place to rehearse",
    "when I was 15 I didn't feel safe or welcome in my own home",
    "my boss wants me out of the office by five",
    "jeg er bange for at tage hjem og fortælle dem om min karakter i matematik",
    "scared to go home with this report card haha",
], Urgency.NONE, lang=DETECTED, by="rules")


# The lead's night in the terminal chat: the learned model read "låst" as a locked door of danger, and a
# 16-year-old locked out got the suicide line and an emergency case.
test_locked_out_of_home_is_urgent_not_a_danger_to_life = expect([
    "min stedfar har låst døren og jeg kan ik komme ind, jeg er 16",
    "min kæreste har låst mig ude",
], Urgency.URGENT, lang=DETECTED)


test_locked_in_is_still_an_emergency = expect([
    "stedfar har spærret mig inde på værelset hele dagen",
    "my stepdad locked me in the bathroom, i cant get out",
], Urgency.EMERGENCY, lang=DETECTED)
