"""The case card staff see: what the triage found, how long the person has waited, and Overtag/Svar/Luk.

A card is posted once per chat (outbox ref ``case:N:card:<chat>``) and edited in place on every change,
so a team chat shows one up-to-date card per case. It carries codes and consented details only, never the
young person's messages: a team chat may have more members than the case needs.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import delete
from sqlmodel import Session, col, select

from bot.cases import routing, sending, service
from bot.cases.hours import TZ
from bot.cases.models import Case, CaseCard
from bot.cases.routing import Target
from bot.conversation.cards import municipality_name
from bot.i18n import _, use_lang
from bot.replies import Button, Reply, esc
from bot.staff.models import Staff

log = logging.getLogger(__name__)
RANK_ICON = {1: "🔴", 2: "🟠", 3: "🟡"}


def card_ref(case_id: int, chat_id: int) -> str:
    return f"case:{case_id}:card:{chat_id}"


def reason_label(code: str) -> str:
    labels = {
        "suicide_or_self_harm": _("thoughts of suicide or self-harm"),
        "violence_or_threats": _("violence or threats"),
        "in_danger": _("feels in danger"),
        "nowhere_to_sleep": _("nowhere to sleep"),
        "nowhere_to_stay": _("nowhere to stay"),
        "sleeps_outside": _("sleeps outside"),
        "thrown_out": _("thrown out"),
        "homeless_now": _("homeless now"),
        "eviction_soon": _("eviction soon"),
        "couch_surfing_ending": _("staying with friends, ending"),
        "under_18_unsafe_home": _("under 18, unsafe at home"),
        "unsafe_home": _("unsafe at home"),
        "under_18": _("under 18"),
        "asked_for_help": _("pressed Urgent help"),
        "asked_for_caseworker": _("asked for a caseworker"),
        "in_shelter": _("at a shelter tonight"),
        "has_place_tonight": _("has a place tonight"),
        "followup_not_safe": _("not safe after the case was closed"),
        "medical_emergency": _("body in danger now (overdose, unconscious)"),
        "under_18_in_danger": _("under 18, violence"),
        "crisis_signs": _("wording that often means a crisis"),
        "for_someone_else": _("written by someone asking for a young person (a parent, a friend, a professional)"),
    }
    return labels.get(code, code)


def age_label(band: str | None) -> str:
    return {"under_18": _("under 18"), "18_24": "18-24", "25_29": "25-29", "30_plus": "30+"}.get(
        band or "", _("not told"))


def tonight_label(where: str | None) -> str:
    return {"outside": _("nowhere / outside"), "friends": _("with friends or family, for tonight"),
            "shelter": _("at a shelter"), "unsafe_home": _("at home, but it is not safe"),
            "has_place": _("has a place")}.get(where or "", _("not told"))


def outcome_label(outcome: str | None) -> str:
    return {"housed": _("housed"), "shelter": _("shelter"), "referred": _("referred"),
            "no-contact": _("no contact"), "other": _("other")}.get(outcome or "", outcome or "")


def urgency_label(case: Case) -> str:
    rank = service.priority_rank(case)
    if rank == 1:
        return _("EMERGENCY")
    return _("URGENT, raised") if rank == 2 else _("URGENT")


def local_time(moment: dt.datetime) -> str:
    return moment.astimezone(TZ).strftime("%H:%M")


def minutes(delta: dt.timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


def staff_name(session: Session, staff_id: int | None) -> str:
    staff = session.get(Staff, staff_id) if staff_id else None
    if staff is None:
        return "?"
    return staff.display_name or f"#{staff.id}"


def _status(session: Session, case: Case, now: dt.datetime) -> str:
    if case.status == "closed" and case.closed_by is None:
        return _("Closed ({outcome}) at {time}").format(outcome=outcome_label(case.outcome),
                                                      time=local_time(case.closed_at or now))
    if case.status == "closed":
        return _("Closed ({outcome}) by {name} at {time}").format(
            outcome=outcome_label(case.outcome), name=staff_name(session, case.closed_by),
            time=local_time(case.closed_at or now))
    if case.status == "claimed":
        line = _("Taken by {name} at {time}").format(name=staff_name(session, case.claimed_by),
                                                     time=local_time(case.claimed_at or now))
        return line if case.relay else line + " · " + _("the young person ended the chat")
    return _("Not taken · waiting {minutes} min").format(minutes=minutes(now - case.waiting_since))


def card_text(session: Session, case: Case, now: dt.datetime) -> str:
    """The card's HTML in the current language."""
    rank = service.priority_rank(case)
    mun = municipality_name(case.municipality) if case.municipality else _("not told yet")
    reasons = case.all_reasons()
    found = "; ".join(reason_label(r) for r in reasons) or "–"
    if case.consent:
        contact = ", ".join(x for x in (case.first_name, case.phone) if x) or _("consented, nothing shared")
    else:
        contact = _("anonymous (no consent to share name or phone)")
    lines = [
        f"{RANK_ICON[rank]} <b>{esc(_('Case #{number}').format(number=case.id))}</b> · {esc(urgency_label(case))}",
        esc(_("Municipality: {name}").format(name=mun)),
        esc(_("Age: {band}").format(band=age_label(case.age_band))),
        esc(_("Tonight: {where}").format(where=tonight_label(case.tonight))),
        esc(_("Found: {reasons}").format(reasons=found)),
        "<code>" + esc(", ".join(reasons)) + "</code>",
        esc(_("Created {time}").format(time=local_time(case.created_at))),
        esc(_("Contact: {contact}").format(contact=contact)),
        "<b>" + esc(_status(session, case, now)) + "</b>",
    ]
    return "\n".join(lines)


