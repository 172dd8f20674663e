"""The cases' part of a person's rights: export, erasure, and anonymising old closed cases.

``STORE`` is registered by the feature (bot.cases.register). Erasing closes an open case, tells the caseworker,
and keeps only codes (municipality, urgency, reasons, age band, outcome) for statistics: the messages, the
name and the phone number are deleted and the case is no longer linked to the chat.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from bot.cases import cards, notices, referrals, sending, service
from bot.cases.models import ERASED_CHAT, Case, CaseCard, CaseMessage, CaseStatus, Outcome
from bot.i18n import _, use_lang
from bot.models import Outbox
from bot.outbox import enqueue
from bot.privacy.registry import Store
from bot.profiles import chat_lang
from bot.replies import Reply, esc


def export(session: Session, transport: str, chat_id: int) -> dict[str, Any]:
    """Every case of this chat with its messages (notes included: they are about the person)."""
    found = session.exec(select(Case).where(Case.transport == transport, Case.chat_id == chat_id)
                         .order_by(col(Case.id))).all()
    result = []
    for case in found:
        data = {key: value.isoformat() if isinstance(value, dt.datetime) else value
                for key, value in case.model_dump().items() if key not in ("transport", "chat_id")}
        data["messages"] = [{"at": m.created_at.isoformat(), "from": m.direction, "text": m.text}
                            for m in service.transcript(session, case.id or 0)]
        result.append(data)
    return {"cases": result}


def _scrub_messages_about(session: Session, case: Case) -> None:
    """Every message about this case to someone else (cards, briefings, relayed words, pings, notes): one
    still waiting is cancelled (a relay must not reach the caseworker after the erasure); one already sent is
    blanked (it may hold the person's name, phone or words), keeping only its ref and message id so the card
    can still be edited in place."""
    prefix = sending.about(case.id, "")
    for row in session.exec(select(Outbox).where(col(Outbox.ref).like(prefix + "%"))).all():
        edit_ref = str(row.payload.get("edit_ref", ""))
        if row.status == "pending":
            session.delete(row)
        else:
            row.payload = {"html": "", **({"edit_ref": edit_ref} if edit_ref else {})}
            session.add(row)
    session.flush()


def _blank_delivered_copies(session: Session, case: Case, now: dt.datetime) -> None:
    """Edit the messages about the case already in someone's Telegram chat (the caseworker's briefing with the
    name and phone, relayed words, pings) to one neutral line. Blanking their outbox rows left them readable in
    the caseworker's chat after the young person had pressed /slet. Cards are edited by ``cards.refresh``."""
    prefix = sending.about(case.id, "")
    sent = session.exec(select(Outbox).where(col(Outbox.ref).like(prefix + "%"), Outbox.kind == "send",
                                             col(Outbox.message_id).is_not(None))).all()
    for row in sent:
        if row.ref is None or row.ref.startswith(cards.card_ref(case.id or 0, row.chat_id)):
            continue
        with use_lang(chat_lang(session, row.transport, row.chat_id)):
            text = _("Removed: the young person in case #{number} deleted their data.").format(number=case.id)
        enqueue(session, transport=row.transport, chat_id=row.chat_id, reply=Reply(esc(text)), kind="edit",
                message_id=row.message_id, now=now)


def _forget_undelivered_cards(session: Session, case: Case) -> None:
    """A card whose first message was never delivered (its row was just cancelled) is not sent at all now."""
    for card in session.exec(select(CaseCard).where(CaseCard.case_id == case.id)).all():
        ref = cards.card_ref(case.id or 0, card.chat_id)
        if session.exec(select(Outbox.id).where(Outbox.ref == ref)).first() is None:
            session.delete(card)
    session.flush()


def _anonymise(session: Session, case: Case) -> None:
    _scrub_messages_about(session, case)
    session.execute(delete(CaseMessage).where(col(CaseMessage.case_id) == case.id))
    case.first_name, case.phone, case.consent, case.chat_id = None, None, False, ERASED_CHAT
    case.followup_due_at, case.last_youth_at = None, None
    # The organisation whose link the person came through says who referred them: it goes too (the reason code
    # "referred" stays, as the other codes do, for the report).
    case.referred_by = None
    session.add(case)


def erase(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    """Close this chat's open cases (the caseworker is told; the card says so) and anonymise all of them."""
    found = list(session.exec(select(Case).where(Case.transport == transport, Case.chat_id == chat_id)).all())
    for case in found:
        was_open = case.status != CaseStatus.CLOSED
        _blank_delivered_copies(session, case, now)
        _anonymise(session, case)
        if was_open:
            case.status, case.outcome, case.closed_at, case.relay = CaseStatus.CLOSED, Outcome.OTHER, now, False
            case.owed_since = None
            service.log_event(session, case, "erased", now, actor="youth")
            notices.tell_claimer(session, case, partial(_erased_message, case.id), now)
        _forget_undelivered_cards(session, case)
        cards.refresh(session, case, now, note=_erased_note if was_open else None)
    return len(found)


def _erased_message(number: int | None) -> str:
    return _("The young person in case #{number} deleted their data. The case is closed.").format(number=number)


def _erased_note() -> str:
    return _("Closed: the young person deleted their data.")


def recent_case_times(session: Session, transport: str, chat_id: int, now: dt.datetime) -> list[dt.datetime]:
    """When this chat opened cases in the last hour (kept under a pseudonym after /slet: no flooding)."""
    since = now - dt.timedelta(hours=1)
    return list(session.exec(select(Case.created_at).where(Case.transport == transport, Case.chat_id == chat_id,
                                                           col(Case.created_at) >= since)).all())


def expire(session: Session, now: dt.datetime, limit: dt.datetime) -> int:
    """Anonymise cases closed before ``limit`` (messages, name, phone and the referring organisation go; the codes
    stay), and delete partners' referral links used up or expired a while ago (``referrals.KEPT_AFTER``)."""
    old = list(session.exec(select(Case).where(Case.status == CaseStatus.CLOSED.value, col(Case.closed_at) < limit,
                                               Case.chat_id != ERASED_CHAT)).all())
    for case in old:
        _anonymise(session, case)
    return len(old) + referrals.remove_old(session, now)


STORE = Store("cases", export, erase, expire, cases_opened=recent_case_times)
