"""Which handler answers which command, button or text: one table per kind, filled by feature modules.

Features register in an explicit order in ``bot.conversation.features`` so the precedence is readable in one
place (catch-alls last).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from bot.conversation.context import Context
from bot.triage import Triage

Handler = Callable[[Context], None]
UrgentHandler = Callable[[Context, Triage], None]
# An interceptor sees free text before Q&A and returns True when it took it (fx relay to a caseworker).
Interceptor = Callable[[Context], bool]
Where = Literal["private", "group", "any"]


@dataclass(frozen=True)
class Command:
    handler: Handler
    where: Where
    # Shown in Telegram's command menu (setMyCommands) with this description key; None keeps it hidden.
    menu: str | None = None
    # Staff roles whose own chat shows this command in the menu (set when they join); () = everyone's menu.
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flow:
    handler: Handler
    # True for flows that handle crisis messages themselves (the urgent triage flow).
    handles_urgent: bool = False


@dataclass
class Router:
    commands: dict[str, Command] = field(default_factory=dict)
    callbacks: dict[str, Handler] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    interceptors: list[Interceptor] = field(default_factory=list)
    documents: list[Interceptor] = field(default_factory=list)
    contacts: list[Interceptor] = field(default_factory=list)
    urgent: UrgentHandler | None = None
    # Main-menu buttons ("menu:<item>") and deep-link payload handlers (/start <payload>), filled by features.
    menu_items: dict[str, Handler] = field(default_factory=dict)
    start_payloads: list[Callable[[Context, str], bool]] = field(default_factory=list)
    # Commands people can use in Telegram's menu, in the order shown.
    menu_order: list[str] = field(default_factory=list)
    # Extra /help lines for the person asking (fx a caseworker's or a partner's commands); "" for none.
    help_sections: list[Callable[[Context], str]] = field(default_factory=list)

    def command(self, name: str, handler: Handler, *, where: Where = "private", menu: str | None = None,
                roles: tuple[str, ...] = ()) -> None:
        if name in self.commands:
            raise ValueError(f"command /{name} registered twice")
        self.commands[name] = Command(handler, where, menu, roles)
        if menu and not roles:
            self.menu_order.append(name)

    def menu_for(self, role: str | None) -> list[tuple[str, str]]:
        """(command, description key) for the menu of someone with ``role`` (None: a young person)."""
        shown = [(name, self.commands[name].menu or name) for name in self.menu_order]
        if role:
            shown += [(name, command.menu or name) for name, command in self.commands.items()
                      if role in command.roles]
        return shown

    def callback(self, namespace: str, handler: Handler) -> None:
        if namespace in self.callbacks or ":" in namespace:
            raise ValueError(f"callback namespace {namespace!r} taken or invalid")
        self.callbacks[namespace] = handler

    def flow(self, name: str, handler: Handler, *, handles_urgent: bool = False) -> None:
        if name in self.flows:
            raise ValueError(f"flow {name!r} registered twice")
        self.flows[name] = Flow(handler, handles_urgent)
