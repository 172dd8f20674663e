"""Tables for urgent cases: the case, its relay transcript, the audit log, posted cards, and team settings.

Everything about a young person is keyed by (transport, chat_id), so erasure can find it. Names and phone
numbers are stored only with consent, on the case row; the audit log holds codes, never message text.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlalchemy import text as sa_text
from sqlmodel import Field, SQLModel

from bot.models import timestamp_field, utcnow

URGENCIES = ("urgent", "emergency")
# The conversation state's name for the young person's questions after a case opens.
QUESTIONS_FLOW = "case"
# The reason code on a case opened by someone asking for another person (a parent, a friend, a professional).
FOR_SOMEONE_ELSE = "for_someone_else"
# ... and on a case opened by a young person who came through a partner's referral link (bot/cases/referrals.py).
REFERRED = "referred"


# An anonymised case (the person used /slet, or it was closed long ago) belongs to no chat: nobody can be written to
# through it, and it cannot be opened again.
ERASED_CHAT = 0


class CaseStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    CLOSED = "closed"


class Outcome(StrEnum):
    """How a case ended (stored in English; caseworkers write the Danish names, the English ones work too)."""

    HOUSED = "housed"
    SHELTER = "shelter"
    REFERRED = "referred"
    NO_CONTACT = "no-contact"
    OTHER = "other"


# The Danish name caseworkers type and see in commands, per outcome.
OUTCOME_NAMES_DA = {Outcome.HOUSED: "bolig", Outcome.SHELTER: "herberg", Outcome.REFERRED: "henvist",
                    Outcome.NO_CONTACT: "ingen-kontakt", Outcome.OTHER: "andet"}
OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)


def parse_outcome(text: str) -> Outcome | None:
    """An outcome from what a caseworker typed: Danish or English, any case, "_" or " " for "-"."""
    word = text.strip().lower().replace("_", "-").replace(" ", "-")
    for outcome, danish in OUTCOME_NAMES_DA.items():
        if word in (outcome.value, danish):
            return outcome
    return None


AGE_BANDS = ("under_18", "18_24", "25_29", "30_plus")
# Where the young person will sleep tonight.
TONIGHT = ("outside", "friends", "shelter", "unsafe_home", "has_place")
FOLLOWUP_ANSWERS = ("safe", "not_safe")
# The reason codes an answer in the triage questions stands for.
AGE_REASONS = {"under_18": "under_18"}
TONIGHT_REASONS = {"outside": "sleeps_outside", "friends": "couch_surfing_ending", "shelter": "in_shelter",
                   "unsafe_home": "unsafe_home", "has_place": "has_place_tonight"}


class Case(SQLModel, table=True):
    """One young person's request for a caseworker; at most one is not closed per chat (a unique index)."""

    __tablename__ = "help_case"
    __table_args__ = (
        Index("ix_help_case_chat", "transport", "chat_id"),
        Index("ix_help_case_queue", "status", "municipality"),
        # One open case per person: two updates racing to open one cannot both succeed.
        Index("ux_help_case_one_open", "transport", "chat_id", unique=True,
              sqlite_where=sa_text("status != 'closed'"), postgresql_where=sa_text("status != 'closed'")),
    )

    id: int | None = Field(default=None, primary_key=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    lang: str = Field(default="da", max_length=2)
    # None until the young person says where they live; then the case is routed there.
    municipality: str | None = Field(default=None, max_length=32)
    urgency: str = Field(max_length=16)
    # Higher first in the queue; see service.compute_priority.
    priority: int = 0
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    age_band: str | None = Field(default=None, max_length=16)
    tonight: str | None = Field(default=None, max_length=16)
    consent: bool = False
    # Whether the young person let the case keep their own words (None: not asked yet). Without it, their
    # messages reach a caseworker but are not kept on the case.
    words_consent: bool | None = None
    first_name: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=32)
    status: str = Field(default=CaseStatus.OPEN.value, max_length=16)
    claimed_by: int | None = Field(default=None, foreign_key="staff.id")
    claimed_at: dt.datetime | None = timestamp_field(nullable=True)
    # False after the young person ended the chat with /stop; their texts then go to the normal bot.
    relay: bool = True
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # Reset when the case is transferred or reopened; the response-time clock counts from here.
    waiting_since: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # 0 = announced, 1 = re-announced, 2 = sent to every caseworker, 3 = sent to admins.
    escalation: int = 0
    closed_at: dt.datetime | None = timestamp_field(nullable=True)
    closed_by: int | None = Field(default=None, foreign_key="staff.id")
    outcome: str | None = Field(default=None, max_length=16)
    followup_due_at: dt.datetime | None = timestamp_field(nullable=True, index=True)
    followup_sent_at: dt.datetime | None = timestamp_field(nullable=True)
    followup_answer: str | None = Field(default=None, max_length=16)
    # The person's earlier case, when they come back after it was closed (its card shows the link).
    previous_case_id: int | None = Field(default=None, foreign_key="help_case.id")
    # When the young person last wrote (the card shows it), and since when they wait for the owner's answer
    # (None: answered). The claimed-case SLA counts from owed_since, but not before claimed_at (a handover gives the
    # new owner their full time: service.owner_clock); owner_reminders is how far it got.
    last_youth_at: dt.datetime | None = timestamp_field(nullable=True)
    owed_since: dt.datetime | None = timestamp_field(nullable=True)
    owner_reminders: int = 0
    # The partner organisation whose referral link the young person opened before saying yes (the card shows it);
    # the organisation's name only, never who at it.
    referred_by: str | None = Field(default=None, max_length=100)

    def all_reasons(self) -> list[str]:
        """What triage and events found (``reasons``), then what the answers add; a changed answer replaces."""
        found = list(self.reasons or [])
        for code in (AGE_REASONS.get(self.age_band or ""), TONIGHT_REASONS.get(self.tonight or "")):
            if code and code not in found:
                found.append(code)
        return found


