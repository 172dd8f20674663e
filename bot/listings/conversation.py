"""Searching listings in the chat: the "Find bolig" buttons, free-text searches, result pages and alerts.

A search lives in its buttons (bot.listings.buttons), so every button keeps working on its own, also on an old
message, and no search state is kept in the profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import Session

from bot.conversation import texts
from bot.conversation.buttons import Menu, MenuItem, ShowTopic
from bot.conversation.callbacks import button
from bot.conversation.cards import municipality_buttons, municipality_name
from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.i18n import _, format_date, format_money
from bot.listings import alerts, partner, partner_form
from bot.listings.ages import MINOR_TOPIC, band_for, excluded_groups
from bot.listings.ages import remember as remember_age
from bot.listings.buttons import (
    SaveAlert,
    SearchBudget,
    SearchKind,
    SearchPage,
    SearchTurn,
    SearchWhere,
    StopAlert,
)
from bot.listings.filters import Filters, parse_filters
from bot.listings.kinds import KINDS
from bot.listings.privacy import STORE as HOUSING_ALERTS
from bot.listings.render import aconto_note, card, kind_label, summary, target_label
from bot.listings.search import COUNT_CAP, local_day, search
from bot.not_for_me import not_a_housing_search
from bot.replies import Button, Reply, esc
from bot.stats.record import record_search
from bot.triage import Urgency
from knowledge.loader import KnowledgeBase
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


def choose_where(ctx: Context, data: SearchWhere) -> None:
    """Ask where to search."""
    ctx.reply(_municipality_step())


def choose_budget(ctx: Context, data: SearchBudget) -> None:
    """Ask for the budget in the chosen municipality ("" for all)."""
    if data.municipality and data.municipality not in MUNICIPALITIES:
        ctx.answer_callback(texts.stale_button())
        return
    if data.municipality and not ctx.profile.municipality:
        ctx.profile.municipality = data.municipality
    ctx.reply(_budget_step(data.municipality or None))


def choose_kind(ctx: Context, data: SearchKind) -> None:
    """Ask for the kind of home."""
    filters = Filters.checked(data.municipality, data.budget, "")
    if filters is None:
        ctx.answer_callback(texts.stale_button())
        return
    ctx.reply(_kind_step(filters))


def show_page(ctx: Context, data: SearchPage) -> None:
    """Show a page of results."""
    filters = data.filters()
    if filters is None or data.page > COUNT_CAP:
        ctx.answer_callback(texts.stale_button())
        return
    ctx.reply(results(ctx, filters, data.page, count=data.page == 0))


def turn_page(ctx: Context, data: SearchTurn) -> None:
    """Previous/next: the page changes in place, so paging does not fill the chat with old pages."""
    filters = data.filters()
    if filters is None or data.page > COUNT_CAP:
        ctx.answer_callback(texts.stale_button())
        return
    ctx.edit_pressed(results(ctx, filters, data.page))


def save_alert(ctx: Context, data: SaveAlert) -> None:
    """Save the search as an alert."""
    filters = data.filters()
    if filters is None:
        ctx.answer_callback(texts.stale_button())
        return
    _save_alert(ctx, filters)


def stop_alert_button(ctx: Context, data: StopAlert) -> None:
    """Stop the alert."""
    stop_alert(ctx)


def free_text_search(ctx: Context) -> bool:
    """Show listings for a message that clearly is a housing search ("værelse kbh 3.500 kr")."""
    if ctx.state.flow or not ctx.incoming.private:
        return False
    text = ctx.incoming.text
    # A crisis ("smidt ud, har brug for et værelse i aften") gets the safety answer, never a list of homes.
    if ctx.triage(text).urgency is not Urgency.NONE:
        return False
    filters = parse_filters(text)
    if filters is None or not_a_housing_search(text):
        return False
    filters = dataclasses.replace(filters, age_band=band_for(ctx, text))
    if filters.municipality is None and ctx.profile.municipality:
        filters = dataclasses.replace(filters, municipality=ctx.profile.municipality)
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

    ``count``: a new search (not paging), counted for the report (where, rent band, found or not). A search from the
    buttons, which name no age, is for the age the person said earlier (bot/listings/ages.py).
    """
    if filters.age_band is None and (band := band_for(ctx, "")) is not None:
        filters = dataclasses.replace(filters, age_band=band)
    return results_page(ctx.session, ctx.deps.kb, ctx.lang, ctx.now, filters, page, count=count)


