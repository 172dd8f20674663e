"""Running bot instances and their heartbeats.

Every ``husly run`` process has an id and beats (writes ``beat_at``) about once a second. The rows it leases
(inbox updates it handles, outbox messages it sends) carry that id, and they stay its own only while it beats:
after a SIGKILL another instance takes them over within ``DEAD_AFTER``, instead of waiting for a long lease to
run out. A process that stops cleanly retires its row and hands its leases back at once.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Select
from sqlmodel import col

from bot.models import Instance

BEAT_EVERY = 1.0
# Four missed beats: a process stalled by a slow database for a moment keeps its leases, a dead one loses them
# in well under the five seconds a person in crisis should wait at most.
DEAD_AFTER = dt.timedelta(seconds=4)
FORGET_AFTER = dt.timedelta(hours=1)


def new_instance_id() -> str:
    return str(uuid.uuid4())


def beat(engine: Engine, instance_id: str, now: dt.datetime) -> None:
    """Record that ``instance_id`` is alive now (creating its row on the first beat)."""
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[engine.dialect.name]
    statement = dialect.insert(Instance).values(id=instance_id, started_at=now, beat_at=now)
    statement = statement.on_conflict_do_update(index_elements=["id"], set_={"beat_at": now})
    with engine.begin() as connection:
        connection.execute(statement)
        # Rows of instances long gone: nothing refers to them once their leases were taken over.
        connection.execute(delete(Instance).where(col(Instance.beat_at) < now - FORGET_AFTER))


def retire(engine: Engine, instance_id: str) -> None:
    """Forget ``instance_id`` (a clean stop): whatever it still leases is free for others at once."""
    with engine.begin() as connection:
        connection.execute(delete(Instance).where(col(Instance.id) == instance_id))


def alive(now: dt.datetime) -> Select[str]:
    """The ids of instances that beat within ``DEAD_AFTER`` (a subquery for lease conditions)."""
    return select(col(Instance.id)).where(col(Instance.beat_at) >= now - DEAD_AFTER)
