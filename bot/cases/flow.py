"""The young person's side: safety first, the offer of a caseworker, the case, and a short skippable triage.

The case is created as soon as the person accepts (at once for an emergency), before any question, so it
exists even if they stop answering; each answer then enriches it and updates the card in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from bot.answering import Answer, answer
from bot.cases import cards, notices, routing, service
from bot.cases.models import AGE_BANDS, TONIGHT, Case
from bot.conversation import texts
from bot.conversation.cards import municipality_buttons, municipality_name, services_for
from bot.conversation.context import Context
from bot.conversation.qa import answer_question
from bot.i18n import _
from bot.replies import Button, Reply, esc
from bot.staff.models import Staff
from bot.staff.service import get_staff
from bot.triage import Triage, Urgency
from knowledge.lexicon import detect_municipality
from knowledge.normalise import fold
from knowledge.schema import MUNICIPALITIES

log = logging.getLogger(__name__)

FLOW = "case"
# The reason code on a case opened by someone asking for another person (a parent, a friend, a professional).
FOR_SOMEONE_ELSE = "for_someone_else"
STEPS = ("municipality", "age", "tonight", "consent")
# Typed answers that mean "no, stay anonymous" at the consent question.
NO_WORDS = {"nej", "nej tak", "no", "no thanks", "anonym", "anonymous", "skip", "spring over", "ellers tak"}


# ---- entry points ------------------------------------------------------------------------------------------

def urgent(ctx: Context, result: Triage) -> None:
    """Show the safety essentials and what the message's own topic says, then connect an emergency at once or
    offer a caseworker. Someone asking for another person is offered a caseworker, never given a case unasked."""
    if not ctx.incoming.private:
        return
    read = _read_crisis(ctx, result)
    helper = read is not None and read.for_someone_else
    ctx.reply(read.reply if read else texts.safety_first(ctx, result.urgency, result.reasons))
    info = read.more[0] if read and read.more else None
    reasons = (*result.reasons, FOR_SOMEONE_ELSE) if helper else result.reasons
    if _writes_as_staff(ctx):
        if info:
            ctx.reply(info)
        return
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if case is not None:
        if info:
            ctx.reply(info)
        _update_open_case(ctx, case, result.urgency.value, reasons)
        return
    if result.urgency is Urgency.EMERGENCY and not helper:
        if info:
            ctx.reply(info)
        _connect(ctx, "emergency", reasons)
        return
    _offer(ctx, result.urgency.value, reasons, info=info, helper=helper)


def _read_crisis(ctx: Context, result: Triage) -> Answer | None:
    """The typed message read as an answer: the safety essentials and its own topic (None for a button)."""
    if ctx.incoming.kind != "text" or not ctx.incoming.text.strip():
        return None
    return answer(ctx.deps.kb, ctx.deps.index, ctx.incoming.text, today=ctx.now.date(),
                  threshold=ctx.deps.settings.confidence_threshold, lang=ctx.lang,  # type: ignore[arg-type]
                  municipality=ctx.profile.municipality, triaged=result)


def _writes_as_staff(ctx: Context) -> bool:
    """A caseworker writing about someone's crisis in their own chat must not become a case themselves."""
    staff = get_staff(ctx.session, transport=ctx.incoming.transport, user_id=ctx.incoming.user_id)
    if staff is None or not staff.active or staff.role not in ("caseworker", "admin"):
        return False
    ctx.reply(Reply(esc(_("You are registered as a caseworker, so no case was opened. To write to a young "
                          "person, use /reply 12 text or the Reply button; to add a note, /note 12 text."))))
    return True


def menu_urgent(ctx: Context) -> None:
    """Answer the "Urgent help" button: safety information, then the offer of a caseworker."""
    urgent(ctx, Triage(Urgency.URGENT, ("asked_for_help",)))


def menu_staff(ctx: Context) -> None:
    """Answer "Talk to a caseworker": connect the person (safety information first, unless just shown)."""
    offer = (ctx.profile.state or {}).get("case_offer")
    if offer is None:
        ctx.reply(texts.safety_first(ctx, Urgency.URGENT))
    _accept(ctx, offer, "asked_for_caseworker")


