"""The case card staff see: what the triage found, how long the person has waited, and Overtag/Svar/Luk.

A card is posted once per chat (outbox ref ``case:N:card:<chat>``) and edited in place on every change,
so a team chat shows one up-to-date card per case. It carries codes and consented details only: the young
person's own last words only when they agreed that the caseworkers may read them (and /slet removes them).
Every message about a case carries a ``case:N:`` ref, so erasure finds each one (bot.cases.privacy).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import delete
from sqlmodel import Session, col, select

from bot.cases import routing, sending, service
from bot.cases.buttons import Staff as StaffButton
from bot.cases.buttons import StaffAction
from bot.cases.hours import TZ
from bot.cases.models import (
    AGE_REASONS,
    ERASED_CHAT,
    OUTCOME_NAMES_DA,
    TONIGHT_REASONS,
    Case,
    CaseCard,
    CaseStatus,
    Outcome,
)
from bot.cases.routing import Target
from bot.config import Settings
from bot.conversation.callbacks import button
from bot.conversation.cards import municipality_name
from bot.i18n import _, current_lang, use_lang
from bot.outbox import queue_edit, queue_reply
from bot.profiles import chat_lang
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
        "couch_surfing": _("sofa surfing (staying with others, here and there)"),
        "couch_surfing_ending": _("staying with friends, ending"),
        "under_18_unsafe_home": _("under 18, unsafe at home"),
        "unsafe_home": _("unsafe at home"),
        "under_18": _("under 18"),
        "asked_for_help": _("pressed Urgent help"),
        "asked_for_caseworker": _("asked for a caseworker"),
        "in_shelter": _("at a shelter tonight"),
        "has_place_tonight": _("has a place tonight"),
        "followup_not_safe": _("not safe after the case was closed"),
        "came_back": _("asks for help again after an earlier case"),
        "medical_emergency": _("body in danger now (overdose, unconscious)"),
        "under_18_in_danger": _("under 18, violence"),
        "crisis_signs": _("wording that often means a crisis"),
        "maybe_in_danger": _("no danger named; the bot asked whether they are in danger now"),
        "said_in_danger": _("said yes: in danger right now"),
        "said_unsure": _("could not say whether they are safe"),
        "for_someone_else": _("written by someone asking for a young person (a parent, a friend, a professional)"),
        "referred": _("came through a partner's referral link and said yes to a caseworker"),
    }
    return labels.get(code, code)


# A reason that says two facts the card also names alone: shown as those facts, each once. "under 18, unsafe at
# home; unsafe at home" was on the card when triage found both in one message (and "under 18" stood on the line
# above already).
PARTS = {"under_18_unsafe_home": ("under_18", "unsafe_home"), "under_18_in_danger": ("under_18", "violence_or_threats")}


def found_labels(case: Case) -> list[str]:
    """The card's "Found:" labels: every distinct fact once. The age and tonight's answer have their own line (their
    reason codes would only say it twice)."""
    said = {AGE_REASONS.get(case.age_band or ""), TONIGHT_REASONS.get(case.tonight or "")}
    labels: list[str] = []
    for code in case.all_reasons():
        for part in PARTS.get(code, (code,)):
            label = reason_label(part)
            if part not in said and label not in labels:
                labels.append(label)
    return labels


def age_label(band: str | None, *, short: bool = False) -> str:
    return {"under_18": _("under 18"), "18_24": "18-24", "25_29": "25-29", "30_plus": "30+"}.get(
        band or "", _("age not told") if short else _("not told"))


def tonight_label(where: str | None) -> str:
    return {"outside": _("nowhere / outside"), "friends": _("with friends or family, for tonight"),
            "shelter": _("at a shelter"), "unsafe_home": _("at home, but it is not safe"),
            "has_place": _("has a place")}.get(where or "", _("not told"))


def outcome_label(outcome: str | None) -> str:
    return {"housed": _("housed"), "shelter": _("shelter"), "referred": _("referred"),
            "no-contact": _("no contact"), "other": _("other")}.get(outcome or "", outcome or "")


def outcome_word(outcome: Outcome) -> str:
    """What to type for the outcome: the Danish name in Danish, the English one otherwise."""
    return OUTCOME_NAMES_DA[outcome] if current_lang.get() == "da" else outcome.value


def urgency_label(case: Case) -> str:
    rank = service.priority_rank(case)
    if rank == 1:
        return _("EMERGENCY")
    return _("URGENT, raised") if rank == 2 else _("URGENT")


def local_time(moment: dt.datetime) -> str:
    return moment.astimezone(TZ).strftime("%H:%M")


def minutes(delta: dt.timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


def waited(delta: dt.timedelta) -> str:
    """How long someone waited, for a card or a note: "12 min", and in hours from an hour on ("2 h 10 min")."""
    total = minutes(delta)
    if total < 60:
        return _("{minutes} min").format(minutes=total)
    hours, rest = divmod(total, 60)
    if rest == 0:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def staff_name(session: Session, staff_id: int | None) -> str:
    staff = session.get(Staff, staff_id) if staff_id else None
    if staff is None:
        return "?"
    return staff.display_name or f"#{staff.id}"


def _status(session: Session, case: Case, now: dt.datetime) -> str:
    if case.status == CaseStatus.CLOSED and case.closed_by is None:
        return _("Closed ({outcome}) at {time}").format(outcome=outcome_label(case.outcome),
                                                      time=local_time(case.closed_at or now))
    if case.status == CaseStatus.CLOSED:
        return _("Closed ({outcome}) by {name} at {time}").format(
            outcome=outcome_label(case.outcome), name=staff_name(session, case.closed_by),
            time=local_time(case.closed_at or now))
    if case.status == CaseStatus.CLAIMED:
        line = _("Taken by {name} at {time}").format(name=staff_name(session, case.claimed_by),
                                                     time=local_time(case.claimed_at or now))
        if not case.relay:
            return line + " · " + _("the young person ended the chat")
        if case.owed_since is not None:
            line += " · " + _("the young person has waited {waited} for an answer").format(
                waited=waited(now - case.owed_since))
        return line
    return _("Not taken · waiting {waited}").format(waited=waited(now - service.waiting_for(case)))


# The young person's last words on a card: enough to see what is going on, short enough for a phone.
WORDS_ON_CARD = 300


def words_line(session: Session, case: Case) -> str:
    """The young person's own last words (with their consent), or why the card does not show them."""
    kept = service.kept_words(session, case)
    if kept:
        last = kept[-1]
        words = last.text if len(last.text) <= WORDS_ON_CARD else last.text[:WORDS_ON_CARD - 1] + "…"
        head = _("The young person wrote ({time}):").format(time=local_time(last.created_at))
        return f"💬 {esc(head)} <i>{esc(words)}</i>"
    if case.words_consent is False:
        text = _("The young person did not agree to keep their own words on the case.")
    elif case.words_consent is None and case.status != CaseStatus.CLOSED:
        # The words question is the first one asked when a case opens (bot.cases.flow ``_connect``), so by the time
        # anyone reads the card it was asked: "not asked yet" stood on cards whose person had passed over it.
        text = _("Their own words: not shared (asked, no answer yet).")
    else:
        return ""
    if case.last_youth_at is not None:
        text += " " + _("Last wrote at {time}.").format(time=local_time(case.last_youth_at))
    return esc(text)


