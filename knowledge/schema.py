"""The shape of curated knowledge: topics and services, validated with pydantic.

Every model forbids unknown fields, so a typo in a curator's file is an error, not silently ignored data.
The service model follows the core of the Open Referral Human Services Data Specification (HSDS):
organization, service, location, contact (phone), schedule and eligibility.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

MUNICIPALITIES: tuple[str, ...] = (
    "randers",
    "roskilde",
    "koebenhavn",
    "favrskov",
    "aarhus",
    "hoeje-taastrup",
)
Municipality = Literal["randers", "roskilde", "koebenhavn", "favrskov", "aarhus", "hoeje-taastrup"]


def is_municipality(slug: str) -> TypeGuard[Municipality]:
    """True for the slug of a municipality Husly serves (so it can look up a topic's local text)."""
    return slug in MUNICIPALITIES


Audience = Literal["youth", "caseworker", "partner", "everyone"]
Category = Literal["housing", "money", "support", "crisis", "about"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Placeholders a curator might leave behind; a published answer must never contain them.
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum)\b", re.IGNORECASE)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Strict):
    """A text in both languages; Danish first, English second, neither may be empty."""

    da: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @field_validator("da", "en")
    @classmethod
    def no_placeholder(cls, value: str) -> str:
        if PLACEHOLDER.search(value):
            raise ValueError("placeholder text left in")
        return value

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


class Phrases(Strict):
    """Example phrasings or keywords per language."""

    da: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.en if lang == "en" else self.da


class Source(Strict):
    """Where a fact comes from: a public page (``url``), or for Husly's own features a document in this
    repository (``document``, a path such as docs/privacy.md; the loader checks that it exists)."""

    title: str = Field(min_length=1)
    url: HttpUrl | None = None
    document: str | None = Field(default=None, pattern=r"^[\w./-]+\.md$")

    @model_validator(mode="after")
    def url_or_document(self) -> Source:
        if (self.url is None) == (self.document is None):
            raise ValueError("a source needs exactly one of url or document")
        return self


class Sourced(Strict):
    sources: tuple[Source, ...] = Field(min_length=1)
    last_reviewed: dt.date
    notes: str = ""

    @field_validator("last_reviewed")
    @classmethod
    def not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError("last_reviewed is in the future")
        return value


class FaqEntry(Strict):
    """A specific question inside a topic, with its own short answer and sources.

    The engine answers with it when a question is that specific, and with the topic when it is general.
    """

    id: str = Field(pattern=ID_PATTERN.pattern)
    q: Text
    a: Text
    # Other phrasings of the same question (written for the knowledge base, never copied from evaluation sets).
    examples: Phrases = Phrases()
    sources: tuple[Source, ...] = Field(min_length=1)
    # The year an amount, rate, fee or limit in the answer holds for; `husly kb check` warns once it has passed.
    amounts_year: int | None = Field(default=None, ge=2000, le=2100)
    # False: shown by the engine for a situation it recognises (fx a professional's duty to notify), and under
    # "Read more", but not matched by words nor learned from (its words would pull other questions to it).
    searchable: bool = True


class Topic(Sourced):
    """One question area, with a short answer and optional detail, per language."""

    id: str = Field(pattern=ID_PATTERN.pattern)
    category: Category
    audience: tuple[Audience, ...] = ("youth",)
    title: Text
    answer: Text
    more: Text | None = None
    examples: Phrases
    keywords: Phrases = Phrases()
    municipalities: dict[Municipality, Text] = {}
    ask_municipality: bool = False
    services: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    # The year the amounts in answer/more/municipalities hold for (see FaqEntry.amounts_year).
    amounts_year: int | None = Field(default=None, ge=2000, le=2100)

    @model_validator(mode="after")
    def has_examples_in_both_languages(self) -> Topic:
        if not self.examples.da or not self.examples.en:
            raise ValueError("examples need at least one phrasing in both da and en")
        return self

    @model_validator(mode="after")
    def faq_ids_unique(self) -> Topic:
        ids = [entry.id for entry in self.faq]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate faq id(s): {', '.join(duplicates)}")
        return self


class Address(Strict):
    street: str
    postal_code: str = Field(pattern=r"^\d{4}$")
    city: str


class Organization(Strict):
    name: str = Field(min_length=1)
    url: HttpUrl | None = None


class Service(Sourced):
    """A service someone can contact, shaped after HSDS (organization, service, location, contact, schedule)."""

    id: str = Field(pattern=ID_PATTERN.pattern)
    organization: Organization
    name: Text
    description: Text
    eligibility: Text
    # "national" services serve everyone; otherwise the municipalities served.
    area: Literal["national", "regional", "local"]
    municipalities: tuple[Municipality, ...] = ()
    phone: str | None = Field(default=None, pattern=r"^(\+45 ?)?[0-9]([0-9 ]{1,14}[0-9])?$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    address: Address | None = None
    opening_hours: Text | None = None
    url: HttpUrl | None = None
    emergency: bool = False
    # The youngest age the service takes, when a source says so (a §110 shelter takes adults): not shown to
    # someone who said they are younger. None: no age limit found.
    min_age: int | None = Field(default=None, ge=0, le=30)

    @model_validator(mode="after")
    def local_needs_municipality(self) -> Service:
        if self.area == "local" and not self.municipalities:
            raise ValueError("a local service must name its municipalities")
        return self
