"""What the migration tests share: the schema's differences from the models for some tables, a downgrade, and a run of
one check on a PostgreSQL database of its own (the fixture ``postgres_database``)."""

from __future__ import annotations

import os
from collections.abc import Callable

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, make_url
from sqlmodel import SQLModel

from bot.db import MIGRATIONS


def schema_differences(engine: Engine, *tables: str) -> list[object]:
    """Where the tables in the database differ from the models (empty when a migration made them right)."""
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    return [c for c in diff if any(f"'{t}'" in repr(c) or f"table='{t}'" in repr(c) for t in tables)]


def downgrade_with_alembic(engine: Engine, target: str) -> None:
    """Take the database back to the Alembic revision ``target`` (the way an operator rolls a release back)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def on_postgres(database: str, check: Callable[[str], None]) -> None:
    """Run ``check`` with the URL of the PostgreSQL ``database`` (from HUSLY_TEST_POSTGRES_URL), then let go of it."""
    url = make_url(os.environ["HUSLY_TEST_POSTGRES_URL"]).set(database=database).render_as_string(hide_password=False)
    try:
        check(url)
    finally:
        create_engine(url).dispose()
