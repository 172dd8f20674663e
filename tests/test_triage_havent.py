""""I haven't" read as a harbour. The Danish "i havnen" (a night outside in ``rough_place``, water to jump in in
``life_danger``) matched "I haven't" as a typo ("haven" is one letter off "havnen"): "I haven't slept properly in weeks"
was a night outside to the rules, and "I haven't eaten since breakfast" named a danger to life to the learned model.
Found on a development letter of the real messages (a journal: "I haven't been able to think of myself" was a rough
place); written here in our own words.

Open: marking "havnen" exact ("=havnen") mends both, but then fewer urgent held-out messages are flagged (61 of 66,
the gate in tests/test_real_messages.py wants 63): the typo stands in for wording no rule reads. The sixteenth session
read first what it had stood in for, as rules of their own: no bed or no roof for nights (``bedless``: "I haven't slept
in a bed for three nights", "haven't slept inside since Friday") and sleeping by the harbour (``rough_place``: "jeg
sover ved havnen", "by the harbour"). Still 61 of 66 with "havnen" exact, and with "haven't" masking only the
harbour and the model's dangers (``masked_by``) too: the held-out messages lost are not ones to study, so it stays open
until new development messages show what else the typo reads.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, Row, expect

OPEN = pytest.mark.xfail(strict=True, reason="open: 'I haven't' is read as 'i havnen'")

HAVENT: list[Row] = [
    pytest.param("I haven't slept properly in weeks because of my exams and my back hurts.", marks=OPEN),
    pytest.param("I haven't eaten anything since breakfast and I feel weird.", marks=OPEN),
]

STILL_A_NIGHT_OUT = [
    ("Jeg har sovet i havnen i to nætter, fordi min kæreste smed mig ud.", Urgency.URGENT),
    ("I slept by the harbour last night because my girlfriend kicked me out of the flat.", Urgency.URGENT),
    ("I haven't slept in a bed for three nights, I've been walking around town.", Urgency.URGENT),
    ("i havent slept inside since friday, just walking around", Urgency.URGENT),
    ("har ikke sovet indenfor i tre nætter", Urgency.URGENT),
    ("jeg sover ved havnen, fordi jeg ikke har andre steder", Urgency.URGENT),
    ("jeg har sovet ved havnen de sidste tre nætter", Urgency.URGENT),
]

test_i_havent_is_no_harbour = expect(HAVENT, Urgency.NONE, lang=DETECTED, by="rules and bot")
test_a_night_out_is_flagged = expect(STILL_A_NIGHT_OUT, how="at least", lang=DETECTED, by="rules and bot")
test_the_messages_are_our_own = our_own(HAVENT, STILL_A_NIGHT_OUT)
