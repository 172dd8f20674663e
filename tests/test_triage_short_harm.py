"""Short messages that say an overdose, self-harm or sex as the price of a bed, as done or going on, are emergencies.

triage12's waiting probes found them missed (none, or only urgent): "har lige slugt alt i medicinskabet", a strip of
paracetamol "downed" an hour ago, a forearm cut deep and still bleeding, a host who wants the writer in his bed "or
i'm out". The words are general (swallowing or downing pills or medicine, cutting an arm or wrists, sex as the
price of a bed), not the probes'.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_an_overdose_self_harm_or_coercion_said_short_is_an_emergency = expect([
    "jeg har slugt en masse tabletter for lidt siden",
    "har slugt hele glasset med sovepiller",
    "jeg slugte alle pamolerne i skuffen",
    "i downed all my sleeping pills",
    "just swallowed a load of paracetamol",
    "swallowed every tablet in the bathroom cabinet",
    "jeg har snittet mig i armen og det holder ikke op med at bløde",
    "skar i underarmen i nat, den bløder stadig",
    "i slashed my wrists",
    "cut my wrists again tonight",
    "the guy whose couch i sleep on says i have to sleep with him or leave",
    "han siger jeg skal sove med ham ellers ryger jeg ud",
    "my landlord says i can pay with sex instead of rent",
], Urgency.EMERGENCY, lang=DETECTED)


test_everyday_swallowing_cutting_and_sleeping_over_are_not = expect([
    "i downed three coffees before the exam",
    "swallowed my pride and called my dad",
    "jeg har snittet løg til aftensmaden",
    "jeg snittede armen af kyllingen",
    "min kæreste vil have jeg sover hos ham i weekenden",
    "jeg har slugt en flue",
    "jeg skar mig på et glas da jeg vaskede op",
    "could i stay at my mates parents place for a week",
], Urgency.URGENT, how="at most", lang=DETECTED)
