"""Staff leaving, as every front end does it: the console today, an admin command in the chat tomorrow.

Revoking touches the staff membership and the cases together, so no case is left held by someone gone.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from sqlmodel import Session

from bot.cases import cards, notices, service
from bot.cases.models import Case
from bot.config import Settings
from bot.staff.models import Staff
from bot.staff.service import deactivate


def revoke(session: Session, *, staff_id: int, now: dt.datetime, settings: Settings,
           actor: str = "cli") -> list[Case] | None:
    """Take away a staff member's access; None when there is no active member with this id.

    The cases they had go back to the queue and are announced again (returned, so the caller can say which), a
    young person they were talking to is told, and their private chat keeps no case card that later changes
    could still reach.
    """
    member = session.get(Staff, staff_id)
    if member is None or not deactivate(session, staff_id=staff_id, now=now, actor=actor):
        return None
    released = service.release_cases_of(session, member, now)
    cards.withdraw_from(session, member.transport, member.chat_id, now)
    for case in released:
        cards.announce(session, case, now, settings)
        if case.relay:
            opening = notices.closed_until(session, case, now)
            opens = partial(notices.when, opening, now) if opening else None
            notices.to_youth(session, case, partial(notices.released, case, opens=opens), now)
    return released