def _offer(ctx: Context, urgency: str, reasons: tuple[str, ...], *, info: Reply | None = None,
           helper: bool = False) -> None:
    """Ask before opening a case; ``info`` (the message's own topic) comes first in the same message."""
    ctx.profile.state = {"case_offer": {"urgency": urgency, "reasons": list(reasons)}}
    org = notices.org_name(ctx.profile.municipality, ctx.lang)
    if helper:
        question = _("Do you want a caseworker from {org} to write to you here about the young person? Nothing is "
                     "opened until you say yes, and the young person can also write to me themselves.")
    else:
        question = _("Do you want a caseworker from {org} to write to you here in the chat? You can stay anonymous.")
    html = esc(question.format(org=org))
    rows: tuple[tuple[Button, ...], ...] = ((Button(_("Yes, connect me"), data="cy:go"),
                                             Button(_("No thanks"), data="cy:no")),)
    if info is not None:
        html = info.html + "\n\n" + html
        # The topic's own buttons (read more, choices) stay; "Talk to a caseworker" is the question itself.
        rows += tuple(row for row in info.buttons if not any((b.data or "") == "menu:staff" for b in row))
    ctx.reply(Reply(html, buttons=rows))


def _accept(ctx: Context, offer: dict[str, Any] | None, reason: str) -> None:
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if "case_offer" in (ctx.profile.state or {}):
        ctx.clear_state()
    urgency = (offer or {}).get("urgency", "urgent")
    reasons = (*(offer or {}).get("reasons", ()), reason)
    if case is not None:
        _update_open_case(ctx, case, urgency, reasons)
        return
    _connect(ctx, urgency if urgency in ("urgent", "emergency") else "urgent", reasons)


def _connect(ctx: Context, urgency: str, reasons: tuple[str, ...]) -> None:
    """Create the case, post its card, tell the person what happens next, and start the questions."""
    case = service.create_case(ctx.session, transport=ctx.incoming.transport, chat_id=ctx.incoming.chat_id,
                               lang=ctx.lang, municipality=ctx.profile.municipality, urgency=urgency,
                               reasons=reasons, now=ctx.now)
    cards.announce(ctx.session, case, ctx.now)
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now))
    _ask(ctx, case, _next_step(case, None))


def _update_open_case(ctx: Context, case: Case, urgency: str, reasons: tuple[str, ...]) -> None:
    """A person with an open case asked again: raise it if needed and say where it stands."""
    became_emergency = service.enrich(ctx.session, case, urgency=urgency, reasons=reasons, now=ctx.now)
    if case.status == "claimed" and not case.relay:
        case.relay = True
        service.log_event(ctx.session, case, "relay_resumed", ctx.now, actor="youth")
        _tell_claimer(ctx, case, lambda: _("The young person wants to talk again in case #{number}.").format(
            number=case.id))
    cards.refresh(ctx.session, case, ctx.now)
    if became_emergency:
        _emergency_ping(ctx, case)
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now))
    state = ctx.state
    if state.get("flow") == FLOW and state.get("case") == case.id:
        _ask(ctx, case, state.get("step"))
    elif case.municipality is None:
        # Without a municipality nobody local sees the case: ask again, with the buttons.
        _ask(ctx, case, "municipality")


def _emergency_ping(ctx: Context, case: Case) -> None:
    """Tell everyone who sees the case that it became an emergency (a new message; edits are silent)."""
    cards.ping(ctx.session, case, lambda: _("Case #{number} is now an EMERGENCY.").format(number=case.id), ctx.now)
    _tell_claimer(ctx, case, lambda: _("Case #{number} is now an EMERGENCY.").format(number=case.id))


def _tell_claimer(ctx: Context, case: Case, make: Callable[[], str]) -> None:
    notices.tell_claimer(ctx.session, case, make, ctx.now)


# ---- the questions -----------------------------------------------------------------------------------------

def _next_step(case: Case, after: str | None) -> str | None:
    start = STEPS.index(after) + 1 if after in STEPS else 0
    for step in STEPS[start:]:
        if step in ("age", "tonight") and FOR_SOMEONE_ELSE in case.all_reasons():
            # The writer is not the young person: their age and bed tonight are not the ones that matter.
            continue
        if step == "municipality" and case.municipality:
            continue
        return step
    return None


def _skip(case: Case, step: str) -> Button:
    return Button(_("Skip"), data=f"cy:skip:{case.id}:{step}")


