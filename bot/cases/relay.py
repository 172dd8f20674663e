"""The young person's messages on their case, and the caseworker's answers, through the bot.

Every message from a person with an open case goes to the case. Unclaimed, the team sees it: the card
updates (with the words, if the person agreed that they may be kept) and an urgent one pings the group;
danger words raise the case at once. Claimed, it goes to the caseworker who has it, privately (never to a
team chat). The caseworker answers with /svar, the Svar button, or a Telegram reply to the bot's message in
their private chat. In a team chat, a reply to a card is staff talk: it is kept as an internal note and
never reaches the young person.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from sqlmodel import col, select

from bot.cases import actions, cards, danger, feelings, notices, routing, sending, service, typed
from bot.cases.buttons import Staff as StaffButton
from bot.cases.buttons import StaffAction
from bot.cases.models import Case, CaseEvent, CaseStatus
from bot.cases.state import Questions, ReplyTo
from bot.cases.what_happens import asks_what_happens
from bot.conversation import texts
from bot.conversation.callbacks import button
from bot.conversation.context import Context
from bot.conversation.qa import answer_question
from bot.i18n import _, use_lang
from bot.models import Outbox
from bot.privacy import asked as privacy_asked
from bot.privacy import commands as privacy_commands
from bot.profiles import chat_lang
from bot.replies import Reply, esc
from bot.smalltalk import small_talk
from bot.staff.models import Staff
from bot.triage import LEARNED, MAYBE_IN_DANGER, Triage, Urgency, confirmed
from knowledge.normalise import fold

log = logging.getLogger(__name__)


def message_ref(case_id: int, message_id: int) -> str:
    return sending.about(case_id, f"in:{message_id}")


def keep_words(ctx: Context, case: Case, text: str) -> None:
    """Keep the young person's own words on the case, only if they agreed to it."""
    if case.words_consent:
        service.add_message(ctx.session, case, "in", text, ctx.now)


def emergency_ping(ctx: Context, case: Case) -> None:
    """Tell everyone who sees the case that it became an emergency (a new message; edits are silent)."""
    cards.ping(ctx.session, case, lambda: _("Case #{number} is now an EMERGENCY.").format(number=case.id), ctx.now,
               words=True)
    notices.tell_claimer(ctx.session, case, lambda: _("Case #{number} is now an EMERGENCY.").format(number=case.id),
                         ctx.now)


def _raise(ctx: Context, case: Case, result: Triage) -> bool:
    """Danger words raise the case at once; True when it just became an emergency (the team was pinged)."""
    if result.urgency is Urgency.EMERGENCY:
        ctx.reply(texts.safety_first(ctx, Urgency.EMERGENCY, result.reasons))
    if result.urgency is Urgency.NONE:
        return False
    became = service.enrich(ctx.session, case, urgency=result.urgency.value, reasons=result.reasons, now=ctx.now)
    if became:
        emergency_ping(ctx, case)
    return became


