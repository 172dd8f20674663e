"""The `husly` command. Its forms are used by other tools: keep them stable.

Every failure a person can cause (bad arguments, a broken knowledge base, an unreachable database, a bad
setting) ends in one line on stderr and a non-zero exit code, never a traceback.

Start-up matters here (`husly ask` is run from scripts, once per question): the command groups live in their
own modules (handlers/cli_*.py), imported only when their command runs or the help lists them, and each
command imports what it needs inside itself.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from handlers.cli_common import EXIT_PROBLEM, EXIT_USAGE, MUNICIPALITY, Fail, Husly, current, lang_option

if TYPE_CHECKING:
    from bot.answering import Answer
    from knowledge.schema import Topic

# Command name -> "module:attribute"; a module is imported only when one of its commands is needed.
LAZY_COMMANDS = {
    "listings": "handlers.cli_listings:listings",
    "staff": "handlers.cli_cases:staff",
    "team": "handlers.cli_cases:team",
    "cases": "handlers.cli_cases:cases",
    "referral": "handlers.cli_cases:referral",
    "privacy": "handlers.cli_privacy:privacy",
    "purge": "handlers.cli_privacy:purge",
    "report": "handlers.cli_report:report",
    "curate": "handlers.cli_report:curate",
    "stats": "handlers.cli_report:stats",
    "run": "handlers.cli_run:run",
}


class LazyGroup(click.Group):
    """A group whose commands in ``LAZY_COMMANDS`` are imported on first use (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            module, _, attribute = LAZY_COMMANDS[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Husly: answers on cheap housing, money and support, and urgent help for young people."""
    # One Husly per run (or the one a test handed to main()); whatever it opened is closed at the end.
    ctx.call_on_close(ctx.ensure_object(Husly).close)


def _as_json(result: Answer) -> dict[str, Any]:
    from bot.replies import to_text

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


def _empty_json(lang: str | None, municipality: str | None) -> dict[str, Any]:
    """What `--jsonl` writes for an empty line: every field an answer has, nothing answered."""
    return {"topic": None, "faq": None, "confidence": 0.0, "answered": False, "suggestions": [], "urgency": "none",
            "reasons": [], "lang": lang or "da", "municipality": municipality, "answer": "", "kind": "empty",
            "for_someone_else": False}


@cli.command()
@click.argument("text", required=False)
@click.option("--lang", type=click.Choice(["da", "en"]), help="Answer in this language (default: detected).")
@click.option("--municipality", type=MUNICIPALITY, help="The asker's municipality (name or slug).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--jsonl", is_flag=True, help="Read one question per line on stdin; write one JSON object per line.")
def ask(text: str | None, lang: str | None, municipality: str | None, as_json: bool, jsonl: bool) -> None:
    """Answer a question the way the bot would (a housing search shows the listings, as in the chat)."""
    from bot.answering import answer
    from bot.replies import to_text
    from bot.triage import warm_up
    from knowledge.lexicon import as_lang

    if jsonl == (text is not None):
        raise Fail("give either TEXT or --jsonl", EXIT_USAGE)
    husly = current()
    settings = husly.settings
    kb, index = husly.knowledge()
    warm_up(kb, settings.data_dir)  # the learned triage model, from its cache in the data directory
    today = dt.date.today()

    def one(question: str) -> Answer:
        result = answer(kb, index, question, today=today, threshold=settings.confidence_threshold,
                        lang=as_lang(lang) if lang else None, municipality=municipality)
        return _with_listings(husly, question, result)

    if jsonl:
        for line in sys.stdin:
            question = line.rstrip("\n")
            data = _as_json(one(question)) if question.strip() else _empty_json(lang, municipality)
            click.echo(json.dumps(data, ensure_ascii=False))
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


def _with_listings(husly: Husly, text: str, result: Answer) -> Answer:
    """A housing search ("ledige værelser i aarhus under 4000") gets the listings that fit, as the chat shows
    them (bot/listings/conversation.py); a crisis never does. Only then is the database opened."""
    from bot.listings.filters import parse_filters
    from bot.not_for_me import not_a_housing_search
    from bot.triage import Urgency

    filters = parse_filters(text)
    if filters is None or result.triage.urgency is not Urgency.NONE or not_a_housing_search(text):
        return result
    from dataclasses import replace

    from bot.i18n import use_lang
    from bot.listings.ages import band_in
    from bot.listings.conversation import results_page

    if filters.municipality is None and result.municipality:
        filters = replace(filters, municipality=result.municipality)
    # The age said in the search leaves out homes whose age range excludes it, as in the chat.
    filters = replace(filters, age_band=band_in(text))
    with husly.session() as session, use_lang(result.lang):
        page = results_page(session, husly.knowledge()[0], result.lang, husly.now(), filters, 0)
    return replace(result, reply=page, more=(), kind="listings")


@cli.group(no_args_is_help=True)
def kb() -> None:
    """Check or export the knowledge base."""


@kb.command("check")
@click.option("--path", type=click.Path(file_okay=False, path_type=Path),
              help="Knowledge folder (default: the bundled one or HUSLY_KNOWLEDGE_DIR).")
def kb_check(path: Path | None) -> None:
    """Validate every topic and service; list problems as `file: problem` and entries due for review."""
    from knowledge.loader import BUNDLED_ROOT, STALE_AFTER_DAYS, KnowledgeError, load

    root = path or current().settings.knowledge_dir or BUNDLED_ROOT
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
    base, _ = current().knowledge()
    data = {
        "topics": [_topic_json(t) for t in base.topics.values()],
        "services": [s.model_dump(mode="json") for s in base.services.values()],
    }
    click.echo(json.dumps(data, ensure_ascii=False))


@cli.command()
@lang_option
def chat(lang: str) -> None:
    """Chat with the bot in the terminal (no Telegram needed)."""
    import asyncio

    from bot.logs import setup_logging
    from handlers.console import chat as console_chat

    husly = current()
    settings = husly.settings
    # The terminal is the chat: operational logs go to a file beside the database instead.
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log_file = (settings.data_dir / "husly-chat.log").open("a", encoding="utf-8")
    setup_logging(settings.log_level, log_file)
    app = husly.app()
    try:
        asyncio.run(console_chat(app, lang=lang))
    except KeyboardInterrupt:
        click.echo("")


def main(argv: list[str] | None = None, husly: Husly | None = None) -> None:
    """Run the CLI with one-line errors: `husly: error: ...` and exit code 1 (problem) or 2 (usage).

    ``husly``: the run's settings, clock and app (tests hand in their own); by default made from the environment.
    """
    try:
        cli.main(args=argv, prog_name="husly", standalone_mode=False, obj=husly)
    except click.exceptions.NoArgsIsHelpError as exc:
        # `husly` or `husly kb` alone: the help, as asked for.
        click.echo(exc.ctx.get_help())
    except click.exceptions.Abort:
        sys.exit(EXIT_PROBLEM)
    except click.ClickException as exc:
        click.echo(f"husly: error: {_one_line(exc.format_message()) or type(exc).__name__}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


def _one_line(message: str) -> str:
    """Click's message on one line: "Missing option '--role'. Choose from:\n\ta,\n\tb" becomes "... a, b"."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


if __name__ == "__main__":
    main()