def _ask(ctx: Context, case: Case, step: str | None) -> None:
    """Ask one question (or finish), remembering the step in the conversation state."""
    if step is None:
        _finish(ctx, case)
        return
    ctx.set_state(FLOW, case=case.id, step=step)
    if step == "municipality":
        rows = [*municipality_buttons(f"cy:mun:{case.id}"), (_skip(case, step),)]
        ctx.reply(Reply(esc(_("Which municipality are you in?")), buttons=tuple(rows)))
    elif step == "age":
        labels = {"under_18": _("Under 18"), "18_24": "18-24", "25_29": "25-29", "30_plus": _("30 or older")}
        ages = [Button(labels[b], data=f"cy:age:{case.id}:{b}") for b in AGE_BANDS]
        ctx.reply(Reply(esc(_("A few short questions help the caseworker. You can skip them. How old are you?")),
                        buttons=(tuple(ages[:2]), tuple(ages[2:]), (_skip(case, step),))))
    elif step == "tonight":
        labels = {"outside": _("Nowhere / outside"), "friends": _("With friends or family, just tonight"),
                  "shelter": _("At a shelter"), "unsafe_home": _("At home, but it's not safe"),
                  "has_place": _("I have a place")}
        rows = [(Button(labels[w], data=f"cy:tn:{case.id}:{w}"),) for w in TONIGHT]
        ctx.reply(Reply(esc(_("Where will you sleep tonight?")), buttons=(*rows, (_skip(case, step),))))
    elif step == "consent":
        ctx.reply(Reply(esc(_("Can the caseworker see your first name and phone number? Then they can call you. "
                              "Tap the button below to share them.")),
                        request_contact="📱 " + _("Share my name and number")))
        ctx.reply(Reply(esc(_("Or stay anonymous: the caseworker can still write to you here.")),
                        buttons=((Button(_("Stay anonymous"), data=f"cy:anon:{case.id}"),),)))


def _finish(ctx: Context, case: Case) -> None:
    ctx.clear_state()
    if case.status == "claimed":
        text = _("Thank you. Your caseworker can see your answers.")
    else:
        text = _("Thank you, that's all. The caseworker sees your answers when they take your case. You can write "
                 "to me in the meantime.")
    ctx.reply(Reply(esc(text), remove_keyboard=True))


def _advance(ctx: Context, case: Case, step: str) -> None:
    """Go on to the next question if the person is still in this case's questions; otherwise just confirm."""
    state = ctx.state
    if state.get("flow") == FLOW and state.get("case") == case.id:
        _ask(ctx, case, _next_step(case, step))
    else:
        ctx.answer_callback(_("Saved."))


def _set_municipality(ctx: Context, case: Case, slug: str) -> None:
    """Route a case to the municipality the person named (cards elsewhere, fx every team's, are retired)."""
    ctx.profile.municipality = slug
    if case.municipality == slug:
        return
    case.municipality = slug
    ctx.session.add(case)
    service.log_event(ctx.session, case, "municipality_set", ctx.now, actor="youth", detail=slug)
    claimer = ctx.session.get(Staff, case.claimed_by) if case.claimed_by else None
    if claimer is not None and not service.can_act(claimer, case):
        # Someone from elsewhere took it while the municipality was unknown: it goes to the right team now.
        _tell_claimer(ctx, case, lambda: _("Case #{number} was sent to {name}.").format(
            number=case.id, name=municipality_name(slug)))
        service.release(ctx.session, case, ctx.now, "municipality_set")
    keep = [*routing.announce_targets(ctx.session, case, ctx.now), *routing.admin_targets(ctx.session)]
    cards.retire(ctx.session, case, lambda: _("Case #{number} was sent to {name}.").format(
        number=case.id, name=municipality_name(slug)), keep, ctx.now)
    cards.announce(ctx.session, case, ctx.now)
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now))


def _minor_help(ctx: Context) -> None:
    lines = [esc(_("Because you are under 18, you can also call BørneTelefonen, day and night."))]
    lines.extend(notices.service_line(s, ctx.lang) for s in services_for(ctx.deps.kb, ["boernetelefonen"], None))
    ctx.reply(Reply("\n".join(lines)))


def _age_from_text(text: str) -> str | None:
    match = re.search(r"\b(\d{1,2})\b", text)
    if not match:
        return None
    age = int(match.group(1))
    if age < 10:
        return None
    return "under_18" if age < 18 else "18_24" if age < 25 else "25_29" if age < 30 else "30_plus"


# ---- buttons -----------------------------------------------------------------------------------------------

