"""Searching listings in the chat: the "Find bolig" buttons, free-text searches, result pages and alerts.

A search lives in the callback data ("ls:p:<page>:<municipality>:<budget>:<type>", at most 64 bytes; "ls:n:..."
for previous/next, which change the page in place), so every button keeps working on its own, also on an old
message, and no search state is kept in the profile.
"""

from __future__ import annotations

from bot.conversation import texts
from bot.conversation.cards import municipality_buttons, municipality_name
from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.i18n import _, format_date, format_money
from bot.listings import alerts, partner, partner_form
from bot.listings.filters import Filters, parse_filters
from bot.listings.models import KINDS
from bot.listings.render import card, kind_label, summary
from bot.listings.search import COUNT_CAP, local_day, search
from bot.replies import Button, Reply, esc
from bot.stats.record import record_search
from bot.triage import Urgency
from knowledge.schema import MUNICIPALITIES

BUDGETS = (3000, 4000, 5000, 6000)
WIDER_BUDGET_STEP = 1000
# Knowledge topics about waiting lists, offered when nothing fits right now.
WAITING_LIST_TOPICS = ("boligsoegning", "almen-bolig", "ungdomsbolig")


def open_search(ctx: Context) -> None:
    """Start a search: the budget for the person's municipality, or first the municipality."""
    if ctx.profile.municipality:
        ctx.reply(_budget_step(ctx.profile.municipality))
    else:
        ctx.reply(_municipality_step())


def search_button(ctx: Context) -> None:
    """Answer the search buttons: municipality, budget, type, page, alert, stop."""
    action, _sep, rest = (ctx.incoming.callback_data or "").partition(":")[2].partition(":")
    if action == "m":
        ctx.reply(_municipality_step())
    elif action == "b" and (rest == "" or rest in MUNICIPALITIES):
        if rest and not ctx.profile.municipality:
            ctx.profile.municipality = rest
        ctx.reply(_budget_step(rest or None))
    elif action == "k" and (filters := Filters.decode(rest + ":")) is not None:
        ctx.reply(_kind_step(filters))
    elif action == "p" and (page := _page_and_filters(rest)) is not None:
        ctx.reply(results(ctx, page[1], page[0], count=page[0] == 0))
    elif action == "n" and (page := _page_and_filters(rest)) is not None:
        # Previous/next: the page changes in place, so paging does not fill the chat with old pages.
        ctx.edit_pressed(results(ctx, page[1], page[0]))
    elif action == "a" and (filters := Filters.decode(rest)) is not None:
        _save_alert(ctx, filters)
    elif action == "s":
        stop_alert(ctx)
    else:
        ctx.answer_callback(texts.stale_button())


def free_text_search(ctx: Context) -> bool:
    """Show listings for a message that clearly is a housing search ("værelse kbh 3.500 kr")."""
    if ctx.state.get("flow") or not ctx.incoming.private:
        return False
    text = ctx.incoming.text
    # A crisis ("smidt ud, har brug for et værelse i aften") gets the safety answer, never a list of homes.
    if ctx.triage(text).urgency is not Urgency.NONE:
        return False
    filters = parse_filters(text)
    if filters is None:
        return False
    if filters.municipality is None and ctx.profile.municipality:
        filters = filters.replace(municipality=ctx.profile.municipality)
    elif filters.municipality and not ctx.profile.municipality:
        # Remembered like a municipality named in a question, so later help is local too.
        ctx.profile.municipality = filters.municipality
    ctx.reply(results(ctx, filters, 0, count=True))
    return True


def stop_alert(ctx: Context) -> None:
    """Stop the person's housing alert."""
    if alerts.stop(ctx.session, transport=ctx.incoming.transport, chat_id=ctx.incoming.chat_id):
        ctx.reply(Reply(esc(_("Okay, I have stopped your housing alert.")), buttons=texts.menu_buttons()))
    else:
        ctx.reply(Reply(esc(_("You have no housing alert. Tap Find housing to search and start one.")),
                        buttons=texts.menu_buttons()))


