"""A fresh probe set (tests/data/triage_fresh2.tsv), written before the triage was changed for it and never trained on:
everyday and housing messages of every length, some long letters with a diagnosis, the police, past violence or a dead
parent in the background and an ordinary question, must not be flagged; crises going on now, said indirectly, must be.
Rows marked open are what the bot still gets wrong, kept to measure (they are expected to fail)."""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect
from tests.triage_probes import probes

test_an_everyday_or_housing_message_is_not_flagged = expect(
    probes("triage_fresh2.tsv", "everyday"), Urgency.NONE, lang=DETECTED)


test_a_crisis_said_indirectly_is_flagged = expect(
    probes("triage_fresh2.tsv", "crisis"), Urgency.URGENT, how="at least", lang=DETECTED)
