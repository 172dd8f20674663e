"""What staff can do with a case, with every check on the server side: the same for Telegram and the console.

Every action goes through one check, ``authorize``: the acting staff member (None for someone who is not
staff) must have a case role, the case must exist and be theirs to see (municipality), and be in a state
the action fits (fx not closed). Then the action makes the change with its notifications in the caller's
session, writes the audit log, and returns what to tell the staff member (in the current language).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from sqlmodel import Session

from bot.cases import cards, notices, routing, sending, service
from bot.cases.buttons import Staff as StaffButton
from bot.cases.buttons import StaffAction
from bot.cases.models import ERASED_CHAT, OUTCOMES, Case, CaseStatus, parse_outcome
from bot.cases.state import Questions, ReplyTo, WaitingWords
from bot.config import Settings
from bot.conversation.callbacks import button
from bot.conversation.cards import municipality_name
from bot.conversation.context import Deps
from bot.conversation.state import State
from bot.i18n import _, use_lang
from bot.models import Profile
from bot.outbox import queue_reply
from bot.profiles import chat_lang, profile_of
from bot.replies import Button, Reply, esc, to_plain
from bot.staff.models import CASE_ROLES, Staff
from bot.staff.service import find_staff
from knowledge.schema import MUNICIPALITIES

MAX_REPLY = 3500


class CaseAction(StrEnum):
    VIEW = "view"
    CLAIM = "claim"
    REPLY = "reply"
    NOTE = "note"
    CLOSE = "close"
    TRANSFER = "transfer"
    REOPEN = "reopen"
    RELEASE = "release"
    HAND_OVER = "handover"


# Actions on a case that must not be closed; REOPEN needs a closed one; VIEW and NOTE work on any case.
NEEDS_OPEN = frozenset({CaseAction.CLAIM, CaseAction.REPLY, CaseAction.CLOSE, CaseAction.TRANSFER,
                        CaseAction.RELEASE, CaseAction.HAND_OVER})
# Actions that only the one who has the case may take (coordinators and admins too: someone may be away).
OWNER_ONLY = frozenset({CaseAction.REPLY, CaseAction.TRANSFER, CaseAction.RELEASE, CaseAction.HAND_OVER})


@dataclass(frozen=True)
class Result:
    ok: bool
    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    # Names the message so a Telegram reply to it finds the case (see relay.case_of_message), and so
    # erasure finds it (every message about a case carries a "case:N:" ref).
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


def is_case_staff(staff: Staff | None) -> bool:
    return staff is not None and staff.active and staff.role in CASE_ROLES


def authorize(session: Session, staff: Staff | None, case_id: int, action: CaseAction) -> Case | Result:
    """The one check every case action passes: role, municipality, the case's state, who has it."""
    if not is_case_staff(staff):
        return not_staff()
    assert staff is not None
    case = session.get(Case, case_id)
    if case is None:
        return _fail(_("There is no case #{number}. Write /sager to see the open cases.").format(number=case_id))
    if not service.can_act(staff, case):
        return _fail(_("Case #{number} belongs to another municipality, so you can't see or change it.").format(
            number=case_id))
    if action in NEEDS_OPEN and case.status == CaseStatus.CLOSED and case.chat_id == ERASED_CHAT:
        # "Write /genaabn" would send the caseworker to a command that refuses: say why nothing can reach them.
        return _fail(_("Case #{number} is closed and anonymous (the young person deleted their data, or it is old). "
                       "Nothing can reach them through it, and it cannot be opened again.").format(number=case.id))
    if action in NEEDS_OPEN and case.status == CaseStatus.CLOSED:
        return _fail(_("Case #{number} is closed. Write /genaabn {number} to open it again.").format(number=case.id))
    if action is CaseAction.REOPEN and case.status != CaseStatus.CLOSED:
        return _fail(_("Case #{number} is not closed.").format(number=case.id))
    if (action in OWNER_ONLY and case.claimed_by is not None and case.claimed_by != staff.id
            and not service.leads(staff)):
        return _fail(_("Case #{number} is handled by {name}.").format(
            number=case.id, name=cards.staff_name(session, case.claimed_by)))
    return case


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
    """The open cases this staff member may act on, most urgent and longest waiting first.

    Reading the queue also updates the waiting time on the cards, so a card never says less than the queue.
    """
    if not is_case_staff(staff):
        return not_staff()
    assert staff is not None
    cases = service.visible_queue(session, staff)
    if not cases:
        return Result(True, esc(_("No open cases.")))
    lines = [esc(_("Open cases:"))]
    for case in cases:
        where = municipality_name(case.municipality) if case.municipality else "?"
        if case.status == CaseStatus.CLAIMED:
            state = _("taken by {name}").format(name=cards.staff_name(session, case.claimed_by))
        else:
            state = _("not taken, waiting {waited}").format(waited=cards.waited(now - service.waiting_for(case)))
        lines.append(f"{cards.RANK_ICON[service.priority_rank(case)]} #{case.id} · {esc(cards.urgency_label(case))}"
                     f" · {esc(where)} · {esc(cards.age_label(case.age_band))} · {esc(state)}")
        cards.refresh(session, case, now)
    return Result(True, "\n".join(lines))


