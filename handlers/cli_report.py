"""`husly report` (the coordinators' report), `husly curate` (the curator queue) and `husly stats demo`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from bot.db import session_scope
from bot.staff.audit import cli_actor, record
from handlers.cli_common import MUNICIPALITY, current, lang_option
from handlers.cli_common import fail as _fail

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _database_and_knowledge() -> tuple[Any, Any, Any]:
    """Settings, the migrated database and the knowledge base: all a report needs (not the whole bot)."""
    husly = current()
    return husly.settings, husly.engine(), husly.knowledge_base()


# ---- report ------------------------------------------------------------------------------------------------

@click.command("report")
@click.option("--from", "start", type=DATE, help="First day (Danish time), YYYY-MM-DD. Default: 90 days before --to.")
@click.option("--to", "end", type=DATE, help="Last day, YYYY-MM-DD. Default: today.")
@click.option("--municipality", type=MUNICIPALITY, help="Only this municipality.")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "csv"]), default="html", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file (default: stdout).")
@lang_option
def report(start: dt.datetime | None, end: dt.datetime | None, municipality: str | None, fmt: str,
           out: Path | None, lang: str) -> None:
    """The report for coordinators: questions, what Husly could not answer, urgent cases, housing, knowledge."""
    from bot.report.formats import make_report, render
    from bot.report.gather import first_activity
    from bot.report.period import Period, PeriodError

    now = current().now()
    settings, engine, kb = _database_and_knowledge()
    with session_scope(engine) as session:
        try:
            period = Period.make(start.date() if start else None, end.date() if end else None, now, municipality,
                                 first_activity(session))
        except PeriodError as exc:
            raise _fail(str(exc), usage=True) from None
        built = make_report(session, kb=kb, settings=settings, period=period, now=now, lang=lang)
        record(session, actor=cli_actor(), action="report", now=now,
               detail=f"from={period.start} to={period.end} municipality={municipality or '-'} format={fmt}")
    content = render(built, fmt)
    if out is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    out.write_bytes(content)
    click.echo(f"wrote {out} ({len(content) // 1024} kB, {period.start} to {period.end})", err=True)


# ---- curator queue -----------------------------------------------------------------------------------------

@click.group()
def curate() -> None:
    """The curator queue: questions Husly could not answer well, with personal details removed."""


@curate.command("list")
@click.option("--status", type=click.Choice(["open", "new_topic", "resolved", "dismissed"]), default="open",
              show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def curate_list(status: str, as_json: bool) -> None:
    """List the queue, the most asked first: id, times asked, why, language, nearest topic, first asked, text."""
    from bot.curation import queue
    from bot.stats.days import local_day

    _settings, engine, _kb = _database_and_knowledge()
    with session_scope(engine) as session:
        items = queue.open_items(session, status=status)
        rows = [{"id": i.id, "times": i.times, "reason": i.reason, "lang": i.lang, "topic": i.topic,
                 "first_asked": local_day(i.created_at).isoformat(),
                 "last_asked": local_day(i.last_asked_at).isoformat(),
                 "resolved_topic": i.resolved_topic, "text": i.text} for i in items]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no {status} items", err=True)
    for row in rows:
        click.echo(f"{row['id']}\t{row['times']}x\t{row['reason']}\t{row['lang']}\t{row['topic'] or '-'}\t"
                   f"{row['first_asked']}\t{row['text']}")


@curate.command("resolve")
@click.argument("item_id", type=int)
@click.option("--topic", "topic_id", help="Add the question to this topic's example phrasings.")
@click.option("--new-topic", is_flag=True, help="The question needs a topic that does not exist yet.")
@click.option("--dismiss", is_flag=True, help="Nothing to do (not a question for Husly).")
def curate_resolve(item_id: int, topic_id: str | None, new_topic: bool, dismiss: bool) -> None:
    """Handle one queue item: add it to a topic (a one-line change in knowledge/, for review in git), mark it
    as needing a new topic, or dismiss it."""
    from bot.curation import queue
    from bot.curation.scrub import without_markers
    from bot.curation.topic_files import TopicFileError, add_example, topic_path
    from knowledge.loader import BUNDLED_ROOT

    if sum((topic_id is not None, new_topic, dismiss)) != 1:
        raise _fail("give exactly one of --topic TOPIC_ID, --new-topic or --dismiss", usage=True)
    settings, engine, kb = _database_and_knowledge()
    now = current().now()
    with session_scope(engine) as session:
        item = queue.get_open(session, item_id)
        if item is None:
            raise _fail(f"no open item {item_id} (see `husly curate list`)", usage=True)
        if topic_id is None:
            queue.close(session, item, "new_topic" if new_topic else "dismissed", now)
            record(session, actor=cli_actor(), action="curate", now=now,
                   detail=f"item={item_id} {'new_topic' if new_topic else 'dismissed'}")
            click.echo(f"item {item_id}: {'needs a new topic' if new_topic else 'dismissed'}")
            return
        if topic_id not in kb.topics:
            raise _fail(f"no topic {topic_id!r} (see `husly kb dump` or knowledge/topics/)", usage=True)
        phrase = without_markers(item.text)
        if len(phrase.split()) < 2:
            raise _fail("too little is left of this question once personal details are removed; use --dismiss")
        path = topic_path(settings.knowledge_dir or BUNDLED_ROOT, topic_id)
        try:
            added = add_example(path, item.lang, phrase)
        except TopicFileError as exc:
            raise _fail(str(exc)) from None
        queue.close(session, item, "resolved", now, topic=topic_id)
        record(session, actor=cli_actor(), action="curate", now=now, detail=f"item={item_id} topic={topic_id}")
    if added:
        click.echo(f"added to {path} (examples.{item.lang}): review with `git diff`, then commit")
    else:
        click.echo(f"{topic_id} already has this phrasing; item {item_id} resolved")


# ---- demo --------------------------------------------------------------------------------------------------

@click.group()
def stats() -> None:
    """Statistics for the report."""


@stats.command("demo")
@click.option("--days", type=click.IntRange(1, 120), default=28, show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
def stats_demo(days: int, seed: int) -> None:
    """Fill an EMPTY database with made-up activity (marked DEMO) through the real bot, for a first report."""
    from bot.stats.demo import Demo, NotEmpty

    try:
        result = Demo(current().app, days=days, seed=seed, now=current().now()).run()
    except NotEmpty as exc:
        raise _fail(str(exc)) from None
    click.echo(f"demo: {result.days} days, {result.people} young people, {result.messages} updates, "
               f"{result.cases} cases; now run `husly report --out report.html`")


COMMANDS = (report, curate, stats)
