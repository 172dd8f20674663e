"""Where a command or a button may be used, and by whom: declared once, when it is registered, and checked by
the engine before any handler runs.

A modified Telegram client can send any callback data from any chat, and anyone in a group can type any
command; so the place (a private chat, any group, a municipality's registered team chat) and the role of the
sender are checked on the server for every update, and everything else is refused politely.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.staff.models import CASE_ROLES, Role


class Place(StrEnum):
    PRIVATE = "private"
    # Any group or supergroup the bot is in.
    GROUP = "group"
    # A group registered as a municipality's team chat or on-call chat (`/team`, `husly team set`).
    TEAM = "team"


@dataclass(frozen=True)
class Scope:
    """Rules "in this place, these roles"; an update is allowed when any rule matches."""

    rules: tuple[tuple[Place, frozenset[Role]], ...]

    def allows(self, places: frozenset[Place], role: Role) -> bool:
        """True when the chat is one of the places of a rule and the sender has one of its roles."""
        return any(place in places and role in roles for place, roles in self.rules)

    def needs_role(self) -> bool:
        """True when not everyone may use it (so the sender's staff membership must be looked up)."""
        return any(roles != EVERYONE for _place, roles in self.rules)

    def places(self) -> frozenset[Place]:
        return frozenset(place for place, _roles in self.rules)

    def __or__(self, other: Scope) -> Scope:
        return Scope(self.rules + other.rules)


def scope(places: tuple[Place, ...], roles: frozenset[Role]) -> Scope:
    return Scope(tuple((place, roles) for place in places))


EVERYONE = frozenset(Role)
PARTNERS = frozenset({Role.PARTNER, Role.ADMIN})
TEAM_LEADS = frozenset({Role.COORDINATOR, Role.ADMIN})

# The common scopes, named for who they serve.
PRIVATE_ANYONE = scope((Place.PRIVATE,), EVERYONE)
CASE_STAFF = scope((Place.PRIVATE, Place.TEAM), CASE_ROLES)
CASE_STAFF_PRIVATE = scope((Place.PRIVATE,), CASE_ROLES)
CASE_STAFF_IN_GROUPS = scope((Place.GROUP,), CASE_ROLES)
TEAM_LEADS_ANYWHERE = scope((Place.PRIVATE, Place.TEAM), TEAM_LEADS)
PARTNER_PRIVATE = scope((Place.PRIVATE,), PARTNERS)
# Help and start: everyone in a private chat, staff in their team chat.
ANYONE_OR_TEAM_STAFF = PRIVATE_ANYONE | scope((Place.TEAM,), CASE_ROLES)


def places_of(chat_type: str, is_team_chat: bool) -> frozenset[Place]:
    """The places a chat counts as: a private chat, or a group (and a team chat, if registered as one)."""
    if chat_type == "private":
        return frozenset({Place.PRIVATE})
    if is_team_chat:
        return frozenset({Place.GROUP, Place.TEAM})
    return frozenset({Place.GROUP})
