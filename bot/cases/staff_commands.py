"""Staff in the chat: invite codes, /team, the case commands and the card buttons; /vagt and office hours.

Commands have Danish names (/sager, /sag, /tag, /svar, /note, /luk, /flyt, /genaabn, /slip, /overdrag, /vagt,
/aabningstider); the English ones work too. Where each may be used, and by whom, is declared when it is
registered (bot.cases.register) and checked by the router; every case action is then checked once more
against the case itself (bot.cases.actions.authorize).
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.cases import actions, hours, routing, sending, service
from bot.cases.actions import Result
from bot.cases.buttons import Staff as StaffButton
from bot.cases.buttons import StaffAction
from bot.cases.models import Case
from bot.cases.state import ReplyTo
from bot.conversation.cards import municipality_name
from bot.conversation.context import Context
from bot.conversation.scope import Place
from bot.i18n import _, use_lang
from bot.profiles import chat_lang
from bot.replies import Reply, esc
from bot.staff.audit import record
from bot.staff.models import Role, Staff
from bot.staff.service import looks_like_invite, redeem_invite
from knowledge.schema import MUNICIPALITIES

log = logging.getLogger(__name__)


def _staff(ctx: Context) -> Staff | None:
    return ctx.staff()


def _answer(ctx: Context, result: Result) -> None:
    ctx.reply(result.reply(), ref=result.ref)


def _case_number(ctx: Context) -> tuple[int | None, str]:
    """The case number at the start of the arguments ("12" or "#12") and the rest of the text."""
    first, _sep, rest = ctx.incoming.args.strip().partition(" ")
    first = first.lstrip("#")
    number = int(first) if first.isdigit() and len(first) <= 9 else None
    return number, rest.strip()


def _case_args(ctx: Context, usage: str, *, needs_text: bool = False) -> tuple[int, str] | None:
    """The case number and the rest of the command; None, after showing how to write it, when one is missing."""
    number, rest = _case_number(ctx)
    if number is None or (needs_text and not rest):
        _usage(ctx, usage)
        return None
    return number, rest


def _usage(ctx: Context, usage: str) -> None:
    ctx.reply(Reply(esc(_("Write it like this: {usage}").format(usage=usage))))


def _privately(ctx: Context, result: Result, staff: Staff | None) -> bool:
    """In a group, send a result that may quote the young person to the staff member's own chat instead."""
    if ctx.incoming.private or not result.ok or staff is None:
        return False
    if staff.transport not in routing.NO_INBOX:
        ctx.send(staff.transport, staff.chat_id, result.reply(), ref=result.ref)
    return True


# ---- commands ----------------------------------------------------------------------------------------------

def queue(ctx: Context) -> None:
    """List the open cases this staff member can act on (and update the waiting time on their cards)."""
    _answer(ctx, actions.queue(ctx.session, _staff(ctx), ctx.now))


def case(ctx: Context) -> None:
    """Show a case and its transcript (in a group, privately to the one who asked)."""
    args = _case_args(ctx, "/sag 12")
    if args is None:
        return
    number, _rest = args
    staff = _staff(ctx)
    result = actions.show(ctx.session, staff, number, ctx.now)
    if _privately(ctx, result, staff):
        # The transcript may hold what the young person wrote: it never goes to a group.
        ctx.reply(Reply(esc(_("I sent case #{number} to you in a private chat.").format(number=number))))
        return
    _answer(ctx, result)


def claim(ctx: Context) -> None:
    """Take a case."""
    args = _case_args(ctx, "/tag 12")
    if args is None:
        return
    number, _rest = args
    _claim(ctx, number, button=False)


def _claim(ctx: Context, number: int, *, button: bool) -> None:
    staff = _staff(ctx)
    result = actions.claim(ctx.session, staff, number, ctx.now)
    if button:
        ctx.answer_callback(result.short)
    if _privately(ctx, result, staff):
        if not button and staff is not None:
            ctx.reply(Reply(esc(_("{name} has case #{number} now.").format(name=staff.display_name, number=number))))
        return
    if not button or result.ok:
        _answer(ctx, result)