def results_page(session: Session, kb: KnowledgeBase, lang: str, now: dt.datetime, filters: Filters, page: int, *,
                 count: bool = False) -> Reply:
    """`results` for any front end (`husly ask` too): the session, knowledge base, language and time given."""
    found = search(session, filters, today=local_day(now), page=page)
    if not found.listings and page > 0:
        found = search(session, filters, today=local_day(now), page=0)
    if count:
        record_search(session, municipality=filters.municipality, max_total=filters.max_total,
                      kind=filters.kind, found=found.total > 0, now=now)
    if not found.listings:
        return _nothing_found(kb, lang, filters)
    heading = (_("More than {n} homes fit").format(n=COUNT_CAP) if found.total > COUNT_CAP
               else _("Homes that fit: {n}").format(n=found.total))
    head = (f"<b>{esc(heading)}</b>\n{esc(summary(filters))}\n"
            + esc(_("Cheapest first (rent + aconto). Page {page} of {pages}.").format(
                page=found.page + 1, pages=f"{found.pages}+" if found.total > COUNT_CAP else found.pages)))
    if (note := aconto_note(found.listings)) is not None:
        head += "\n" + esc(note)
    if (left_out := _left_out_for_age(filters)) is not None:
        head += "\n" + esc(left_out)
    nav = []
    if found.page > 0:
        nav.append(button("◀ " + _("Previous"), SearchTurn.of(filters, found.page - 1)))
    if found.has_next:
        nav.append(button(_("Next") + " ▶", SearchTurn.of(filters, found.page + 1)))
    rows = [tuple(nav)] if nav else []
    rows.append((button("🔔 " + _("Notify me about new ones"), SaveAlert.of(filters)),))
    rows.append((button("🔍 " + _("New search"), SearchWhere()),))
    rows.extend(_minor_help(kb, lang, filters))
    return Reply("\n\n".join([head, *(card(x) for x in found.listings)]), tuple(rows))


def _left_out_for_age(filters: Filters) -> str | None:
    """Said over a search whose age leaves some homes out ("til unge 18-29" for a 17-year-old), so nobody wonders
    where they went; None when the age leaves none out."""
    excluded = excluded_groups(filters.age_band)
    if not excluded:
        return None
    groups = ", ".join(target_label(group) for group in excluded)
    if filters.age_band == "under_18":
        return _("You are under 18, so homes for {groups} are not shown: they are not for you yet.").format(
            groups=groups)
    return _("Homes for {groups} are not shown: they do not fit your age.").format(groups=groups)


def _minor_help(kb: KnowledgeBase, lang: str, filters: Filters) -> list[tuple[Button, ...]]:
    """The topic for those under 18 and a caseworker, for a search by someone under 18 (where help for them is)."""
    if filters.age_band != "under_18" or MINOR_TOPIC not in kb.topics:
        return []
    return [(button(kb.topics[MINOR_TOPIC].title.get(lang), ShowTopic(MINOR_TOPIC)),),
            (button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),)]


