"""One's bags or things put outside the door by someone at home is being thrown out.

Playing a night: "min kæreste har sat mine tasker udenfor for en time siden og det styrtregner" was nothing at all,
and its English twin was only the learned model's unsure emergency ("are you in danger right now?"), not a night
without a home. Putting one's own bags outside to remember them is nothing. Every message was written for this test
and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import our_own

PUT_OUT = [
    "min kæreste har sat mine tasker udenfor for en time siden og det styrtregner",
    "min mor har sat mit tøj udenfor døren og låst",
    "min stedfar har stillet mine ting udenfor, hvad gør jeg nu",
    "my boyfriend put my bags outside an hour ago and it is pouring down",
    "my dad threw my clothes outside after we argued",
]
NOT_PUT_OUT = [
    "jeg har sat mine tasker udenfor døren så jeg ikke glemmer dem i morgen",
    "i put my bags outside the door so i remember them tomorrow",
    "hvis min far satte mine ting udenfor, hvad kan jeg så gøre",
]

test_own = our_own(*PUT_OUT, *NOT_PUT_OUT)


@pytest.mark.parametrize("text", PUT_OUT)
def test_things_put_outside_by_someone_at_home_is_thrown_out(text: str) -> None:
    result = triage(text)
    assert result.urgency is not Urgency.NONE and "thrown_out" in result.reasons, result


@pytest.mark.parametrize("text", NOT_PUT_OUT)
def test_ones_own_bags_by_the_door_are_not_thrown_out(text: str) -> None:
    assert "thrown_out" not in triage(text).reasons
