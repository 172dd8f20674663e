"""Crises said in words no rule knew (triage10's own probes, December 2026): painkillers by the packet, voices that
tell one what to do, being only a burden, and a threat to kill made to keep someone from leaving. "Kill me if" is
otherwise hyperbole ("my parents would kill me if I fail"), so only the threats that say what they are for count.
The same words in harmless sentences stay ordinary. Each is tested inside a letter too, where only the rules can
make an emergency."""

import pytest

from bot.triage import Urgency, triage
from tests.test_triage_recall7 import letter
from tests.triage_cases import expect

CRISES = [
    "I took the whole packet of paracetamol an hour ago",
    "I took 20 paracetamol and now I feel sick",
    "the voices tell me to jump in front of the bus",
    "stemmerne siger jeg skal gøre det af med mig selv",
    "jeg er kun en byrde for min familie",
    "my boyfriend said he'll kill me if I leave him",
    "han siger han slår mig ihjel hvis jeg går fra ham",
]


test_a_named_crisis_is_an_emergency = expect(CRISES, Urgency.EMERGENCY, lang="en")


@pytest.mark.parametrize("text", CRISES)
def test_a_named_crisis_in_a_letter_is_an_emergency(text: str) -> None:
    assert triage(letter(text + "."), "en").urgency is Urgency.EMERGENCY


test_the_same_words_in_everyday_sentences_stay_ordinary = expect([
    "can I take ibuprofen for a headache?",
    "I ate the whole packet of biscuits",
    "my parents would kill me if I fail my exam",
    "my mom will kill me if I leave my room messy",
    "min mor slår mig ihjel hvis jeg kommer for sent",
    "jeg har sagt undskyld til alle i klassen for festen",
    "my old phone? I won't be needing it, I got a new one",
    "min mobil holder op med at svare når jeg ringer",
], Urgency.NONE, lang="en")
