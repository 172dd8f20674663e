"""Migration 0027 (referral links) up and down on SQLite and PostgreSQL: upgraded, the tables are the models';
downgraded, the referral table and the case's organisation go and the cases stay; upgraded again, all is as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text

from bot.cases import models
from bot.cases.models import Case
from bot.db import make_engine, migrate, session_scope
from tests.migration_support import downgrade_with_alembic, on_postgres, schema_differences
from tests.support import upgrade_with_alembic

NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
TABLES = ("referral", "help_case")


def _up_down_and_up_again(url: str) -> None:
    upgrade_with_alembic(url, "heads")
    engine = make_engine(url)
    assert schema_differences(engine, *TABLES) == []
    with session_scope(engine) as session:
        session.add(models.Referral(code_hash="0" * 64, provider="Org", municipality="aarhus", created_at=NOW,
                             expires_at=NOW + dt.timedelta(days=30)))
        session.add(Case(transport="telegram", chat_id=11, urgency="urgent", reasons=["referred"], referred_by="Org",
                         created_at=NOW, waiting_since=NOW))
    downgrade_with_alembic(engine, "0010")
    tables = inspect(engine)
    assert "referral" not in tables.get_table_names()
    assert "referred_by" not in {c["name"] for c in tables.get_columns("help_case")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT chat_id FROM help_case")).scalars().all() == [11]
    migrate(engine)
    assert schema_differences(engine, *TABLES) == []
    engine.dispose()


def test_sqlite_up_down_and_up_again(tmp_path: Path) -> None:
    _up_down_and_up_again(f"sqlite:///{tmp_path / 'referrals.sqlite3'}")


def test_postgresql_up_down_and_up_again(postgres_database: str) -> None:
    on_postgres(postgres_database, _up_down_and_up_again)
