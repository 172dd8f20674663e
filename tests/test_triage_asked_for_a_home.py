"""Asking Husly for a home is no crisis: "har I et værelse til mig?" got "are you in danger right now?".

The learned model read "mig og min kæreste" and "lille" as a crisis ("har du et værelse til mig" it did not); a
question to Husly for a home is answered with the homes (bot/listings/filters.py). Said with a night without a bed
or a danger, the rules flag it as before.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.triage import Urgency, triage
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 4)

CALM = [
    "har i et værelse til mig? gerne et sted tæt på banegården",
    "har I et lille værelse til mig og min kæreste fra februar",
    "har i et billigt værelse til mig og min hund i roskilde",
    "har I en lille lejlighed til mig og min søster når vi flytter",
]
DANGER = [
    ("har i et værelse til mig i nat, jeg sover udenfor ved stationen", Urgency.URGENT),
    ("har I en seng til mig i aften? stedmor smed mig ud efter aftensmaden og jeg står på gaden", Urgency.URGENT),
    ("har i et værelse til mig? min storebror har tævet mig to gange i dag og jeg tør ikke gå hjem", Urgency.EMERGENCY),
]

test_the_messages_are_our_own = our_own(CALM, [m for m, _ in DANGER])


@pytest.mark.parametrize("message", CALM)
def test_asking_for_a_home_is_no_crisis(message: str) -> None:
    assert triage(message, "da").urgency is Urgency.NONE


@pytest.mark.parametrize("message", CALM[:2])
def test_asking_for_a_home_shows_the_homes(knowledge, message: str) -> None:
    kb, index = knowledge
    reply = answer(kb, index, message, today=TODAY, threshold=0.4)
    assert reply.kind != "urgent"
    assert reply.triage.urgency is Urgency.NONE


@pytest.mark.parametrize(("message", "level"), DANGER)
def test_asking_for_a_home_with_a_night_or_a_danger_is_flagged(message: str, level: Urgency) -> None:
    assert triage(message, "da").urgency is level