def card_buttons(case: Case) -> tuple[tuple[Button, ...], ...]:
    if case.status == "closed":
        return ()
    row = [Button(_("Reply"), data=f"cs:reply:{case.id}"), Button(_("Close"), data=f"cs:close:{case.id}")]
    if case.status == "open":
        row.insert(0, Button(_("Claim"), data=f"cs:claim:{case.id}"))
    return (tuple(row),)


def render(session: Session, case: Case, lang: str, now: dt.datetime, *, header: str | None = None) -> Reply:
    with use_lang(lang):
        text = card_text(session, case, now)
        return Reply((esc(header) + "\n\n" if header else "") + text, buttons=card_buttons(case))


def post(session: Session, case: Case, targets: list[Target], now: dt.datetime) -> int:
    """Post the card to each target chat that does not have it yet (and update it where it does)."""
    assert case.id is not None
    posted = 0
    for target in targets:
        lang = sending.chat_lang(session, target.transport, target.chat_id)
        ref = card_ref(case.id, target.chat_id)
        exists = session.exec(select(CaseCard).where(
            CaseCard.case_id == case.id, CaseCard.transport == target.transport, CaseCard.chat_id == target.chat_id
        )).first()
        if exists:
            sending.edit(session, target.transport, target.chat_id, ref, render(session, case, lang, now), now=now)
            continue
        session.add(CaseCard(case_id=case.id, transport=target.transport, chat_id=target.chat_id, posted_at=now))
        sending.send(session, target.transport, target.chat_id, render(session, case, lang, now), ref=ref, now=now)
        posted += 1
    session.flush()
    return posted


def card_chats(session: Session, case: Case) -> list[Target]:
    cards = session.exec(select(CaseCard).where(CaseCard.case_id == case.id).order_by(CaseCard.id)).all()
    return [Target(c.transport, c.chat_id) for c in cards]


def refresh(session: Session, case: Case, now: dt.datetime) -> None:
    """Update every posted card in place."""
    assert case.id is not None
    for target in card_chats(session, case):
        lang = sending.chat_lang(session, target.transport, target.chat_id)
        sending.edit(session, target.transport, target.chat_id, card_ref(case.id, target.chat_id),
                     render(session, case, lang, now), now=now)


def retire(session: Session, case: Case, note: Callable[[], str], keep: list[Target], now: dt.datetime) -> None:
    """Replace the cards outside ``keep`` with a final note (fx after a transfer) and forget those chats.

    ``note`` makes the plain text; it is called once per chat, in that chat's language.
    """
    assert case.id is not None
    for target in card_chats(session, case):
        if target in keep:
            continue
        lang = sending.chat_lang(session, target.transport, target.chat_id)
        with use_lang(lang):
            text = esc(note())
        sending.edit(session, target.transport, target.chat_id, card_ref(case.id, target.chat_id), Reply(text),
                     now=now)
        session.execute(delete(CaseCard).where(col(CaseCard.case_id) == case.id,
                                               col(CaseCard.transport) == target.transport,
                                               col(CaseCard.chat_id) == target.chat_id))


def ping(session: Session, case: Case, note: Callable[[], str], now: dt.datetime) -> int:
    """A short new message in every card chat (an edit does not notify anyone), with an Overtag button.

    ``note`` makes the plain text; it is called once per chat, in that chat's language.
    """
    chats = card_chats(session, case)
    for target in chats:
        lang = sending.chat_lang(session, target.transport, target.chat_id)
        with use_lang(lang):
            text = note()
            buttons = ((Button(_("Claim"), data=f"cs:claim:{case.id}"),),) if case.status == "open" else ()
        sending.send(session, target.transport, target.chat_id, Reply("⏰ " + esc(text), buttons=buttons), now=now)
    return len(chats)


def announce(session: Session, case: Case, now: dt.datetime) -> int:
    """Post the card wherever a new (or newly routed) case must be seen; refresh it where it already is."""
    targets = routing.announce_targets(session, case, now)
    if not targets:
        # Nobody to tell: the case stays in the queue (`husly cases list`) and the young person is told so.
        log.error("case %s: no staff to notify", case.id)
    refresh(session, case, now)
    return post(session, case, [t for t in targets if t not in card_chats(session, case)], now)