def reply(ctx: Context) -> None:
    """Send a message to the young person in a case."""
    args = _case_args(ctx, "/svar 12 " + _("your message"), needs_text=True)
    if args is None:
        return
    number, text = args
    _answer(ctx, actions.reply(ctx.session, _staff(ctx), number, text, ctx.now))


def note(ctx: Context) -> None:
    """Add an internal note to a case."""
    args = _case_args(ctx, "/note 12 " + _("your note"), needs_text=True)
    if args is None:
        return
    number, text = args
    _answer(ctx, actions.note(ctx.session, _staff(ctx), number, text, ctx.now))


def close(ctx: Context) -> None:
    """Close a case with an outcome (asking first when that could hide someone who still needs help)."""
    args = _case_args(ctx, "/luk 12 bolig")
    if args is None:
        return
    number, outcome = args
    staff = _staff(ctx)
    result = actions.close(ctx.session, ctx.deps, staff, number, outcome, ctx.now)
    if result.buttons and not ctx.incoming.private and staff is not None:
        _to_own_chat(ctx, staff, result.reply(), number)
        ctx.reply(Reply(esc(_("Choose in your private chat with Husly."))))
        return
    _answer(ctx, result)


def reopen(ctx: Context) -> None:
    """Open a closed case again (and take it)."""
    args = _case_args(ctx, "/genaabn 12")
    if args is None:
        return
    number, _rest = args
    _answer(ctx, actions.reopen(ctx.session, ctx.deps.settings, _staff(ctx), number, ctx.now))


def transfer(ctx: Context) -> None:
    """Pass a case to another municipality."""
    args = _case_args(ctx, "/flyt 12 aarhus", needs_text=True)
    if args is None:
        return
    number, slug = args
    _answer(ctx, actions.transfer(ctx.session, ctx.deps.settings, _staff(ctx), number, slug.lower(), ctx.now))


def release(ctx: Context) -> None:
    """Give a case back to the team."""
    args = _case_args(ctx, "/slip 12")
    if args is None:
        return
    number, _rest = args
    _answer(ctx, actions.release(ctx.session, ctx.deps.settings, _staff(ctx), number, ctx.now))


def hand_over(ctx: Context) -> None:
    """Give a case to a colleague."""
    args = _case_args(ctx, "/overdrag 12 Mette", needs_text=True)
    if args is None:
        return
    number, colleague = args
    _answer(ctx, actions.hand_over(ctx.session, _staff(ctx), number, colleague, ctx.now))


def duty(ctx: Context) -> None:
    """Say you are on duty (/vagt, /vagt 4 for four hours) or not any more (/vagt fra)."""
    staff = _staff(ctx)
    assert staff is not None  # the router lets only case staff in
    arg = ctx.incoming.args.strip().lower()
    if arg in ("fra", "off", "slut", "stop"):
        staff.on_duty_until = None
        text = _("You are off duty now.")
        if held := service.held_by(ctx.session, staff):
            # Going home with a case taken leaves the young person writing to nobody until the safety net hands
            # it back (after three times HUSLY_SLA_CLAIMED_MINUTES): say so while there is time to pass it on.
            numbers = ", ".join(f"#{case.id}" for case in held)
            first = held[0].id
            text += " " + _("You still have case {numbers}: the young person writes to you, not to the team. Give it "
                            "to a colleague with /overdrag {number} name, or back to the team with /slip {number}."
                            ).format(numbers=numbers, number=first)
            if not routing.is_office_hours(ctx.session, staff.municipality, ctx.now):
                text += " " + _("Outside office hours, a young person who writes to you when you have not been active "
                                "on their case for a while is told that you are not on duty, with the numbers to call.")
    elif arg == "" or (arg.isdigit() and 1 <= int(arg) <= 24):
        hours_on = int(arg) if arg else ctx.deps.settings.duty_hours
        staff.on_duty_until = ctx.now + dt.timedelta(hours=hours_on)
        text = _("You are on duty until {time}. Young people who write now are told that a caseworker is on duty. "
                 "Write /vagt fra when you stop.").format(time=_local(staff.on_duty_until))
    else:
        _usage(ctx, "/vagt, /vagt 4 " + _("or") + " /vagt fra")
        return
    ctx.session.add(staff)
    record(ctx.session, actor=f"staff:{staff.id}", action="duty", now=ctx.now,
           detail="on" if staff.on_duty_until else "off")
    ctx.reply(Reply(esc(text)))


