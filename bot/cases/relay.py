"""The chat between a young person and the caseworker who has their case, through the bot.

The young person's messages go to the caseworker's private chat (never to a team chat) and into the
transcript; the caseworker answers with /reply, the Svar button, or a Telegram reply to the message.
Crisis words on the way still show the young person the emergency numbers first.
"""

from __future__ import annotations

import logging

from sqlmodel import col, select

from bot.cases import actions, cards, routing, sending, service
from bot.conversation import texts
from bot.conversation.context import Context
from bot.i18n import _, use_lang
from bot.models import Outbox
from bot.replies import Button, Reply, esc
from bot.staff.models import Staff
from bot.staff.service import get_staff
from bot.triage import Urgency

log = logging.getLogger(__name__)


def message_ref(case_id: int, message_id: int) -> str:
    return f"case:{case_id}:in:{message_id}"


def from_youth(ctx: Context) -> bool:
    """Pass the young person's message to the caseworker who has their case (an interceptor)."""
    if not ctx.incoming.private or not service.has_open_case(ctx.session, ctx.incoming.transport,
                                                                 ctx.incoming.chat_id):
        return False
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if case is None or case.status != "claimed" or not case.relay:
        return False
    staff = ctx.session.get(Staff, case.claimed_by)
    if staff is None or not staff.active:
        return False
    text = ctx.incoming.text
    result = ctx.triage(text)
    if result.urgency is Urgency.EMERGENCY:
        ctx.reply(texts.safety_first(ctx, Urgency.EMERGENCY, result.reasons))
    if result.urgency is not Urgency.NONE:
        service.enrich(ctx.session, case, urgency=result.urgency.value, reasons=result.reasons, now=ctx.now)
        cards.refresh(ctx.session, case, ctx.now)
    message = service.add_message(ctx.session, case, "in", text, ctx.now)
    if staff.transport not in routing.NO_INBOX:
        with use_lang(sending.chat_lang(ctx.session, staff.transport, staff.chat_id)):
            head = _("Case #{number}, the young person writes:").format(number=case.id)
            lines = [f"💬 <b>{esc(head)}</b>", esc(text)]
            if result.urgency is Urgency.EMERGENCY:
                lines.insert(1, "⚠️ " + esc(_("Emergency signs: {reasons}. They were shown 112 and crisis lines.")
                                              .format(reasons=", ".join(result.reasons))))
            reply = Reply("\n".join(lines), buttons=((Button(_("Reply"), data=f"cs:reply:{case.id}"),),))
        ctx.send(staff.transport, staff.chat_id, reply, ref=message_ref(case.id or 0, message.id or 0))
    return True


def case_of_message(ctx: Context, message_id: int) -> int | None:
    """The case a bot message in this chat belongs to (card, briefing or relayed message), from its outbox ref."""
    ref = ctx.session.exec(
        select(Outbox.ref).where(
            Outbox.transport == ctx.incoming.transport, Outbox.chat_id == ctx.incoming.chat_id,
            Outbox.message_id == message_id,
            col(Outbox.ref).like("case:%"))
    ).first()
    if not ref:
        return None
    number = ref.split(":")[1]
    return int(number) if number.isdigit() else None


def staff_reply_to(ctx: Context) -> bool:
    """Take a caseworker's Telegram reply to a case card or relayed message as the answer (an interceptor).

    Works wherever the core hands text to interceptors: private chats today (groups only pass commands on).
    """
    if ctx.incoming.reply_to_message_id is None:
        return False
    staff = get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)
    if staff is None:
        return False
    case_id = case_of_message(ctx, ctx.incoming.reply_to_message_id)
    if case_id is None:
        return False
    ctx.reply(actions.reply(ctx.session, staff, case_id, ctx.incoming.text, ctx.now).reply())
    return True


def reply_flow(ctx: Context) -> None:
    """Send the caseworker's message, written after pressing Svar, to the young person."""
    case_id = ctx.state.get("case")
    ctx.clear_state()
    staff = get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)
    if not isinstance(case_id, int):
        ctx.reply(Reply(esc(_("Something went wrong. Press Reply on the case again."))))
        return
    ctx.reply(actions.reply(ctx.session, staff, case_id, ctx.incoming.text, ctx.now).reply())
