"""Which handler answers which command, button or text: one table per kind, filled by feature modules.

Features register in an explicit order in ``bot.conversation.features`` so the precedence is readable in one
place (catch-alls last). Every command and every button namespace declares its scope (where, and for whom;
see bot.conversation.scope); the engine refuses the rest before a handler runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.conversation.callbacks import CallbackData
from bot.conversation.context import Context
from bot.conversation.scope import PRIVATE_ANYONE, Place, Scope
from bot.privacy.registry import CORE_STORES, Store
from bot.staff.models import Role
from bot.triage import Triage

Handler = Callable[[Context], None]
UrgentHandler = Callable[[Context, Triage], None]
# An interceptor sees free text before Q&A and returns True when it took it (fx relay to a caseworker).
Interceptor = Callable[[Context], bool]
# Whether the group of an update is a registered team chat (set by the cases feature).
TeamChatCheck = Callable[[Context], bool]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    scope: Scope
    # Shown in Telegram's command menu (setMyCommands) with this description key; None keeps it hidden.
    menu: str | None = None
    # Other names that work too (fx the English /queue for the Danish /sager).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Callback:
    data: type[CallbackData]
    handler: Callable[[Context, Any], None]
    scope: Scope


@dataclass(frozen=True)
class Flow:
    handler: Handler
    # True for flows that handle crisis messages themselves (the urgent triage flow).
    handles_urgent: bool = False


@dataclass
class Router:
    # Every name and alias -> its command (an alias maps to the same Command).
    commands: dict[str, Command] = field(default_factory=dict)
    callbacks: dict[str, Callback] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    interceptors: list[Interceptor] = field(default_factory=list)
    # Replies to the bot's messages in a team chat (fx to a case card): staff talk, never for a young person.
    team_replies: list[Interceptor] = field(default_factory=list)
    documents: list[Interceptor] = field(default_factory=list)
    contacts: list[Interceptor] = field(default_factory=list)
    urgent: UrgentHandler | None = None
    team_chat: TeamChatCheck | None = None
    # Main-menu buttons ("menu:<item>") and deep-link payload handlers (/start <payload>), filled by features.
    menu_items: dict[str, Handler] = field(default_factory=dict)
    start_payloads: list[Callable[[Context, str], bool]] = field(default_factory=list)
    # Extra /help lines for the person asking (fx a caseworker's or a partner's commands); "" for none.
    help_sections: list[Callable[[Context], str]] = field(default_factory=list)
    # Where personal data lives, core first: a feature that keeps some adds its store (access, erasure, retention).
    stores: list[Store] = field(default_factory=lambda: list(CORE_STORES))

    def command(self, name: str, handler: Handler, *, scope: Scope = PRIVATE_ANYONE, menu: str | None = None,
                aliases: tuple[str, ...] = ()) -> None:
        command = Command(name, handler, scope, menu, aliases)
        for each in (name, *aliases):
            if each in self.commands:
                raise ValueError(f"command /{each} registered twice")
            self.commands[each] = command

    def store(self, store: Store) -> None:
        if any(s.name == store.name for s in self.stores):
            raise ValueError(f"store {store.name!r} registered twice")
        self.stores.append(store)

    def help_for(self, ctx: Context) -> list[str]:
        """The extra /help sections for the person asking (the features' that have one for them)."""
        return [section for section in (add(ctx) for add in self.help_sections) if section]

    def unique_commands(self) -> list[Command]:
        """Each command once (not once per alias), in registration order."""
        return list({id(c): c for c in self.commands.values()}.values())

    def menu_for(self, role: Role | None, place: Place = Place.PRIVATE) -> list[tuple[str, str]]:
        """(command, description key) for the menu of someone with ``role`` in ``place`` (None: a young person).

        Everyone's commands first, then those only the role has, each in registration order.
        """
        role = role or Role.YOUTH
        places = frozenset({place, Place.GROUP} if place is Place.TEAM else {place})
        shown = [c for c in self.unique_commands() if c.menu]
        common = [c for c in shown if c.scope.allows(places, Role.YOUTH) and c.scope.allows(places, role)]
        own = [c for c in shown if c.scope.allows(places, role) and c not in common]
        return [(c.name, c.menu or c.name) for c in (*common, *own)]

    def callback(self, data: type[CallbackData], handler: Callable[[Context, Any], None], *,
                 scope: Scope = PRIVATE_ANYONE) -> None:
        if data.prefix in self.callbacks:
            raise ValueError(f"callback namespace {data.prefix!r} taken")
        self.callbacks[data.prefix] = Callback(data, handler, scope)

    def callback_for(self, data: str) -> Callback | None:
        """The entry for callback data: "namespace:action" if registered, else "namespace"."""
        namespace, _sep, rest = data.partition(":")
        return self.callbacks.get(f"{namespace}:{rest.partition(':')[0]}") or self.callbacks.get(namespace)

    def flow(self, name: str, handler: Handler, *, handles_urgent: bool = False) -> None:
        if name in self.flows:
            raise ValueError(f"flow {name!r} registered twice")
        self.flows[name] = Flow(handler, handles_urgent)
