"""`husly staff`, `husly team` and `husly cases`: staff invites, team chats and office hours, and the case
queue from the terminal (acting as a named caseworker), so the whole loop works without Telegram.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

import click
from sqlmodel import Session

from bot.cases import actions, hours, jobs, service, staffing
from bot.cases.models import OUTCOME_NAMES_DA, OUTCOMES, as_dict
from bot.db import session_scope
from bot.i18n import use_lang
from bot.replies import to_plain
from bot.staff.audit import cli_actor, entries
from bot.staff.models import ROLES, Staff
from bot.staff.service import (
    MAX_INVITE_DAYS,
    add_console_member,
    cancel_invite,
    create_invite,
    list_staff,
    open_invites,
)
from handlers.cli_common import MUNICIPALITY, current, lang_option
from handlers.cli_common import fail as _fail
from knowledge.schema import MUNICIPALITIES

# ---- staff -------------------------------------------------------------------------------------------------

@click.group()
def staff() -> None:
    """Invite, list, add and revoke staff (caseworkers, partners, admins)."""


@staff.command("invite")
@click.option("--role", type=click.Choice([r.value for r in ROLES]), required=True)
@click.option("--municipality", type=MUNICIPALITY, help="Needed for caseworkers and coordinators.")
@click.option("--provider", help="Needed for partners: the housing provider's name.")
@click.option("--days", type=click.IntRange(1, MAX_INVITE_DAYS), default=None,
              help="Days until the code expires (default: HUSLY_INVITE_DAYS, 7).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def invite(role: str, municipality: str | None, provider: str | None, days: int | None, as_json: bool) -> None:
    """Print a single-use invite code; the person sends `/start CODE` to the bot in a private chat."""
    days = days or current().settings.invite_days
    now = current().now()
    with current().session() as session:
        try:
            code = create_invite(session, role=role, now=now, municipality=municipality, provider=provider, days=days,
                                 actor=cli_actor())
        except ValueError as exc:
            raise _fail(str(exc), usage=True) from None
    expires = now + dt.timedelta(days=days)
    if as_json:
        click.echo(json.dumps({"code": code, "role": role, "municipality": municipality, "provider": provider,
                               "expires_at": expires.isoformat(), "start": f"/start {code}"}))
        return
    click.echo(code)
    click.echo(f"Send /start {code} to the bot in a private chat. Single use; expires {expires:%Y-%m-%d %H:%M} UTC.",
               err=True)


@staff.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def list_(as_json: bool) -> None:
    """List staff members (revoked ones too)."""
    with current().session() as session:
        rows = [{"id": s.id, "role": s.role, "municipality": s.municipality, "provider": s.provider,
                 "transport": s.transport, "name": s.display_name, "active": s.active} for s in list_staff(session)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        where = row["municipality"] or row["provider"] or "-"
        state = "" if row["active"] else " (revoked)"
        click.echo(f"{row['id']}\t{row['role']}\t{where}\t{row['transport']}\t{row['name']}{state}")


@staff.command("invites")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def invites(as_json: bool) -> None:
    """List the invites that can still be used (not used, cancelled or expired)."""
    with current().session() as session:
        rows: list[dict[str, Any]] = [
            {"id": i.id, "role": i.role, "municipality": i.municipality, "provider": i.provider,
             "created_at": i.created_at.isoformat(), "expires_at": i.expires_at.isoformat()}
            for i in open_invites(session, current().now())]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo("no open invites", err=True)
    for row in rows:
        where = row["municipality"] or row["provider"] or "-"
        click.echo(f"{row['id']}\t{row['role']}\t{where}\texpires {row['expires_at'][:16].replace('T', ' ')} UTC")


@staff.command("cancel-invite")
@click.argument("invite_id", type=int)
def cancel_invite_(invite_id: int) -> None:
    """Cancel an invite that was not used yet (fx one that leaked): its code stops working at once."""
    with current().session() as session:
        if not cancel_invite(session, invite_id=invite_id, now=current().now(), actor=cli_actor()):
            raise _fail(f"no open invite with id {invite_id} (see `husly staff invites`)")
    click.echo(f"cancelled invite {invite_id}")


@staff.command("revoke")
@click.argument("staff_id", type=int)
def revoke_(staff_id: int) -> None:
    """Take away a staff member's access; cases they had go back to the queue and are announced again."""
    app = current().app()
    with session_scope(app.engine) as session:
        released = staffing.revoke(session, staff_id=staff_id, now=app.deps.clock(), settings=app.settings,
                                   actor=cli_actor())
        if released is None:
            raise _fail(f"no active staff member with id {staff_id}")
    click.echo(f"revoked {staff_id}" + (f"; cases back in the queue: {', '.join(str(c.id) for c in released)}"
                                        if released else ""))


