"""Failures are logged one way everywhere: what failed (ids), the exception's type and where, never its message."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from bot import jobs
from bot.app import App
from handlers.telegram.aiogram_front import AiogramClient
from tests.conftest import Clock

MakeApp = Callable[..., App]
SECRET = "Sofie 20304050 wrote: I sleep at the station"


def test_a_failing_job_is_logged_with_its_name_and_place_never_its_message(
        sqlite_engine: Engine, make_app: MakeApp, clock: Clock, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_listings(*args: object) -> dict[str, int]:
        raise ValueError(SECRET)

    monkeypatch.setitem(jobs.JOBS, "listings", broken_listings)
    app = make_app(sqlite_engine)
    caplog.set_level(logging.INFO)
    results = jobs.run_due(app.engine, app.deps, clock())
    # The other jobs still ran.
    assert results["listings"] == {"errors": 1}
    assert not results["cases"].get("errors") and "profile" in results["retention"]
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    logged = record.getMessage()
    assert logged.startswith("job listings failed: ValueError") and "broken_listings" in logged
    assert not any(word in logged for word in ("Sofie", "20304050", "station"))


class _BrokenBot:
    async def get_file(self, file_id: str) -> object:
        raise RuntimeError(SECRET)


def test_a_file_that_cannot_be_downloaded_is_logged_not_swallowed(caplog: pytest.LogCaptureFixture) -> None:
    client = AiogramClient(_BrokenBot())  # type: ignore[arg-type]  # a stand-in Bot with only what a download calls
    assert asyncio.run(client.download("file-1")) is None
    [record] = caplog.records
    assert record.levelno == logging.WARNING and record.getMessage().startswith("file download failed: RuntimeError")
    assert "Sofie" not in record.getMessage()