def to_case(ctx: Context, case: Case, text: str, result: Triage, *, search: bool = True,
            compact: bool = False) -> None:
    """A message on a case nobody has taken: the team sees it (an urgent one pings), the person is told so.

    A plain question also gets its curated answer when one fits (the person should not wait for that), unless
    ``search`` is False (a word or two typed at one of the case questions is not a question for the knowledge base).
    A thank-you, an ok or a goodbye gets a short warm reply and stays off the case (``closing``).
    """
    result = on_case(result, text)
    if result.urgency is Urgency.NONE and privacy_asked.asks_to_erase(text):
        # "slet mine data" on a waiting case: /slet's own question with its buttons, not a message on the case and the
        # privacy topic beside it (case30).
        privacy_commands.ask_to_erase(ctx)
        return
    # A short yes or no ("nej det gider jeg ikke") asks the knowledge base nothing: searched, it got "this is what I
    # know about it" with topics to choose from.
    search = search and typed.words_consent(text) is None
    said_only = closing(text) if result.urgency is Urgency.NONE else None
    nobody = case.municipality is not None and not routing.someone_can_answer(ctx.session, case, ctx.now,
                                                                              ctx.deps.settings)
    if said_only is not None and not nobody:
        ctx.reply(notices.closing(said_only))
        return
    keep_words(ctx, case, text)  # first, so a ping about this message shows it
    service.youth_wrote(case, ctx.now)
    pinged = _raise(ctx, case, result)
    ctx.session.add(case)
    service.log_event(ctx.session, case, "youth_wrote", ctx.now, actor="youth")
    cards.refresh(ctx.session, case, ctx.now)
    urgent = result.urgency is not Urgency.NONE
    if urgent and not pinged:
        cards.ping(ctx.session, case, lambda: _("Case #{number}: a new message from the young person, and it sounds "
                                                "serious. Nobody has taken the case.").format(number=case.id),
                   ctx.now, words=True)
    opening = notices.closed_until(ctx.session, case, ctx.now)
    # What the person must know (nobody on Husly, the office closed, or that the caseworkers have it and nobody has
    # taken it yet) is said once, then again after a while, when that changes, or when the message sounds serious;
    # the messages in between only hear that they reached the case.
    situation = told_situation(case, nobody, opening)
    last = _last_told(ctx, case)
    said = None if urgent else feelings.kind(text)
    # A question about the wait ("how long till someone writes") is a call too ("You have not been forgotten"); with
    # nobody on Husly it got only "That one is on your case too", and it must hear to call the municipality.
    asks = not urgent and asks_what_happens(text)
    # "hvad sker der nu?" is answered with the whole notice even when it was said a moment ago: with nobody on Husly
    # the short "it is on your case too" left the question unanswered, at night, after a yes to a caseworker.
    kept = not urgent and not asks and last is not None and last[0] == situation
    if kept and last is not None:
        told = notices.message_kept(case, _written_since(ctx, case, last[1]))
    else:
        told = notices.on_the_case(case, ctx.lang, urgent=urgent, nobody=nobody,
                                   opens=notices.when(opening, ctx.now) if opening else None)
        service.log_event(ctx.session, case, TOLD, ctx.now, detail=situation)
    if asks and not nobody and said is None:  # with nobody on Husly, ``told`` already says to call the municipality
        told = notices.what_happens(told)
    if said is not None and said is not feelings.Kind.ACK:
        # "jeg er så bange", "jeg fryser", "er der nogen?": a warm line (with what they must hear anyway), not a
        # topic's answer. Only a message triage found no danger in.
        # The warm line says itself that the caseworkers have it, the first time; after that only the short line that
        # the message reached the case (the same long sentence under every feeling read as a wall).
        answered = situation.startswith(ANSWERED) and not kept
        told = notices.feeling(case, said, None if answered else told, nobody=nobody)
    cold = said is feelings.Kind.NEED and feelings.cold(text)
    if cold:
        # "jeg fryser", "det er så koldt herude": where to get warm tonight, from the knowledge base only.
        warm = notices.warm_tonight(ctx.deps.kb, case, case.municipality or ctx.profile.municipality, ctx.lang,
                                    ctx.now.date())
        told = Reply(told.html + "\n\n" + warm, buttons=told.buttons)
    ctx.reply(told)
    if not urgent and search and not asks and not cold and said in (None, feelings.Kind.NEED):
        # A need ("jeg fryser") also hears where to find it, when a curated answer fits (the night warming rooms).
        answer_question(ctx, text, result, only_if_sure=True, choices="?" in text, compact=compact)
    elif result.urgency is Urgency.URGENT and search and typed.asks_a_question(text):
        # "Where can I sleep?" on the case: urgent (the team was told just now), and a question all the same: it gets
        # the night's topics to choose from, read as a question (the safety information was shown when the case
        # opened).
        # ("hvor kan jeg sove i nat", typed without a question mark, got only that it reached the case.)
        answer_question(ctx, text, Triage(Urgency.NONE, ()), only_if_sure=True, choices=True, compact=compact)


# Emoji that only say "ok" or "thanks" (not "😭": that is a feeling, and goes to the case).
ACK_EMOJI = frozenset("👍👌🙏❤♥💙💚💛🧡💜🤍🖤🙂😊☺😀😃😄🤗✅✔👋🫶💯\ufe0f\u200d")
# Small talk kinds (bot/smalltalk.py) that only close the exchange: a thank-you, an ok, a goodbye.
CLOSING = frozenset({"thanks", "ack", "bye"})


def closing(text: str) -> str | None:
    """"thanks", "ack" or "bye" for a message that only thanks, says ok or says goodbye ("tak", "okay tak", "👍",
    "farvel"), else None. Such a message on a waiting case is no message for the caseworker."""
    kind = small_talk(text)
    if kind == "emoji":
        shown = "".join(text.split())
        return "ack" if shown and set(shown) <= ACK_EMOJI else None
    if kind == "ack" and feelings.kind(text) is not feelings.Kind.ACK:
        return None  # "ja", "nej", "hmm", "lol": may answer something, or say more; it goes to the case
    return kind if kind in CLOSING else None