def card_text(session: Session, case: Case, now: dt.datetime) -> str:
    """The card's HTML in the current language: one look on a phone."""
    rank = service.priority_rank(case)
    mun = municipality_name(case.municipality) if case.municipality else _("municipality not told yet")
    # The age and tonight's answer have their own line: their reason codes would only say it twice.
    found = "; ".join(found_labels(case)) or "–"
    if case.consent:
        contact = ", ".join(x for x in (case.first_name, case.phone) if x) or _("consented, nothing shared")
    else:
        contact = _("anonymous")
    title = _("Case #{number}").format(number=case.id)
    lines = [
        f"{RANK_ICON[rank]} <b>{esc(title)} · {esc(urgency_label(case))}</b>",
        esc(" · ".join([mun, age_label(case.age_band, short=True),
                        _("tonight: {where}").format(where=tonight_label(case.tonight))])),
        esc(_("Found: {reasons}").format(reasons=found)),
    ]
    if words := words_line(session, case):
        lines.append(words)
    lines.append(esc(_("Contact: {contact}").format(contact=contact)))
    if case.referred_by:
        lines.append(esc(_("Referred by: {organisation}").format(organisation=case.referred_by)))
    if case.previous_case_id is not None:
        lines.append(esc(previous_line(session, case.previous_case_id)))
    lines.append("<b>" + esc(_status(session, case, now)) + "</b> " + esc(
        _("(created {created}, updated {time})").format(created=local_time(case.created_at), time=local_time(now))))
    return "\n".join(lines)


def previous_line(session: Session, previous_id: int) -> str:
    earlier = session.get(Case, previous_id)
    if earlier is None:
        return _("Earlier case #{number}").format(number=previous_id)
    when = earlier.closed_at.astimezone(TZ).strftime("%d/%m") if earlier.closed_at else "?"
    return _("Earlier case #{number} (closed {date}: {outcome})").format(
        number=previous_id, date=when, outcome=outcome_label(earlier.outcome))


