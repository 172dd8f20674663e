"""/report in the chat: an administrator gets the coordinators' report as an HTML file.

`/report`, `/report 2026-09-01 2026-11-30`, `/report aarhus`, `/report 2026-11-01 2026-11-30 aarhus`. Other people
get a polite refusal (logged with ids only). The report code is imported only when the command is used.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.conversation.scope import Place, scope
from bot.i18n import N_, _, format_date
from bot.replies import Document, Reply, esc
from bot.staff.audit import record
from bot.staff.models import Role
from bot.staff.service import get_staff
from knowledge.schema import MUNICIPALITIES

log = logging.getLogger(__name__)


def report(ctx: Context) -> None:
    """Send an administrator the report as an HTML file."""
    staff = get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)
    if staff is None or not staff.active or staff.role != "admin":
        log.warning("refused /report for user %s in chat %s", ctx.incoming.user_id, ctx.incoming.chat_id)
        ctx.reply(Reply(esc(_("Sorry, only administrators can get the report. If you need help yourself, write "
                              "your question or tap Urgent help."))))
        return
    from bot.report.formats import MIME, file_name, make_report, render
    from bot.report.gather import first_activity
    from bot.report.period import Period, PeriodError

    dates, municipality, bad = _arguments(ctx.incoming.args)
    try:
        if bad:
            raise PeriodError(bad)
        period = Period.make(dates[0] if dates else None, dates[1] if len(dates) > 1 else None, ctx.now,
                             municipality, first_activity(ctx.session))
    except PeriodError:
        ctx.reply(Reply(esc(_("Write it like this: /report, /report aarhus or /report 2026-11-01 2026-11-30 "
                              "(from and to, the first day before the last)."))))
        return
    built = make_report(ctx.session, kb=ctx.deps.kb, settings=ctx.deps.settings, period=period, now=ctx.now,
                        lang=ctx.lang)
    record(ctx.session, actor=f"staff:{staff.id}", action="report", now=ctx.now,
           detail=f"from={period.start} to={period.end} municipality={municipality or '-'}")
    text = _("The report for {start} to {end}. Open the file in a browser; it can be printed on A4.").format(
        start=format_date(period.start), end=format_date(period.end))
    ctx.reply(Reply(esc(text), document=Document(file_name(built, "html"), render(built, "html"), MIME["html"])))


def _arguments(args: str) -> tuple[list[dt.date], str | None, str]:
    """Dates (YYYY-MM-DD) and a municipality slug from the command's arguments; a problem as text."""
    dates: list[dt.date] = []
    municipality = None
    for word in args.split():
        if word.lower() in MUNICIPALITIES:
            municipality = word.lower()
            continue
        try:
            dates.append(dt.date.fromisoformat(word))
        except ValueError:
            return dates, municipality, f"cannot read {word!r}"
    return dates, municipality, "too many dates" if len(dates) > 2 else ""


def help_section(ctx: Context) -> str:
    """The report command, in an administrator's /help."""
    staff = get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)
    if staff is None or not staff.active or staff.role != "admin":
        return ""
    return esc(_("The report for the network: /report (the last 90 days), /report 2026-11-01 2026-11-30, "
                 "/report aarhus."))


def register(router: Router) -> None:
    router.command("report", report, scope=scope((Place.PRIVATE,), frozenset({Role.ADMIN})),
                   menu=N_("the report for coordinators"))
    router.help_sections.append(help_section)
