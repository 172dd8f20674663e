"""The core's buttons: the main menu, language, municipality, topics, read more and 👍/👎.

Each is a typed callback (bot.conversation.callbacks): handlers get the values already checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.conversation.callbacks import CallbackData


class MenuItem(StrEnum):
    HOUSING = "housing"
    MONEY = "money"
    URGENT = "urgent"
    STAFF = "staff"
    LANG = "lang"
    DATA = "data"
    HIDE = "hide"


class Lang(StrEnum):
    DA = "da"
    EN = "en"


@dataclass(frozen=True)
class Menu(CallbackData, prefix="menu"):
    item: MenuItem


@dataclass(frozen=True)
class ChooseLanguage(CallbackData, prefix="lang"):
    lang: Lang


@dataclass(frozen=True)
class ChooseMunicipality(CallbackData, prefix="mun"):
    slug: str


@dataclass(frozen=True)
class ShowTopic(CallbackData, prefix="t"):
    topic: str


@dataclass(frozen=True)
class TopicIn(CallbackData, prefix="tk"):
    """A topic's local version: the municipality chosen under an answer."""

    topic: str
    slug: str


@dataclass(frozen=True)
class ReadMore(CallbackData, prefix="more"):
    topic: str


@dataclass(frozen=True)
class ShowFaq(CallbackData, prefix="fq"):
    """One specific answer of a topic."""

    topic: str
    faq: str


@dataclass(frozen=True)
class OtherQuestions(CallbackData, prefix="fl"):
    """"Read more" under a specific answer: the topic's other questions."""

    topic: str
    faq: str


@dataclass(frozen=True)
class Feedback(CallbackData, prefix="fb"):
    topic: str
    helpful: bool
    # The question this answer was for, waiting in the curators' queue (bot.curation.queue); "" for none.
    token: str = ""