@staff.command("add")
@click.option("--role", type=click.Choice(("caseworker", "coordinator", "admin")), default="caseworker",
              show_default=True)
@click.option("--municipality", type=MUNICIPALITY, help="Needed for caseworkers.")
@click.option("--name", required=True, help="The name colleagues see (never shown to the young person).")
def add(role: str, municipality: str | None, name: str) -> None:
    """Add a console caseworker, who works with `husly cases ... --as NAME` (no Telegram needed)."""
    if role != "admin" and not municipality:
        raise _fail(f"a {role} needs --municipality", usage=True)
    with current().session() as session:
        try:
            member = add_console_member(session, role=role, municipality=municipality, name=name,
                                        now=current().now(), actor=cli_actor())
        except ValueError as exc:
            raise _fail(str(exc), usage=True) from None
        click.echo(f"added {member.id}\t{role}\t{municipality or '-'}\t{member.display_name}")


@staff.command("audit")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only entries from this day (YYYY-MM-DD).")
def audit(since: dt.datetime | None) -> None:
    """Print the admin audit log: invites, redeemed invites, revocations, team changes, privacy requests."""
    with current().session() as session:
        for entry in entries(session, since.replace(tzinfo=dt.UTC) if since else None):
            click.echo(f"{entry.at:%Y-%m-%d %H:%M}\t{entry.actor}\t{entry.action}\t{entry.detail}")


# ---- team --------------------------------------------------------------------------------------------------

@click.group()
def team() -> None:
    """Where a municipality's case cards go, its office hours, and its out-of-hours chat."""


@team.command("set")
@click.option("--municipality", type=MUNICIPALITY, required=True)
@click.option("--chat-id", type=int, help="The team's Telegram group id (0 removes it).")
@click.option("--oncall-chat-id", type=int, help="The out-of-hours chat id (0 removes it).")
@click.option("--office-hours", help='Local time, fx "mon-fri 08:00-15:30" or "mon-thu 08:00-15:30; fri 08:00-13:00".')
@click.option("--transport", type=click.Choice(("telegram",)), default=None)
def team_set(municipality: str, chat_id: int | None, oncall_chat_id: int | None, office_hours: str | None,
             transport: str | None) -> None:
    """Change a municipality's settings (only the options given change)."""
    if office_hours is not None:
        try:
            hours.parse(office_hours)
        except hours.HoursError as exc:
            raise _fail(f"--office-hours: {exc}", usage=True) from None
    with current().session() as session:
        saved = service.set_team(session, municipality, current().now(), transport=transport, team_chat_id=chat_id,
                                 oncall_chat_id=oncall_chat_id, office_hours=office_hours, actor=cli_actor())
        for group in (chat_id, oncall_chat_id):
            if group:
                _team_menu(session, saved.transport, group)
        click.echo(_team_line(municipality, saved.team_chat_id, saved.oncall_chat_id, saved.office_hours))


def _team_menu(session: Session, transport: str, chat_id: int) -> None:
    """The group's own command menu (the case commands), as `/team` in the group gives it, in Danish."""
    from bot.conversation.features import build_router
    from bot.conversation.scope import Place
    from bot.i18n import _
    from bot.outbox import enqueue
    from bot.staff.models import Role

    with use_lang("da"):
        commands = [(name, _(key)) for name, key in build_router().menu_for(Role.CASEWORKER, Place.TEAM)]
    enqueue(session, transport=transport, chat_id=chat_id, kind="commands", commands=commands, now=current().now())