def office_hours(ctx: Context) -> None:
    """Show or set the municipality's office hours (coordinators: their own; admins: /aabningstider aarhus …)."""
    staff = _staff(ctx)
    assert staff is not None
    args = ctx.incoming.args.strip()
    if staff.role == Role.ADMIN:
        slug, _sep, text = args.partition(" ")
        slug = slug.lower()
        if slug not in MUNICIPALITIES:
            _usage(ctx, "/aabningstider aarhus man-fre 08:00-15:30")
            return
    else:
        slug, text = staff.municipality or "", args
    team = service.team_for(ctx.session, slug)
    if not text:
        current = routing.office_hours(team).text
        ctx.reply(Reply(esc(_("Office hours for {name}: {hours}. Change them with /aabningstider man-fre "
                              "08:00-15:30 (or 24/7).").format(name=municipality_name(slug), hours=current))))
        return
    try:
        hours.parse(text)
    except hours.HoursError:
        ctx.reply(Reply(esc(_("I can't read those hours. Write fx /aabningstider man-fre 08:00-15:30 or "
                              "/aabningstider man-tor 08:00-15:30; fre 08:00-13:00 or /aabningstider 24/7."))))
        return
    service.set_team(ctx.session, slug, ctx.now, office_hours=text, actor=f"staff:{staff.id}")
    ctx.reply(Reply(esc(_("Office hours for {name} are now: {hours}.").format(name=municipality_name(slug),
                                                                              hours=text))))


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(hours.TZ).strftime("%H:%M")


def team(ctx: Context) -> None:
    """Make this group the municipality's team chat for case cards, with the staff's command menu."""
    staff = _staff(ctx)
    assert staff is not None
    slug = staff.municipality if staff.role != Role.ADMIN else ctx.incoming.args.strip().lower()
    if slug not in MUNICIPALITIES:
        ctx.reply(Reply(esc(_("Write /team and the municipality, fx /team aarhus."))))
        return
    service.set_team(ctx.session, slug, ctx.now, transport=ctx.incoming.transport, team_chat_id=ctx.incoming.chat_id,
                     actor=f"staff:{staff.id}")
    log.info("team chat for %s set to %s by staff %s", slug, ctx.incoming.chat_id, staff.id)
    ctx.reply(Reply(esc(_("This group is now the team chat for {name}. New cases are posted here. Write /hjaelp to see "
                          "the commands.").format(name=municipality_name(slug)))))
    # The group's own command menu: the staff's commands, not the young people's /slet and /skjul.
    ctx.set_menu(Role.CASEWORKER, Place.TEAM)


# ---- card buttons ------------------------------------------------------------------------------------------

def button(ctx: Context, data: StaffButton) -> None:
    """Handle Overtag/Svar/Luk on a card, the outcome and its confirmation, reopening, and cancelling a reply."""
    if data.action is StaffAction.CANCEL:
        _cancel_reply(ctx)
        return
    staff = _staff(ctx)
    number = data.case
    if data.action is StaffAction.CLAIM:
        _claim(ctx, number, button=True)
    elif data.action is StaffAction.REPLY:
        ctx.answer_callback(actions.start_reply(ctx.session, staff, number, ctx.now).short)
    elif data.action is StaffAction.CLOSE:
        _ask_outcome(ctx, staff, number)
    elif data.action is StaffAction.REOPEN:
        result = actions.reopen(ctx.session, ctx.deps.settings, staff, number, ctx.now)
        ctx.answer_callback(result.short)
    else:
        confirmed = data.action is StaffAction.CONFIRM
        result = actions.close(ctx.session, ctx.deps, staff, number, data.value, ctx.now, confirmed=confirmed)
        ctx.answer_callback(result.short)
        if result.buttons and staff is not None:
            # The confirmation question, privately (a team chat need not see it).
            _to_own_chat(ctx, staff, Reply(result.html, buttons=result.buttons), number)
        elif result.ok and ctx.incoming.private:
            ctx.reply(result.reply())


