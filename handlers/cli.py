"""The `husly` command. Its forms are used by other tools: keep them stable.

Every failure a person can cause (bad arguments, a broken knowledge base, an unreachable database, a bad
setting) ends in one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from typing import Any

import click
from pydantic import ValidationError

from bot.answering import Answer, answer
from bot.config import Settings
from bot.db import DatabaseError
from bot.replies import to_text
from knowledge.lexicon import as_lang
from knowledge.loader import BUNDLED_ROOT, STALE_AFTER_DAYS, KnowledgeError, load
from knowledge.schema import MUNICIPALITIES, Topic

EXIT_PROBLEM = 1
EXIT_USAGE = 2


class Fail(click.ClickException):
    """A one-line error with its own exit code."""

    def __init__(self, message: str, code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.exit_code = code  # type: ignore[misc]  # click declares exit_code a ClassVar but reads it per instance


def broken_knowledge(exc: KnowledgeError) -> str:
    return f"the knowledge base has {len(exc.problems)} problem(s); run `husly kb check` to list them"


def settings_from_env() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = "HUSLY_" + str(first["loc"][0]).upper() if first["loc"] else "setting"
        raise Fail(f"bad setting {field}: {first['msg']}", EXIT_USAGE) from None


def _knowledge(settings: Settings) -> Any:
    from bot.app import load_knowledge

    try:
        return load_knowledge(settings)
    except KnowledgeError as exc:
        raise Fail(broken_knowledge(exc)) from None


def build_app_or_fail(settings: Settings) -> Any:
    from bot.app import build_app

    try:
        return build_app(settings)
    except KnowledgeError as exc:
        raise Fail(broken_knowledge(exc)) from None
    except DatabaseError as exc:
        raise Fail(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Husly: answers on cheap housing, money and support, and urgent help for young people."""


def _as_json(result: Answer) -> dict[str, Any]:
    return {
        "topic": result.topic,
        "faq": result.faq,
        "confidence": round(result.search.confidence, 3),
        "answered": result.confident,
        "suggestions": list(result.search.suggestions),
        "urgency": result.triage.urgency.value,
        "reasons": list(result.triage.reasons),
        "lang": result.lang,
        "municipality": result.municipality,
        "answer": "\n\n".join(to_text(reply.html) for reply in result.replies),
        "kind": result.kind,
        "for_someone_else": result.for_someone_else,
    }


@cli.command()
@click.argument("text", required=False)
@click.option("--lang", type=click.Choice(["da", "en"]), help="Answer in this language (default: detected).")
@click.option("--municipality", type=click.Choice(MUNICIPALITIES), help="The asker's municipality.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--jsonl", is_flag=True, help="Read one question per line on stdin; write one JSON object per line.")
def ask(text: str | None, lang: str | None, municipality: str | None, as_json: bool, jsonl: bool) -> None:
    """Answer a question the way the bot would."""
    if jsonl == (text is not None):
        raise Fail("give either TEXT or --jsonl", EXIT_USAGE)
    settings = settings_from_env()
    kb, index = _knowledge(settings)
    today = dt.date.today()

    def one(question: str) -> Answer:
        return answer(kb, index, question, today=today, threshold=settings.confidence_threshold,
                      lang=as_lang(lang) if lang else None, municipality=municipality)

    if jsonl:
        for line in sys.stdin:
            question = line.rstrip("\n")
            if not question.strip():
                click.echo(json.dumps({"topic": None, "faq": None, "confidence": 0.0, "suggestions": [],
                                       "urgency": "none", "reasons": [], "lang": lang or "da",
                                       "municipality": municipality, "answer": "", "kind": "empty",
                                       "for_someone_else": False}, ensure_ascii=False))
                continue
            click.echo(json.dumps(_as_json(one(question)), ensure_ascii=False))
        return
    assert text is not None
    if not text.strip():
        raise Fail("the question is empty", EXIT_USAGE)
    result = one(text)
    if as_json:
        click.echo(json.dumps(_as_json(result), ensure_ascii=False, indent=2))
        return
    click.echo("\n\n".join(to_text(reply.html) for reply in result.replies))
    click.echo(f"\n[kind={result.kind} topic={result.topic} faq={result.faq} "
               f"confidence={result.search.confidence:.2f} "
               f"urgency={result.triage.urgency.value} lang={result.lang} municipality={result.municipality}]")


