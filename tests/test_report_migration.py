"""Statistics written before the report existed get their Danish day and an outcome when the database is
upgraded, so the first report also counts them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.db import MIGRATIONS, make_engine, migrate


def test_old_statistics_rows_are_filled_in_by_the_upgrade(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        # 23:30 UTC on 1 June is already 2 June in Denmark (summer time).
        late = dt.datetime(2026, 6, 1, 23, 30)
        connection.execute(text(
            "INSERT INTO query_stat (topic, confidence, urgency, lang, municipality, created_at) VALUES "
            "('boligstoette', 0.8, 'none', 'da', 'aarhus', :at), (NULL, 0.1, 'none', 'da', NULL, :at), "
            "('hjemloes-akut', 0.9, 'urgent', 'da', NULL, :at)"), {"at": late})
        connection.execute(text("INSERT INTO feedback (topic, helpful, lang, created_at) VALUES "
                                "('boligstoette', 1, 'da', :at)"), {"at": late})
    migrate(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT outcome, day FROM query_stat ORDER BY id")).all()
        feedback_day = connection.execute(text("SELECT day FROM feedback")).scalar()
    engine.dispose()
    assert [outcome for outcome, _ in rows] == ["answered", "unsure", "safety"]
    assert {str(day) for _, day in rows} == {"2026-06-02"} and str(feedback_day) == "2026-06-02"
