"""What staff can do with a case, with every check on the server side: the same for Telegram and the console.

Each action takes the acting staff member (None for someone who is not staff), checks role, municipality
and the case's state, makes the change with its notifications in the caller's session, writes the audit
log, and returns what to tell the staff member (in the current language).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from bot.cases import cards, notices, routing, sending, service
from bot.cases.models import OUTCOMES, Case
from bot.conversation.cards import municipality_name
from bot.conversation.context import Deps
from bot.i18n import _, use_lang
from bot.models import Profile
from bot.replies import Button, Reply, esc, to_plain
from bot.staff.models import Staff
from knowledge.schema import MUNICIPALITIES

MAX_REPLY = 3500
REPLY_FLOW = "case_reply"


@dataclass(frozen=True)
class Result:
    ok: bool
    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    # Names the message so a Telegram reply to it finds the case (see relay.case_of_message).
    ref: str | None = None

    @property
    def short(self) -> str:
        """The first line as plain text, for a button's pop-up answer (Telegram shows up to 200 characters)."""
        return to_plain(self.html).split("\n", 1)[0][:200]

    def reply(self) -> Reply:
        return Reply(self.html, buttons=self.buttons)


def _fail(text: str) -> Result:
    return Result(False, esc(text))


def not_staff() -> Result:
    return _fail(_("Sorry, only caseworkers can do that. If you need help yourself, write your question or tap "
                   "Urgent help."))


def _load(session: Session, staff: Staff | None, case_id: int) -> Case | Result:
    """The case if this staff member may act on it; otherwise the reason why not."""
    if staff is None or not staff.active or staff.role not in ("caseworker", "admin"):
        return not_staff()
    case = session.get(Case, case_id)
    if case is None:
        return _fail(_("There is no case #{number}. Write /queue to see the open cases.").format(number=case_id))
    if not service.can_act(staff, case):
        return _fail(_("Case #{number} belongs to another municipality, so you can't see or change it.").format(
            number=case_id))
    return case


def _held_by_other(session: Session, staff: Staff, case: Case) -> Result | None:
    if case.claimed_by is not None and case.claimed_by != staff.id and staff.role != "admin":
        return _fail(_("Case #{number} is handled by {name}.").format(
            number=case.id, name=cards.staff_name(session, case.claimed_by)))
    return None


def briefing(session: Session, case: Case, now: dt.datetime) -> str:
    """The card and the transcript (for the staff member who has the case; never for a team chat)."""
    lines = [cards.card_text(session, case, now)]
    messages = service.transcript(session, case.id or 0)
    if messages:
        lines.append("")
    for message in messages:
        time = cards.local_time(message.created_at)
        if message.direction == "in":
            who = _("Young person")
        elif message.direction == "note":
            who = _("Note by {name}").format(name=cards.staff_name(session, message.staff_id))
        else:
            who = cards.staff_name(session, message.staff_id)
        lines.append(f"[{time}] <b>{esc(who)}:</b> {esc(message.text)}")
    return "\n".join(lines)


def queue(session: Session, staff: Staff | None, now: dt.datetime) -> Result:
    """The open cases this staff member may act on, most urgent and longest waiting first."""
    if staff is None or not staff.active or staff.role not in ("caseworker", "admin"):
        return not_staff()
    cases = service.visible_queue(session, staff)
    if not cases:
        return Result(True, esc(_("No open cases.")))
    lines = [esc(_("Open cases:"))]
    for case in cases:
        where = municipality_name(case.municipality) if case.municipality else "?"
        if case.status == "claimed":
            state = _("taken by {name}").format(name=cards.staff_name(session, case.claimed_by))
        else:
            state = _("not taken, waiting {minutes} min").format(minutes=cards.minutes(now - case.waiting_since))
        lines.append(f"{cards.RANK_ICON[service.priority_rank(case)]} #{case.id} · {esc(cards.urgency_label(case))}"
                     f" · {esc(where)} · {esc(cards.age_label(case.age_band))} · {esc(state)}")
    return Result(True, "\n".join(lines))