def show(session: Session, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """The case and its transcript; the view is logged."""
    case = authorize(session, staff, case_id, CaseAction.VIEW)
    if isinstance(case, Result):
        return case
    service.log_event(session, case, "viewed", now, staff=staff)
    buttons = _reply_buttons(case) if case.status != CaseStatus.CLOSED else cards.card_buttons(case)
    return Result(True, briefing(session, case, now), buttons, ref=sending.about(case.id, "brief"))


def claim(session: Session, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """Take the case; of two caseworkers claiming at once exactly one gets it and the other is told who."""
    case = authorize(session, staff, case_id, CaseAction.CLAIM)
    if isinstance(case, Result):
        return case
    assert staff is not None and staff.id is not None
    if not service.claim(session, case.id or 0, staff.id, now):
        session.refresh(case)
        if case.claimed_by == staff.id:
            return Result(True, esc(_("You already have case #{number}.").format(number=case.id)))
        if case.status == CaseStatus.CLOSED:
            return _fail(_("Case #{number} is closed.").format(number=case.id))
        return _fail(_("Case #{number} is already taken by {name}.").format(
            number=case.id, name=cards.staff_name(session, case.claimed_by)))
    session.refresh(case)
    service.log_event(session, case, "claimed", now, staff=staff)
    cards.refresh(session, case, now)
    if case.relay:
        notices.to_youth(session, case, lambda lang: notices.claimed(case, lang), now)
    head = esc(_("You have case #{number}. Answer with /svar {number} and your text, or reply to this message.")
               .format(number=case.id))
    return Result(True, head + "\n\n" + briefing(session, case, now), _reply_buttons(case),
                  ref=sending.about(case.id, "brief"))


def _reply_buttons(case: Case) -> tuple[tuple[Button, ...], ...]:
    assert case.id is not None
    return ((button(_("Reply"), StaffButton(StaffAction.REPLY, case.id)),
             button(_("Close"), StaffButton(StaffAction.CLOSE, case.id))),)


def reply(session: Session, staff: Staff | None, case_id: int, text: str, now: dt.datetime) -> Result:
    """Send a message to the young person, labelled as from the municipality's caseworker (text escaped)."""
    case = authorize(session, staff, case_id, CaseAction.REPLY)
    if isinstance(case, Result):
        return case
    assert staff is not None and staff.id is not None
    text = text.strip()
    if not text:
        return _fail(_("Write the answer after the case number, fx /svar {number} Hi, I can help you.").format(
            number=case.id))
    if len(text) > MAX_REPLY:
        return _fail(_("That is too long ({n} characters). Send at most {max} at a time.").format(
            n=len(text), max=MAX_REPLY))
    if not case.relay:
        return _fail(_("The young person ended the chat in case #{number}, so your message was not sent. They can "
                       "start it again from the menu.").format(number=case.id))
    if case.claimed_by is None:
        taken = claim(session, staff, case.id or 0, now)
        if not taken.ok:
            return taken
    profile = profile_of(session, case.transport, case.chat_id)
    service.add_message(session, case, "out", text, now, staff)
    if case.claimed_by == staff.id:
        service.owner_answered(case)
        session.add(case)
    service.log_event(session, case, "replied", now, staff=staff)
    notices.to_youth(session, case, lambda lang: notices.from_caseworker(case, lang, text), now)
    cards.refresh(session, case, now)
    if profile is not None and profile.blocked:
        return _fail(_("The young person has blocked Husly, so the message cannot reach them."))
    return Result(True, esc(_("Sent to case #{number}.").format(number=case.id)))


def note(session: Session, staff: Staff | None, case_id: int, text: str, now: dt.datetime) -> Result:
    """Add an internal note (never shown to the young person)."""
    case = authorize(session, staff, case_id, CaseAction.NOTE)
    if isinstance(case, Result):
        return case
    if not text.strip():
        return _fail(_("Write the note after the case number, fx /note {number} Called the shelter.").format(
            number=case.id))
    service.add_message(session, case, "note", text.strip()[:MAX_REPLY], now, staff)
    service.log_event(session, case, "noted", now, staff=staff)
    return Result(True, esc(_("Note saved on case #{number}. The young person does not see it.").format(
        number=case.id)))


def outcome_buttons(case: Case) -> tuple[tuple[Button, ...], ...]:
    assert case.id is not None
    return tuple((button(cards.outcome_label(o), StaffButton(StaffAction.OUTCOME, case.id, o.value)),)
                 for o in OUTCOMES)


def needs_confirmation(case: Case, staff: Staff) -> bool:
    """Closing these can hide a person who still needs help: nobody took it, it is an emergency, or it is a
    colleague's case."""
    return (case.status == CaseStatus.OPEN or case.urgency == "emergency"
            or (case.claimed_by is not None and case.claimed_by != staff.id))


def close(session: Session, deps: Deps, staff: Staff | None, case_id: int, outcome_text: str, now: dt.datetime,
          *, confirmed: bool = False) -> Result:
    """Close the case with an outcome; the young person is told kindly, with a way back, and asked later if
    they are safe. An unclaimed or emergency case, or a colleague's, is closed only after a confirmation."""
    case = authorize(session, staff, case_id, CaseAction.CLOSE)
    if isinstance(case, Result):
        return case
    assert staff is not None and case.id is not None
    outcome = parse_outcome(outcome_text)
    if outcome is None:
        words = ", ".join(cards.outcome_word(o) for o in OUTCOMES)
        return Result(False, esc(_("How did case #{number} end? Write /luk {number} and one of: {outcomes}.").format(
            number=case.id, outcomes=words)), outcome_buttons(case))
    if not confirmed and needs_confirmation(case, staff):
        return Result(False, esc(_confirm_question(session, case, staff)), (
            (button(_("Yes, close it"), StaffButton(StaffAction.CONFIRM, case.id, outcome.value)),),))
    owner = session.get(Staff, case.claimed_by) if case.claimed_by and case.claimed_by != staff.id else None
    notify = case.relay
    service.close(session, case, staff, outcome, now, dt.timedelta(hours=deps.settings.followup_hours))
    profile = profile_of(session, case.transport, case.chat_id)
    questions = State(profile).get(Questions) if profile is not None else None
    if profile is not None and questions is not None and questions.case == case.id:
        State(profile).end(Questions)  # the young person's questions about this case end with it
        session.add(profile)
    waiting = State(profile).get(WaitingWords) if profile is not None else None
    if profile is not None and waiting is not None and waiting.case == case.id:
        State(profile).drop(WaitingWords)  # words kept only for the answer about this case: not after it
        session.add(profile)
    cards.refresh(session, case, now)
    if owner is not None:
        notices.tell_staff(session, owner, case, lambda: _("{name} closed your case #{number} ({outcome}).").format(
            name=cards.staff_name(session, staff.id), number=case.id, outcome=cards.outcome_label(outcome)), now)
    if notify:
        notices.to_youth(session, case, lambda lang: notices.closed(case, lang), now)
    return Result(True, esc(_("Case #{number} is closed ({outcome}). To undo: /genaabn {number}").format(
        number=case.id, outcome=cards.outcome_label(outcome))))


def _confirm_question(session: Session, case: Case, staff: Staff) -> str:
    reasons = []
    if case.status == CaseStatus.OPEN:
        reasons.append(_("nobody has taken it"))
    if case.urgency == "emergency":
        reasons.append(_("it is an emergency"))
    if case.claimed_by is not None and case.claimed_by != staff.id:
        reasons.append(_("{name} has it").format(name=cards.staff_name(session, case.claimed_by)))
    return _("Close case #{number}? Note: {reasons}. The young person is told that the case is closed.").format(
        number=case.id, reasons=", ".join(reasons))


def reopen(session: Session, settings: Settings, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """Open a closed case again, taken by the one who reopens it (fx after closing it by mistake)."""
    case = authorize(session, staff, case_id, CaseAction.REOPEN)
    if isinstance(case, Result):
        return case
    assert staff is not None
    if case.chat_id == ERASED_CHAT:
        return _fail(_("Case #{number} was made anonymous (the young person deleted their data, or it is old), so "
                       "it cannot be opened again.").format(number=case.id))
    service.reopen(session, case, now, "", staff=staff)
    cards.announce(session, case, now, settings)
    notices.to_youth(session, case, lambda lang: notices.reopened(case, lang), now)
    return Result(True, esc(_("Case #{number} is open again, and you have it.").format(number=case.id)))


def transfer(session: Session, settings: Settings, staff: Staff | None, case_id: int, slug: str,
             now: dt.datetime) -> Result:
    """Pass the case to another municipality's caseworkers (it becomes unclaimed there), if anyone is there."""
    case = authorize(session, staff, case_id, CaseAction.TRANSFER)
    if isinstance(case, Result):
        return case
    if slug not in MUNICIPALITIES:
        return _fail(_("Unknown municipality \"{slug}\". Use one of: {slugs}.").format(
            slug=slug, slugs=", ".join(MUNICIPALITIES)))
    if case.municipality == slug:
        return _fail(_("Case #{number} is already with {name}.").format(number=case.id, name=municipality_name(slug)))
    if not routing.can_receive(session, slug):
        return _fail(_("Case #{number} was not moved: nobody from {name} is on Husly (no caseworkers and no on-call "
                       "route), so nobody would see it. Call the municipality, and note what you agree with "
                       "/note {number}.").format(number=case.id, name=municipality_name(slug)))
    service.transfer(session, case, slug, now, staff)
    keep = [*routing.announce_targets(session, case, now, settings), *routing.admin_targets(session)]
    cards.retire(session, case, lambda: _("Case #{number} was sent to {name}.").format(
        number=case.id, name=municipality_name(slug)), keep, now)
    cards.announce(session, case, now, settings)
    if case.relay:
        notices.to_youth(session, case, lambda lang: notices.transferred(case, lang), now)
    return Result(True, esc(_("Case #{number} was sent to {name}.").format(number=case.id,
                                                                          name=municipality_name(slug))))


def release(session: Session, settings: Settings, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """Give a claimed case back to the team: it is unclaimed again, and announced."""
    case = authorize(session, staff, case_id, CaseAction.RELEASE)
    if isinstance(case, Result):
        return case
    if case.status != CaseStatus.CLAIMED:
        return _fail(_("Nobody has case #{number}, so there is nothing to release.").format(number=case.id))
    owner = session.get(Staff, case.claimed_by) if case.claimed_by != (staff.id if staff else None) else None
    service.release(session, case, now, "released", staff=staff)
    _back_to_team(session, settings, case, now, lambda: _("Case #{number} is back with the team: {name} let it "
                                                          "go.").format(number=case.id,
                                                                        name=cards.staff_name(session, staff.id
                                                                                              if staff else None)))
    if owner is not None:
        notices.tell_staff(session, owner, case, lambda: _("{name} gave your case #{number} back to the team.")
                           .format(name=cards.staff_name(session, staff.id if staff else None), number=case.id), now)
    return Result(True, esc(_("Case #{number} is back with the team.").format(number=case.id)))


def back_to_team(session: Session, settings: Settings, case: Case, now: dt.datetime, why: str) -> None:
    """After the claimed-case SLA ran out: the team sees the case again and the young person is told."""
    service.release(session, case, now, why)
    _back_to_team(session, settings, case, now, lambda: _(
        "Case #{number} is back with the team: the caseworker did not answer in time.").format(number=case.id))


def _back_to_team(session: Session, settings: Settings, case: Case, now: dt.datetime, note: notices.Make) -> None:
    cards.announce(session, case, now, settings)
    cards.ping(session, case, note, now)
    if case.relay:
        opening = notices.closed_until(session, case, now)
        opens = partial(notices.when, opening, now) if opening else None
        notices.to_youth(session, case, partial(notices.released, case, opens=opens), now)


def hand_over(session: Session, staff: Staff | None, case_id: int, colleague: str, now: dt.datetime) -> Result:
    """Give the case to a named colleague (by name or staff id), who gets the briefing privately."""
    case = authorize(session, staff, case_id, CaseAction.HAND_OVER)
    if isinstance(case, Result):
        return case
    assert staff is not None
    found = [s for s in find_staff(session, colleague.lstrip("@")) if service.can_act(s, case)]
    if len(found) != 1:
        text = (_("More than one colleague is called \"{name}\": use their staff number, fx /overdrag {number} 7.")
                if found else _("No colleague who may see case #{number} is called \"{name}\"."))
        return _fail(text.format(name=colleague, number=case.id))
    (to,) = found
    if to.id == case.claimed_by:
        return _fail(_("{name} already has case #{number}.").format(name=to.display_name, number=case.id))
    service.hand_over(session, case, to, now, staff)
    cards.refresh(session, case, now)
    if to.transport not in routing.NO_INBOX:
        with use_lang(chat_lang(session, to.transport, to.chat_id)):
            head = esc(_("{name} gave you case #{number}. Answer with /svar {number} and your text.").format(
                name=cards.staff_name(session, staff.id), number=case.id))
            queue_reply(session, to.transport, to.chat_id,
                         Reply(head + "\n\n" + briefing(session, case, now), _reply_buttons(case)), now=now,
                         ref=sending.about(case.id, "brief"))
    # Outside office hours, to a colleague not on duty: the young person may wait till the office opens, and both
    # should know it (Jonas wrote at 17:01, Ole went off duty and gave the case to Mette, who was not on duty either).
    hours = routing.office_hours(service.team_for(session, case.municipality) if case.municipality else None)
    off = not hours.is_open(now) and (to.on_duty_until is None or to.on_duty_until <= now)
    opening = hours.next_opening(now) if off else None
    opens = partial(notices.when, opening, now) if opening else None
    if case.relay:
        notices.to_youth(session, case, partial(notices.handed_over, case, opens=opens), now)
    done = _("{name} has case #{number} now.").format(name=to.display_name, number=case.id)
    if off:
        done += " " + _("Note: {name} is not on duty now, so the young person may wait until the office opens.").format(
            name=to.display_name)
    return Result(True, esc(done))


def start_reply(session: Session, staff: Staff | None, case_id: int, now: dt.datetime) -> Result:
    """After "Svar": the staff member's next message in their private chat becomes the reply."""
    case = authorize(session, staff, case_id, CaseAction.REPLY)
    if isinstance(case, Result):
        return case
    assert staff is not None
    profile = profile_of(session, staff.transport, staff.chat_id)
    if profile is None:
        profile = Profile(transport=staff.transport, chat_id=staff.chat_id, privacy_shown=True, created_at=now,
                          last_seen_at=now)
    State(profile).start(ReplyTo(case=case.id or 0))
    session.add(profile)
    with use_lang(chat_lang(session, staff.transport, staff.chat_id)):
        prompt = Reply(esc(_("Write your answer to case #{number} now. It goes to the young person as a message from "
                             "the municipality's caseworker.").format(number=case.id)),
                       buttons=((button(_("Cancel"), StaffButton(StaffAction.CANCEL)),),))
    if staff.transport not in routing.NO_INBOX:
        queue_reply(session, staff.transport, staff.chat_id, prompt, now=now, ref=sending.about(case.id, "prompt"))
    return Result(True, esc(_("Write your answer in your private chat with Husly.")))