# The audit log's code for what a message on the case was told: nobody is on Husly, the office is closed (the
# detail says which), or that the caseworkers have it (ANSWERED, with since when it waits in the queue, so a case
# given back or moved is a change). Codes only.
TOLD = "told_no_answer"
# After this long, a message on the case hears the whole notice again.
TELL_AGAIN_AFTER = dt.timedelta(hours=3)
ANSWERED = "answered"


def told_situation(case: Case, nobody: bool, opening: dt.datetime | None) -> str:
    """What the notice on a message says that the person must know, as a code (also logged when the safety net's
    "still waiting" notice said it, so the next message does not say it all again)."""
    if nobody:
        return f"nobody:{case.municipality}"
    if opening is not None:
        return f"closed:{case.municipality}:{opening.isoformat(timespec='minutes')}"
    return f"{ANSWERED}:{case.municipality}:{case.waiting_since.astimezone(dt.UTC):%Y-%m-%dT%H:%M}"


def _last_told(ctx: Context, case: Case) -> tuple[str | None, int] | None:
    """The last notice's code said on this case within ``TELL_AGAIN_AFTER``, and its event id, if any."""
    row = ctx.session.exec(
        select(CaseEvent.detail, CaseEvent.id).where(CaseEvent.case_id == case.id, CaseEvent.action == TOLD,
                                                     col(CaseEvent.at) > ctx.now - TELL_AGAIN_AFTER)
        .order_by(col(CaseEvent.id).desc()).limit(1)).first()
    return (row[0], row[1] or 0) if row is not None else None


def _written_since(ctx: Context, case: Case, event_id: int) -> int:
    """How many messages the person wrote on the case since the notice logged as ``event_id`` (this one included)."""
    return len(ctx.session.exec(
        select(CaseEvent.id).where(CaseEvent.case_id == case.id, CaseEvent.action == "youth_wrote",
                                   col(CaseEvent.id) > event_id)).all())


# What someone else did (drank, shouted) or where the writer sits and waits: told, with no danger to the writer named.
_TOLD = re.compile(r"\b(?:fuld|fulde|stiv|stive|beruset|drak|drukket|drikker|fordrukken|raabte|raabt|raaber|skreg|"
                   r"skaeldte|skaendtes|drunk|wasted|yelled|shouted|screamed|venter|ventede|waiting|waited)\b")


def heard_danger(result: Triage, text: str) -> Triage:
    """``result`` as an emergency when the message tells of someone acting against the writer now ("han råber af mig
    nu", "he is shouting at me right now") or coming while they are afraid (bot.cases.danger): on an open case the
    person is in a crisis already. Triage found nothing in "han råber af mig nu", so at the case questions it passed
    the question over, and nobody was told (case30). The rules' own reasons stay beside it."""
    if result.urgency is Urgency.EMERGENCY and MAYBE_IN_DANGER not in result.reasons:
        return result
    reason = danger.now(text)
    if reason is None:
        return result
    kept = tuple(r for r in result.reasons if r not in (LEARNED, MAYBE_IN_DANGER, reason))
    return Triage(Urgency.EMERGENCY, (reason, *kept))


def on_case(result: Triage, text: str) -> Triage:
    """How a message's urgency counts on an open case: the learned model's unsure emergency (no danger named) is one
    there ("I have everything ready and I know exactly when"), but not when the message only tells what someone else
    did, or where the writer waits: "han var stiv og råbte af mig" and "jeg sidder ved banegården og venter" got 112
    and Livslinien at the case questions. Those are urgent: the team is told it sounds serious, and the person hears
    "if you are in danger, call 112". A danger the rules name ("han slår mig nu") stays an emergency."""
    result = heard_danger(result, text)
    if MAYBE_IN_DANGER not in result.reasons:
        return result
    if _TOLD.search(fold(text)):
        return Triage(Urgency.URGENT, tuple(r for r in result.reasons if r != MAYBE_IN_DANGER))
    return confirmed(result)


