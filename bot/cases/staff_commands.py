"""Staff in Telegram: invite codes, /team, /queue, /case, /claim, /reply, /note, /close, /transfer, card buttons.

Roles are checked on the server for every command and button (bot.cases.actions); someone who is not staff
gets a polite refusal, and the refusal is logged with ids only.
"""

from __future__ import annotations

import logging

from bot.cases import actions, routing, sending, service
from bot.cases.actions import Result
from bot.cases.models import Case
from bot.conversation.cards import municipality_name
from bot.conversation.context import Context
from bot.i18n import _, use_lang
from bot.replies import Reply, esc
from bot.staff.models import Staff
from bot.staff.service import get_staff, looks_like_invite, redeem_invite
from knowledge.schema import MUNICIPALITIES

log = logging.getLogger(__name__)


def _staff(ctx: Context) -> Staff | None:
    return get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)


def _refused(ctx: Context, what: str) -> None:
    log.warning("refused %s for user %s in chat %s", what, ctx.incoming.user_id, ctx.incoming.chat_id)


def _answer(ctx: Context, result: Result, what: str) -> None:
    if not result.ok and _staff(ctx) is None:
        _refused(ctx, what)
    ctx.reply(result.reply())


def _case_number(ctx: Context) -> tuple[int | None, str]:
    """The case number at the start of the arguments ("12" or "#12") and the rest of the text."""
    first, _sep, rest = ctx.incoming.args.strip().partition(" ")
    first = first.lstrip("#")
    return (int(first) if first.isdigit() else None), rest.strip()


def _usage(ctx: Context, usage: str) -> None:
    if _staff(ctx) is None:
        _refused(ctx, f"/{ctx.incoming.command}")
        ctx.reply(actions.not_staff().reply())
        return
    ctx.reply(Reply(esc(_("Write it like this: {usage}").format(usage=usage))))


# ---- commands ----------------------------------------------------------------------------------------------

def queue(ctx: Context) -> None:
    """List the open cases this staff member can act on."""
    _answer(ctx, actions.queue(ctx.session, _staff(ctx), ctx.now), "/queue")


def case(ctx: Context) -> None:
    """Show a case and its transcript (in a group, privately to the one who asked)."""
    number, _rest = _case_number(ctx)
    if number is None:
        _usage(ctx, "/case 12")
        return
    staff = _staff(ctx)
    result = actions.show(ctx.session, staff, number, ctx.now)
    if result.ok and staff is not None and not ctx.incoming.private:
        # The transcript may hold what the young person wrote: it never goes to a group.
        if staff.transport not in routing.NO_INBOX:
            ctx.send(staff.transport, staff.chat_id, result.reply())
        ctx.reply(Reply(esc(_("I sent case #{number} to you in a private chat.").format(number=number))))
        return
    _answer(ctx, result, "/case")


def claim(ctx: Context) -> None:
    """Take a case."""
    number, _rest = _case_number(ctx)
    if number is None:
        _usage(ctx, "/claim 12")
        return
    _claim(ctx, number, button=False)


def _claim(ctx: Context, number: int, *, button: bool) -> None:
    staff = _staff(ctx)
    result = actions.claim(ctx.session, staff, number, ctx.now)
    if staff is None:
        _refused(ctx, "claim")
    if button:
        ctx.answer_callback(result.short)
    if result.ok and staff is not None and not ctx.incoming.private:
        if staff.transport not in routing.NO_INBOX:
            ctx.send(staff.transport, staff.chat_id, result.reply(), ref=result.ref)
        if not button:
            ctx.reply(Reply(esc(result.short)))
        return
    if not button or result.ok:
        ctx.reply(result.reply(), ref=result.ref)


def reply(ctx: Context) -> None:
    """Send a message to the young person in a case."""
    number, text = _case_number(ctx)
    if number is None or not text:
        _usage(ctx, "/reply 12 " + _("your message"))
        return
    _answer(ctx, actions.reply(ctx.session, _staff(ctx), number, text, ctx.now), "/reply")


def note(ctx: Context) -> None:
    """Add an internal note to a case."""
    number, text = _case_number(ctx)
    if number is None or not text:
        _usage(ctx, "/note 12 " + _("your note"))
        return
    _answer(ctx, actions.note(ctx.session, _staff(ctx), number, text, ctx.now), "/note")


def close(ctx: Context) -> None:
    """Close a case with an outcome."""
    number, outcome = _case_number(ctx)
    if number is None:
        _usage(ctx, "/close 12 housed")
        return
    _answer(ctx, actions.close(ctx.session, ctx.deps, _staff(ctx), number, outcome.lower(), ctx.now), "/close")


def transfer(ctx: Context) -> None:
    """Pass a case to another municipality."""
    number, slug = _case_number(ctx)
    if number is None or not slug:
        _usage(ctx, "/transfer 12 aarhus")
        return
    _answer(ctx, actions.transfer(ctx.session, _staff(ctx), number, slug.lower(), ctx.now), "/transfer")