def card_buttons(case: Case) -> tuple[tuple[Button, ...], ...]:
    assert case.id is not None
    if case.status == CaseStatus.CLOSED:
        if case.chat_id == ERASED_CHAT:  # nobody to reopen it for: a Reopen button would only be refused
            return ()
        return ((button(_("Reopen"), StaffButton(StaffAction.REOPEN, case.id)),),)
    row = [button(_("Reply"), StaffButton(StaffAction.REPLY, case.id)),
           button(_("Close"), StaffButton(StaffAction.CLOSE, case.id))]
    if case.status == CaseStatus.OPEN:
        row.insert(0, button(_("Claim"), StaffButton(StaffAction.CLAIM, case.id)))
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
        lang = chat_lang(session, target.transport, target.chat_id)
        ref = card_ref(case.id, target.chat_id)
        exists = session.exec(select(CaseCard).where(
            CaseCard.case_id == case.id, CaseCard.transport == target.transport, CaseCard.chat_id == target.chat_id
        )).first()
        if exists:
            queue_edit(session, target.transport, target.chat_id, ref, render(session, case, lang, now), now=now)
            continue
        session.add(CaseCard(case_id=case.id, transport=target.transport, chat_id=target.chat_id, posted_at=now))
        queue_reply(session, target.transport, target.chat_id, render(session, case, lang, now), ref=ref, now=now)
        posted += 1
    session.flush()
    return posted


def card_chats(session: Session, case: Case) -> list[Target]:
    cards = session.exec(select(CaseCard).where(CaseCard.case_id == case.id).order_by(col(CaseCard.id))).all()
    return [Target(c.transport, c.chat_id) for c in cards]


def refresh(session: Session, case: Case, now: dt.datetime, *, note: Callable[[], str] | None = None) -> None:
    """Update every posted card in place (``note``: a line on top, fx why the case was closed)."""
    assert case.id is not None
    for target in card_chats(session, case):
        lang = chat_lang(session, target.transport, target.chat_id)
        with use_lang(lang):
            header = note() if note else None
        queue_edit(session, target.transport, target.chat_id, card_ref(case.id, target.chat_id),
                     render(session, case, lang, now, header=header), now=now)


def retire(session: Session, case: Case, note: Callable[[], str], keep: list[Target], now: dt.datetime) -> None:
    """Replace the cards outside ``keep`` with a final note (fx after a transfer) and forget those chats.

    ``note`` makes the plain text; it is called once per chat, in that chat's language.
    """
    assert case.id is not None
    for target in card_chats(session, case):
        if target in keep:
            continue
        lang = chat_lang(session, target.transport, target.chat_id)
        with use_lang(lang):
            text = esc(note())
        queue_edit(session, target.transport, target.chat_id, card_ref(case.id, target.chat_id), Reply(text),
                     now=now)
        session.execute(delete(CaseCard).where(col(CaseCard.case_id) == case.id,
                                               col(CaseCard.transport) == target.transport,
                                               col(CaseCard.chat_id) == target.chat_id))


def withdraw_from(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    """Take every case card out of one chat (fx a revoked caseworker's): each says so, and is never edited again."""
    found = session.exec(select(CaseCard).where(CaseCard.transport == transport, CaseCard.chat_id == chat_id)).all()
    for card in found:
        lang = chat_lang(session, transport, chat_id)
        with use_lang(lang):
            text = esc(_("Case #{number} is no longer shown here.").format(number=card.case_id))
        queue_edit(session, transport, chat_id, card_ref(card.case_id, chat_id), Reply(text), now=now)
        session.delete(card)
    session.flush()
    return len(found)


def ping(session: Session, case: Case, note: Callable[[], str], now: dt.datetime, *, words: bool = False) -> int:
    """A short new message in every card chat (an edit does not notify anyone), with an Overtag button.

    ``note`` makes the plain text; it is called once per chat, in that chat's language. ``words`` adds the
    young person's last words (shown only with their consent).
    """
    assert case.id is not None
    chats = card_chats(session, case)
    for target in chats:
        lang = chat_lang(session, target.transport, target.chat_id)
        with use_lang(lang):
            text = "⏰ " + esc(note())
            if words and (line := words_line(session, case)):
                text += "\n" + line
            buttons = ((button(_("Claim"), StaffButton(StaffAction.CLAIM, case.id)),),) \
                if case.status == CaseStatus.OPEN else ()
        queue_reply(session, target.transport, target.chat_id, Reply(text, buttons=buttons), now=now,
                     ref=sending.about(case.id, "ping"))
    return len(chats)


def announce(session: Session, case: Case, now: dt.datetime, settings: Settings | None = None) -> int:
    """Post the card wherever a new (or newly routed) case must be seen; refresh it where it already is."""
    targets = routing.announce_targets(session, case, now, settings)
    if not targets and case.municipality is None:
        # Seen once the person names their municipality (asked next); HUSLY_UNROUTED_* sends it somewhere now.
        log.warning("case %s: no municipality yet and no route for such cases", case.id)
    elif not targets:
        # Nobody to tell: the case stays in the queue (`husly cases list`) and the young person is told so.
        log.error("case %s: no staff to notify", case.id)
    refresh(session, case, now)
    return post(session, case, [t for t in targets if t not in card_chats(session, case)], now)
