"""Working oneself to death is no suicide: "killing myself" with the work after it is effort.

The eighth collection's development part had one ordinary letter called an emergency: a graduate with debts who
writes how much he kills himself trying to get a job. Said with the work after it ("trying", "working",
"studying"), the words are masked; a wish to die in the same message still counts.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_killing_oneself_with_work_is_not_an_emergency = expect([
    "no matter how much I kill myself trying to find a flat, nobody calls back",
    "I've been killing myself working nights at the warehouse and the rent still eats it all",
    "killing myself studying for the exam while paying for a room I can barely afford",
], Urgency.NONE, lang=DETECTED)


test_a_danish_writer_working_himself_to_death_is_no_suicide_for_the_rules = expect(
    ["jeg slider mig selv ihjel på to jobs for at betale huslejen"], Urgency.NONE, lang=DETECTED, by="rules")


test_a_wish_to_die_still_is = expect([
    "I want to kill myself",
    "I'm killing myself working two jobs and honestly I want to kill myself tonight",
    "jeg vil slå mig selv ihjel",
], Urgency.EMERGENCY, lang=DETECTED)
