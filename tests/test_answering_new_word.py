""""New" says nothing about which question is asked.

"ny" is rare in the knowledge base, so it weighed like a topic word: "kan kommunen hjælpe med at betale depositum til
en ny lejlighed" got the specific answer about paying for new paint when moving out ("ny maling"), not the one on
whether the municipality can pay a deposit.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 4)

# (message, topic, specific answer)
ASKED = [
    ("hjælper kommunen med at betale depositummet til en ny lejlighed", "depositum", "hjaelp-fra-kommunen"),
    ("skal jeg betale depositum når jeg flytter ind i en ny ungdomsbolig til sommer", "depositum",
     "ungdomsbolig-indskud"),
    # The word's own question keeps its answer.
    ("hvem betaler for ny maling når jeg flytter ud af min lejlighed efter tre år", "depositum",
     "maling-ved-fraflytning"),
]

# Not the paint question, whichever answer about the deposit they get (guards: right before the change too).
NOT_PAINT = [
    "kan kommunen mon hjælpe mig med at betale depositum til en ny lejlighed jeg har fundet",
    "kan kommunen hjælpe med at betale depositum til min nye lejlighed i byen",
]

test_the_messages_are_our_own = our_own([m for m, _, _ in ASKED], NOT_PAINT)


@pytest.mark.parametrize(("message", "topic", "faq"), ASKED)
def test_new_does_not_choose_the_question(knowledge, message: str, topic: str, faq: str) -> None:
    kb, index = knowledge
    reply = answer(kb, index, message, today=TODAY, threshold=0.4)
    assert (reply.kind, reply.topic, reply.faq) == ("answer", topic, faq)


@pytest.mark.parametrize("message", NOT_PAINT)
def test_a_deposit_for_a_new_flat_is_not_about_paint(knowledge, message: str) -> None:
    kb, index = knowledge
    reply = answer(kb, index, message, today=TODAY, threshold=0.4)
    assert reply.topic == "depositum"
    assert reply.faq != "maling-ved-fraflytning"