def _owns(ctx: Context, case: Case) -> bool:
    return case.transport == ctx.incoming.transport and case.chat_id == ctx.incoming.chat_id


def _own_case(ctx: Context, raw_id: str, *, closed_ok: bool = False) -> Case | None:
    """The case named in a button, if it is this chat's and still open; else None (forged or stale)."""
    if not raw_id.isdigit() or not ctx.incoming.private:
        return None
    case = ctx.session.get(Case, int(raw_id))
    if case is None or not _owns(ctx, case):
        if case is not None:
            log.warning("case button for case %s pressed in another chat %s", case.id, ctx.incoming.chat_id)
        return None
    if case.status == "closed" and not closed_ok:
        return None
    return case


def button(ctx: Context) -> None:
    """Handle the young person's case buttons (connect, answers, skip, stop, follow-up)."""
    parts = (ctx.incoming.callback_data or "").split(":")
    action, args = (parts[1] if len(parts) > 1 else ""), parts[2:]
    if action == "go" and ctx.incoming.private:
        _accept(ctx, (ctx.profile.state or {}).get("case_offer"), "")
        return
    if action == "no" and ctx.incoming.private:
        ctx.clear_state()
        ctx.reply(Reply(esc(_("Okay. If you change your mind, tap Urgent help. If you are in danger, call 112.")),
                        buttons=texts.menu_buttons()))
        return
    handler = {"mun": _on_municipality, "age": _on_age, "tn": _on_tonight, "anon": _on_anonymous,
               "skip": _on_skip, "stop": _on_stop, "fu": _on_followup}.get(action)
    case = _own_case(ctx, args[0], closed_ok=action == "fu") if handler and args else None
    if handler is None or case is None or not handler(ctx, case, args[1:]):
        ctx.answer_callback(texts.stale_button())


def _on_municipality(ctx: Context, case: Case, args: list[str]) -> bool:
    if not args or args[0] not in MUNICIPALITIES:
        return False
    _set_municipality(ctx, case, args[0])
    _advance(ctx, case, "municipality")
    return True


def _on_age(ctx: Context, case: Case, args: list[str]) -> bool:
    if not args or args[0] not in AGE_BANDS:
        return False
    _record_age(ctx, case, args[0])
    _advance(ctx, case, "age")
    return True


def _record_age(ctx: Context, case: Case, band: str) -> None:
    service.set_age(case, band)
    ctx.session.add(case)
    service.log_event(ctx.session, case, "answered", ctx.now, actor="youth", detail=f"age={band}")
    cards.refresh(ctx.session, case, ctx.now)
    if band == "under_18":
        _minor_help(ctx)


def _on_tonight(ctx: Context, case: Case, args: list[str]) -> bool:
    if not args or args[0] not in TONIGHT:
        return False
    service.set_tonight(case, args[0])
    ctx.session.add(case)
    service.log_event(ctx.session, case, "answered", ctx.now, actor="youth", detail=f"tonight={args[0]}")
    cards.refresh(ctx.session, case, ctx.now)
    _advance(ctx, case, "tonight")
    return True


def _on_anonymous(ctx: Context, case: Case, args: list[str]) -> bool:
    service.log_event(ctx.session, case, "answered", ctx.now, actor="youth", detail="consent=no")
    _advance(ctx, case, "consent")
    return True


def _on_skip(ctx: Context, case: Case, args: list[str]) -> bool:
    if not args or args[0] not in STEPS:
        return False
    _advance(ctx, case, args[0])
    return True


def _on_stop(ctx: Context, case: Case, args: list[str]) -> bool:
    stop(ctx)
    return True


def _on_followup(ctx: Context, case: Case, args: list[str]) -> bool:
    """Store the answer to "did you find somewhere safe?" once; "no" reopens the case."""
    if (not args or args[0] not in ("yes", "no") or case.status != "closed" or case.followup_sent_at is None
            or case.followup_answer is not None):
        return False
    safe = args[0] == "yes"
    case.followup_answer = "safe" if safe else "not_safe"
    ctx.session.add(case)
    service.log_event(ctx.session, case, "followup_answered", ctx.now, actor="youth", detail=case.followup_answer)
    if safe:
        ctx.reply(Reply(esc(_("I'm glad to hear that. If you need help again, I'm here.")),
                        buttons=texts.menu_buttons()))
        cards.refresh(ctx.session, case, ctx.now)
        return True
    ctx.reply(texts.safety_first(ctx, Urgency.URGENT))
    service.reopen(ctx.session, case, ctx.now, "followup_not_safe")
    cards.announce(ctx.session, case, ctx.now)
    cards.ping(ctx.session, case, lambda: _("Case #{number} is open again: the young person is not safe yet.")
               .format(number=case.id), ctx.now)
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now))
    return True


