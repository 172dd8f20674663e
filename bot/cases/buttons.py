"""The case buttons (typed callback data): the young person's ("cy") and the staff's ("cs")."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.conversation.callbacks import CallbackData


class YouthAction(StrEnum):
    GO = "go"            # yes, connect me
    NO = "no"            # no thanks
    MUNICIPALITY = "mun"
    WORDS = "words"      # may the case keep my own words (value "yes"/"no")
    AGE = "age"
    TONIGHT = "tn"
    ANONYMOUS = "anon"
    SKIP = "skip"
    STOP = "stop"        # end the chat with the caseworker
    FOLLOWUP = "fu"      # did you find somewhere safe (value "yes"/"no")
    REOPEN = "again"     # after a close: I need help again


@dataclass(frozen=True)
class Youth(CallbackData, prefix="cy"):
    action: YouthAction
    case: int = 0
    value: str = ""


class StaffAction(StrEnum):
    CLAIM = "claim"
    REPLY = "reply"
    CLOSE = "close"      # asks for the outcome
    OUTCOME = "out"      # close with this outcome (value), confirmed where it must be
    CONFIRM = "ok"       # confirm closing with the outcome (value)
    CANCEL = "cancel"    # cancel writing a reply
    REOPEN = "reopen"


@dataclass(frozen=True)
class Staff(CallbackData, prefix="cs"):
    action: StaffAction
    case: int = 0
    value: str = ""
