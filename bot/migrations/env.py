"""Alembic environment: runs on the connection the app hands over, or on HUSLY_DATABASE_URL from the CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import bot.model_registry  # noqa: F401  (imports every table so autogenerate sees them)

target_metadata = SQLModel.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from bot.config import Settings
        from bot.db import make_engine

        with make_engine(Settings().database_url_or_default()).begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