# ---- typed answers -----------------------------------------------------------------------------------------

def flow_text(ctx: Context) -> None:
    """Take a typed message during the questions: read an answer from it, or add it to the case."""
    text = ctx.incoming.text
    state = ctx.state
    case = ctx.session.get(Case, state.get("case")) if isinstance(state.get("case"), int) else None
    result = ctx.triage(text)
    if case is None or case.status == "closed" or not _owns(ctx, case):
        ctx.clear_state()
        if result.urgency is not Urgency.NONE:
            urgent(ctx, result)
        else:
            answer_question(ctx, text, result)
        return
    if result.urgency is Urgency.EMERGENCY:
        # Crisis words in the middle of the questions: the numbers first, always.
        ctx.reply(texts.safety_first(ctx, Urgency.EMERGENCY, result.reasons))
    if result.urgency is not Urgency.NONE:
        if service.enrich(ctx.session, case, urgency=result.urgency.value, reasons=result.reasons, now=ctx.now):
            _emergency_ping(ctx, case)
        cards.refresh(ctx.session, case, ctx.now)
    step = state.get("step")
    if step == "municipality" and (slug := detect_municipality(fold(text).split())):
        _set_municipality(ctx, case, slug)
        _advance(ctx, case, step)
        return
    if step == "age" and (band := _age_from_text(text)):
        _record_age(ctx, case, band)
        _advance(ctx, case, step)
        return
    if step == "consent" and fold(text).strip(" .!") in NO_WORDS:
        _on_anonymous(ctx, case, [])
        return
    service.add_message(ctx.session, case, "in", text, ctx.now)
    ctx.reply(Reply(esc(_("Thanks. I have added that to your case, so the caseworker can read it."))))
    _ask(ctx, case, step if step in STEPS else None)


def contact(ctx: Context) -> bool:
    """Store the name and number the person shared with the contact button, as consent to share them."""
    state = ctx.state
    if state.get("flow") != FLOW or not ctx.incoming.private:
        return False
    case = ctx.session.get(Case, state.get("case")) if isinstance(state.get("case"), int) else None
    if case is None or case.status == "closed" or not _owns(ctx, case):
        return False
    if not ctx.incoming.contact_phone:
        # Someone else's contact card (the front end passes a number only for the person's own).
        ctx.reply(Reply(esc(_("That is not your own number. Tap the button to share yours, or stay anonymous."))))
        return True
    service.set_contact(case, ctx.incoming.first_name, ctx.incoming.contact_phone)
    ctx.session.add(case)
    service.log_event(ctx.session, case, "answered", ctx.now, actor="youth", detail="consent=yes")
    cards.refresh(ctx.session, case, ctx.now)
    ctx.reply(Reply(esc(_("Thanks. The caseworker can see your first name and number.")), remove_keyboard=True))
    _advance(ctx, case, "consent")
    return True


def stop(ctx: Context) -> None:
    """End the chat with the caseworker (the case stays open for the caseworker to finish)."""
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    state = ctx.state
    # The contact button is a reply keyboard: it stays on screen until a message removes it.
    keyboard_shown = state.get("flow") == FLOW and state.get("step") == "consent"
    if state.get("flow") == FLOW:
        ctx.clear_state()
    if case is None or not case.relay:
        text = _("You have no open chat with a caseworker.")
    else:
        case.relay = False
        ctx.session.add(case)
        service.log_event(ctx.session, case, "relay_stopped", ctx.now, actor="youth")
        cards.refresh(ctx.session, case, ctx.now)
        _tell_claimer(ctx, case, lambda: _("The young person ended the chat in case #{number}.").format(
            number=case.id))
        text = _("The chat has ended. Your case is still open. To write to the caseworker again, tap Talk to a "
                 "caseworker.")
    if keyboard_shown:
        ctx.reply(Reply(esc(text), remove_keyboard=True))
    else:
        ctx.reply(Reply(esc(text), buttons=texts.menu_buttons()))
