"""`husly listings …`: import partners' CSV and Excel files, make demo listings, search, and expire old ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from sqlalchemy.exc import IntegrityError

from bot.i18n import _, use_lang
from bot.listings import csv_import, demo, jobs
from bot.listings.filters import Filters
from bot.listings.models import KINDS, Listing
from bot.listings.publish import PublishResult, publish
from bot.listings.render import aconto_note, card, preview
from bot.listings.search import COUNT_CAP, PAGE_SIZE, Page, local_day, search
from bot.replies import to_plain
from handlers.cli_common import MUNICIPALITY, Fail, current, lang_option

# Listings shown one line each by a dry run (a 10,000-row file is counted, not printed).
PREVIEW_ROWS = 50


@click.group()
def listings() -> None:
    """Available cheap housing: import, demo, search and expire listings."""


@listings.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--provider", help="Publish every row for this organisation (else the file needs an udbyder column).")
@click.option("--dry-run", is_flag=True, help="Check the file and count new/updated listings; change nothing.")
@lang_option
def import_(file: Path, provider: str | None, dry_run: bool, lang: str) -> None:
    """Import listings from a CSV or Excel (.xlsx) file: all rows, or none if any row is wrong (docs/listings.md)."""
    now = current().now()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise Fail(f"cannot read {file}: {exc.strerror or type(exc).__name__}") from None
    # Everything printed goes to the partner who sent the file (an admin forwards it): all of it in --lang.
    with use_lang(lang):
        report = csv_import.read_listings(data, provider=provider, today=local_day(now))
        for note in report.notes:
            click.echo(_("note: {note}").format(note=note), err=True)
        if not report.ok:
            for line in csv_import.summary(report):
                click.echo(line, err=True)
            problems = _("{n} problem(s) in {file}; nothing was imported").format(n=len(report.problems),
                                                                                  file=file.name)
            hint = _("; give --provider NAME, or add an udbyder column") if report.needs_provider else ""
            raise Fail(problems + hint)
        if dry_run:
            # What would be published, as read: the partner's words ("Almen bolig", "1. feb 2027") as Husly took them.
            for item in report.listings[:PREVIEW_ROWS]:
                click.echo(preview(item))
            if len(report.listings) > PREVIEW_ROWS:
                click.echo(_("… and {n} more").format(n=len(report.listings) - PREVIEW_ROWS))
        try:
            with current().session() as session:
                # The file is the partner's whole list: their listings not in it are let and withdrawn.
                result = publish(session, report.listings, now=now, dry_run=dry_run, whole_list=True)
        except IntegrityError:
            raise Fail(_("another import for the same provider ran at the same time; run this one again")) from None
        click.echo(_outcome(result, dry_run))
        if result.withdrawn:
            refs = _refs(list(result.withdrawn))
            click.echo((_("would withdraw: {refs}") if dry_run else _("withdrawn: {refs}")).format(refs=refs))


def _outcome(result: PublishResult, dry_run: bool) -> str:
    """"imported: 2 new, 1 updated, 1 withdrawn (not in the file), 0 alert message(s) queued", in --lang."""
    if dry_run:
        line = _("would import: {created} new, {updated} updated").format(created=result.created,
                                                                          updated=result.updated)
    else:
        line = _("imported: {created} new, {updated} updated").format(created=result.created, updated=result.updated)
    if result.unchanged:
        line += ", " + _("{n} unchanged").format(n=result.unchanged)
    if result.withdrawn:
        line += ", " + _("{n} withdrawn (not in the file)").format(n=len(result.withdrawn))
    if not dry_run:
        line += ", " + _("{n} alert message(s) queued").format(n=result.alerts_sent)
    return line


@listings.command("demo")
@click.option("--count", type=click.IntRange(1, 10_000), default=60, show_default=True)
@click.option("--remove", is_flag=True, help="Delete all demo listings instead.")
@click.option("--quiet", is_flag=True, help="Print nothing when all went well (for `make chat`).")
@lang_option
def demo_(count: int, remove: bool, quiet: bool, lang: str) -> None:
    """Create made-up listings, marked DEMO, spread over the six municipalities."""
    with current().session() as session, use_lang(lang):
        if remove:
            click.echo(_("demo listings removed: {n}").format(n=demo.remove_demo(session)))
            return
        result = demo.create_demo(session, count=count, now=current().now())
        if not quiet:
            click.echo(_("demo listings: {created} new, {updated} updated (provider '{provider}')").format(
                created=result.created, updated=result.updated, provider=demo.PROVIDER))


@listings.command("search")
@click.option("--municipality", type=MUNICIPALITY)
@click.option("--max-rent", type=click.IntRange(1, 50_000), help="Max monthly cost in kr. (rent + aconto).")
@click.option("--type", "kind", type=click.Choice(KINDS))
@click.option("--page", type=click.IntRange(1, 20), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of listings.")
@lang_option
def search_(municipality: str | None, max_rent: int | None, kind: str | None, page: int, as_json: bool,
            lang: str) -> None:
    """Search visible listings the way the bot does, cheapest monthly cost first, 5 per page."""
    filters = Filters(municipality, max_rent, kind)
    with current().session() as session:
        found = search(session, filters, today=local_day(current().now()), page=page - 1)
    if as_json:
        click.echo(json.dumps([_as_json(x) for x in found.listings], ensure_ascii=False, indent=2))
        return
    with use_lang(lang):
        if not found.listings:
            click.echo(_("No listings match."))
            return
        for listing in found.listings:
            link = f"\n   {listing.apply_url}" if listing.apply_url else ""
            click.echo(to_plain(card(listing)) + link + "\n")
        if (note := aconto_note(found.listings)) is not None:
            click.echo(note)
        click.echo(footer(found))


def _refs(refs: list[str]) -> str:
    shown = ", ".join(refs[:PREVIEW_ROWS])
    return shown + (" " + _("… and {n} more").format(n=len(refs) - PREVIEW_ROWS) if len(refs) > PREVIEW_ROWS else "")


def footer(found: Page) -> str:
    """"[6 listings match; showing 1-5, page 1 of 2]": how many fit, and which of them are on this page (in the
    language in use)."""
    if found.total > COUNT_CAP:
        matches = _("more than {n} listings match").format(n=COUNT_CAP)
    elif found.total == 1:
        matches = _("1 listing matches")
    else:
        matches = _("{n} listings match").format(n=found.total)
    first = found.page * PAGE_SIZE + 1
    shown = f"{first}" if len(found.listings) == 1 else f"{first}-{first + len(found.listings) - 1}"
    pages = f"{found.pages}+" if found.total > COUNT_CAP else str(found.pages)
    return "[" + _("{matches}; showing {shown}, page {page} of {pages}").format(
        matches=matches, shown=shown, page=found.page + 1, pages=pages) + "]"


@listings.command("expire")
@lang_option
def expire(lang: str) -> None:
    """Mark listings past their last day as expired, end 60-day-old alerts, send pending alerts."""
    husly = current()
    counts = jobs.tick(husly.engine(), None, husly.now())
    with use_lang(lang):
        names = {"listings_expired": _("listings expired"), "alerts_ended": _("alerts ended"),
                 "alerts_sent": _("alert messages sent")}
        click.echo(", ".join(f"{names.get(name, name)}: {count}" for name, count in counts.items()))


def _as_json(listing: Listing) -> dict[str, Any]:
    data = listing.model_dump(mode="json", exclude={"alerts_pending"})
    if listing.aconto is None:
        data["monthly_total"] = None  # the rent alone is only the sort key: no total is known without the aconto
    return {name: data[name] for name in Listing.model_fields if name in data}
