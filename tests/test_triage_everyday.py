"""Everyday sadness is not a crisis: a breakup, an exam, a grandparent's illness or a pet's death said in a chat
message is answered as what it is, not with 112 and a caseworker's case. The learned second opinion read such
messages as despair (0.5-0.9 sure of an emergency); it now raises a short message to an emergency only when it names
a danger to life or body, and to urgent only when it names a home or tonight. Real and indirect emergencies, in
words no rule knows, still are emergencies."""

from __future__ import annotations

import csv
from pathlib import Path

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

# Written by the team, never trained on (the training rows are worded apart: tests/data/triage_everyday_probes.tsv).
PROBES = Path(__file__).resolve().parent / "data" / "triage_everyday_probes.tsv"


def _probes() -> list[str]:
    with PROBES.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [row["text"] for row in csv.DictReader(lines, delimiter="\t")]


test_everyday_sadness_worry_and_grief_are_neither_an_emergency_nor_urgent = expect(
    _probes(), Urgency.NONE, lang=DETECTED)


test_an_emergency_in_words_no_rule_knows_is_still_an_emergency = expect([
    "jeg har taget alle mine piller",
    "I'm standing on the bridge and going to jump",
    # Indirect: no rule names these; the model raises them, and they name a place, a farewell, a weapon, a decision.
    "står ude på kanten af taget nu",
    "sidder ved togsporet og venter på det næste tog",
    "har skrevet et brev til min mor og lagt det på køkkenbordet, tak for alt",
    "han står udenfor med en kniv og råber",
    "i morgen er jeg her ikke mere",
    "kan ikke se nogen vej ud længere, har besluttet det",
    "this is goodbye, tell my sister I'm sorry",
    "I'm on the roof and I don't want to come down",
    "he has a gun and he said he'll use it",
    "going to walk into the sea tonight",
    # No listed danger and no everyday cause named: the model still decides.
    "står på perronen og tænker på at træde ud foran toget",
    # An everyday cause beside a danger: the danger decides.
    "min kæreste har slået op og jeg vil ikke mere",
], Urgency.EMERGENCY, lang=DETECTED)


test_a_home_at_stake_is_still_urgent = expect([
    "min sofa hos min kusine slutter på søndag og så aner jeg ikke hvor jeg skal hen",
    "my sublet ends on friday and nothing else lined up",
    "hjemløs siden i morges",
], Urgency.URGENT, how="at least", lang=DETECTED)
