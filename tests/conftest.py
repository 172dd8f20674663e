"""Shared fixtures: a clean environment, databases (SQLite always, PostgreSQL when configured), the app.

Database tests take the ``engine`` fixture and run once per backend: on SQLite, and on PostgreSQL when
HUSLY_TEST_POSTGRES_URL is set (.ci/run sets it to the local server). Each PostgreSQL run uses its own
database, created for the session and dropped after it, with tables emptied between tests.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlmodel import SQLModel

import bot.model_registry  # noqa: F401  (all tables, so the cleaner knows them)
import handlers.telegram.aiogram_import  # noqa: F401  (before any test imports aiogram: as the bot imports it)
from bot.app import App, build_app, load_knowledge
from bot.config import Settings
from bot.db import make_engine, migrate
from bot.i18n import current_lang

POSTGRES_ENV = "HUSLY_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No HUSLY_* setting from the developer's shell leaks into a test; data goes to a temp folder."""
    for name in list(os.environ):
        if name.startswith("HUSLY_") and name != POSTGRES_ENV:
            monkeypatch.delenv(name)
    monkeypatch.setenv("HUSLY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # keeps a developer's .env file out of the tests
    current_lang.set("da")


@pytest.fixture(scope="session")
def knowledge():
    """The bundled knowledge base and its index, built once."""
    return load_knowledge(Settings(_env_file=None))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        yield None
        return
    name = f"husly_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """An empty PostgreSQL database of its own, for a real `husly run` to migrate and use; dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    name = f"husly_bot_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty_tables(engine: Engine) -> None:
    names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path, postgres_url: str | None) -> Iterator[Engine]:
    """A migrated, empty database: SQLite in a temp file, or the session's PostgreSQL database."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
        migrate(engine)
        yield engine
        engine.dispose()
        return
    if postgres_url is None:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    engine = make_engine(postgres_url)
    _empty_tables(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def database_env(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The ``engine`` database as the one a `husly` command run in the test opens (HUSLY_DATABASE_URL)."""
    monkeypatch.setenv("HUSLY_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    return engine


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """For tests that are about the core's behaviour rather than the database (SQLite only, faster)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'core.sqlite3'}")
    migrate(engine)
    yield engine
    engine.dispose()


class Clock:
    """A clock tests can move; starts on a fixed Friday afternoon in November."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_app(knowledge, clock: Clock):
    """Build the app on a given engine with the shared knowledge base and the test clock."""

    def make(engine: Engine, **settings: Any) -> App:
        return build_app(Settings(_env_file=None, **settings), engine=engine, knowledge=knowledge, clock=clock)

    return make


@pytest.fixture
def chat(sqlite_engine: Engine, make_app: Any) -> Any:
    """A young person's private chat on SQLite that has just said /start (a module may define its own)."""
    from tests.support import Chat

    started = Chat(make_app(sqlite_engine))
    started.command("start")
    return started