def results(ctx: Context, filters: Filters, page: int, *, count: bool = False) -> Reply:
    """One page of listings (5), cheapest first, with page buttons, or suggestions when nothing fits.

    ``count``: a new search (not paging), counted for the report (where, rent band, found or not).
    """
    found = search(ctx.session, filters, today=local_day(ctx.now), page=page)
    if not found.listings and page > 0:
        found = search(ctx.session, filters, today=local_day(ctx.now), page=0)
    if count:
        record_search(ctx.session, municipality=filters.municipality, max_total=filters.max_total,
                      kind=filters.kind, found=found.total > 0, now=ctx.now)
    if not found.listings:
        return _nothing_found(ctx, filters)
    code = filters.encode()
    count = (_("More than {n} homes fit").format(n=COUNT_CAP) if found.total > COUNT_CAP
             else _("Homes that fit: {n}").format(n=found.total))
    head = (f"<b>{esc(count)}</b>\n{esc(summary(filters))}\n"
            + esc(_("Cheapest first (rent + aconto). Page {page} of {pages}.").format(
                page=found.page + 1, pages=f"{found.pages}+" if found.total > COUNT_CAP else found.pages)))
    nav = []
    if found.page > 0:
        nav.append(Button("◀ " + _("Previous"), data=f"ls:n:{found.page - 1}:{code}"))
    if found.has_next:
        nav.append(Button(_("Next") + " ▶", data=f"ls:n:{found.page + 1}:{code}"))
    rows = [tuple(nav)] if nav else []
    rows.append((Button("🔔 " + _("Notify me about new ones"), data=f"ls:a:{code}"),))
    rows.append((Button("🔍 " + _("New search"), data="ls:m"),))
    return Reply("\n\n".join([head, *(card(x) for x in found.listings)]), tuple(rows))


def _nothing_found(ctx: Context, filters: Filters) -> Reply:
    text = "\n\n".join([
        "<b>" + esc(_("No homes fit right now")) + "</b>\n" + esc(summary(filters)),
        esc(_("Try a wider search, or let me tell you when something fits. Sign up for waiting lists too: "
              "the time on the list counts.")),
    ])
    wider = []
    if filters.max_total is not None:
        higher = filters.replace(max_total=filters.max_total + WIDER_BUDGET_STEP)
        wider.append(Button(_("Max {amount}").format(amount=format_money(higher.max_total)),
                            data=f"ls:p:0:{higher.encode()}"))
    if filters.kind:
        wider.append(Button(_("All types"), data=f"ls:p:0:{filters.replace(kind=None).encode()}"))
    if filters.municipality:
        wider.append(Button(_("All municipalities"), data=f"ls:p:0:{filters.replace(municipality=None).encode()}"))
    rows: list[tuple[Button, ...]] = [(b,) for b in wider]
    rows.append((Button("🔔 " + _("Notify me when one fits"), data=f"ls:a:{filters.encode()}"),))
    kb = ctx.deps.kb
    rows.extend((Button(kb.topics[t].title.get(ctx.lang), data=f"t:{t}"),) for t in WAITING_LIST_TOPICS
                if t in kb.topics)
    return Reply(text, tuple(rows))


def _save_alert(ctx: Context, filters: Filters) -> None:
    alert = alerts.save(ctx.session, transport=ctx.incoming.transport, chat_id=ctx.incoming.chat_id,
                        lang=ctx.lang, filters=filters, now=ctx.now)
    ctx.answer_callback(_("Alert saved"))
    text = _("Okay! I'll write to you when a new home fits: {search}. The alert stops by itself on {date}. "
             "Write /stop_besked to stop it before.").format(search=summary(filters),
                                                            date=format_date(local_day(alert.expires_at)))
    ctx.reply(Reply(esc(text), buttons=((Button(_("Stop alerts"), data="ls:s"),),)))


def _municipality_step() -> Reply:
    rows = [*municipality_buttons("ls:b"), (Button(_("All municipalities"), data="ls:b:"),)]
    return Reply(esc(_("Where are you looking for a home?")), tuple(rows))


def _budget_step(municipality: str | None) -> Reply:
    prefix = f"ls:k:{municipality or ''}"
    buttons = [Button(_("Max {amount}").format(amount=format_money(b)), data=f"{prefix}:{b}") for b in BUDGETS]
    rows = [tuple(buttons[:2]), tuple(buttons[2:]), (Button(_("Any price"), data=f"{prefix}:"),),
            (Button(_("Change municipality"), data="ls:m"),)]
    where = municipality_name(municipality) if municipality else _("All municipalities")
    question = _("{where}: how much can you pay a month at most, with heating and water?").format(where=where)
    return Reply(esc(question), tuple(rows))


def _kind_step(filters: Filters) -> Reply:
    code = filters.encode().rsplit(":", 1)[0]
    buttons = [Button(kind_label(k), data=f"ls:p:0:{code}:{k}") for k in KINDS]
    rows = [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
    rows.append((Button(_("All types"), data=f"ls:p:0:{code}:"),))
    return Reply(esc(_("What kind of home?")), tuple(rows))


def _page_and_filters(rest: str) -> tuple[int, Filters] | None:
    page, _sep, code = rest.partition(":")
    filters = Filters.decode(code)
    if not page.isdigit() or int(page) > COUNT_CAP or filters is None:
        return None
    return int(page), filters


def register(router: Router) -> None:
    router.menu_items["housing"] = open_search
    router.callback("ls", search_button)
    router.interceptors.append(free_text_search)
    router.command("stop_besked", stop_alert)
    partner.register(router)
    partner_form.register(router)