def _nothing_found(kb: KnowledgeBase, lang: str, filters: Filters) -> Reply:
    parts = ["<b>" + esc(_("No homes fit right now")) + "</b>\n" + esc(summary(filters))]
    if (left_out := _left_out_for_age(filters)) is not None:
        parts.append(esc(left_out))
    if filters.age_band == "under_18" and MINOR_TOPIC in kb.topics:
        parts.append(esc(_("If you are under 18 and not safe at home, the municipality must help you. Read more "
                           "below, or talk to a caseworker.")))
    parts.append(esc(_("Try a wider search, or let me tell you when something fits. Sign up for waiting lists too: "
                       "the time on the list counts.")))
    text = "\n\n".join(parts)
    wider = []
    if filters.max_total is not None:
        higher = filters.max_total + WIDER_BUDGET_STEP
        wider.append(button(_("Max {amount}").format(amount=format_money(higher)),
                            SearchPage.of(dataclasses.replace(filters, max_total=higher))))
    if filters.kind:
        wider.append(button(_("All types"), SearchPage.of(dataclasses.replace(filters, kind=None))))
    if filters.municipality:
        wider.append(button(_("All municipalities"), SearchPage.of(dataclasses.replace(filters, municipality=None))))
    rows: list[tuple[Button, ...]] = [*_minor_help(kb, lang, filters), *((b,) for b in wider)]
    rows.append((button("🔔 " + _("Notify me when one fits"), SaveAlert.of(filters)),))
    rows.extend((button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in WAITING_LIST_TOPICS
                if t in kb.topics)
    return Reply(text, tuple(rows))


def _save_alert(ctx: Context, filters: Filters) -> None:
    if filters.age_band is None and (band := band_for(ctx, "")) is not None:
        filters = dataclasses.replace(filters, age_band=band)  # the age said earlier, as for a search
    alert = alerts.save(ctx.session, transport=ctx.incoming.transport, chat_id=ctx.incoming.chat_id,
                        lang=ctx.lang, filters=filters, now=ctx.now)
    ctx.answer_callback(_("Alert saved"))
    text = _("Okay! I'll write to you when a new home fits: {search}. The alert stops by itself on {date}. "
             "Write /stop_besked to stop it before.").format(search=summary(filters),
                                                            date=format_date(local_day(alert.expires_at)))
    ctx.reply(Reply(esc(text), buttons=((button(_("Stop alerts"), StopAlert()),),)))


def _municipality_step() -> Reply:
    rows = [*municipality_buttons(SearchBudget), (button(_("All municipalities"), SearchBudget()),)]
    return Reply(esc(_("Where are you looking for a home?")), tuple(rows))


def _budget_step(municipality: str | None) -> Reply:
    where_code = municipality or ""
    buttons = [button(_("Max {amount}").format(amount=format_money(b)), SearchKind(where_code, b)) for b in BUDGETS]
    rows = [tuple(buttons[:2]), tuple(buttons[2:]), (button(_("Any price"), SearchKind(where_code)),),
            (button(_("Change municipality"), SearchWhere()),)]
    where = municipality_name(municipality) if municipality else _("All municipalities")
    question = _("{where}: how much can you pay a month at most, with heating and water?").format(where=where)
    return Reply(esc(question), tuple(rows))


def _kind_step(filters: Filters) -> Reply:
    buttons = [button(kind_label(k), SearchPage.of(dataclasses.replace(filters, kind=k))) for k in KINDS]
    rows = [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
    rows.append((button(_("All types"), SearchPage.of(dataclasses.replace(filters, kind=None))),))
    return Reply(esc(_("What kind of home?")), tuple(rows))


def register(router: Router) -> None:
    router.store(HOUSING_ALERTS)
    router.menu_items["housing"] = open_search
    router.callback(SearchWhere, choose_where)
    router.callback(SearchBudget, choose_budget)
    router.callback(SearchKind, choose_kind)
    router.callback(SearchPage, show_page)
    router.callback(SearchTurn, turn_page)
    router.callback(SaveAlert, save_alert)
    router.callback(StopAlert, stop_alert_button)
    router.interceptors.extend((remember_age, free_text_search))
    router.command("stop_besked", stop_alert)
    partner.register(router)
    partner_form.register(router)
