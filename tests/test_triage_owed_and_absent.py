"""Two small phrase fixes in bot/data/triage.yaml, found by playing the days and by the eleventh collection.

- Owing money is money trouble, not a danger to life: "skylder"/"owe" were among the words that let the learned model
  make an emergency of a short message (a gang's debt), so "jeg skylder 12000 kroner væk og kan ikke betale" got 112.
  A debt someone claims ("siger jeg skylder ham") still names that danger.
- "If I wasn't here anymore" asked about others is the passive wish not to be here: an emergency, in a letter too
  (it was no crisis at all in a long letter of despair, and only the model's "are you in danger?" when short).

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

DEBTS = ["jeg skylder 12000 kroner væk og kan ikke betale", "i owe like 900 quid and cant pay it back"]
CLAIMED = ["ham der skaffer mig arbejde har mit pas og siger jeg skylder ham 30000"]
ABSENT = [
    ("would anyone even notice if i wasnt here anymore", "en"),
    ("hvem ville egentlig savne mig hvis jeg ikke var her mere", "da"),
    ("tror min familie ville have det bedre hvis jeg ikke var her længere", "da"),
    ("my family would be better off without me around anymore", "en"),
]
# A letter of despair that ends on the question, not on a word of suicide.
LETTER = ("I moved into this room in March and nothing has got better since. The heating has been broken for weeks and "
          "the landlord does not answer my mails. My job centre meetings feel pointless, they just tell me to apply "
          "for more jobs. I stopped seeing my friends because I have no money to go out. Most days I stay in bed until "
          "the afternoon and I don't eat properly. I keep thinking that it will never change. Honestly, would anyone "
          "even notice if i wasnt here anymore?")


test_a_debt_is_not_an_emergency = expect(DEBTS, Urgency.NONE)
test_a_debt_someone_claims_with_a_hold_over_the_writer_is_still_one = expect(CLAIMED, Urgency.EMERGENCY)
test_wondering_who_would_notice_if_one_was_gone_is_an_emergency = expect(ABSENT, Urgency.EMERGENCY,
                                                                         reason="suicide_or_self_harm")
test_a_long_letter_of_despair_ending_on_that_question_is_an_emergency = expect(
    [pytest.param(LETTER, id="the letter")], Urgency.EMERGENCY, lang="en", reason="suicide_or_self_harm", min_words=40)
test_the_sentences_are_our_own = our_own(DEBTS, CLAIMED, ABSENT, LETTER)