class CaseMessage(SQLModel, table=True):
    """One message of the relay transcript (in: from the young person, out: from staff, note: internal)."""

    __tablename__ = "case_message"
    __table_args__ = (Index("ix_case_message_chat", "transport", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="help_case.id", index=True)
    # The young person's chat, repeated here so erasure finds every row by (transport, chat_id).
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    direction: str = Field(max_length=8)
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


class CaseEvent(SQLModel, table=True):
    """The audit log: who did what to which case, when. Codes only, never message text, names or phones."""

    __tablename__ = "case_event"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="help_case.id", index=True)
    at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    # staff | youth | system
    actor: str = Field(max_length=8)
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    action: str = Field(max_length=32)
    detail: str | None = Field(default=None, max_length=100)


class CaseCard(SQLModel, table=True):
    """A chat where this case's card was posted, so every change can update the card in place."""

    __tablename__ = "case_card"
    __table_args__ = (UniqueConstraint("case_id", "transport", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="help_case.id", index=True)
    transport: str = Field(max_length=16)
    chat_id: int = Field(sa_type=BigInteger)
    posted_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


class Referral(SQLModel, table=True):
    """A partner's referral link (``/henvis``): a young person who opens it is offered a caseworker from its
    municipality, in the organisation's name. Only the code's SHA-256 hash is kept, and nothing about who used it:
    ``uses`` counts the cases it opened (with the young person's yes), for the partner's count."""

    __tablename__ = "referral"

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(max_length=64, unique=True)
    provider: str = Field(max_length=100)
    municipality: str = Field(max_length=32)
    created_by: int | None = Field(default=None, foreign_key="staff.id")
    created_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)
    expires_at: dt.datetime = timestamp_field(nullable=False)
    uses: int = 0
    max_uses: int = 1


class MunicipalityTeam(SQLModel, table=True):
    """Per municipality: the team chat for case cards, the out-of-hours chat, and office hours."""

    __tablename__ = "municipality_team"

    municipality: str = Field(primary_key=True, max_length=32)
    transport: str = Field(default="telegram", max_length=16)
    team_chat_id: int | None = Field(default=None, sa_type=BigInteger)
    oncall_chat_id: int | None = Field(default=None, sa_type=BigInteger)
    # Fx "mon-fri 08:00-15:30"; None means the default (bot.cases.hours.DEFAULT_OFFICE_HOURS).
    office_hours: str | None = Field(default=None, max_length=200)
    updated_at: dt.datetime = timestamp_field(nullable=False, default=utcnow)


def as_dict(case: Case) -> dict[str, Any]:
    """The case's codes and times, without any personal detail (for exports and logs)."""
    return {
        "case": case.id, "municipality": case.municipality, "urgency": case.urgency, "priority": case.priority,
        "reasons": ";".join(case.all_reasons()), "age_band": case.age_band, "tonight": case.tonight,
        "consent": case.consent, "status": case.status, "outcome": case.outcome,
        "created_at": case.created_at.isoformat() if case.created_at else None,
        "claimed_at": case.claimed_at.isoformat() if case.claimed_at else None,
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "escalation": case.escalation, "followup_answer": case.followup_answer,
    }
