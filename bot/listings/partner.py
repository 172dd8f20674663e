"""Partners in the chat: send a CSV or Excel file to publish listings, /mine_boliger to extend or withdraw them.

Every button re-checks on the server that the listing belongs to the partner's organisation.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case
from sqlmodel import col, select

from bot.conversation.callbacks import button
from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.conversation.scope import PARTNER_PRIVATE
from bot.i18n import N_, _, format_date, format_money
from bot.listings import alerts
from bot.listings.buttons import Extend, FormStart, ListingsPage, Withdraw, WithdrawConfirmed
from bot.listings.csv_import import MAX_BYTES, read_listings, summary
from bot.listings.fields import MAX_EXPIRY
from bot.listings.models import Listing
from bot.listings.permissions import can_change, can_publish, own_provider, staff_of
from bot.listings.publish import publish
from bot.listings.render import kind_label
from bot.listings.search import local_day
from bot.replies import Button, Reply, esc

EXTEND_DAYS = 30
# References named in the reply when a file withdraws listings no longer in it.
SHOWN_WITHDRAWN = 10
PAGE_SIZE = 5
# Files read as listings: CSV (any delimiter) and Excel's .xlsx (its first sheet, bot/listings/workbook.py).
LISTING_NAMES = (".csv", ".txt", ".tsv", ".xlsx")
# Other spreadsheets get how to save them as one of those.
OTHER_SHEET_NAMES = (".xls", ".ods", ".numbers")


def import_document(ctx: Context) -> bool:
    """Import a partner's file of listings (CSV or Excel .xlsx): every row, or none when a row is wrong."""
    staff = staff_of(ctx)
    name = (ctx.incoming.document_name or "").lower()
    if not can_publish(staff) or not name.endswith(LISTING_NAMES + OTHER_SHEET_NAMES):
        return False
    if name.endswith(OTHER_SHEET_NAMES):
        ctx.reply(Reply(esc(_("Send the listings as an Excel file (.xlsx) or a CSV file: choose Save as → "
                              "'Excel-projektmappe (.xlsx)' or 'CSV UTF-8 (kommasepareret)'. The template is in "
                              "docs/listings-template.csv."))))
        return True
    if ctx.incoming.document_bytes is None:
        size = ctx.incoming.document_size or 0
        if size > MAX_BYTES:
            ctx.reply(Reply(esc(_("The file is too big ({mb} MB). The limit is {limit} MB: split it into smaller "
                                  "files.").format(mb=round(size / 1e6, 1), limit=MAX_BYTES // 1_000_000))))
        else:
            ctx.reply(Reply(esc(_("I could not get the file. Try to send it again (at most {limit} MB).").format(
                limit=MAX_BYTES // 1_000_000))))
        return True
    report = read_listings(ctx.incoming.document_bytes, provider=own_provider(staff), today=local_day(ctx.now))
    notes = [esc(note) for note in report.notes]
    if not report.ok:
        head = _("Nothing was imported. Problems in the file: {n}. Fix them and send the whole file again.").format(
            n=len(report.problems))
        ctx.reply(Reply("\n".join([f"<b>{esc(head)}</b>", *(esc("• " + line) for line in summary(report)),
                                   *notes])))
        return True
    # The file is the partner's whole list: their listings no longer in it are let, and withdrawn.
    result = publish(ctx.session, report.listings, now=ctx.now, whole_list=True)
    done = _("Imported: {created} new and {updated} updated. Messages to young people: {alerts}.").format(
        created=result.created, updated=result.updated, alerts=result.alerts_sent)
    parts = [esc(done)]
    if result.unchanged:
        parts.append(esc(_("Unchanged, already shown as the file says: {n}.").format(n=result.unchanged)))
    if result.withdrawn:
        refs = list(result.withdrawn)
        shown = ", ".join(refs[:SHOWN_WITHDRAWN]) + (" …" if len(refs) > SHOWN_WITHDRAWN else "")
        parts.append(esc(_("Withdrawn, because they are no longer in the file: {n} ({refs}). Put a row back in "
                           "the file to show it again.").format(n=len(refs), refs=shown)))
    ctx.reply(Reply("\n\n".join([*parts, *notes]),
                    buttons=((button(_("My listings"), ListingsPage(0)),),)))
    return True


def my_listings(ctx: Context) -> None:
    """Show the partner's listings with buttons to extend or withdraw them."""
    staff = staff_of(ctx)
    if not can_publish(staff):
        ctx.reply(Reply(esc(_("This is for partners who publish housing. Write /help to see what I can do."))))
        return
    ctx.reply(_page(ctx, 0))


def _own_listing(ctx: Context, listing_id: int) -> Listing | None:
    """The listing if the partner may change it; else None (and the button is answered)."""
    staff = staff_of(ctx)
    listing = ctx.session.get(Listing, listing_id)
    if listing is None or not can_change(staff, listing):
        ctx.answer_callback(_("You can only change your own organisation's listings."))
        return None
    return listing


def page_button(ctx: Context, data: ListingsPage) -> None:
    """Show a page of the partner's listings."""
    ctx.reply(_page(ctx, data.page))


def extend_button(ctx: Context, data: Extend) -> None:
    """Show a listing 30 days longer."""
    if (listing := _own_listing(ctx, data.listing)) is not None:
        _extend(ctx, listing)


def withdraw_button(ctx: Context, data: Withdraw) -> None:
    """Ask to confirm withdrawing a listing."""
    if (listing := _own_listing(ctx, data.listing)) is not None:
        ctx.reply(Reply(esc(_("Withdraw {title}? It is hidden from the search right away.").format(
            title=_title(listing))), buttons=((button(_("Yes, withdraw"), WithdrawConfirmed(data.listing)),
                                               button(_("No"), ListingsPage(0))),)))


def withdraw_confirmed(ctx: Context, data: WithdrawConfirmed) -> None:
    """Withdraw a listing."""
    if (listing := _own_listing(ctx, data.listing)) is not None:
        listing.status, listing.updated_at = "withdrawn", ctx.now
        ctx.session.add(listing)
        ctx.answer_callback(_("Withdrawn"))
        ctx.reply(Reply(esc(_("{title} is withdrawn.").format(title=_title(listing))),
                        buttons=((button(_("My listings"), ListingsPage(0)),),)))


def _extend(ctx: Context, listing: Listing) -> None:
    today = local_day(ctx.now)
    listing.expires_on = min(max(listing.expires_on, today) + dt.timedelta(days=EXTEND_DAYS), today + MAX_EXPIRY)
    if listing.status != "active":
        # Active again: people with a fitting alert who never heard of it get told.
        listing.status, listing.alerts_pending = "active", True
    listing.updated_at = ctx.now
    ctx.session.add(listing)
    ctx.session.flush()
    alerts.dispatch(ctx.session, ctx.now)
    ctx.answer_callback(_("Extended"))
    ctx.reply(Reply(esc(_("{title} is shown until {date}.").format(title=_title(listing),
                                                                  date=format_date(listing.expires_on))),
                    buttons=((button(_("My listings"), ListingsPage(0)),),)))


def _page(ctx: Context, page: int) -> Reply:
    """Five of the partner's active or expired listings (admins: everyone's), soonest to expire first."""
    staff = staff_of(ctx)
    query = select(Listing).where(Listing.status != "withdrawn")
    provider = own_provider(staff)
    if provider is not None:
        query = query.where(Listing.provider == provider)
    rows = ctx.session.exec(
        query.order_by(case((col(Listing.status) == "active", 0), else_=1), col(Listing.expires_on), col(Listing.id))
        .offset(page * PAGE_SIZE).limit(PAGE_SIZE + 1)
    ).all()
    listings, more = list(rows[:PAGE_SIZE]), len(rows) > PAGE_SIZE
    if not listings:
        text = esc(_("You have no listings yet. Send a CSV or Excel file (see the template) or write /ny_bolig."))
        return Reply(text, buttons=((button("➕ " + _("New listing"), FormStart()),),))
    today = local_day(ctx.now)
    lines = ["<b>" + esc(_("Your listings")) + "</b>"]
    rows_out: list[tuple[Button, ...]] = []
    for listing in listings:
        shown = listing.status == "active" and listing.expires_on >= today
        state = (_("shown until {date}") if shown else _("expired {date}")).format(
            date=format_date(listing.expires_on))
        lines.append(f"<b>#{listing.id}</b> {esc(_title(listing))} · {esc(format_money(listing.rent))} · "
                     f"{esc(state)} · ref {esc(listing.provider_ref)}")
        assert listing.id is not None
        rows_out.append((button(_("+30 days #{id}").format(id=listing.id), Extend(listing.id)),
                         button(_("Withdraw #{id}").format(id=listing.id), Withdraw(listing.id))))
    nav = []
    if page > 0:
        nav.append(button("◀", ListingsPage(page - 1)))
    if more:
        nav.append(button("▶", ListingsPage(page + 1)))
    if nav:
        rows_out.append(tuple(nav))
    rows_out.append((button("➕ " + _("New listing"), FormStart()),))
    return Reply("\n".join(lines), tuple(rows_out))


def _title(listing: Listing) -> str:
    return f"{kind_label(listing.kind)}, {listing.area}" + (" (DEMO)" if listing.demo else "")


def help_section(ctx: Context) -> str:
    """A partner's (or an admin's) listing commands, for /help and the welcome after an invite."""
    if not can_publish(staff_of(ctx)):
        return ""
    return esc(_("Housing: /ny_bolig publishes a home step by step, /mine_boliger shows yours (extend or withdraw), "
                 "and a CSV or Excel file sent here publishes many at once."))


def register(router: Router) -> None:
    router.help_sections.append(help_section)
    router.documents.append(import_document)
    router.command("mine_boliger", my_listings, scope=PARTNER_PRIVATE, menu=N_("your listings"))
    for data, handler in ((ListingsPage, page_button), (Extend, extend_button), (Withdraw, withdraw_button),
                          (WithdrawConfirmed, withdraw_confirmed)):
        router.callback(data, handler, scope=PARTNER_PRIVATE)
