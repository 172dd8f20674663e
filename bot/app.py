"""Assemble the application from settings: knowledge base, index, database and conversation core."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from bot import knowledge_cache
from bot.config import Settings
from bot.conversation.context import Deps
from bot.conversation.engine import Core
from bot.conversation.features import build_router
from bot.db import open_database
from bot.models import utcnow
from bot.triage import warm_up
from bot.triage_model import sharing_grams
from knowledge.index import Index
from knowledge.loader import BUNDLED_ROOT, KnowledgeBase


@dataclass(frozen=True)
class App:
    settings: Settings
    deps: Deps
    engine: Engine
    core: Core


def load_knowledge(settings: Settings) -> tuple[KnowledgeBase, Index]:
    """Load and index the knowledge base (kept in the data directory between starts); raises KnowledgeError."""
    return knowledge_cache.load(settings.knowledge_dir or BUNDLED_ROOT, settings.data_dir)


def build_app(settings: Settings, *, engine: Engine | None = None,
              knowledge: tuple[KnowledgeBase, Index] | None = None,
              clock: Callable[[], dt.datetime] = utcnow) -> App:
    """Everything the bot needs; raises KnowledgeError or DatabaseError with a one-line reason.

    Tests pass an already migrated ``engine``, a shared ``knowledge`` index and a fake ``clock``.
    """
    # The database first: one that cannot be reached is said at once, not after a first start has trained the
    # triage model (a minute on a busy machine).
    engine = engine or open_database(settings.database_url_or_default())
    kb, index = knowledge or load_knowledge(settings)
    # The learned triage model, trained once (cached in the data directory); its n-grams are mostly the topic
    # scorer's, and share their strings.
    with sharing_grams(index.learned.rows if index.learned else ()):
        warm_up(kb, settings.data_dir)
    router = build_router()
    deps = Deps(settings=settings, kb=kb, index=index, clock=clock, stores=tuple(router.stores))
    return App(settings, deps, engine, Core(deps, engine, router))
