"""Periodic work that the bot process runs: case reminders and follow-ups, listing expiry and alerts,
retention. Each job is a pure function of the database, the dependencies and "now", so tests drive it with a
fake clock and several instances can run it (every job is idempotent)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import Engine

from bot.cases import jobs as case_jobs
from bot.conversation.context import Deps
from bot.db import session_scope
from bot.listings import jobs as listing_jobs
from bot.logs import log_failure
from bot.privacy.registry import expire_all

log = logging.getLogger(__name__)
Job = Callable[[Engine, Deps, dt.datetime], dict[str, int]]


def retention(engine: Engine, deps: Deps, now: dt.datetime) -> dict[str, int]:
    """Anonymise or delete personal data older than HUSLY_RETENTION_DAYS."""
    with session_scope(engine) as session:
        return expire_all(session, deps.stores, now, deps.settings.retention_days)


JOBS: dict[str, Job] = {"cases": case_jobs.tick, "listings": listing_jobs.tick, "retention": retention}


def run_due(engine: Engine, deps: Deps, now: dt.datetime) -> dict[str, dict[str, int]]:
    """Run every job once; one failing job is logged and does not stop the others."""
    results: dict[str, dict[str, int]] = {}
    for name, job in JOBS.items():
        try:
            results[name] = job(engine, deps, now)
        except Exception as exc:  # a job must never take the bot down
            log_failure(log, f"job {name}", exc)
            results[name] = {"errors": 1}
    return results