def team(ctx: Context) -> None:
    """Make this group the municipality's team chat for case cards."""
    staff = _staff(ctx)
    if staff is None or staff.role not in ("caseworker", "admin"):
        _refused(ctx, "/team")
        ctx.reply(actions.not_staff().reply())
        return
    slug = staff.municipality if staff.role == "caseworker" else ctx.incoming.args.strip().lower()
    if slug not in MUNICIPALITIES:
        ctx.reply(Reply(esc(_("Write /team and the municipality, fx /team aarhus."))))
        return
    service.set_team(ctx.session, slug, ctx.now, transport=ctx.incoming.transport, team_chat_id=ctx.incoming.chat_id,
                     actor=f"staff:{staff.id}")
    log.info("team chat for %s set to %s by staff %s", slug, ctx.incoming.chat_id, staff.id)
    ctx.reply(Reply(esc(_("This group is now the team chat for {name}. New cases are posted here.").format(
        name=municipality_name(slug)))))


# ---- card buttons ------------------------------------------------------------------------------------------

def button(ctx: Context) -> None:
    """Handle Overtag/Svar/Luk on a card, the outcome choice, and cancelling a reply."""
    parts = (ctx.incoming.callback_data or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    if action == "cancel":
        _cancel_reply(ctx)
        return
    number = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    if number is None or action not in ("claim", "reply", "close", "out"):
        ctx.answer_callback(_("That button no longer works."))
        return
    staff = _staff(ctx)
    if staff is None:
        _refused(ctx, f"button {action}")
        ctx.answer_callback(actions.not_staff().short)
        return
    if action == "claim":
        _claim(ctx, number, button=True)
    elif action == "reply":
        ctx.answer_callback(actions.start_reply(ctx.session, staff, number, ctx.now).short)
    elif action == "close":
        _ask_outcome(ctx, staff, number)
    else:
        outcome = parts[3] if len(parts) > 3 else ""
        result = actions.close(ctx.session, ctx.deps, staff, number, outcome, ctx.now)
        ctx.answer_callback(result.short)
        if result.ok and ctx.incoming.private:
            ctx.reply(result.reply())


def _ask_outcome(ctx: Context, staff: Staff, number: int) -> None:
    """Ask how the case ended, privately (a team chat need not see it)."""
    found = ctx.session.get(Case, number)
    result = actions.close(ctx.session, ctx.deps, staff, number, "", ctx.now)
    if found is None or result.ok or not result.buttons:
        ctx.answer_callback(result.short)
        return
    with use_lang(sending.chat_lang(ctx.session, staff.transport, staff.chat_id)):
        question = Reply(esc(_("How did case #{number} end?").format(number=number)),
                         buttons=actions.outcome_buttons(found))
    if staff.transport not in routing.NO_INBOX:
        ctx.send(staff.transport, staff.chat_id, question)
    ctx.answer_callback(_("Choose the outcome in your private chat with Husly.") if not ctx.incoming.private else "")


def _cancel_reply(ctx: Context) -> None:
    if ctx.state.get("flow") == actions.REPLY_FLOW:
        ctx.clear_state()
        ctx.answer_callback(_("Cancelled."))
        return
    ctx.answer_callback(_("That button no longer works."))


# ---- invites -----------------------------------------------------------------------------------------------

def redeem(ctx: Context, payload: str) -> bool:
    """Turn an invite code from /start into a staff membership (private chats only)."""
    if not looks_like_invite(payload):
        return False
    if not ctx.incoming.private:
        return True
    ctx.clear_state()
    name = (ctx.incoming.first_name or "").strip() or f"{ctx.incoming.user_id}"
    staff = redeem_invite(ctx.session, code=payload, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id,
                          chat_id=ctx.incoming.chat_id, display_name=name, now=ctx.now)
    if staff is None:
        log.warning("invalid or expired invite used by user %s", ctx.incoming.user_id)
        ctx.reply(Reply(esc(_("This invite code is not valid, already used, or expired. Ask for a new one."))))
        return True
    log.info("staff %s joined as %s", staff.id, staff.role)
    where = municipality_name(staff.municipality) if staff.municipality else (staff.provider or "")
    roles = {"caseworker": _("a caseworker"), "partner": _("a partner"), "admin": _("an administrator")}
    lines = [esc(_("Welcome! You are now {role} in Husly{where}.").format(
        role=roles.get(staff.role, staff.role), where=f" ({where})" if where else ""))]
    lines.extend(section for section in (add(ctx) for add in ctx.router.help_sections) if section)
    ctx.reply(Reply("\n\n".join(lines)))
    ctx.set_menu(staff.role)
    return True


def help_section(ctx: Context) -> str:
    """A caseworker's or an admin's commands, for /help and the welcome after an invite."""
    staff = _staff(ctx)
    if staff is None or not staff.active or staff.role not in ("caseworker", "admin"):
        return ""
    return esc(_("Add me to your team's Telegram group and write /team there, so new cases are posted "
                 "there. Commands: /queue, /case 12, /claim 12, /reply 12 text, /note 12 text, "
                 "/close 12 housed, /transfer 12 aarhus."))
