"""Having been in care and turning 18 soon is a question about aftercare, not a night without a bed.

"jeg har været anbragt og fylder 18 snart, hvad sker der så?" was urgent (nowhere to stay): "været" (been) was read as
"være" (to be somewhere) beside "fylder 18" and "snart". It gets the aftercare topic now; leaving care with nowhere
to be stays urgent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.triage import Urgency, triage
from tests.corpus import our_own

BEEN_IN_CARE = [
    "har været anbragt hos min moster siden 7. klasse og fylder 18 snart",
    "har været i plejefamilie siden jeg var 9 og fylder 18 snart. hvad så?",
    "jeg har været på opholdssted og fylder 18 snart, får jeg hjælp bagefter?",
]
NOWHERE_TO_BE = [
    "mine plejeforældre siger jeg skal ud på fredag og jeg har ingen steder at være",
    "jeg skal ud af min plejefamilie på fredag og har ikke et sted at være",
    "jeg fylder 18 på fredag og skal ud af opholdsstedet, hvor skal jeg være",
    "skal ud af opholdsstedet på mandag, har ik noget sted at vare",
]

test_the_sentences_are_our_own = our_own(BEEN_IN_CARE, NOWHERE_TO_BE)


@pytest.mark.parametrize("text", BEEN_IN_CARE)
def test_been_in_care_and_turning_18_is_not_urgent(text: str) -> None:
    assert triage(text, "da").urgency is Urgency.NONE


@pytest.mark.parametrize("text", NOWHERE_TO_BE)
def test_nowhere_to_be_stays_urgent(text: str) -> None:
    assert triage(text, "da").urgency is Urgency.URGENT


def test_the_care_leaver_gets_the_aftercare_topic(knowledge) -> None:
    kb, index = knowledge
    got = answer(kb, index, BEEN_IN_CARE[0], today=dt.date(2026, 12, 7), threshold=0.4)
    assert got.kind == "answer" and got.topic == "eftervaern"
