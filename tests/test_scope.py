"""Every command and every button namespace, in every kind of chat, from every role: the router lets a handler
run exactly when the declared scope allows it, refuses the rest politely, and nothing raises. The table in
docs/security.md is the code's."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.app import App
from bot.cases.models import MunicipalityTeam
from bot.conversation.callbacks import CallbackData
from bot.conversation.router import Router
from bot.conversation.scope import Place, places_of
from bot.conversation.scope_table import END, START, table
from bot.db import session_scope
from bot.replies import Incoming
from bot.staff.models import Role, Staff
from tests.support import Chat

ROOT = Path(__file__).resolve().parents[1]
TEAM_GROUP, OTHER_GROUP = -100_500, -100_600
CHATS = {"private": None, "group": OTHER_GROUP, "supergroup": OTHER_GROUP - 1, "team chat": TEAM_GROUP}
USERS = {Role.YOUTH: 7001, Role.CASEWORKER: 7002, Role.COORDINATOR: 7003, Role.PARTNER: 7004, Role.ADMIN: 7005}


def test_the_table_in_docs_security_md_is_made_from_the_code() -> None:
    from bot.conversation.features import build_router

    document = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    written = document.partition(START)[2].partition(END)[0].strip()
    assert written == table(build_router()), "run: python scripts/security_table.py"


def test_every_command_and_button_namespace_declares_a_scope_with_a_role() -> None:
    from bot.conversation.features import build_router

    router = build_router()
    for command in router.unique_commands():
        assert command.scope.rules and all(roles for _place, roles in command.scope.rules), command.name
        assert command.handler.__doc__, f"/{command.name} needs a one-line docstring (it goes in the table)"
    for prefix, entry in router.callbacks.items():
        assert entry.scope.rules, prefix
        assert entry.handler.__doc__, f"{prefix} needs a one-line docstring"


@pytest.fixture
def walk_app(sqlite_engine: Engine, make_app) -> App:
    app = make_app(sqlite_engine, flood_limit_per_minute=100_000, cases_per_hour=100_000)
    now = app.deps.clock()
    with session_scope(sqlite_engine) as session:
        for role, user in USERS.items():
            if role is not Role.YOUTH:
                session.add(Staff(transport="telegram", user_id=user, chat_id=user, role=role.value,
                                  municipality="aarhus" if role in (Role.CASEWORKER, Role.COORDINATOR) else None,
                                  provider="Boligselskab" if role is Role.PARTNER else None, display_name=role.value,
                                  created_at=now))
        session.add(MunicipalityTeam(municipality="aarhus", team_chat_id=TEAM_GROUP, updated_at=now))
    return app


def _spy_on(router: Router, calls: Counter[str]) -> None:
    """Wrap every handler so the test sees which ran (and still runs the real one)."""
    for name, command in list(router.commands.items()):
        def counted(ctx, _original=command.handler, _name=command.name):
            calls[f"/{_name}"] += 1
            _original(ctx)
        router.commands[name] = dataclasses.replace(command, handler=counted)
    for prefix, entry in list(router.callbacks.items()):
        def counted_button(ctx, data, _original=entry.handler, _prefix=prefix):
            calls[_prefix] += 1
            _original(ctx, data)
        router.callbacks[prefix] = dataclasses.replace(entry, handler=counted_button)


def _example(data_type: type[CallbackData]) -> str:
    return data_type.example().pack()


def _is_team(app: App, chat_id: int) -> bool:
    """Read from the database: /team, walked too, makes any group a team chat."""
    from sqlmodel import or_, select

    with session_scope(app.engine) as session:
        return session.exec(select(MunicipalityTeam).where(or_(MunicipalityTeam.team_chat_id == chat_id,
                                                               MunicipalityTeam.oncall_chat_id == chat_id))
                            ).first() is not None


def test_every_command_and_button_runs_only_where_and_for_whom_it_is_declared(walk_app: App) -> None:
    router = walk_app.core.router
    calls: Counter[str] = Counter()
    _spy_on(router, calls)
    update_ids = itertools.count(1)
    commands = router.unique_commands()
    buttons = list(router.callbacks.items())
    checked = 0
    for (chat_name, group_id), (role, user) in itertools.product(CHATS.items(), USERS.items()):
        chat_type = "private" if group_id is None else ("supergroup" if chat_name != "group" else "group")
        chat_id = user if group_id is None else group_id
        for command in commands:
            for name in (command.name, *command.aliases):
                places = places_of(chat_type, _is_team(walk_app, chat_id))
                before, refused = calls[f"/{command.name}"], walk_app.core.refused
                walk_app.core.handle(Incoming("telegram", chat_id, user, "command", update_id=next(update_ids),
                                              text=f"/{name}", command=name, chat_type=chat_type))
                allowed = command.scope.allows(places, role)
                ran = calls[f"/{command.name}"] - before
                assert ran == int(allowed), f"/{name} by {role} in a {chat_name}: ran {ran}, allowed {allowed}"
                assert walk_app.core.refused - refused == int(not allowed)
                checked += 1
        for prefix, entry in buttons:
            places = places_of(chat_type, _is_team(walk_app, chat_id))
            before, refused = calls[prefix], walk_app.core.refused
            outcome = walk_app.core.handle(Incoming("telegram", chat_id, user, "callback", update_id=next(update_ids),
                                                    callback_data=_example(entry.data), message_id=1,
                                                    chat_type=chat_type))
            allowed = entry.scope.allows(places, role)
            assert calls[prefix] - before == int(allowed), f"{prefix} by {role} in a {chat_name}"
            assert walk_app.core.refused - refused == int(not allowed)
            assert outcome.callback_answer is not None, "every press gets an answer (a refusal says why)"
            if not allowed:
                assert outcome.callback_answer, f"{prefix} refused without a word, by {role} in a {chat_name}"
            checked += 1
    assert walk_app.core.failures == 0, "a handler raised (the person got the apology)"
    assert checked > 1000


def test_private_chat_buttons_do_nothing_in_a_team_chat(walk_app: App) -> None:
    """The attack: forged private-chat buttons pressed in the caseworkers' group (hide, export, erase, connect)."""
    group = Chat(walk_app, TEAM_GROUP, chat_type="supergroup", user_id=USERS[Role.YOUTH])
    staff_in_group = Chat(walk_app, TEAM_GROUP, chat_type="supergroup", user_id=USERS[Role.CASEWORKER],
                          sender=group.sender)
    for chat in (group, staff_in_group):
        for data in ("menu:hide", "priv:export", "priv:erase-yes", "menu:staff", "cy:go", "lm:W:1"):
            sent = chat.press(data, message_id=77)
            assert sent == [], f"{data} sent something in the team chat"
            assert chat.callback_answers[-1], f"{data} got no polite answer"
    from sqlmodel import select

    from bot.cases.models import Case
    with session_scope(walk_app.engine) as session:
        assert session.exec(select(Case)).all() == [], "no case was opened for the group"
    assert walk_app.core.failures == 0


def test_team_places_are_a_kind_of_group() -> None:
    assert places_of("private", False) == {Place.PRIVATE}
    assert places_of("group", False) == {Place.GROUP}
    assert places_of("supergroup", True) == {Place.GROUP, Place.TEAM}
