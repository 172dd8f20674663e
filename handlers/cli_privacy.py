"""`husly privacy export|erase` for requests made by other means, and `husly purge` for retention."""

from __future__ import annotations

import json

import click

from bot.db import session_scope
from bot.privacy.registry import erase_person, expire_all, export_person
from bot.pseudonym import audit_key
from bot.staff.audit import chat_ref, cli_actor, record
from handlers.cli_common import current


@click.group()
def privacy() -> None:
    """Answer access and erasure requests (GDPR) for one chat."""


@privacy.command("export")
@click.option("--chat-id", type=int, required=True, help="The person's chat id.")
@click.option("--transport", default="telegram", show_default=True, type=click.Choice(["telegram", "console"]))
def export(chat_id: int, transport: str) -> None:
    """Print everything stored about one chat as JSON."""
    app = current().app()
    with session_scope(app.engine) as session:
        data = export_person(session, app.deps.stores, transport, chat_id)
        record(session, actor=cli_actor(), action="privacy-export", now=app.deps.clock(),
               detail=chat_ref(audit_key(app.settings), transport, chat_id))
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@privacy.command("erase")
@click.option("--chat-id", type=int, required=True, help="The person's chat id.")
@click.option("--transport", default="telegram", show_default=True, type=click.Choice(["telegram", "console"]))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase(chat_id: int, transport: str, yes: bool) -> None:
    """Delete one chat's data and anonymise its cases."""
    if not yes:
        click.confirm(f"Erase everything about {transport} chat {chat_id}?", abort=True)
    app = current().app()
    with session_scope(app.engine) as session:
        key = audit_key(app.settings)
        counts = erase_person(session, app.deps.stores, transport, chat_id, app.deps.clock(), key=key)
        record(session, actor=cli_actor(), action="privacy-erase", now=app.deps.clock(),
               detail=chat_ref(key, transport, chat_id))
    click.echo(json.dumps({"erased": counts}))


@click.command()
def purge() -> None:
    """Anonymise message texts and closed cases older than HUSLY_RETENTION_DAYS (also run by the bot)."""
    app = current().app()
    with session_scope(app.engine) as session:
        counts = expire_all(session, app.deps.stores, app.deps.clock(), app.settings.retention_days)
    click.echo(json.dumps({"retention_days": app.settings.retention_days, "expired": counts}))


commands = [privacy, purge]
