"""The cases feature's parts of a person's conversation state (bot.conversation.state)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from bot.cases.models import QUESTIONS_FLOW
from bot.conversation.state import FlowPart, Part

REPLY_FLOW = "case_reply"


class CaseOffer(Part):
    """A caseworker was offered and not yet accepted: what the case would open with. The first words wait here,
    in the person's own state, until they say yes (and, on the case, whether they may be kept)."""

    key = "case_offer"
    urgency: str = "urgent"
    reasons: list[str] = Field(default_factory=list)
    words: str = ""
    # When it was asked: a typed "ja" answers it only soon after (bot/cases/flow.py ``answer_to_offer``).
    asked_at: dt.datetime | None = None
    # An age typed alone while the offer was on screen ("19"): the case opens with it (an AGE_BANDS code).
    age_band: str | None = None
    # The partner's referral link the person opened (bot/cases/referrals.py): a yes opens the case in the
    # organisation's name and counts a use of the link.
    referral: int | None = None


class Declined(Part):
    """The person said no to a caseworker (codes and when, never words): "jeg har fortrudt" soon after is the
    offer again, not a question for the knowledge base."""

    key = "case_declined"
    urgency: str = "urgent"
    reasons: list[str] = Field(default_factory=list)
    at: dt.datetime | None = None


class Questions(FlowPart):
    """The short questions after a case opened: which case, the question asked, and the first words, kept here
    only until the person answers whether the caseworkers may read them."""

    key = QUESTIONS_FLOW
    case: int
    step: str | None = None
    first: str = ""
    # How many times in a row the question on screen was shown (the words question is not asked a third time).
    asked: int = 1
    # The words question was passed over (the person wrote on twice): it comes once more after the last question.
    words_again: bool = False
    # This is that last time: an answer, or writing on, ends the questions.
    last: bool = False


class WaitingWords(Part):
    """The first words of a case whose questions ended before the person said whether the caseworkers may read
    them: kept here, in the person's own state, only until that answer (the old "yes" button still works), or until
    the case closes. Never on the case without a yes."""

    key = "case_waiting_words"
    case: int
    words: str = ""


class ReplyTo(FlowPart):
    """A staff member pressed Svar: their next message in their own chat is the reply to this case."""

    key = REPLY_FLOW
    case: int
