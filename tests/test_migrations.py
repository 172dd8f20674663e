"""Start-up brings the database to the newest schema, and skips Alembic when it is there already."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from bot.db import MIGRATIONS, SCHEMA_VERSIONS, DatabaseError, make_engine, migrate, open_database
from tests.support import upgrade_with_alembic

ROOT = Path(__file__).resolve().parents[1]


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _opened_with_alembic(url: str) -> bool:
    """Open the database in a fresh process (as `husly run` does); True when that had to load Alembic."""
    code = ("import sys; from bot.db import open_database; open_database(sys.argv[1]).dispose(); "
            "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, url], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "True"


def _versions(url: str) -> set[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        versions = set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
    engine.dispose()
    return versions


def test_the_known_versions_are_those_of_a_database_alembic_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'alembic.sqlite3'}"
    upgrade_with_alembic(url, "heads")
    versions = _versions(url)
    assert versions == SCHEMA_VERSIONS, f"after adding a migration, set bot.db.SCHEMA_VERSIONS to {sorted(versions)}"
    # Each is a head (a head another one depends on is left out).
    heads = set(ScriptDirectory.from_config(_config()).get_heads())
    assert heads >= SCHEMA_VERSIONS


def test_a_new_database_is_migrated_and_the_next_start_skips_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert _opened_with_alembic(url)
    assert _versions(url) == SCHEMA_VERSIONS
    engine = make_engine(url)
    assert {"profile", "outbox", "inbox"} <= set(inspect(engine).get_table_names())
    engine.dispose()
    assert not _opened_with_alembic(url)


def test_an_older_database_is_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    upgrade_with_alembic(url, "0001")
    assert _versions(url) == {"0001"}
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    assert _versions(url) == SCHEMA_VERSIONS


def test_a_postgresql_database_at_the_newest_schema_skips_alembic(postgres_url: str | None) -> None:
    if postgres_url is None:
        pytest.skip("HUSLY_TEST_POSTGRES_URL is not set")
    open_database(postgres_url).dispose()  # migrated by the session fixture; a no-op here
    assert _versions(postgres_url) == SCHEMA_VERSIONS
    assert not _opened_with_alembic(postgres_url)


def test_an_unreachable_database_still_fails_with_one_line() -> None:
    with pytest.raises(DatabaseError, match="cannot reach the database"):
        open_database("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")


def test_a_database_a_newer_husly_set_up_fails_with_one_line(tmp_path: Path) -> None:
    # An older Husly opening a data directory a newer one migrated (found by running main's `husly ask` beside this
    # session's): Alembic's "Can't locate revision" came as a traceback through the whole CLI.
    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    open_database(url).dispose()
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999' WHERE version_num IN "
                                "(SELECT MAX(version_num) FROM alembic_version)"))
    with pytest.raises(DatabaseError, match="set up by a newer version of Husly"):
        migrate(engine)
    engine.dispose()
    code = "from handlers.cli import main; main(['chat'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          input="", env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HUSLY_DATABASE_URL": url})
    assert done.returncode == 1
    assert done.stderr.strip().startswith("husly: error: the database") and "Traceback" not in done.stderr