def _team_line(slug: str, team_chat: int | None, oncall: int | None, office: str | None) -> str:
    parsed = hours.parse(office) if office else hours.parse(None)
    state = "open now" if parsed.is_open(current().now()) else "closed now"
    return (f"{slug}\tteam={team_chat or '-'}\toncall={oncall or '-'}\thours={office or hours.DEFAULT_OFFICE_HOURS}"
            f" ({state})")


@team.command("show")
def team_show() -> None:
    """Show every municipality's settings."""
    with current().session() as session:
        for slug in MUNICIPALITIES:
            saved = service.team_for(session, slug)
            click.echo(_team_line(slug, saved.team_chat_id if saved else None,
                                  saved.oncall_chat_id if saved else None, saved.office_hours if saved else None))


# ---- cases -------------------------------------------------------------------------------------------------

@click.group()
def cases() -> None:
    """The case queue from the terminal: list, show, claim, reply, note, close, transfer, export."""


def _acting(session: Session, who: str) -> Staff:
    found = service.find_staff(session, who)
    if not found:
        raise _fail(f"no active staff member {who!r} (see `husly staff list`)", usage=True)
    if len(found) > 1:
        raise _fail(f"more than one staff member is called {who!r}: use the id", usage=True)
    return found[0]


def _act(who: str, lang: str, work: Callable[[Session, Any, Staff, dt.datetime], actions.Result]) -> None:
    """Run one staff action as ``who`` and print what a caseworker would see in Telegram."""
    app = current().app()
    now = app.deps.clock()
    with session_scope(app.engine) as session, use_lang(lang):
        result = work(session, app.deps, _acting(session, who), now)
    text = to_plain(result.html)
    if not result.ok:
        raise _fail(text.splitlines()[0] if text else "refused")
    click.echo(text)


def _as_option(func: Callable[..., Any]) -> Callable[..., Any]:
    func = lang_option(func)
    return click.option("--as", "who", required=True, metavar="STAFF_ID_OR_NAME",
                        help="Act as this staff member.")(func)


@cases.command("list")
@_as_option
def cases_list(who: str, lang: str) -> None:
    """List the open cases this staff member can act on, most urgent first."""
    _act(who, lang, lambda s, deps, staff, now: actions.queue(s, staff, now))


@cases.command("show")
@click.argument("number", type=int)
@_as_option
def cases_show(number: int, who: str, lang: str) -> None:
    """Show a case and its transcript."""
    _act(who, lang, lambda s, deps, staff, now: actions.show(s, staff, number, now))


@cases.command("claim")
@click.argument("number", type=int)
@_as_option
def cases_claim(number: int, who: str, lang: str) -> None:
    """Take a case."""
    _act(who, lang, lambda s, deps, staff, now: actions.claim(s, staff, number, now))


@cases.command("reply")
@click.argument("number", type=int)
@click.argument("text")
@_as_option
def cases_reply(number: int, text: str, who: str, lang: str) -> None:
    """Send TEXT to the young person (shown as from the municipality's caseworker)."""
    _act(who, lang, lambda s, deps, staff, now: actions.reply(s, staff, number, text, now))


@cases.command("note")
@click.argument("number", type=int)
@click.argument("text")
@_as_option
def cases_note(number: int, text: str, who: str, lang: str) -> None:
    """Add an internal note."""
    _act(who, lang, lambda s, deps, staff, now: actions.note(s, staff, number, text, now))


@cases.command("close")
@click.argument("number", type=int)
@click.argument("outcome", type=click.Choice([*(o.value for o in OUTCOMES), *OUTCOME_NAMES_DA.values()]))
@click.option("--yes", is_flag=True, help="Confirm closing an unclaimed or emergency case, or a colleague's.")
@_as_option
def cases_close(number: int, outcome: str, yes: bool, who: str, lang: str) -> None:
    """Close a case with its outcome (Danish or English name)."""
    _act(who, lang, lambda s, deps, staff, now: actions.close(s, deps, staff, number, outcome, now, confirmed=yes))


@cases.command("reopen")
@click.argument("number", type=int)
@_as_option
def cases_reopen(number: int, who: str, lang: str) -> None:
    """Open a closed case again (the one who reopens it has it)."""
    _act(who, lang, lambda s, deps, staff, now: actions.reopen(s, deps.settings, staff, number, now))


