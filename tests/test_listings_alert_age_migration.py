"""Migration 0028 (the age band on a saved housing alert) up and down on SQLite and PostgreSQL: upgraded, the table is
the model's; downgraded, the column goes and the alerts stay; upgraded again, all is as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text

from bot.db import SCHEMA_VERSIONS, make_engine, migrate, session_scope
from bot.listings.models import ListingAlert
from tests.migration_support import downgrade_with_alembic, on_postgres, schema_differences
from tests.support import upgrade_with_alembic

NOW = dt.datetime(2026, 12, 7, 11, 0, tzinfo=dt.UTC)


def _up_down_and_up_again(url: str) -> None:
    assert "0028" in SCHEMA_VERSIONS and "0023" not in SCHEMA_VERSIONS
    upgrade_with_alembic(url, "heads")
    engine = make_engine(url)
    assert schema_differences(engine, "listing_alert") == []
    with session_scope(engine) as session:
        session.add(ListingAlert(transport="telegram", chat_id=21, municipality="aarhus", age_band="under_18",
                                 created_at=NOW, expires_at=NOW + dt.timedelta(days=60)))
    downgrade_with_alembic(engine, "0023")
    assert "age_band" not in {c["name"] for c in inspect(engine).get_columns("listing_alert")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT chat_id FROM listing_alert")).scalars().all() == [21]
    migrate(engine)
    assert schema_differences(engine, "listing_alert") == []
    engine.dispose()


def test_sqlite_up_down_and_up_again(tmp_path: Path) -> None:
    _up_down_and_up_again(f"sqlite:///{tmp_path / 'alert_age.sqlite3'}")


def test_postgresql_up_down_and_up_again(postgres_database: str) -> None:
    on_postgres(postgres_database, _up_down_and_up_again)