@cli.group()
def kb() -> None:
    """Check or export the knowledge base."""


@kb.command("check")
@click.option("--path", type=click.Path(file_okay=False, path_type=__import__("pathlib").Path),
              help="Knowledge folder (default: the bundled one or HUSLY_KNOWLEDGE_DIR).")
def kb_check(path: Any) -> None:
    """Validate every topic and service; list problems as `file: problem` and entries due for review."""
    settings = settings_from_env()
    root = path or settings.knowledge_dir or BUNDLED_ROOT
    try:
        base = load(root)
    except KnowledgeError as exc:
        for problem in exc.problems:
            click.echo(problem)
        raise Fail(f"{len(exc.problems)} problem(s) found") from None
    today = dt.date.today()
    stale = base.stale(today)
    for entry in stale:
        click.echo(f"warning: {entry} not reviewed for more than {STALE_AFTER_DAYS} days", err=True)
    for entry in base.outdated_amounts(today.year):
        click.echo(f"warning: {entry}; check them and set amounts_year", err=True)
    click.echo(f"ok: {len(base.topics)} topics, {base.faq_count} specific answers (faq), "
               f"{len(base.services)} services, mean LIX {base.mean_lix():.1f}"
               + (f", {len(stale)} due for review" if stale else ""))


def _topic_json(topic: Topic) -> dict[str, Any]:
    """A topic as JSON; its specific answers as {"id", "q", "a", "sources": [{"title", "url"}]}."""
    data = topic.model_dump(mode="json", exclude={"faq"})
    data["faq"] = [{"id": entry.id, "q": entry.q.model_dump(), "a": entry.a.model_dump(),
                    "sources": [{"title": s.title, "url": str(s.url) if s.url else s.document}
                                for s in entry.sources]}
                   for entry in topic.faq]
    return data


@kb.command("dump")
def kb_dump() -> None:
    """Print the whole knowledge base as one JSON object: {"topics": [...], "services": [...]}."""
    settings = settings_from_env()
    base, _ = _knowledge(settings)
    data = {
        "topics": [_topic_json(t) for t in base.topics.values()],
        "services": [s.model_dump(mode="json") for s in base.services.values()],
    }
    click.echo(json.dumps(data, ensure_ascii=False))


@cli.command()
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True)
def chat(lang: str) -> None:
    """Chat with the bot in the terminal (no Telegram needed)."""
    from bot.logs import setup_logging
    from handlers.console import chat as console_chat

    settings = settings_from_env()
    # The terminal is the chat: operational logs go to a file beside the database instead.
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log_file = (settings.data_dir / "husly-chat.log").open("a", encoding="utf-8")
    setup_logging(settings.log_level, log_file)
    app = build_app_or_fail(settings)
    try:
        asyncio.run(console_chat(app, lang=lang))
    except KeyboardInterrupt:
        click.echo("")


# Feature command groups import Fail and settings_from_env from this module, so they come after them.
from handlers.cli_listings import listings  # noqa: E402

cli.add_command(listings)

from handlers.cli_cases import COMMANDS as case_commands  # noqa: E402

for _group in case_commands:
    cli.add_command(_group)

from handlers.cli_privacy import commands as privacy_commands  # noqa: E402
from handlers.cli_report import COMMANDS as report_commands  # noqa: E402
from handlers.cli_run import run as run_command  # noqa: E402

cli.add_command(run_command)

for _command in (*privacy_commands, *report_commands):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI with one-line errors: `husly: error: ...` and exit code 1 (problem) or 2 (usage)."""
    try:
        cli.main(args=argv, prog_name="husly", standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(EXIT_PROBLEM)
    except click.ClickException as exc:
        message = exc.format_message().splitlines()[0] if exc.format_message() else type(exc).__name__
        click.echo(f"husly: error: {message}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