@cases.command("release")
@click.argument("number", type=int)
@_as_option
def cases_release(number: int, who: str, lang: str) -> None:
    """Give a claimed case back to the team."""
    _act(who, lang, lambda s, deps, staff, now: actions.release(s, deps.settings, staff, number, now))


@cases.command("handover")
@click.argument("number", type=int)
@click.argument("colleague")
@_as_option
def cases_handover(number: int, colleague: str, who: str, lang: str) -> None:
    """Give a case to a colleague (name or staff id)."""
    _act(who, lang, lambda s, deps, staff, now: actions.hand_over(s, staff, number, colleague, now))


@cases.command("transfer")
@click.argument("number", type=int)
@click.argument("municipality", type=MUNICIPALITY)
@_as_option
def cases_transfer(number: int, municipality: str, who: str, lang: str) -> None:
    """Pass a case to another municipality (refused when nobody there would see it)."""
    _act(who, lang, lambda s, deps, staff, now: actions.transfer(s, deps.settings, staff, number, municipality, now))


EXPORT_FIELDS = ("case", "municipality", "urgency", "priority", "reasons", "age_band", "tonight", "consent", "status",
                 "outcome", "created_at", "claimed_at", "closed_at", "minutes_to_claim", "escalation",
                 "followup_answer", "staff_actions")


@cases.command("export")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), required=True, help="First day (UTC), YYYY-MM-DD.")
def cases_export(since: dt.datetime) -> None:
    """Print cases created since a day as CSV: codes and times only, no message texts, names or phones."""
    with current().session() as session:
        rows = []
        for case in service.cases_since(session, since.replace(tzinfo=dt.UTC)):
            row = as_dict(case)
            row["minutes_to_claim"] = (int((case.claimed_at - case.created_at).total_seconds() // 60)
                                       if case.claimed_at else "")
            row["staff_actions"] = sum(1 for e in service.events(session, case.id or 0) if e.actor == "staff")
            rows.append(row)
    writer = csv.DictWriter(sys.stdout, fieldnames=EXPORT_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


@cases.command("tick")
def cases_tick() -> None:
    """Run the reminders and follow-ups that are due now once (the bot does this every 30 seconds)."""
    app = current().app()
    click.echo(json.dumps(jobs.tick(app.engine, app.deps, app.deps.clock())))


COMMANDS = (staff, team, cases)


@click.command("referral")
@click.option("--provider", required=True, help="The partner organisation the link is made for (shown to the young "
              "person and on the case card).")
@click.option("--municipality", type=MUNICIPALITY, required=True, help="Where the young person lives.")
@click.option("--days", type=click.IntRange(1, 90), default=None, help="Days until the link expires (default 30).")
@click.option("--bot", "bot_username", help="The bot's Telegram username, to print the t.me link too.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def referral(provider: str, municipality: str, days: int | None, bot_username: str | None, as_json: bool) -> None:
    """Make a partner's referral link for one young person, as /henvis does (docs/cases.md "Referrals from
    partners"): the code is printed once; only its hash is kept."""
    from bot.cases import referrals

    provider = provider.strip()
    if not provider or len(provider) > 100:
        raise _fail("--provider: write the organisation's name (at most 100 characters)", usage=True)
    days = days or referrals.DEFAULT_DAYS
    now = current().now()
    with current().session() as session:
        code, made = referrals.create(session, None, provider=provider, municipality=municipality, now=now, days=days,
                                      actor=cli_actor())
        expires = made.expires_at
    link = f"https://t.me/{bot_username.lstrip('@')}?start={code}" if bot_username else None
    if as_json:
        click.echo(json.dumps({"code": code, "start": f"/start {code}", "link": link, "provider": provider,
                               "municipality": municipality, "expires_at": expires.isoformat()}, ensure_ascii=False))
        return
    if link:
        click.echo(link)
    click.echo(f"/start {code}")
    click.echo(f"{provider}, {municipality}: one young person, until {expires:%Y-%m-%d %H:%M} UTC")
