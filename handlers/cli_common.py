"""What every `husly` command shares: exit codes and one-line errors, the settings, and the one place that
opens the app (or only the database, or only the knowledge base) for a run.

A run's `Husly` object is click's context object: made once per command line, it builds what a command asks
for the first time it is asked, so `husly ask` never opens a database and `husly cases ...` opens it once. Tests
hand `main()` their own `Husly(app=..., clock=...)` to run commands on a test database with a test clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click
from pydantic import ValidationError

from bot.config import Settings
from knowledge.schema import MUNICIPALITIES

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from bot.app import App
    from knowledge.index import Index
    from knowledge.loader import KnowledgeBase, KnowledgeError

EXIT_PROBLEM = 1
EXIT_USAGE = 2


class Fail(click.ClickException):
    """A one-line error with its own exit code."""

    def __init__(self, message: str, code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.exit_code = code  # type: ignore[misc]  # click declares exit_code a ClassVar but reads it per instance


def fail(message: str, usage: bool = False) -> Fail:
    """A one-line error: exit code 2 for a wrong command line (``usage``), else 1."""
    return Fail(message, EXIT_USAGE if usage else EXIT_PROBLEM)


def broken_knowledge(exc: KnowledgeError) -> str:
    return f"the knowledge base has {len(exc.problems)} problem(s); run `husly kb check` to list them"


def settings_from_env() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = "HUSLY_" + str(first["loc"][0]).upper() if first["loc"] else "setting"
        raise Fail(f"bad setting {field}: {first['msg']}", EXIT_USAGE) from None


class Husly:
    """One run's settings, clock, app, database and knowledge base, each made at most once, when first asked."""

    def __init__(self, *, settings: Settings | None = None, app: App | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self._settings = settings or (app.settings if app else None)
        self._app = app
        self._given_app = app is not None
        self.clock = app.deps.clock if app else clock or _utcnow
        self._engine: Engine | None = None
        self._knowledge: tuple[KnowledgeBase, Index] | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = settings_from_env()
        return self._settings

    def now(self) -> dt.datetime:
        return self.clock()

    def app(self, clock: Callable[[], dt.datetime] | None = None) -> App:
        """The whole bot (knowledge base, triage model, database, conversation core); ``clock``: the time it runs
        on, if it is not built yet (`husly stats demo` moves through weeks)."""
        if self._app is None:
            self.clock = clock or self.clock
            from bot.app import build_app
            from bot.db import DatabaseError
            from knowledge.loader import KnowledgeError

            try:
                self._app = build_app(self.settings, engine=self._engine, knowledge=self._knowledge,
                                      clock=self.clock)
            except KnowledgeError as exc:
                raise Fail(broken_knowledge(exc)) from None
            except DatabaseError as exc:
                raise Fail(str(exc)) from None
        return self._app

    def knowledge_base(self) -> KnowledgeBase:
        """The knowledge base alone (no search index: a report only reads it)."""
        if self._app is not None or self._knowledge is not None:
            return self.knowledge()[0]
        from knowledge.loader import BUNDLED_ROOT, KnowledgeError, load

        try:
            return load(self.settings.knowledge_dir or BUNDLED_ROOT)
        except KnowledgeError as exc:
            raise Fail(broken_knowledge(exc)) from None

    def knowledge(self) -> tuple[KnowledgeBase, Index]:
        """The knowledge base and its index, without the rest of the bot."""
        if self._app is not None:
            return self._app.deps.kb, self._app.deps.index
        if self._knowledge is None:
            from bot import knowledge_cache
            from knowledge.loader import BUNDLED_ROOT, KnowledgeError

            try:
                self._knowledge = knowledge_cache.load(self.settings.knowledge_dir or BUNDLED_ROOT,
                                                       self.settings.data_dir)
            except KnowledgeError as exc:
                raise Fail(broken_knowledge(exc)) from None
        return self._knowledge

    def engine(self) -> Engine:
        """The migrated database, without the rest of the bot."""
        if self._app is not None:
            return self._app.engine
        if self._engine is None:
            from bot.db import DatabaseError, open_database

            try:
                self._engine = open_database(self.settings.database_url_or_default())
            except DatabaseError as exc:
                raise Fail(str(exc)) from None
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction on the database."""
        from bot.db import session_scope

        with session_scope(self.engine()) as session:
            yield session

    def close(self) -> None:
        """Close the database if this run opened it (an app handed in by a test stays open)."""
        if self._given_app:
            return
        engine = self._app.engine if self._app is not None else self._engine
        if engine is not None:
            engine.dispose()


def _utcnow() -> dt.datetime:
    # bot.models.utcnow, without importing the database models into every command.
    return dt.datetime.now(dt.UTC)


def current() -> Husly:
    """The running command's `Husly` (made on first use)."""
    return click.get_current_context().ensure_object(Husly)


class MunicipalityType(click.ParamType):
    """One of the six municipalities by slug or name, any case: "aarhus", "Aarhus", "København", "kbh"."""

    name = "municipality"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from knowledge.lexicon import detect_municipality, lexicon
        from knowledge.normalise import fold

        text = str(value).strip()
        if text in MUNICIPALITIES:
            return text
        words = [word for word in fold(text.replace("-", " ")).split() if word != "kommune"]
        # The whole value must name it: a known name ("København", "kbh", "Høje-Taastrup"), or one long word
        # with a typo ("Roksilde") as the chat allows; never a municipality somewhere in a phrase.
        slug = lexicon().municipality_aliases.get(tuple(words))
        if slug is None and len(words) == 1:
            slug = detect_municipality(words)
        if slug is None:
            self.fail(f"{text!r} is not one of: {choices()}", param, ctx)
        return slug

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(MUNICIPALITIES) + "]"

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return f"Choose from: {choices()}."


def choices() -> str:
    return ", ".join(MUNICIPALITIES) + " (names like Aarhus, København or kbh work too)"


MUNICIPALITY = MunicipalityType()

# What a command prints for a person is in their language: Danish unless --lang en. One option for every command.
lang_option = click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True,
                           help="The language of what it prints (Danish by default, as every command).")
