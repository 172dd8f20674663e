"""The table of every command and button namespace with where and by whom it may be used, made from the router.

docs/security.md holds it between two markers; `python scripts/security_table.py` rewrites it, and a test
fails when the document and the code disagree.
"""

from __future__ import annotations

from bot.conversation.router import Router
from bot.conversation.scope import EVERYONE, Place, Scope
from bot.staff.models import Role

START = "<!-- scope-table:start (made by scripts/security_table.py from the code; do not edit) -->"
END = "<!-- scope-table:end -->"
PLACE_NAMES = {Place.PRIVATE: "private chat", Place.GROUP: "any group", Place.TEAM: "team chat"}
ROLE_ORDER = (Role.YOUTH, Role.CASEWORKER, Role.COORDINATOR, Role.PARTNER, Role.ADMIN)


def _who(roles: frozenset[Role]) -> str:
    if roles == EVERYONE:
        return "everyone"
    return ", ".join(role.value for role in ROLE_ORDER if role in roles)


def describe(scope: Scope) -> str:
    """"private chat: everyone; team chat: caseworker, coordinator, admin"."""
    return "; ".join(f"{PLACE_NAMES[place]}: {_who(roles)}" for place, roles in scope.rules)


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if text and text.strip() else ""


def table(router: Router) -> str:
    """The markdown tables of commands and buttons, in registration order."""
    lines = ["| command | also | where: who | what it does |", "| --- | --- | --- | --- |"]
    for command in router.unique_commands():
        also = ", ".join(f"/{alias}" for alias in command.aliases)
        lines.append(f"| /{command.name} | {also} | {describe(command.scope)} | "
                     f"{_first_line(command.handler.__doc__)} |")
    lines += ["", "| button data | where: who | what it does |", "| --- | --- | --- |"]
    for prefix, entry in router.callbacks.items():
        lines.append(f"| `{prefix}:…` | {describe(entry.scope)} | {_first_line(entry.handler.__doc__)} |")
    return "\n".join(lines)


def section(router: Router) -> str:
    return f"{START}\n{table(router)}\n{END}"


def replace_section(document: str, router: Router) -> str:
    """The document with its table replaced by the one made from ``router``."""
    before, start, rest = document.partition(START)
    if not start:
        raise ValueError("docs/security.md has no scope-table start marker")
    _old, end, after = rest.partition(END)
    if not end:
        raise ValueError("docs/security.md has no scope-table end marker")
    return before + section(router) + after
