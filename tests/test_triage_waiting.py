"""What a young person writes while waiting for a caseworker is not an emergency by itself. On a waiting case "jeg
sidder bare og venter", "svar mig nu", "im scared", "jeg går i panik" and "jeg har ikke spist i dag" were the
learned model's emergencies (reason ``crisis_signs``), which raised the case to red and called the whole team: the
words of a short message that names nothing else ("sidder", "stadig", "nu", "går") are its short emergencies' words
("sidder på broen"), "ikke spist" was one of its dangers to the body, and "svar" was cut off as a greeting, leaving
"mig nu". A message made only of the writer's state or wait (``own_state`` and ``state_filler`` in
bot/data/triage.yaml) is not the model's to raise; being asked to leave a friend's place is urgent (a rule), and the
model does not make an emergency of a home at stake when no danger to life or body is named. Short real emergencies
stay emergencies.

The probes (tests/data/triage_waiting_probes.tsv) were written for this test and never trained on; rows marked open
are what the bot still gets wrong, kept to measure (they are expected to fail)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bot.triage import Urgency
from knowledge.normalise import fold
from tests.triage_cases import DETECTED, expect
from tests.triage_probes import level as _level
from tests.triage_probes import probes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_messages import read_messages  # noqa: E402

PROBES = ROOT / "tests" / "data" / "triage_waiting_probes.tsv"
ALLOWED = {"waiting": {Urgency.NONE}, "feeling": {Urgency.NONE, Urgency.URGENT}, "home": {Urgency.URGENT},
           "emergency": {Urgency.EMERGENCY}}


def _rows() -> list[dict[str, str]]:
    with PROBES.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


test_the_reported_waiting_messages_are_not_flagged = expect([
    # The messages that were reported (nothing at all is at stake).
    "jeg sidder og venter",
    "jeg sidder bare og venter",
    "svar mig nu",
    # The same after a greeting (the model read "hallo jeg sidder bare og venter" as an emergency too).
    "hallo jeg sidder bare og venter",
], Urgency.NONE, lang=DETECTED)


test_the_reported_fear_panic_and_hunger_are_not_emergencies = expect(
    ["im scared", "jeg går i panik", "jeg har ikke spist i dag", "hallo?? im scared"], Urgency.URGENT, how="at most",
    lang=DETECTED)
test_being_asked_to_leave_a_friends_place_is_urgent_not_an_emergency = expect(
    ["jeg bor hos en ven men han vil have mig ud"], Urgency.URGENT, reason="couch_surfing_ending")


test_a_short_real_emergency_stays_an_emergency = expect([
    "han slår mig nu",
    "jeg vil ikke leve mere",
    "jeg har taget alle mine piller",
    "jeg tør ikke gå hjem, han har en kniv",
    "im scared he will kill me",
    "jeg står på broen",
    # A state said beside a danger says more than the state.
    "jeg er bange for ham, han står uden for døren",
    "svar mig nu, han slår mig",
    "jeg sidder og venter på broen",
    "skynd jer, han står herude med en kniv",
    "hej jeg står på broen",
], Urgency.EMERGENCY, lang=DETECTED)


test_waiting_and_impatience_are_not_flagged = expect(probes(PROBES.name, "waiting"), Urgency.NONE, lang=DETECTED)


@pytest.mark.parametrize("text", probes(PROBES.name, "feeling"))
def test_plain_fear_panic_and_hunger_are_urgent_at_most(text: str) -> None:
    assert _level(text) in ALLOWED["feeling"]


test_asked_to_leave_with_no_danger_named_is_urgent = expect(probes(PROBES.name, "home"), Urgency.URGENT, lang=DETECTED)


test_short_emergencies_are_emergencies = expect(probes(PROBES.name, "emergency"), Urgency.EMERGENCY, lang=DETECTED)


def test_the_probes_are_our_own_not_near_copies_of_real_messages() -> None:
    rows = _rows()
    assert len(rows) >= 50 and {r["kind"] for r in rows} == set(ALLOWED)
    real = [m.text for m in read_messages()]
    for row in rows:
        own = row["text"]
        close = max(max(fuzz.token_set_ratio(own, text), fuzz.partial_ratio(own, text),
                        fuzz.token_set_ratio(fold(own), fold(text)), fuzz.partial_ratio(fold(own), fold(text)))
                    for text in real)
        assert close < 80, own