def show(session: Session, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """The case and its transcript; the view is logged."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    service.log_event(session, case, "viewed", now, staff=staff)
    return Result(True, briefing(session, case, now))


def claim(session: Session, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """Take the case; of two caseworkers claiming at once exactly one gets it and the other is told who."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    assert staff is not None and staff.id is not None
    if case.status == "closed":
        return _fail(_("Case #{number} is closed.").format(number=case.id))
    if not service.claim(session, case.id or 0, staff.id, now):
        session.refresh(case)
        if case.claimed_by == staff.id:
            return Result(True, esc(_("You already have case #{number}.").format(number=case.id)))
        if case.status == "closed":
            return _fail(_("Case #{number} is closed.").format(number=case.id))
        return _fail(_("Case #{number} is already taken by {name}.").format(
            number=case.id, name=cards.staff_name(session, case.claimed_by)))
    session.refresh(case)
    service.log_event(session, case, "claimed", now, staff=staff)
    cards.refresh(session, case, now)
    if case.relay:
        notices.to_youth(session, case, lambda lang: notices.claimed(case, lang), now)
    head = esc(_("You have case #{number}. Answer with /reply {number} and your text, or reply to this message.")
               .format(number=case.id))
    return Result(True, head + "\n\n" + briefing(session, case, now), _reply_buttons(case), ref=f"case:{case.id}:brief")


def _reply_buttons(case: Case) -> tuple[tuple[Button, ...], ...]:
    return ((Button(_("Reply"), data=f"cs:reply:{case.id}"), Button(_("Close"), data=f"cs:close:{case.id}")),)


def reply(session: Session, staff: Staff | None, case_id: int, text: str, now: dt.datetime) -> Result:
    """Send a message to the young person, labelled as from the municipality's caseworker (text escaped)."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    assert staff is not None and staff.id is not None
    text = text.strip()
    if not text:
        return _fail(_("Write the answer after the case number, fx /reply {number} Hi, I can help you.").format(
            number=case.id))
    if len(text) > MAX_REPLY:
        return _fail(_("That is too long ({n} characters). Send at most {max} at a time.").format(
            n=len(text), max=MAX_REPLY))
    if case.status == "closed":
        return _fail(_("Case #{number} is closed, so your message was not sent.").format(number=case.id))
    if not case.relay:
        return _fail(_("The young person ended the chat in case #{number}, so your message was not sent. They can "
                       "start it again from the menu.").format(number=case.id))
    if (held := _held_by_other(session, staff, case)) is not None:
        return held
    if case.claimed_by is None:
        taken = claim(session, staff, case.id or 0, now)
        if not taken.ok:
            return taken
    profile = sending.profile_of(session, case.transport, case.chat_id)
    service.add_message(session, case, "out", text, now, staff)
    service.log_event(session, case, "replied", now, staff=staff)
    notices.to_youth(session, case, lambda lang: notices.from_caseworker(case, lang, text), now)
    if profile is not None and profile.blocked:
        return _fail(_("The young person has blocked Husly, so the message cannot reach them."))
    return Result(True, esc(_("Sent to case #{number}.").format(number=case.id)))


def note(session: Session, staff: Staff | None, case_id: int, text: str, now: dt.datetime) -> Result:
    """Add an internal note (never shown to the young person)."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    if not text.strip():
        return _fail(_("Write the note after the case number, fx /note {number} Called the shelter.").format(
            number=case.id))
    service.add_message(session, case, "note", text.strip()[:MAX_REPLY], now, staff)
    service.log_event(session, case, "noted", now, staff=staff)
    return Result(True, esc(_("Note saved on case #{number}.").format(number=case.id)))


def outcome_buttons(case: Case) -> tuple[tuple[Button, ...], ...]:
    return tuple((Button(cards.outcome_label(o), data=f"cs:out:{case.id}:{o}"),) for o in OUTCOMES)


def close(session: Session, deps: Deps, staff: Staff | None, case_id: int, outcome: str, now: dt.datetime) -> Result:
    """Close the case with an outcome; the young person is told, and asked once later if they are safe."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    assert staff is not None
    if case.status == "closed":
        return _fail(_("Case #{number} is already closed.").format(number=case.id))
    if (held := _held_by_other(session, staff, case)) is not None:
        return held
    if outcome not in OUTCOMES:
        return Result(False, esc(_("How did case #{number} end? Write /close {number} and one of: {outcomes}.").format(
            number=case.id, outcomes=", ".join(OUTCOMES))), outcome_buttons(case))
    notify = case.relay
    service.close(session, case, staff, outcome, now, dt.timedelta(hours=deps.settings.followup_hours))
    profile = sending.profile_of(session, case.transport, case.chat_id)
    if profile is not None and (profile.state or {}).get("case") == case.id:
        profile.state = {}
        session.add(profile)
    cards.refresh(session, case, now)
    if notify:
        notices.to_youth(session, case, lambda lang: notices.closed(case, lang), now)
    return Result(True, esc(_("Case #{number} is closed ({outcome}).").format(
        number=case.id, outcome=cards.outcome_label(outcome))))


def transfer(session: Session, staff: Staff | None, case_id: int, slug: str, now: dt.datetime) -> Result:
    """Pass the case to another municipality's caseworkers (it becomes unclaimed there)."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    if slug not in MUNICIPALITIES:
        return _fail(_("Unknown municipality \"{slug}\". Use one of: {slugs}.").format(
            slug=slug, slugs=", ".join(MUNICIPALITIES)))
    if case.status == "closed":
        return _fail(_("Case #{number} is closed.").format(number=case.id))
    if case.municipality == slug:
        return _fail(_("Case #{number} is already with {name}.").format(number=case.id, name=municipality_name(slug)))
    if (held := _held_by_other(session, staff, case)) is not None:
        return held
    service.transfer(session, case, slug, now, staff)
    keep = [*routing.announce_targets(session, case, now), *routing.admin_targets(session)]
    cards.retire(session, case, lambda: _("Case #{number} was sent to {name}.").format(
        number=case.id, name=municipality_name(slug)), keep, now)
    cards.announce(session, case, now)
    if case.relay:
        notices.to_youth(session, case, lambda lang: notices.transferred(case, lang), now)
    return Result(True, esc(_("Case #{number} was sent to {name}.").format(number=case.id,
                                                                          name=municipality_name(slug))))


def start_reply(session: Session, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """After "Svar": the staff member's next message in their private chat becomes the reply."""
    case = _load(session, staff, case_id)
    if isinstance(case, Result):
        return case
    assert staff is not None
    if case.status == "closed":
        return _fail(_("Case #{number} is closed.").format(number=case.id))
    if (held := _held_by_other(session, staff, case)) is not None:
        return held
    profile = sending.profile_of(session, staff.transport, staff.chat_id)
    if profile is None:
        profile = Profile(transport=staff.transport, chat_id=staff.chat_id, privacy_shown=True, created_at=now,
                          last_seen_at=now)
    profile.state = {"flow": REPLY_FLOW, "case": case.id}
    session.add(profile)
    with use_lang(sending.chat_lang(session, staff.transport, staff.chat_id)):
        prompt = Reply(esc(_("Write your answer to case #{number} now. It goes to the young person as a message from "
                             "the municipality's caseworker.").format(number=case.id)),
                       buttons=((Button(_("Cancel"), data="cs:cancel"),),))
    if staff.transport not in routing.NO_INBOX:
        sending.send(session, staff.transport, staff.chat_id, prompt, now=now)
    return Result(True, esc(_("Write your answer in your private chat with Husly.")))