def _to_own_chat(ctx: Context, staff: Staff, reply: Reply, number: int) -> None:
    if staff.transport not in routing.NO_INBOX:
        ctx.send(staff.transport, staff.chat_id, reply, ref=sending.about(number, "ask"))


def _ask_outcome(ctx: Context, staff: Staff | None, number: int) -> None:
    """Ask how the case ended, privately (a team chat need not see it)."""
    found = ctx.session.get(Case, number)
    result = actions.close(ctx.session, ctx.deps, staff, number, "", ctx.now)
    if found is None or staff is None or result.ok or not result.buttons:
        ctx.answer_callback(result.short)
        return
    with use_lang(chat_lang(ctx.session, staff.transport, staff.chat_id)):
        question = Reply(esc(_("How did case #{number} end?").format(number=number)),
                         buttons=actions.outcome_buttons(found))
    _to_own_chat(ctx, staff, question, number)
    ctx.answer_callback(_("Choose the outcome in your private chat with Husly.") if not ctx.incoming.private else "")


def _cancel_reply(ctx: Context) -> None:
    if ctx.state.get(ReplyTo) is not None:
        ctx.state.end(ReplyTo)
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
    ctx.state.clear()
    name = (ctx.incoming.first_name or "").strip() or f"{ctx.incoming.user_id}"
    staff = redeem_invite(ctx.session, code=payload, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id,
                          chat_id=ctx.incoming.chat_id, display_name=name, now=ctx.now)
    if staff is None:
        log.warning("invalid or expired invite used by user %s", ctx.incoming.user_id)
        ctx.reply(Reply(esc(_("This invite code is not valid, already used, or expired. Ask for a new one."))))
        return True
    ctx.forget_staff()
    log.info("staff %s joined as %s", staff.id, staff.role)
    where = municipality_name(staff.municipality) if staff.municipality else (staff.provider or "")
    roles = {Role.CASEWORKER: _("a caseworker"), Role.COORDINATOR: _("a coordinator"), Role.PARTNER: _("a partner"),
             Role.ADMIN: _("an administrator")}
    lines = [esc(_("Welcome! You are now {role} in Husly{where}.").format(
        role=roles.get(Role(staff.role), staff.role), where=f" ({where})" if where else ""))]
    lines.extend(ctx.router.help_for(ctx))
    ctx.reply(Reply("\n\n".join(lines)))
    ctx.set_menu(Role(staff.role))
    return True


def help_section(ctx: Context) -> str:
    """A caseworker's, coordinator's or admin's commands, for /help (also in the team chat) and the welcome."""
    staff = _staff(ctx)
    if not actions.is_case_staff(staff):
        return ""
    assert staff is not None
    lines = [
        "<b>" + esc(_("Cases")) + "</b>",
        esc(_("Add me to your team's Telegram group and write /team there, so new cases are posted there.")),
        "/sager – " + esc(_("open cases, most urgent first")),
        "/sag 12 – " + esc(_("the case and what was written (sent privately)")),
        "/tag 12 – " + esc(_("take the case")),
        "/svar 12 " + esc(_("text")) + " – " + esc(_("write to the young person (or press Svar)")),
        "/note 12 " + esc(_("text")) + " – " + esc(_("internal note; a reply to a card in the group is a note too")),
        "/luk 12 bolig – " + esc(_("close: bolig, herberg, henvist, ingen-kontakt or andet")),
        "/genaabn 12 – " + esc(_("open a closed case again")),
        "/slip 12 – " + esc(_("give the case back to the team")),
        "/overdrag 12 Mette – " + esc(_("give the case to a colleague")),
        "/flyt 12 aarhus – " + esc(_("move the case to another municipality")),
        "/vagt – " + esc(_("you are on duty (/vagt fra: off duty)")),
    ]
    if staff.role in (Role.COORDINATOR, Role.ADMIN):
        lines.append("/aabningstider – " + esc(_("see or set the office hours")))
    return "\n".join(lines)
