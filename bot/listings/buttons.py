"""The listings' buttons (typed callback data): searching, a partner's listings, and the partner's form.

A search lives in its buttons ("ls:p:<page>:<municipality>:<budget>:<type>"), so every button keeps working
on its own, also on an old message, and no search state is kept in the profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation.callbacks import CallbackData
from bot.listings.filters import Filters


@dataclass(frozen=True)
class SearchWhere(CallbackData, prefix="ls:m"):
    """Choose the municipality (the search's first step)."""


@dataclass(frozen=True)
class SearchBudget(CallbackData, prefix="ls:b"):
    municipality: str = ""


@dataclass(frozen=True)
class SearchKind(CallbackData, prefix="ls:k"):
    municipality: str
    budget: int | None = None


class _AgeLast:
    """A search button whose last field is the age band: left out when empty, so a search naming no age packs as
    before ("ls:p:0:aarhus::"), and an older button without it still unpacks (to any age)."""

    age: str

    def pack(self) -> str:
        data: str = super().pack()  # type: ignore[misc]
        return data if self.age else data.removesuffix(":")


@dataclass(frozen=True)
class SearchPage(_AgeLast, CallbackData, prefix="ls:p", compact=False):
    page: int
    municipality: str = ""
    budget: int | None = None
    kind: str = ""
    # The age band said (bot/listings/ages.py); an older button without it searches for any age.
    age: str = ""

    @classmethod
    def of(cls, filters: Filters, page: int = 0) -> SearchPage:
        return cls(page, filters.municipality or "", filters.max_total, filters.kind or "", filters.age_band or "")

    def filters(self) -> Filters | None:
        return Filters.checked(self.municipality, self.budget, self.kind, self.age)


@dataclass(frozen=True)
class SearchTurn(_AgeLast, CallbackData, prefix="ls:n", compact=False):
    """Previous/next: the page changes in place."""

    page: int
    municipality: str = ""
    budget: int | None = None
    kind: str = ""
    age: str = ""

    @classmethod
    def of(cls, filters: Filters, page: int) -> SearchTurn:
        return cls(page, filters.municipality or "", filters.max_total, filters.kind or "", filters.age_band or "")

    def filters(self) -> Filters | None:
        return Filters.checked(self.municipality, self.budget, self.kind, self.age)


@dataclass(frozen=True)
class SaveAlert(_AgeLast, CallbackData, prefix="ls:a", compact=False):
    municipality: str = ""
    budget: int | None = None
    kind: str = ""
    age: str = ""

    @classmethod
    def of(cls, filters: Filters) -> SaveAlert:
        return cls(filters.municipality or "", filters.max_total, filters.kind or "", filters.age_band or "")

    def filters(self) -> Filters | None:
        return Filters.checked(self.municipality, self.budget, self.kind, self.age)


@dataclass(frozen=True)
class StopAlert(CallbackData, prefix="ls:s"):
    pass


@dataclass(frozen=True)
class ListingsPage(CallbackData, prefix="lm:p"):
    page: int


@dataclass(frozen=True)
class Extend(CallbackData, prefix="lm:x"):
    listing: int


@dataclass(frozen=True)
class Withdraw(CallbackData, prefix="lm:w"):
    """Asks to confirm."""

    listing: int


@dataclass(frozen=True)
class WithdrawConfirmed(CallbackData, prefix="lm:W"):
    listing: int


@dataclass(frozen=True)
class FormStart(CallbackData, prefix="lf:new"):
    pass


@dataclass(frozen=True)
class FormCancel(CallbackData, prefix="lf:no"):
    pass


@dataclass(frozen=True)
class FormPublish(CallbackData, prefix="lf:go"):
    pass


@dataclass(frozen=True)
class FormChoice(CallbackData, prefix="lf"):
    """A choice for the form's current question."""

    step: str
    value: str = ""