def on_message(ctx: Context, case: Case, text: str) -> None:
    """The young person's message on their open case: to the caseworker who has it, or to the team."""
    result = on_case(ctx.triage(text), text)
    staff = ctx.session.get(Staff, case.claimed_by) if case.claimed_by else None
    if case.status != CaseStatus.CLAIMED or staff is None or not staff.active:
        to_case(ctx, case, text, result)
        return
    keep_words(ctx, case, text)
    first_unanswered = case.owed_since is None
    service.youth_wrote(case, ctx.now)
    _raise(ctx, case, result)
    ctx.session.add(case)
    cards.refresh(ctx.session, case, ctx.now)
    # Outside office hours, with the caseworker off duty: said once per unanswered run of messages, not each time.
    active = dt.timedelta(minutes=ctx.deps.settings.sla_claimed_minutes)
    away = notices.owner_off_duty(ctx.session, ctx.deps.kb, case, ctx.now, active) if first_unanswered else None
    if away is not None:
        ctx.reply(away)
    if staff.transport not in routing.NO_INBOX:
        with use_lang(chat_lang(ctx.session, staff.transport, staff.chat_id)):
            head = _("Case #{number}, the young person writes:").format(number=case.id)
            lines = [f"💬 <b>{esc(head)}</b>", esc(text)]
            if result.urgency is Urgency.EMERGENCY:
                found = ", ".join(cards.reason_label(r) for r in result.reasons)
                lines.insert(1, "⚠️ " + esc(_("Emergency signs: {reasons}. They were shown 112 and crisis lines.")
                                              .format(reasons=found)))
            reply = Reply("\n".join(lines), buttons=((button(_("Reply"), StaffButton(StaffAction.REPLY,
                                                                                       case.id or 0)),),))
        ctx.send(staff.transport, staff.chat_id, reply, ref=message_ref(case.id or 0, ctx.incoming.message_id or 0))


def from_youth(ctx: Context) -> bool:
    """Put the young person's message on their open case (an interceptor): to the owner, or to the team."""
    if not ctx.incoming.private or not service.has_open_case(ctx.session, ctx.incoming.transport,
                                                                 ctx.incoming.chat_id):
        return False
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if case is None or not case.relay:
        return False  # after /stop the person talks to the bot again
    questions = ctx.state.get(Questions)
    if questions is not None and questions.case == case.id:
        return False  # the questions read the answer first (bot.cases.flow.flow_text)
    on_message(ctx, case, ctx.incoming.text)
    return True


def case_of_message(ctx: Context, message_id: int) -> int | None:
    """The case a bot message in this chat belongs to (card, briefing or relayed message), from its outbox ref."""
    ref = ctx.session.exec(
        select(Outbox.ref).where(
            Outbox.transport == ctx.incoming.transport, Outbox.chat_id == ctx.incoming.chat_id,
            Outbox.message_id == message_id,
            col(Outbox.ref).like("case:%"))
    ).first()
    if not ref:
        return None
    number = ref.split(":")[1]
    return int(number) if number.isdigit() else None


def staff_reply_to(ctx: Context) -> bool:
    """Take a caseworker's Telegram reply to the bot's message about a case, in their private chat, as the
    answer to the young person (an interceptor). In a group, replies are notes (``team_reply``)."""
    if ctx.incoming.reply_to_message_id is None or not ctx.incoming.private:
        return False
    staff = ctx.staff()
    if not actions.is_case_staff(staff):
        return False
    case_id = case_of_message(ctx, ctx.incoming.reply_to_message_id)
    if case_id is None:
        return False
    ctx.reply(actions.reply(ctx.session, staff, case_id, ctx.incoming.text, ctx.now).reply())
    return True


def team_reply(ctx: Context) -> bool:
    """A reply to a card in a team chat: talk among colleagues, kept as an internal note, never sent on."""
    case_id = case_of_message(ctx, ctx.incoming.reply_to_message_id or 0)
    if case_id is None:
        return False
    result = actions.note(ctx.session, ctx.staff(), case_id, ctx.incoming.text, ctx.now)
    if result.ok:
        ctx.reply(Reply("📝 " + esc(_("Kept as an internal note on case #{number}; the young person does not see it. "
                                     "To write to them: /svar {number} your text.").format(number=case_id))))
    return True


def reply_flow(ctx: Context) -> None:
    """Send the caseworker's message, written after pressing Svar, to the young person."""
    reply_to = ctx.state.get(ReplyTo)
    ctx.state.end()
    if reply_to is None:
        ctx.reply(Reply(esc(_("Something went wrong. Press Reply on the case again."))))
        return
    ctx.reply(actions.reply(ctx.session, ctx.staff(), reply_to.case, ctx.incoming.text, ctx.now).reply())
