"""Referral links: a partner's /henvis (English /refer) makes one; a young person who opens it is greeted in the
organisation's name and offered a caseworker from its municipality, through the ordinary offer (bot/cases/flow.py).

Privacy first: the partner gets a link and, later, only how many cases their organisation's links opened; the
young person's chat, name and words never reach them. The young person says yes themselves, or nothing opens.
"""

from __future__ import annotations

import logging

from bot.cases import flow, referrals
from bot.cases.hours import TZ
from bot.conversation import language, texts
from bot.conversation.cards import municipality_name
from bot.conversation.context import Context
from bot.i18n import _, format_date
from bot.place_reply import only_municipality
from bot.replies import Reply, esc
from knowledge.schema import MUNICIPALITIES

log = logging.getLogger(__name__)


def _municipality(ctx: Context, args: str) -> str | None:
    """The municipality the partner named ("aarhus", "Høje-Taastrup"), else their own, if they have one."""
    word = args.strip().lower()
    if word in MUNICIPALITIES:
        return word
    if word:
        return only_municipality(args)
    staff = ctx.staff()
    return staff.municipality if staff is not None and staff.municipality in MUNICIPALITIES else None


def refer(ctx: Context) -> None:
    """Make a referral link for one young person, in the partner's organisation's name."""
    staff = ctx.staff()
    assert staff is not None
    if not staff.provider:
        ctx.reply(Reply(esc(_("Referral links are made by partners, in their organisation's name. Your membership "
                              "has no organisation."))))
        return
    slug = _municipality(ctx, ctx.incoming.args)
    if slug is None:
        ctx.reply(Reply(esc(_("Which municipality does the young person live in? Write it after the command, fx "
                              "/henvis aarhus. You can choose: {names}.").format(names=", ".join(MUNICIPALITIES)))))
        return
    code, referral = referrals.create(ctx.session, staff, provider=staff.provider, municipality=slug, now=ctx.now)
    name = municipality_name(slug)
    lines = [esc(_("Here is a referral link for a young person in {municipality}. Give it to one young person only:"
                   ).format(municipality=name))]
    if ctx.incoming.bot_username:
        lines.append(esc(f"https://t.me/{ctx.incoming.bot_username}?start={code}"))
    lines.append(esc(_("Or give them the code to write to Husly:")) + f" <code>/start {esc(code)}</code>")
    lines.append(esc(_("It works until {date}. The young person sees that it comes from {organisation} and says yes "
                       "themselves before a caseworker from {municipality} gets the case. You are not told who uses "
                       "it or what they write.").format(
        date=format_date(referral.expires_at.astimezone(TZ).date()), organisation=staff.provider, municipality=name)))
    lines.append(esc(_("Cases opened so far through links from {organisation}: {count}.").format(
        organisation=staff.provider, count=referrals.cases_opened(ctx.session, staff.provider))))
    log.info("staff %s made a referral link for %s", staff.id, slug)
    ctx.reply(Reply("\n\n".join(lines)))


def open_referral(ctx: Context, payload: str) -> bool:
    """/start with a referral code: the greeting and the offer of a caseworker. A code that no longer works gets a
    kind word, then (False) the ordinary start: greeting and menu."""
    if not referrals.looks_like_referral(payload) or not ctx.incoming.private:
        return False
    referral = referrals.usable(ctx.session, payload, ctx.now)
    if referral is None or referral.id is None:
        ctx.reply(Reply(esc(_("That link does not work any more: it is too old or has been used. You are welcome "
                              "here anyway. Write your question, or tap a button."))))
        return False
    log.info("referral link %s opened", referral.id)
    ctx.state.clear(keep=(language.Spoken,))
    # The partner knows where the young person lives: the offer (and the case) is that municipality's.
    ctx.profile.municipality = referral.municipality
    greeting = _("Hi! {organisation} sent you to me. I'm Husly, and I help young people with housing, money and "
                 "support. {organisation} does not see what you write here.").format(organisation=referral.provider)
    flow.offer_referred(ctx, esc(greeting), referral.id)
    ctx.reply(texts.privacy_notice())
    return True


def help_section(ctx: Context) -> str:
    """A partner's referral command, for /help and the welcome after an invite."""
    staff = ctx.staff()
    if staff is None or not staff.provider:
        return ""
    return esc(_("Refer a young person to a caseworker: /henvis aarhus gives you a link to pass on. The young person "
                 "decides themselves, and you are never told who they are."))
