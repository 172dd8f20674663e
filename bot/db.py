"""Database engine, sessions and migrations (SQLModel on SQLAlchemy, sync sessions as SQLModel documents)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, insert, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The version rows of a database upgraded to every head of bot/migrations/versions (one per feature branch,
# less those another depends on; tests/test_migrations.py keeps this in step): a database with exactly these
# needs no migration, and start-up skips Alembic.
SCHEMA_VERSIONS = frozenset({"0004", "0005", "0006", "0020", "0027", "0028"})
# Any fixed number: PostgreSQL advisory lock so two instances starting together migrate one at a time.
_MIGRATION_LOCK = 7_301_942


# How long a statement waits for a lock or a connection before the database counts as unavailable. Short on
# purpose: while it waits, a person in crisis waits too; past it the intake's fail-safe answers without the
# database (handlers/telegram/runtime.py) and the update is handled once the database is back.
WAIT_SECONDS = 3


class DatabaseError(Exception):
    """The database cannot be reached or migrated; the message is safe to show as one line."""


class DatabaseUnavailable(Exception):
    """The database did not answer (down, unreachable, locked): nothing was changed; try again later."""


def is_unavailable(exc: BaseException) -> bool:
    """True for errors that mean "the database is away or busy", as opposed to a bug or bad data.

    A refused or dropped connection, a timeout, SQLite's "database is locked": what is tried again once the
    database is back. An integrity or data error is not: trying again would fail the same way.
    """
    if isinstance(exc, DatabaseUnavailable | PoolTimeout | DisconnectionError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        if isinstance(exc, OperationalError):
            message = str(exc.orig).lower()
            return "syntax" not in message and "no such" not in message
    return False


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout so threads can share the file."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": WAIT_SECONDS})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    # A server that is gone must fail fast, not hang: a connect timeout, and TCP user timeout and keepalives so a
    # connection whose server vanished (no RST: a cut network) errors within seconds instead of minutes.
    connect_args = {"connect_timeout": WAIT_SECONDS, "tcp_user_timeout": WAIT_SECONDS * 1000, "keepalives": 1,
                    "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2}
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, pool_timeout=WAIT_SECONDS,
                         connect_args=connect_args)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (the app does this on every start).

    A database already there, as on every start but the first after an upgrade, is known by its version rows:
    loading Alembic and every migration script to find that out took 0.34 s of a 1.6 s start.
    """
    if _at_heads(engine):
        return
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            config.attributes["connection"] = connection
            # "heads": feature branches (cases, listings) may each start from the core revision.
            command.upgrade(config, "heads")
    except OperationalError as exc:
        raise _unreachable(engine) from exc
    except CommandError as exc:
        # A database a newer Husly has migrated (a rolled-back release, or another version's data directory): its
        # schema version is one this code has no migration for. Said in one line, never migrated down by guessing.
        raise DatabaseError(f"the database ({engine.url.render_as_string(hide_password=True)}) was set up by a newer "
                            "version of Husly than this one; run that version, or use another database") from exc


def _at_heads(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            versions = set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError as exc:
        if is_unavailable(exc):
            raise _unreachable(engine) from exc
        return False  # a new database: no version table yet
    return versions == SCHEMA_VERSIONS


def _unreachable(engine: Engine) -> DatabaseError:
    return DatabaseError(f"cannot reach the database ({engine.url.render_as_string(hide_password=True)})")


def open_database(url: str) -> Engine:
    """Create the engine for ``url`` and migrate it; raise DatabaseError with a one-line reason."""
    try:
        engine = make_engine(url)
    except Exception as exc:  # bad URL, missing driver
        raise DatabaseError(f"bad database URL: {type(exc).__name__}") from exc
    migrate(engine)
    return engine


def insert_if_new(session: Session, table: Any, values: dict[str, Any]) -> bool:
    """Insert one row unless its primary key exists (one statement, race-free); True when it was inserted.

    On PostgreSQL a concurrent transaction inserting the same key makes this wait for it, then skip.
    """
    connection = session.connection()
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT through SQLAlchemy.
    return connection.execute(_insert_ignoring_conflicts(connection.dialect.name, table), values).first() is not None


def insert_row(session: Session, table: Any, values: dict[str, Any]) -> None:
    """Insert one append-only row now, in the session's transaction, without ORM bookkeeping.

    For rows written on every update and never changed in it (outbox messages, statistics): building and
    flushing a model object cost several times the insert itself. Rows appear in call order.
    """
    session.connection().execute(_insert(table), values)


@cache
def _insert(table: Any) -> Any:
    return insert(table)


@cache
def _insert_ignoring_conflicts(dialect: str, table: Any) -> Any:
    """Built once per table: this runs for every update (dedupe), and building it cost as much as running it."""
    statement = {"postgresql": postgresql, "sqlite": sqlite}[dialect].insert(table).on_conflict_do_nothing()
    return statement.returning(*inspect(table).primary_key)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
