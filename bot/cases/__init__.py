"""Urgent cases: the young person's triage flow, the caseworker queue, the relay, and the safety net.

Modules: models (tables), service (use cases on a session), routing (who is told), hours (office hours),
cards (the staff card), notices (what the young person is told), flow (the young person's side), relay
(the chat through the bot), actions (what staff can do, checked), staff_commands (the staff side in the
chat), buttons (typed callback data), jobs (reminders and follow-ups), sending (queueing outside a
handler), privacy (export, erasure, expiry).
"""

from __future__ import annotations

from sqlmodel import or_, select

from bot.cases.models import MunicipalityTeam
from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.conversation.scope import (
    CASE_STAFF,
    CASE_STAFF_IN_GROUPS,
    PARTNER_PRIVATE,
    PRIVATE_ANYONE,
    TEAM_LEADS_ANYWHERE,
)
from bot.i18n import N_

# (Danish name, English alias, handler name in staff_commands, menu description)
STAFF_COMMANDS = (
    ("sager", "queue", "queue", N_("open cases")),
    ("sag", "case", "case", N_("show a case: /sag 12")),
    ("tag", "claim", "claim", N_("take a case: /tag 12")),
    ("svar", "reply", "reply", N_("write to the young person: /svar 12 text")),
    ("note", "", "note", N_("internal note: /note 12 text")),
    ("luk", "close", "close", N_("close a case: /luk 12 bolig")),
    ("genaabn", "reopen", "reopen", N_("open a closed case again: /genaabn 12")),
    ("slip", "release", "release", N_("give a case back to the team: /slip 12")),
    ("overdrag", "handover", "hand_over", N_("give a case to a colleague: /overdrag 12 Mette")),
    ("flyt", "transfer", "transfer", N_("move a case: /flyt 12 aarhus")),
    ("vagt", "duty", "duty", N_("on duty: /vagt, /vagt fra")),
)


def is_team_chat(ctx: Context) -> bool:
    """Whether the chat is a municipality's registered team or on-call chat, or the chat for cases without one."""
    transport, chat_id = ctx.incoming.transport, ctx.incoming.chat_id
    if chat_id == ctx.deps.settings.unrouted_chat_id:
        return True
    found = ctx.session.exec(select(MunicipalityTeam.municipality).where(
        MunicipalityTeam.transport == transport,
        or_(MunicipalityTeam.team_chat_id == chat_id, MunicipalityTeam.oncall_chat_id == chat_id)).limit(1)).first()
    return found is not None


def register(router: Router) -> None:
    """Register the case handlers; the relay interceptors go first so a live chat is never answered by Q&A."""
    from bot.cases import buttons, flow, privacy, referral_commands, relay, staff_commands
    from bot.cases.state import ReplyTo

    router.store(privacy.STORE)
    router.urgent = flow.urgent
    router.team_chat = is_team_chat
    router.menu_items["urgent"] = flow.menu_urgent
    router.menu_items["staff"] = flow.menu_staff
    router.flow(flow.FLOW, flow.flow_text, handles_urgent=True)
    # A caseworker's reply must reach the young person even if it contains crisis words.
    router.flow(ReplyTo.key, relay.reply_flow, handles_urgent=True)
    # A municipality typed for a case without one routes it before the relay puts it on the case as a message.
    router.interceptors[:0] = [relay.staff_reply_to, flow.place_for_case, relay.from_youth, flow.place_for_offer,
                               flow.age_for_offer, flow.answer_to_offer]
    router.team_replies.append(relay.team_reply)
    router.contacts.append(flow.contact)
    router.start_payloads.append(staff_commands.redeem)
    router.start_payloads.append(referral_commands.open_referral)
    router.help_sections.append(staff_commands.help_section)
    router.help_sections.append(referral_commands.help_section)
    router.callback(buttons.Youth, flow.button, scope=PRIVATE_ANYONE)
    router.callback(buttons.Staff, staff_commands.button, scope=CASE_STAFF)
    router.command("stop", flow.stop)
    router.command("team", staff_commands.team, scope=CASE_STAFF_IN_GROUPS)
    for name, alias, handler, menu in STAFF_COMMANDS:
        router.command(name, getattr(staff_commands, handler), scope=CASE_STAFF, menu=menu,
                       aliases=(alias,) if alias else ())
    # Partners refer a young person: a link that offers a caseworker in the organisation's name.
    router.command("henvis", referral_commands.refer, scope=PARTNER_PRIVATE,
                   menu=N_("refer a young person to a caseworker"), aliases=("refer",))
    router.command("aabningstider", staff_commands.office_hours, scope=TEAM_LEADS_ANYWHERE,
                   menu=N_("office hours: /aabningstider man-fre 08:00-15:30"), aliases=("hours",))
