"""Urgent cases: the young person's triage flow, the caseworker queue, the relay, and the safety net.

Modules: models (tables), service (use cases on a session), routing (who is told), hours (office hours),
cards (the staff card), notices (what the young person is told), flow (the young person's side), relay
(the chat through the bot), actions (what staff can do, checked), staff_commands (Telegram staff side),
jobs (reminders and follow-ups), sending (queueing outside a handler), privacy (export, erasure, expiry).
"""

from __future__ import annotations

from bot.conversation.router import Router
from bot.i18n import N_


def register(router: Router) -> None:
    """Register the case handlers; the relay interceptors go first so a live chat is never answered by Q&A."""
    from bot.cases import actions, flow, relay, staff_commands

    router.urgent = flow.urgent
    router.menu_items["urgent"] = flow.menu_urgent
    router.menu_items["staff"] = flow.menu_staff
    router.flow(flow.FLOW, flow.flow_text, handles_urgent=True)
    # A caseworker's reply must reach the young person even if it contains crisis words.
    router.flow(actions.REPLY_FLOW, relay.reply_flow, handles_urgent=True)
    router.interceptors[:0] = [relay.staff_reply_to, relay.from_youth]
    router.contacts.append(flow.contact)
    router.start_payloads.append(staff_commands.redeem)
    router.help_sections.append(staff_commands.help_section)
    router.callback("cy", flow.button)
    router.callback("cs", staff_commands.button)
    router.command("stop", flow.stop)
    router.command("team", staff_commands.team, where="group")
    for name, handler, menu in (
            ("queue", staff_commands.queue, N_("open cases")),
            ("case", staff_commands.case, N_("show a case: /case 12")),
            ("claim", staff_commands.claim, N_("take a case: /claim 12")),
            ("reply", staff_commands.reply, N_("write to the young person: /reply 12 text")),
            ("note", staff_commands.note, N_("add a note: /note 12 text")),
            ("close", staff_commands.close, N_("close a case: /close 12 housed")),
            ("transfer", staff_commands.transfer, N_("move a case: /transfer 12 aarhus"))):
        router.command(name, handler, where="any", menu=menu, roles=("caseworker", "admin"))
