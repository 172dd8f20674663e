"""The cases' part of a person's rights: export, erasure, and anonymising old closed cases.

``STORE`` is ready for bot.privacy.stores.FEATURE_STORES. Erasing closes an open case, tells the caseworker,
and keeps only codes (municipality, urgency, reasons, age band, outcome) for statistics: the messages, the
name and the phone number are deleted and the case is no longer linked to the chat.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from bot.cases import cards, notices, service
from bot.cases.models import Case, CaseMessage
from bot.i18n import _
from bot.models import Outbox
from bot.privacy.registry import Store

ERASED_CHAT = 0  # an anonymised case belongs to no chat


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


def _scrub_sent_messages(session: Session, case: Case) -> None:
    """Blank the text of cards and relayed messages already sent about this case (they may hold the name,
    phone or words of the person); the rows stay so the card can still be edited in place."""
    prefix = f"case:{case.id}:"
    rows = session.exec(select(Outbox).where(Outbox.status != "pending", Outbox.kind.in_(("send", "edit")))  # type: ignore[attr-defined]
                        .where(or_(col(Outbox.ref).like(prefix + "%"), Outbox.kind == "edit"))).all()
    for row in rows:
        if (row.ref or "").startswith(prefix) or str(row.payload.get("edit_ref", "")).startswith(prefix):
            row.payload = {key: value for key, value in row.payload.items() if key in ("edit_ref",)} | {"html": ""}
            session.add(row)


def _anonymise(session: Session, case: Case) -> None:
    _scrub_sent_messages(session, case)
    session.execute(delete(CaseMessage).where(col(CaseMessage.case_id) == case.id))
    case.first_name, case.phone, case.consent, case.chat_id = None, None, False, ERASED_CHAT
    case.followup_due_at = None
    session.add(case)


def erase(session: Session, transport: str, chat_id: int, now: dt.datetime) -> int:
    """Close this chat's open cases (the caseworker is told) and anonymise all of them."""
    found = list(session.exec(select(Case).where(Case.transport == transport, Case.chat_id == chat_id)).all())
    for case in found:
        if case.status != "closed":
            notices.tell_claimer(session, case, lambda case=case: _(
                "The young person in case #{number} deleted their data. The case is closed.").format(number=case.id),
                now)
            case.status, case.outcome, case.closed_at, case.relay = "closed", "other", now, False
            service.log_event(session, case, "erased", now, actor="youth")
        _anonymise(session, case)
        cards.refresh(session, case, now)
    return len(found)


def expire(session: Session, now: dt.datetime, limit: dt.datetime) -> int:
    """Anonymise cases closed before ``limit`` (messages, name and phone go; the codes stay)."""
    old = list(session.exec(select(Case).where(Case.status == "closed", col(Case.closed_at) < limit,
                                               Case.chat_id != ERASED_CHAT)).all())
    for case in old:
        _anonymise(session, case)
    return len(old)


STORE = Store("cases", export, erase, expire)
