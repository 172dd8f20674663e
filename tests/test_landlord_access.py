"""Whether the landlord may come in is a tenant's everyday question ("When can a landlord come into my place?" in the
real messages' development part): it has its own sourced answer, with the notice the law gives."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer


@pytest.mark.parametrize("text", ["må udlejer gå ind i min lejlighed",
                                  "can my landlord enter my apartment when im not home"])
def test_whether_the_landlord_may_come_in_is_answered(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=dt.date(2026, 12, 1), threshold=0.4)
    assert (found.topic, found.faq, found.confident) == ("lejekontrakt", "udlejers-adgang", True)
    assert "6 u" in found.reply.html or "6 weeks" in found.reply.html  # the notice the law gives
