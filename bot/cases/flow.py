"""The young person's side: safety first, the offer of a caseworker, the case, and a short skippable triage.

The case is created as soon as the person accepts (at once for an emergency), before any question, so it
exists even if they stop answering; each answer then enriches it and updates the card in place. The first
question asks, in plain words, whether the caseworkers may read what the person writes: only then are
their own words kept on the case (and /slet removes them). A person who comes back after a close gets
their case opened again (within HUSLY_REOPEN_DAYS) or a new one linked to it, keeping what is known.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from bot import reading
from bot.answering import Answer, answer
from bot.cases import actions, cards, feelings, notices, referrals, relay, routing, service, typed
from bot.cases.buttons import Youth, YouthAction
from bot.cases.models import AGE_BANDS, FOR_SOMEONE_ELSE, QUESTIONS_FLOW, REFERRED, TONIGHT, Case, CaseStatus
from bot.cases.state import CaseOffer, Declined, Questions, WaitingWords
from bot.cases.what_happens import asks_what_happens
from bot.conversation import texts
from bot.conversation.buttons import Menu, MenuItem
from bot.conversation.callbacks import button as make_button
from bot.conversation.cards import (
    adults_only,
    municipality_buttons,
    municipality_name,
    named_buttons,
    read_more_only,
    render_answer,
    service_line,
    services_for,
)
from bot.conversation.context import Context
from bot.conversation.qa import answer_question, count_question, remember_topic, shown_topic
from bot.i18n import _
from bot.place_reply import only_municipality, only_other_place
from bot.privacy import asked as privacy_asked
from bot.privacy import leftovers
from bot.pseudonym import audit_key
from bot.replies import Button, Reply, esc
from bot.someone_else import for_someone_else
from bot.staff.models import Staff
from bot.triage import LEARNED, MAYBE_IN_DANGER, Triage, Urgency, confirmed, crisis_ahead
from knowledge.lexicon import detect_municipality, other_place
from knowledge.normalise import fold
from knowledge.schema import MUNICIPALITIES

log = logging.getLogger(__name__)

FLOW = QUESTIONS_FLOW
STEPS = ("words", "municipality", "age", "tonight", "consent")
# Typed answers that mean "no, stay anonymous" at the consent question.
NO_WORDS = {"nej", "nej tak", "no", "no thanks", "anonym", "anonymous", "skip", "spring over", "ellers tak"}
YES_WORDS = {"ja", "ja tak", "yes", "ok", "okay", "gerne", "det maa de", "de maa gerne"}
# Typed answers to the offer of a caseworker ("Do you want a caseworker to write to you?"), besides its buttons:
# on a phone many people type "ja" rather than tap, and that "ja" was answered as small talk ("Okay. Write if
# there is anything else") while nobody was told.
OFFER_YES = YES_WORDS | {"ja gerne", "ja tak gerne", "ja please", "jaa", "jaaa", "jep", "jo", "jo tak", "yes please",
                         "yes thanks", "yeah", "yep", "sure", "please", "ja det vil jeg gerne", "ja det vil jeg",
                         "det vil jeg gerne", "ja forbind mig", "forbind mig", "connect me", "yes connect me",
                         "ja tak forbind mig", "ja hjaelp mig", "yes help me"}
OFFER_NO = NO_WORDS | {"nej ikke nu", "ikke nu", "not now", "nope", "nah", "nej det er fint", "no thank you"}
# Typed answers to "are you in danger right now?" that mean no (``_check_in``): "ok" says "I am okay" here.
CHECK_IN_NO = OFFER_NO | {"ok", "okay", "oki", "jeg er ok", "jeg er okay", "nej jeg er ok", "nej jeg er okay",
                          "nej jeg er ikke", "nej det er jeg ikke", "jeg har det fint", "nej jeg har det fint",
                          "det gaar fint", "alt er fint", "fint", "nej nej", "i m ok", "im ok", "i am ok", "i m okay",
                          "im okay", "i am okay", "i m fine", "im fine", "i am fine", "no i m fine", "no im fine",
                          "no i m ok", "no im ok", "no i am not", "all good", "nej alt er fint"}
# Typed answers that say neither yes nor no ("ved ikke", "maybe"): to "are you in danger?" a person who cannot say they
# are safe is connected; to the offer of a caseworker they hear what a yes and a no lead to, and the offer again.
UNSURE = {"ved ikke", "ved det ikke", "jeg ved det ikke", "jeg ved ikke", "maaske", "maaske ja", "tja",
                   "i don t know", "i dont know", "don t know", "dont know", "idk", "maybe", "not sure", "ikke sikker",
                   "jeg er ikke sikker", "i m not sure", "im not sure", "lidt", "kind of", "sort of"}
# How long after the offer a typed yes or no still answers it (later, "ja" is read as an ordinary message).
OFFER_ANSWER_WINDOW = dt.timedelta(hours=2)
# The reason code when the person said yes to "are you in danger right now?" (a check-in, ``_check_in``).
SAID_IN_DANGER = "said_in_danger"
# ... and when they could not say they are safe ("ved ikke", "maybe").
SAID_UNSURE = "said_unsure"
# The first words are kept in the conversation state only until the person answers the words question.
FIRST_WORDS_MAX = 2000
# A person who writes on instead of answering a question is asked it this many times in a row; then the next
# question comes (its buttons above still work; the first words still wait, in the state, for the words answer).
ASKED_MAX = 2


# ---- entry points ------------------------------------------------------------------------------------------

def urgent(ctx: Context, result: Triage) -> None:
    """Show the safety essentials and what the message's own topic says, then connect an emergency at once or
    offer a caseworker. Someone asking for another person is offered a caseworker, never given a case unasked."""
    if not ctx.incoming.private:
        return
    if MAYBE_IN_DANGER in result.reasons:
        if not _unsure_is_enough(ctx):
            _check_in(ctx, result)
            if _typed(ctx):  # asked "are you in danger?", with 112 and the crisis line: crisis information
                count_question(ctx, result, topic=None, confidence=0.0, lang=ctx.lang, outcome="safety")
            return
        result = confirmed(result)
    read = _read_crisis(ctx, result)
    helper = read is not None and read.for_someone_else
    on_screen = _offer_on_screen(ctx, result, helper)
    known_before = ctx.profile.municipality
    if read is not None and read.search.municipality and not actions.is_case_staff(ctx.staff()):
        # "I'm at the train station in Aarhus": the local help shown is Aarhus's, and so is the case's queue. Asked
        # "which municipality?" later instead, the case waited unrouted, seen by no local caseworker.
        ctx.profile.municipality = read.search.municipality
    if on_screen is None:
        ctx.reply(read.reply if read else texts.safety_first(ctx, result.urgency, result.reasons,
                                                             said=_first_words(ctx)))
    if read is not None:
        # Counted as a question that got the crisis information, as the question flow counts one; the case it may
        # become is counted under cases.
        count_question(ctx, result, topic=read.topic, confidence=read.search.confidence, lang=read.lang,
                       outcome=read.outcome)
    info = read.more[0] if read and read.more else None
    if on_screen is not None:
        # The same topic again is not shown again; the safety information shrinks to 112 and "still holds".
        shown = info is not None and read is not None and read.topic == shown_topic(ctx)
        info = _joined(texts.still_holds(ctx, result.urgency, result.reasons, for_other=helper,
                                         local=ctx.profile.municipality != known_before),
                       None if shown else info)
    if info is not None and read is not None and read.topic:
        # "Roskilde" typed next (the answer to "which municipality?") shows this topic's local version.
        remember_topic(ctx, read.topic, minor=bool(texts.MINOR_REASONS & set(result.reasons)))
    _help_or_case(ctx, result, helper, info)
    for later in read.after if read else ():
        ctx.reply(later)  # fx a teacher's duty to notify the municipality, after the way to help


def _help_or_case(ctx: Context, result: Triage, helper: bool, info: Reply | None) -> None:
    """After the safety essentials: the message's own topic, then a case (an emergency), or the offer of one."""
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
    words = _words_so_far(ctx)
    if result.urgency is Urgency.EMERGENCY and not helper:
        if info:
            ctx.reply(info)
        _connect(ctx, "emergency", reasons, words)
        return
    if _declined_lately(ctx):
        # A no to a caseworker minutes ago is respected: "where can I sleep?" after it got the offer again, and the
        # "ok" typed under it opened the case the person had refused. The way back is a tap.
        back = _way_back()
        ctx.reply(Reply(info.html + "\n\n" + back.html, buttons=(*info.buttons, *back.buttons)) if info else back)
        return
    _offer(ctx, result.urgency.value, reasons, words, info=info, helper=helper)


def _declined_lately(ctx: Context) -> bool:
    """Whether the person said no to the offer of a caseworker within OFFER_ANSWER_WINDOW."""
    declined = ctx.state.get(Declined)
    return declined is not None and declined.at is not None and ctx.now - declined.at <= OFFER_ANSWER_WINDOW


def _way_back() -> Reply:
    """After a no to a caseworker: the way to one, if the person changes their mind."""
    return Reply(esc(_("If you want a caseworker to write to you after all, tap Talk to a caseworker.")),
                 buttons=((make_button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),),))


def _offer_on_screen(ctx: Context, result: Triage, helper: bool) -> CaseOffer | None:
    """The offer of a caseworker, with the safety information before it, that this person still has on screen and
    can answer; a new urgent message then gets no second copy of it. Not when the new message needs other safety
    information: an emergency (112 and its lines), tonight after a crisis days away, or a helper's words turned into
    the person's own (or back)."""
    offer = _answerable_offer(ctx)
    if (offer is None or result.urgency is not Urgency.URGENT or MAYBE_IN_DANGER in offer.reasons
            or helper != (FOR_SOMEONE_ELSE in offer.reasons)):
        return None
    if crisis_ahead(offer.words, Triage(Urgency(offer.urgency), tuple(offer.reasons))) \
            and not crisis_ahead(_first_words(ctx), result):
        return None
    return offer


def _joined(first: Reply, second: Reply | None) -> Reply:
    """Two replies as one message: the first's words, then the second's with its buttons."""
    if second is None:
        return first
    return Reply(first.html + "\n\n" + second.html, buttons=second.buttons)


def _unsure_is_enough(ctx: Context) -> bool:
    """The model's unsure emergency is an emergency here: on an open case (the person is already in a crisis we
    know of), when a check-in is still unanswered (a second such message), or from someone asking for another
    person (the helper is offered a caseworker anyway, with 112 first)."""
    if service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id) is not None:
        return True
    offer = _answerable_offer(ctx)
    if offer is not None and MAYBE_IN_DANGER in offer.reasons:
        return True
    return actions.is_case_staff(ctx.staff()) or for_someone_else(reading.read(ctx.incoming.text))


def _check_in(ctx: Context, result: Triage) -> None:
    """Ask whether the person is in danger now, with 112 and the crisis line on a line each: yes connects a
    caseworker at once as an emergency, no is a short warm line. The first words wait in the person's own state, as
    for any offer of a caseworker."""
    ctx.state.end()  # a crisis comes before an unfinished form
    ctx.state.drop(Declined)
    ctx.state.put(CaseOffer(urgency=Urgency.EMERGENCY.value, reasons=list(result.reasons), words=_words_so_far(ctx),
                            asked_at=ctx.now))
    ask = texts.safety_first(ctx, result.urgency, result.reasons)
    ctx.reply(Reply(ask.html, buttons=((make_button(_("Yes, I am in danger"), Youth(YouthAction.GO)),),
                                       (make_button(_("No, I am okay"), Youth(YouthAction.NO)),))))


def _typed(ctx: Context) -> bool:
    return ctx.incoming.kind == "text" and bool(ctx.incoming.text.strip())


def _read_crisis(ctx: Context, result: Triage) -> Answer | None:
    """The typed message read as an answer: the safety essentials and its own topic (None for a button)."""
    if not _typed(ctx):
        return None
    return answer(ctx.deps.kb, ctx.deps.index, ctx.incoming.text, today=ctx.now.date(),
                  threshold=ctx.deps.settings.confidence_threshold, lang=ctx.lang,
                  municipality=ctx.profile.municipality, triaged=result)


def _first_words(ctx: Context) -> str:
    return ctx.incoming.text.strip()[:FIRST_WORDS_MAX] if ctx.incoming.kind == "text" else ""


def _words_so_far(ctx: Context) -> str:
    """The words a case would open with: those still waiting on an unanswered offer, then this message's. A night's
    second message ("I have nowhere to go") replaced the first ("I got kicked out tonight"), and the caseworker
    read only the last."""
    said = _first_words(ctx)
    offer = _answerable_offer(ctx)
    if offer is None or not offer.words or said in offer.words:
        return said
    return (offer.words + "\n" + said if said else offer.words)[:FIRST_WORDS_MAX]


def _answerable_offer(ctx: Context) -> CaseOffer | None:
    """The offer of a caseworker this person was asked within the last two hours, so can still answer."""
    offer = ctx.state.get(CaseOffer)
    if offer is None or offer.asked_at is None or ctx.now - offer.asked_at > OFFER_ANSWER_WINDOW:
        return None
    return offer


def _writes_as_staff(ctx: Context) -> bool:
    """A caseworker writing about someone's crisis in their own chat must not become a case themselves."""
    if not actions.is_case_staff(ctx.staff()):
        return False
    ctx.reply(Reply(esc(_("You are registered as a caseworker, so no case was opened. To write to a young "
                          "person, use /svar 12 text or the Reply button; to add a note, /note 12 text."))))
    return True


def menu_urgent(ctx: Context) -> None:
    """Answer the "Urgent help" button: safety information, then the offer of a caseworker."""
    urgent(ctx, Triage(Urgency.URGENT, ("asked_for_help",)))


def menu_staff(ctx: Context) -> None:
    """Answer "Talk to a caseworker": connect the person (safety information first, unless just shown). With a case
    open already, only where it stands (``_where_it_stands``)."""
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if (case is not None and case.status != CaseStatus.CLAIMED and not actions.is_case_staff(ctx.staff())
            and _where_it_stands(ctx, case)):
        ctx.state.drop(CaseOffer)
        return
    offer = ctx.state.get(CaseOffer)
    if offer is None:
        ctx.reply(texts.safety_first(ctx, Urgency.URGENT))
    _accept(ctx, offer, "asked_for_caseworker")


def offer_referred(ctx: Context, greeting: str, referral: int) -> None:
    """A young person who opened a partner's referral link: the greeting, then the offer of a caseworker (nothing
    is opened until they say yes themselves; a yes opens the case in the organisation's name)."""
    _offer(ctx, Urgency.URGENT.value, (REFERRED,), "", info=Reply(greeting), referral=referral)


def _offer(ctx: Context, urgency: str, reasons: tuple[str, ...], words: str, *, info: Reply | None = None,
           helper: bool = False, referral: int | None = None) -> None:
    """Ask before opening a case; ``info`` (the message's own topic) comes first in the same message. The words
    wait in the person's own state until they say yes (and, on the case, whether they may be kept)."""
    ctx.state.end()  # a crisis comes before an unfinished form
    ctx.state.drop(Declined)
    earlier = _answerable_offer(ctx)
    # The offer asked again (a place or an age typed, "what happens then?") still comes through the referral.
    referral = referral if referral is not None else (earlier.referral if earlier is not None else None)
    ctx.state.put(CaseOffer(urgency=urgency, reasons=list(reasons), words=words, asked_at=ctx.now,
                            age_band=earlier.age_band if earlier is not None else None, referral=referral))
    org = notices.org_name(ctx.profile.municipality, ctx.lang)
    if helper:
        question = _("Do you want a caseworker from {org} to write to you here about the young person? Nothing is "
                     "opened until you say yes, and the young person can also write to me themselves.")
    else:
        question = _("Do you want a caseworker from {org} to write to you here in the chat? You can stay anonymous.")
    html = esc(question.format(org=org))
    rows: tuple[tuple[Button, ...], ...] = ((make_button(_("Yes, connect me"), Youth(YouthAction.GO)),
                                             make_button(_("No thanks"), Youth(YouthAction.NO))),)
    if info is not None:
        html = info.html + "\n\n" + html
        # The topic's own buttons (read more, choices) stay; "Talk to a caseworker" is the question itself.
        talk = Menu(MenuItem.STAFF).pack()
        rows += tuple(row for row in info.buttons if not any((b.data or "") == talk for b in row))
    ctx.reply(Reply(html, buttons=rows))


def place_for_offer(ctx: Context) -> bool:
    """The municipality typed while a caseworker is offered (the answer to "Which municipality are you in?" in
    the safety information): its local help and numbers, then the offer, now from that municipality (an
    interceptor)."""
    offer = ctx.state.get(CaseOffer)
    # An offer left unanswered stays in the state: a form started since (its own municipality step) goes first. The
    # question "are you in danger right now?" is no offer with local help to show again (``_check_in``).
    if (offer is None or MAYBE_IN_DANGER in offer.reasons or ctx.state.flow is not None or not ctx.incoming.private
            or ctx.incoming.kind != "text"):
        return False
    slug = only_municipality(ctx.incoming.text)
    place = None if slug else only_other_place(ctx.incoming.text)
    if (slug is None and place is None) or ctx.triage().urgency is not Urgency.NONE:
        return False
    reasons = tuple(offer.reasons)
    helper = FOR_SOMEONE_ELSE in reasons
    level = Urgency(offer.urgency) if offer.urgency in (Urgency.URGENT.value, Urgency.EMERGENCY.value) \
        else Urgency.URGENT
    if place is not None:
        # A town outside the six ("Odense"): how to reach its municipality (the safety information was shown); the
        # offer of a caseworker stays on screen, not repeated as if one from there would come.
        ctx.reply(Reply(esc(texts.elsewhere_line(place, helper))))
        return True
    ctx.profile.municipality = slug
    # A crisis days away keeps its first line ("contact your municipality now"): shown again, whole.
    tonight = level is Urgency.URGENT and not crisis_ahead(offer.words, Triage(level, reasons))
    local = texts.local_help(ctx, level, reasons) if tonight else []
    if not local:
        ctx.reply(texts.safety_first(ctx, level, reasons, for_other=helper, said=offer.words))
    # The rest of the safety information is on screen just above: only what the place adds, with the offer, now
    # from that municipality, in one message.
    _offer(ctx, offer.urgency, reasons, _words_so_far(ctx), info=Reply("\n\n".join(local)) if local else None,
           helper=helper)
    return True


def age_for_offer(ctx: Context) -> bool:
    """An age typed alone while a caseworker is offered ("19", "jeg er 16"; an interceptor): kept for the case, and
    the offer asked again. Someone under 18 first gets what those under 18 can do (BørneTelefonen, the municipality's
    duty to a minor). "16" got the detail of the topic on being thrown out, written for adults, and the offer was gone
    from the screen."""
    offer = _answerable_offer(ctx)
    if (offer is None or MAYBE_IN_DANGER in offer.reasons or FOR_SOMEONE_ELSE in offer.reasons
            or ctx.state.flow is not None or not ctx.incoming.private or ctx.incoming.kind != "text"):
        return False
    if (both := typed.yes_with_age(ctx.incoming.text)) is not None and ctx.triage().urgency is Urgency.NONE:
        # "ja jeg er 17": a yes and the age (case30). Read as the age alone, the offer came again, and the person had
        # to say yes a second time before the first question.
        _accept(ctx, offer.model_copy(update={"age_band": both}), "")
        return True
    band = typed.age_band(ctx.incoming.text, asked=True)
    if band is None or ctx.triage().urgency is not Urgency.NONE:
        return False
    kb = ctx.deps.kb
    if band == "under_18" and texts.MINOR_TOPIC in kb.topics:
        topic = render_answer(kb, texts.MINOR_TOPIC, ctx.lang, ctx.profile.municipality, ctx.now.date(),
                              skip_services=adults_only(kb), compact=True)
        # As after the safety essentials: only "Read more" stays, the offer's own buttons come with it.
        info = read_more_only(topic)
        remember_topic(ctx, texts.MINOR_TOPIC, minor=True)
    else:
        info = Reply(esc(_("Thank you. If you say yes, the caseworker sees your age on the case.")))
    _offer(ctx, offer.urgency, tuple(offer.reasons), _words_so_far(ctx), info=info)
    kept = ctx.state.get(CaseOffer)
    if kept is not None:
        ctx.state.put(kept.model_copy(update={"age_band": band}))
    return True


def answer_to_offer(ctx: Context) -> bool:
    """A typed yes or no to the offer of a caseworker (an interceptor): yes connects as the button does, no
    declines as its button does."""
    offer = ctx.state.get(CaseOffer)
    if offer is None:
        return _changed_mind(ctx) or _yes_after_topic(ctx)
    if ctx.state.flow is not None or not ctx.incoming.private or ctx.incoming.kind != "text":
        return False
    if offer.asked_at is not None and ctx.now - offer.asked_at > OFFER_ANSWER_WINDOW:
        return False
    said = " ".join(_NOT_WORDS.sub(" ", fold(ctx.incoming.text)).split())
    check_in = MAYBE_IN_DANGER in offer.reasons
    if check_in and said in CHECK_IN_NO:
        _decline(ctx)
        return True
    if check_in and said in UNSURE:
        _accept(ctx, offer, SAID_UNSURE)
        return True
    if _typed_yes(ctx):
        _accept(ctx, offer, "")
        return True
    if said in OFFER_NO:
        _decline(ctx)
        return True
    if typed.refuses_help(said) and ctx.triage().urgency is not Urgency.EMERGENCY:
        _decline(ctx, parents=typed.fears_parents_told(said))
        return True
    # "ved ikke" under the offer got "not sure I understood" with the suicide topic among its choices; unsure is a
    # question about what a yes means.
    unsure = said in UNSURE or asks_what_happens(ctx.incoming.text)
    if not check_in and unsure and ctx.triage().urgency is Urgency.NONE:
        _explain_offer(ctx, offer)
        return True
    return False


def _explain_offer(ctx: Context, offer: CaseOffer) -> None:
    """What a yes and a no lead to, then the offer again (its answer window starts anew)."""
    reasons = tuple(offer.reasons)
    helper = FOR_SOMEONE_ELSE in reasons
    slug = ctx.profile.municipality
    org = notices.org_name(slug, ctx.lang)
    if slug is not None and not routing.someone_can_answer_in(ctx.session, slug, ctx.now, ctx.deps.settings):
        # As the case's first notice would say after a yes: nobody there would read it.
        said = _("Right now no caseworker from {org} is connected to Husly, so I can't promise you an answer here. "
                 "Please call the municipality yourself. If you say yes, I still make a case here; if you say no, I "
                 "send nothing on.")
    elif helper:
        said = _("If you say yes, I send the case to the caseworkers at {org}, and one of them writes to you here "
                 "about the young person. If you say no, I send nothing on.")
    else:
        said = _("If you say yes, I send your case to the caseworkers at {org}. First I ask a few short questions "
                 "that you can skip. When a caseworker has taken your case, you get a message here, and then you "
                 "can write together in this chat. You do not have to give your name. If you say no, I send "
                 "nothing on.")
    _offer(ctx, offer.urgency, reasons, _words_so_far(ctx), info=Reply(esc(said.format(org=org))), helper=helper)


_NOT_WORDS = re.compile(r"[^\w\s]")


def _typed_yes(ctx: Context) -> bool:
    said = " ".join(_NOT_WORDS.sub(" ", fold(ctx.incoming.text)).split())
    return said in OFFER_YES or typed.short_yes(said)


# "jeg har fortrudt", "I changed my mind", "kan jeg alligevel snakke med en": after saying no to a caseworker.
# Not "alligevel" / "after all" alone: "jeg fik alligevel et sted at sove" is the opposite.
_CHANGED_MIND = re.compile(r"\b(fortrudt|fortryder|fortryd|skiftet mening|ombestemt|changed my mind|"
                           r"change my mind|on second thought)\b")
_ASKS_FOR_PERSON = re.compile(r"\b(snakke|tale|skrive|chatte|talk|speak|chat)\b.*\b(med en|med nogen|med et menneske|"
                              r"med en medarbejder|med en sagsbehandler|to someone|to somebody|to a person|"
                              r"to a caseworker|to a human|with someone)\b")


def _changed_mind(ctx: Context) -> bool:
    """Soon after a no to a caseworker, a message that changes it ("jeg har fortrudt, jeg vil gerne snakke med en")
    gets the offer again (was "not sure I understood", with topics to choose from)."""
    declined = ctx.state.get(Declined)
    if declined is None or ctx.state.flow is not None or not ctx.incoming.private or ctx.incoming.kind != "text":
        return False
    if declined.at is None or ctx.now - declined.at > OFFER_ANSWER_WINDOW:
        ctx.state.drop(Declined)
        return False
    said = fold(ctx.incoming.text)
    if len(said.split()) > 15 or not (_CHANGED_MIND.search(said) or _ASKS_FOR_PERSON.search(said)):
        return False
    if ctx.triage().urgency is Urgency.EMERGENCY or service.open_case_for(
            ctx.session, ctx.incoming.transport, ctx.incoming.chat_id) is not None:
        return False  # an emergency opens a case at once (the urgent flow); an open case takes the message
    ctx.state.drop(Declined)
    _offer(ctx, declined.urgency, tuple(declined.reasons), "")
    return True


def _yes_after_topic(ctx: Context) -> bool:
    """"ja" typed under an answer that says "Want to talk to a person? Tap «Tal med en medarbejder»": the offer of
    a caseworker, with its buttons (was small talk: "Okay. Write if there is anything else")."""
    if ctx.state.flow is not None or not ctx.incoming.private or ctx.incoming.kind != "text":
        return False
    topic_id = shown_topic(ctx)
    topic = ctx.deps.kb.topics.get(topic_id) if topic_id else None
    if topic is None or MenuItem.STAFF not in named_buttons(topic) or not _typed_yes(ctx):
        return False
    said = " ".join(_NOT_WORDS.sub(" ", fold(ctx.incoming.text)).split())
    if _declined_lately(ctx) and not typed.short_yes(said):
        return False  # "ok" after a no to a caseworker is no yes to one ("ja" still is)
    if actions.is_case_staff(ctx.staff()) or service.open_case_for(ctx.session, ctx.incoming.transport,
                                                                     ctx.incoming.chat_id) is not None:
        return False
    _offer(ctx, Urgency.URGENT.value, ("asked_for_caseworker",), "")
    return True


def _decline(ctx: Context, *, parents: bool = False) -> None:
    """A no to the offer; ``parents``: the person fears their parents would be told (the no says so)."""
    offer = ctx.state.get(CaseOffer)
    ctx.state.drop(CaseOffer)
    if offer is not None:
        ctx.state.put(Declined(urgency=offer.urgency, reasons=list(offer.reasons), at=ctx.now))
    if offer is not None and MAYBE_IN_DANGER in offer.reasons:
        said = _("I'm glad. Write to me if there is anything I can help with. If that changes, tap Urgent help or "
                 "call 112.")
    elif parents:
        # The number and hours come from the knowledge base, as in the help for minors.
        lines = [esc(_("Okay, you decide. I send nothing on. If you are under 18 and want to talk to someone without "
                       "giving your name, BørneTelefonen is there day and night:"))]
        lines.extend(service_line(s, ctx.lang) for s in services_for(ctx.deps.kb, ["boernetelefonen"], None))
        lines.append(esc(_("If you change your mind, tap Urgent help. If you are in danger, call 112.")))
        ctx.reply(Reply("\n".join(lines), buttons=texts.menu_buttons()))
        return
    else:
        said = _("Okay. If you change your mind, tap Urgent help. If you are in danger, call 112.")
    ctx.reply(Reply(esc(said), buttons=texts.menu_buttons()))


def _accept(ctx: Context, offer: CaseOffer | None, reason: str) -> None:
    if _writes_as_staff(ctx):
        return
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    ctx.state.drop(CaseOffer)
    offer = offer or CaseOffer()
    if MAYBE_IN_DANGER in offer.reasons:
        reason = reason or SAID_IN_DANGER  # the yes to "are you in danger right now?"
    reasons = tuple(r for r in (*offer.reasons, reason) if r)
    if case is not None:
        _update_open_case(ctx, case, offer.urgency, reasons)
        return
    _connect(ctx, offer.urgency if offer.urgency in ("urgent", "emergency") else "urgent", reasons, offer.words,
             age_band=offer.age_band, referral=offer.referral)


def _connect(ctx: Context, urgency: str, reasons: tuple[str, ...], words: str, *, age_band: str | None = None,
             referral: int | None = None) -> None:
    """Create the case (or reopen the person's recent one), post its card, say what happens next, ask."""
    earlier = service.latest_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if earlier is not None and _recent(ctx, earlier):
        _come_back(ctx, earlier, urgency, reasons, words)
        return
    if _too_many_cases(ctx):
        return
    case = service.create_case(ctx.session, transport=ctx.incoming.transport, chat_id=ctx.incoming.chat_id,
                               lang=ctx.lang, municipality=ctx.profile.municipality, urgency=urgency,
                               reasons=reasons, now=ctx.now)
    if earlier is not None:
        service.carry_over(case, earlier)
    if referral is not None:
        # Counted only now, with the young person's yes; a link used up or expired meanwhile still opens the case.
        case.referred_by = referrals.use(ctx.session, referral, ctx.now)
    if case.age_band is None and FOR_SOMEONE_ELSE not in reasons and (band := age_band or typed.own_age_band(words)):
        # "im 19" or "19" said while the offer was on screen: not asked again, and no children's line in the help.
        service.set_age(case, band)
    cards.announce(ctx.session, case, ctx.now, ctx.deps.settings)
    place = other_place(fold(words).split()) if case.municipality is None and words else None
    if place is not None:
        # "I'm in Odense and have nowhere to sleep": asking to be told the municipality, as if to send the case
        # there, promised a caseworker from a town no one on Husly serves.
        ctx.reply(Reply(esc(_("Your case number is {number}.").format(number=case.id) + " " + _elsewhere(place))))
    else:
        ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now, ctx.deps.settings))
    _ask(ctx, case, _next_step(case, None), first=words)


def _elsewhere(place: str) -> str:
    return _("Husly has no caseworkers from {place}, so it is not certain that anyone here can help you further. "
             "Contact the municipality there now: its phone number is on its website. If you are in danger, call "
             "112.").format(place=place)


def _recent(ctx: Context, earlier: Case) -> bool:
    days = ctx.deps.settings.reopen_days
    return (earlier.status == CaseStatus.CLOSED and earlier.closed_at is not None
            and ctx.now - earlier.closed_at <= dt.timedelta(days=days))


def _come_back(ctx: Context, case: Case, urgency: str, reasons: tuple[str, ...], words: str) -> None:
    """The person asks again soon after a close: the same case opens again, keeping all that is known."""
    service.reopen(ctx.session, case, ctx.now, "came_back")
    service.enrich(ctx.session, case, urgency=urgency, reasons=reasons, now=ctx.now)
    if words:
        relay.keep_words(ctx, case, words)  # only with their consent from the first time
        service.youth_wrote(case, ctx.now)
    cards.announce(ctx.session, case, ctx.now, ctx.deps.settings)
    cards.ping(ctx.session, case, lambda: _("Case #{number} is open again: the young person asks for help again.")
               .format(number=case.id), ctx.now, words=bool(words))
    ctx.reply(notices.reopened(case, ctx.lang))
    if case.words_consent is None:
        _ask(ctx, case, "words", first=words)


def _too_many_cases(ctx: Context) -> bool:
    """More than HUSLY_CASES_PER_HOUR new cases from one chat (counted across /slet) flood the caseworkers."""
    since = ctx.now - leftovers.CASE_WINDOW
    transport, chat_id = ctx.incoming.transport, ctx.incoming.chat_id
    opened = service.cases_opened_since(ctx.session, transport, chat_id, since)
    opened += leftovers.cases_opened_since(ctx.session, audit_key(ctx.deps.settings), transport, chat_id, ctx.now)
    if opened < ctx.deps.settings.cases_per_hour:
        return False
    log.warning("chat %s asked for a case %s times within an hour; no new case", chat_id, opened + 1)
    ctx.reply(Reply(esc(_("The caseworkers already got your requests from the last hour, so I did not send a new "
                          "one. If you are in danger, call 112. You can also call your municipality, or write "
                          "to me what you need."))))
    return True


def _update_open_case(ctx: Context, case: Case, urgency: str, reasons: tuple[str, ...]) -> None:
    """A person with an open case asked again: raise it if needed and say where it stands (no new card)."""
    became_emergency = service.enrich(ctx.session, case, urgency=urgency, reasons=reasons, now=ctx.now)
    if case.status == CaseStatus.CLAIMED and not case.relay:
        case.relay = True
        service.log_event(ctx.session, case, "relay_resumed", ctx.now, actor="youth")
        _tell_claimer(ctx, case, lambda: _("The young person wants to talk again in case #{number}.").format(
            number=case.id))
    cards.refresh(ctx.session, case, ctx.now)
    if became_emergency:
        relay.emergency_ping(ctx, case)
    # The number was said when the case opened: news without it.
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now, ctx.deps.settings, told=True))
    questions = _asking(ctx, case)
    if questions is not None:
        _ask(ctx, case, questions.step, again=True)
    elif case.municipality is None:
        # Without a municipality nobody local sees the case: ask again, with the buttons.
        _ask(ctx, case, "municipality")


def _where_it_stands(ctx: Context, case: Case) -> bool:
    """"Talk to a caseworker" pressed again while the case waits for one: where it stands in a line or two, not the
    whole notice, the safety information and the question on screen again. A case that nobody can answer on Husly,
    or that has no municipality yet, still hears all of it (False: what to do then is the point)."""
    settings = ctx.deps.settings
    if case.municipality is None or not routing.someone_can_answer(ctx.session, case, ctx.now, settings):
        return False
    org = notices.org_name(case.municipality, ctx.lang)
    text = _("Your case (number {number}) is with the caseworkers at {org}. Nobody has taken it yet. You get a "
             "message here when one of them takes it.").format(number=case.id, org=org)
    opening = notices.closed_until(ctx.session, case, ctx.now)
    if opening is not None:
        text += " " + _("The office is closed, so a caseworker may not answer before {when}.").format(
            when=notices.when(opening, ctx.now))
    ctx.reply(Reply(esc(text + " " + _("If you are in danger, call 112."))))
    return True


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
        if step == "words" and case.words_consent is not None:
            continue
        if step == "age" and case.age_band:
            continue
        if step == "tonight" and case.tonight:
            continue
        if step == "consent" and case.consent:
            continue
        return step
    return None


def _skip(case: Case, step: str) -> Button:
    return make_button(_("Skip"), Youth(YouthAction.SKIP, case.id or 0, step))


def _ask(ctx: Context, case: Case, step: str | None, *, first: str = "", again: bool = False,
         count: bool = True) -> None:
    """Ask one question (or finish), remembering the step in the conversation state. ``again``: the question was
    asked already, and comes again after a message on the case: without its introduction, which once is enough.

    A words question passed over (the person wrote on instead) comes once more after the last question, so the
    first words are not dropped unasked; after that answer, or more writing on, the questions end."""
    number = case.id or 0
    before = _asking(ctx, case)
    if case.words_consent is None and not first and before is not None:
        first = before.first  # still waiting for the answer to the words question
    same = before if before is not None and before.step == step else None
    last = same is not None and same.last
    if step is None and case.words_consent is None and before is not None and before.words_again:
        step, last, same = "words", True, None
    if step is None:
        _finish(ctx, case, first)
        return
    # ``count`` False: shown again after a message that only said how the person is, not counted as passed over.
    asked = same.asked + (1 if count else 0) if same is not None else 1
    words_again = before is not None and before.words_again and not last
    if step == "words":
        # The first words wait here, in the person's own state, until they say whether they may be kept.
        ctx.state.start(Questions(case=number, step=step, first=first, asked=asked, last=last))
        question = (_("Last question: may the caseworkers read what you wrote to me? Then you don't have to explain "
                      "it all again. If you write /slet, it is deleted.") if last else
                    _("May the caseworkers read what you write to me here? Then you don't have to explain it all "
                      "again. If you write /slet, it is deleted."))
        ctx.reply(Reply(esc(question),
                        buttons=((make_button(_("Yes, they may"), Youth(YouthAction.WORDS, number, "yes")),),
                                 (make_button(_("No, only my answers"), Youth(YouthAction.WORDS, number, "no")),))))
        return
    ctx.state.start(Questions(case=number, step=step, first=first if case.words_consent is None else "", asked=asked,
                              words_again=words_again))
    if step == "municipality":
        rows = [*municipality_buttons(lambda slug: Youth(YouthAction.MUNICIPALITY, number, slug)), (_skip(case, step),)]
        # A helper is asked about the young person: where the friend lives is where the help is.
        question = (_("Which municipality does the young person live in?") if FOR_SOMEONE_ELSE in case.all_reasons()
                    else _("Which municipality are you in?"))
        ctx.reply(Reply(esc(question), buttons=tuple(rows)))
    elif step == "age":
        labels = {"under_18": _("Under 18"), "18_24": "18-24", "25_29": "25-29", "30_plus": _("30 or older")}
        ages = [make_button(labels[b], Youth(YouthAction.AGE, number, b)) for b in AGE_BANDS]
        question = (_("How old are you?") if again
                    else _("A few short questions help the caseworker. You can skip them. How old are you?"))
        ctx.reply(Reply(esc(question), buttons=(tuple(ages[:2]), tuple(ages[2:]), (_skip(case, step),))))
    elif step == "tonight":
        labels = {"outside": _("Nowhere / outside"), "friends": _("With friends or family, just tonight"),
                  "shelter": _("At a shelter"), "unsafe_home": _("At home, but it's not safe"),
                  "has_place": _("I have a place")}
        rows = [(make_button(labels[w], Youth(YouthAction.TONIGHT, number, w)),) for w in TONIGHT]
        ctx.reply(Reply(esc(_("Where will you sleep tonight?")), buttons=(*rows, (_skip(case, step),))))
    elif step == "consent":
        ctx.reply(Reply(esc(_("Can the caseworker see your first name and phone number? Then they can call you. "
                              "Tap the button below to share them.")),
                        request_contact="📱 " + _("Share my name and number")))
        ctx.reply(Reply(esc(_("Or stay anonymous: the caseworker can still write to you here.")),
                        buttons=((make_button(_("Stay anonymous"), Youth(YouthAction.ANONYMOUS, number)),),)))


def _finish(ctx: Context, case: Case, first: str = "") -> None:
    ctx.state.end(Questions)
    if case.words_consent is None and first:
        # Still no answer to the words question: the first words wait for it (its "yes" button still works), in the
        # person's own state, until they answer or the case closes; on the case only with a yes.
        ctx.state.put(WaitingWords(case=case.id or 0, words=first))
    own = ""
    if case.status == CaseStatus.CLAIMED:
        text = _("Thank you. Your caseworker can see your answers.")
    elif case.municipality and not routing.someone_can_answer(ctx.session, case, ctx.now, ctx.deps.settings):
        # Told when the case opened that nobody from there is on Husly: no promise of a caseworker now either, and
        # the municipality's own contact, so they need not look it up.
        text = _("Thank you, that's all. Remember that no caseworker from {org} is connected to Husly right now, so "
                 "please call the municipality yourself.").format(org=notices.org_name(case.municipality, ctx.lang))
        own = notices.municipality_line(ctx.deps.kb, case.municipality, ctx.lang)
        if notices.office_closed(ctx.session, case, ctx.now) and (night := notices.social_on_call(
                ctx.deps.kb, case, ctx.lang)):
            own = "\n\n".join(x for x in (own, night) if x)
    else:
        text = _("Thank you, that's all. The caseworker sees your answers when they take your case. You can write "
                 "to me in the meantime: it goes to your case.")
    ctx.reply(Reply("\n\n".join(x for x in (esc(text), own) if x), remove_keyboard=True))


def _advance(ctx: Context, case: Case, step: str) -> None:
    """Go on to the next question if the person is still in this case's questions; otherwise just confirm."""
    questions = _asking(ctx, case)
    if questions is not None:
        _ask(ctx, case, None if questions.last else _next_step(case, step))
    else:
        ctx.answer_callback(_("Saved."))


def _asking(ctx: Context, case: Case) -> Questions | None:
    """The questions' state, when the person is in this case's questions."""
    questions = ctx.state.get(Questions)
    return questions if questions is not None and questions.case == case.id else None


def _set_municipality(ctx: Context, case: Case, slug: str) -> None:
    """Route a case to the municipality the person named (cards elsewhere, fx the on-call queue's, are retired)."""
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
    settings = ctx.deps.settings
    keep = [*routing.announce_targets(ctx.session, case, ctx.now, settings), *routing.admin_targets(ctx.session)]
    cards.retire(ctx.session, case, lambda: _("Case #{number} was sent to {name}.").format(
        number=case.id, name=municipality_name(slug)), keep, ctx.now)
    cards.announce(ctx.session, case, ctx.now, settings)
    # Said when the case opened, the number is not news now: "Dit sagsnummer er 1" came a second time when the
    # municipality was typed during the questions (or tapped, or typed after them).
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now, settings, told=True))


def _minor_help(ctx: Context) -> None:
    lines = [esc(_("Because you are under 18, you can also call BørneTelefonen, day and night."))]
    lines.extend(service_line(s, ctx.lang) for s in services_for(ctx.deps.kb, ["boernetelefonen"], None))
    ctx.reply(Reply("\n".join(lines)))


# ---- buttons -----------------------------------------------------------------------------------------------

def _owns(ctx: Context, case: Case) -> bool:
    return case.transport == ctx.incoming.transport and case.chat_id == ctx.incoming.chat_id


def _own_case(ctx: Context, case_id: int, *, closed_ok: bool = False) -> Case | None:
    """The case named in a button, if it is this chat's and still open; else None (forged or stale)."""
    case = ctx.session.get(Case, case_id)
    if case is None or not _owns(ctx, case):
        if case is not None:
            log.warning("case button for case %s pressed in another chat %s", case.id, ctx.incoming.chat_id)
        return None
    if case.status == CaseStatus.CLOSED and not closed_ok:
        return None
    return case


def button(ctx: Context, data: Youth) -> None:
    """Handle the young person's case buttons (connect, answers, skip, stop, follow-up, come back)."""
    if data.action is YouthAction.GO:
        _accept(ctx, ctx.state.get(CaseOffer), "")
        return
    if data.action is YouthAction.NO:
        _decline(ctx)
        return
    handler = {YouthAction.MUNICIPALITY: _on_municipality, YouthAction.WORDS: _on_words, YouthAction.AGE: _on_age,
               YouthAction.TONIGHT: _on_tonight, YouthAction.ANONYMOUS: _on_anonymous, YouthAction.SKIP: _on_skip,
               YouthAction.STOP: _on_stop, YouthAction.FOLLOWUP: _on_followup,
               YouthAction.REOPEN: _on_again}[data.action]
    closed_ok = data.action in (YouthAction.FOLLOWUP, YouthAction.REOPEN)
    case = _own_case(ctx, data.case, closed_ok=closed_ok)
    if case is None or not handler(ctx, case, data.value):
        ctx.answer_callback(texts.stale_button())


def _on_municipality(ctx: Context, case: Case, value: str) -> bool:
    if value not in MUNICIPALITIES:
        return False
    _set_municipality(ctx, case, value)
    _advance(ctx, case, "municipality")
    return True


def _record_answer(ctx: Context, case: Case, detail: str, *, changed: bool = True) -> None:
    """Save an answer to one of the questions: audited as a code (``detail``, never free text) and, when it
    ``changed`` the case, shown on every card at once."""
    ctx.session.add(case)
    service.log_event(ctx.session, case, "answered", ctx.now, actor="youth", detail=detail)
    if changed:
        cards.refresh(ctx.session, case, ctx.now)


def _on_words(ctx: Context, case: Case, value: str) -> bool:
    if value not in ("yes", "no"):
        return False
    keep = value == "yes"
    questions = _asking(ctx, case)
    waiting = ctx.state.get(WaitingWords)
    wrote = bool(questions.first if questions is not None else waiting is not None and waiting.case == case.id
                 and waiting.words)
    _record_words(ctx, case, keep)
    # Said back, as for a typed answer: the next question alone, with no word on the tap, left the person unsure it
    # had worked.
    ctx.reply(Reply(esc(_words_answer(keep, wrote))))
    _advance(ctx, case, "words")
    return True


def _record_words(ctx: Context, case: Case, keep: bool) -> None:
    """Store the answer to "may the caseworkers read what you write"; yes keeps the first words too (also when
    the questions ended before the answer: a late tap on the old "yes" button)."""
    questions = ctx.state.get(Questions)
    first = questions.first if questions is not None and questions.case == case.id else ""
    waiting = ctx.state.get(WaitingWords)
    if waiting is not None:
        first = first or (waiting.words if waiting.case == case.id else "")
        ctx.state.drop(WaitingWords)
    case.words_consent = keep
    if keep and first:
        relay.keep_words(ctx, case, first)
    _record_answer(ctx, case, f"words={'yes' if keep else 'no'}")


def _on_age(ctx: Context, case: Case, value: str) -> bool:
    if value not in AGE_BANDS:
        return False
    _record_age(ctx, case, value)
    _advance(ctx, case, "age")
    return True


def _record_age(ctx: Context, case: Case, band: str) -> None:
    service.set_age(case, band)
    _record_answer(ctx, case, f"age={band}")
    if band == "under_18":
        _minor_help(ctx)


def _on_tonight(ctx: Context, case: Case, value: str) -> bool:
    if value not in TONIGHT:
        return False
    service.set_tonight(case, value)
    _record_answer(ctx, case, f"tonight={value}")
    _advance(ctx, case, "tonight")
    return True


def _on_anonymous(ctx: Context, case: Case, value: str) -> bool:
    _record_answer(ctx, case, "consent=no", changed=False)
    _advance(ctx, case, "consent")
    return True


def _on_skip(ctx: Context, case: Case, value: str) -> bool:
    if value not in STEPS:
        return False
    _advance(ctx, case, value)
    return True


def _on_stop(ctx: Context, case: Case, value: str) -> bool:
    stop(ctx)
    return True


def _on_followup(ctx: Context, case: Case, value: str) -> bool:
    """Store the answer to "did you find somewhere safe?" once; "no" reopens the case."""
    if (value not in ("yes", "no") or case.status != CaseStatus.CLOSED or case.followup_sent_at is None
            or case.followup_answer is not None):
        return False
    safe = value == "yes"
    case.followup_answer = "safe" if safe else "not_safe"
    ctx.session.add(case)
    service.log_event(ctx.session, case, "followup_answered", ctx.now, actor="youth", detail=case.followup_answer)
    if safe:
        ctx.reply(Reply(esc(_("I'm glad to hear that. If you need help again, I'm here.")),
                        buttons=texts.menu_buttons()))
        cards.refresh(ctx.session, case, ctx.now)
        return True
    ctx.reply(texts.safety_first(ctx, Urgency.URGENT))
    _reopen_for_youth(ctx, case, "followup_not_safe",
                      lambda: _("Case #{number} is open again: the young person is not safe yet."))
    return True


def _on_again(ctx: Context, case: Case, value: str) -> bool:
    """"I need help again" under the closing message: the same case opens again."""
    if case.status != CaseStatus.CLOSED or service.has_open_case(ctx.session, case.transport, case.chat_id):
        return False
    ctx.reply(texts.safety_first(ctx, Urgency.URGENT))
    _reopen_for_youth(ctx, case, "came_back",
                      lambda: _("Case #{number} is open again: the young person asks for help again."))
    return True


def _reopen_for_youth(ctx: Context, case: Case, reason: str, note: Callable[[], str]) -> None:
    service.reopen(ctx.session, case, ctx.now, reason)
    cards.announce(ctx.session, case, ctx.now, ctx.deps.settings)
    cards.ping(ctx.session, case, lambda: note().format(number=case.id), ctx.now)
    ctx.reply(notices.next_steps(ctx.session, ctx.deps.kb, case, ctx.now, ctx.deps.settings))


# ---- typed answers -----------------------------------------------------------------------------------------

def flow_text(ctx: Context) -> None:
    """Take a typed message during the questions: read an answer from it, or put it on the case."""
    text = ctx.incoming.text
    questions = ctx.state.get(Questions)
    case = ctx.session.get(Case, questions.case) if questions is not None else None
    result = ctx.triage(text)
    asked = questions is not None and case is not None and case.status != CaseStatus.CLOSED
    if not set(result.reasons) - {LEARNED, MAYBE_IN_DANGER} and (typed.skip(text) or (
            asked and typed.words_consent(text) is False)):
        # "I don't want to say my name" to "How old are you?", "nej det gider jeg ikke" to "Where will you sleep
        # tonight?": not telling is no danger (the learned model read "don't want to" as despair, and on the open
        # case the suicide line came). Whole messages only: "jeg vil ikke leve mere" keeps its crisis reading.
        result = Triage(Urgency.NONE, ())
    if asked:
        # "han råber af mig nu" at "Where will you sleep tonight?": a danger now, not an answer nor a message past the
        # question (case30).
        result = relay.heard_danger(result, text)
    if questions is None or case is None or case.status == CaseStatus.CLOSED or not _owns(ctx, case):
        ctx.state.end()
        if result.urgency is not Urgency.NONE:
            urgent(ctx, result)
        else:
            answer_question(ctx, text, result)
        return
    step = questions.step
    answer = fold(text).strip(" .!")
    if case.status == CaseStatus.CLAIMED:
        # A caseworker has the case: they talk now (and ask what they need); the questions end here, and what is
        # typed goes to them, not read as an answer. Mette asked "are you somewhere safe?" and Sara's "jeg er hos
        # min veninde" was taken as the answer to "where will you sleep tonight?": Mette never saw it, and Sara
        # got the bot's next question instead.
        ctx.state.end(Questions)
        relay.on_message(ctx, case, text)
        return
    if result.urgency is Urgency.NONE and privacy_asked.asks_to_erase(text):
        # "slet mine data" at a question: the way to /slet (its own question, with its two buttons), not a message on
        # the case with the question again under it (case30). The questions stay where they were.
        relay.to_case(ctx, case, text, result)
        return
    if result.urgency is Urgency.NONE and typed.wants_to_stop(text):
        # "stop" at a question: no more questions (it was put on the case, and the question came again; case30).
        _stop_questions(ctx, case, questions)
        return
    if result.urgency is Urgency.NONE and step in STEPS and typed.asks_why(text):
        # "hvorfor?" at a question: why it is asked, in a line; the question and its buttons are right above, and this
        # is no writing past it (it is not counted; case30).
        ctx.reply(Reply(esc(_why(step))))
        return
    if _typed_answers(ctx, case, questions, text, result):
        return
    if step == "consent" and (answer in NO_WORDS or typed.words_consent(text) is False):
        _on_anonymous(ctx, case, "")
        return
    first = questions.first
    if case.words_consent is None:
        # Not yet said whether their words may be kept: they wait with the first ones, in the person's state.
        first = "\n".join(x for x in (first, text) if x)[-FIRST_WORDS_MAX:]
    # A word or two that answers nothing ("hjemme", "17" before the age is asked) is not searched as a topic: "ude"
    # got the SU answer ("bor hjemme eller ude"). A question ("hvad er SU?") or a longer message still is.
    # While the questions run, a message that answers or adds context ("min mor ved ikke, at jeg er her") goes on the
    # case with a short line; only a real question is searched ("hvad er SU?", "kan jeg få varmen et sted?"): searched,
    # a calm sentence got a topic's answer and its buttons between two questions.
    relay.to_case(ctx, case, text, result, search=typed.asks_a_question(text), compact=True)
    if step in STEPS and relay.on_case(result, text).urgency is Urgency.EMERGENCY:
        # A danger said at a question: the safety information came first; the question stays, and is not counted as
        # passed over (after "hallo?" and "han råber af mig nu" the next question came, as if the danger had been
        # an answer; case30).
        _ask(ctx, case, step, first=first, again=True, count=False)
        return
    if step in STEPS and result.urgency is Urgency.NONE and asks_what_happens(text) and questions.asked < ASKED_MAX:
        # "hvad så nu?" just under "Where will you sleep tonight?": the reply says what happens; the question and its
        # buttons are right above it, and the same question again at once read as if the bot had not listened. (Shown
        # twice already, the next question comes, as after any message.)
        ctx.state.put(questions.model_copy(update={"first": first}))
        return
    if step in STEPS and result.urgency is Urgency.NONE and feelings.kind(text) in (feelings.Kind.FEELING,
                                                                                    feelings.Kind.NEED):
        # "jeg fryser", "jeg er så bange": the person did not write past the question, they said how they are. The
        # question comes again and is not passed over (the words question was, after two cold messages). Calls and
        # oks ("hallo?", "ok jeg venter") still count: the same question under each of them read as a wall.
        _ask(ctx, case, step, first=first, again=True, count=False)
        return
    _again_or_next(ctx, case, questions, first)


def _why(step: str) -> str:
    """Why a case question is asked, in one line, and that it may be skipped."""
    return {
        "words": _("So the caseworker can read what has happened, and you don't have to explain it all again. You "
                   "decide: say no, and they only see your answers."),
        "municipality": _("So your case goes to the caseworkers in your own municipality. They are the ones who can "
                          "help you."),
        "age": _("Because the help is different if you are under 18. You can skip the question."),
        "tonight": _("So the caseworker knows how urgent it is tonight. You can skip the question."),
        "consent": _("So the caseworker can call you. You can also stay anonymous: then they write to you here."),
    }[step]


def _stop_questions(ctx: Context, case: Case, questions: Questions) -> None:
    """End the questions at the person's word: the case stays open (and its words wait for a yes, as after the last
    question), the way to delete everything is named, and 112."""
    ctx.state.end(Questions)
    if case.words_consent is None and questions.first:
        ctx.state.put(WaitingWords(case=case.id or 0, words=questions.first))
    ctx.reply(Reply(esc(_("Okay, no more questions. Your case (number {number}) is still open, and you can write to "
                          "me here. If you want everything deleted, write /slet. If you are in danger, call 112.")
                        .format(number=case.id)), remove_keyboard=True))


def _again_or_next(ctx: Context, case: Case, questions: Questions, first: str) -> None:
    """The question on screen was not answered: ask it once more, or, shown twice in a row already, go on to the next
    question (the buttons above still work; a passed-over words question comes once more after the last one)."""
    step = questions.step
    if step in STEPS and questions.asked >= ASKED_MAX:
        # Asked twice and written on: the same question and buttons under every message read as a wall.
        if questions.last:
            _finish(ctx, case, first)
            return
        if step == "words":
            ctx.state.put(questions.model_copy(update={"words_again": True}))  # once more after the last question
        _ask(ctx, case, _next_step(case, step), first=first)
        return
    _ask(ctx, case, step if step in STEPS else None, first=first, again=True)


def _typed_answers(ctx: Context, case: Case, questions: Questions, text: str, result: Triage) -> bool:
    """Read what a typed message answers, then ask what is still open; True when it answered something.

    Any open question counts, not only the one on screen: after "Tell me your municipality" the person types
    "Aarhus" while the bot already asks whether their words may be kept, and an unread "Aarhus" left the case
    seen by no local caseworker. Danger words are never taken as an answer: they go to the case and raise it.
    """
    if result.urgency is Urgency.EMERGENCY or MAYBE_IN_DANGER in result.reasons:
        if set(result.reasons) - {LEARNED, MAYBE_IN_DANGER}:
            return False
        # Only the learned model's hunch, on an answer of a word or two ("ved ikke" to "where do you sleep
        # tonight?" was an emergency): read it as an answer first; if it is none, it stays an emergency.
        result = Triage(Urgency.NONE, ())
    step = questions.step
    calm = result.urgency is Urgency.NONE
    if calm and step in ("municipality", "age", "tonight") and (typed.skip(text) or typed.words_consent(text) is False):
        # "spring over", or a no to a question with buttons to choose from ("jeg vil ikke"): as the Skip button.
        _ask(ctx, case, _next_step(case, step))
        return True
    answered: set[str] = set()
    if step == "words" and calm and (keep := typed.words_consent(text)) is not None:
        _record_words(ctx, case, keep)
        # Said back, so a typed "nej" is seen to be read (the next question alone looked as if nothing was said).
        ctx.reply(Reply(esc(_words_answer(keep, bool(questions.first)))))
        answered.add("words")
    if case.municipality is None and (slug := _typed_place(text, step)):
        _set_municipality(ctx, case, slug)
        answered.add("municipality")
    elif case.municipality is None and calm and (place := _typed_other_place(text, step)):
        # "Odense" to "which municipality are you in?": no caseworker from there is on Husly. Said plainly, with the
        # way to that municipality; the case stays open (a caseworker of the network may still see it).
        ctx.reply(Reply(esc(_elsewhere(place))))
        answered.add("municipality" if step == "municipality" else "elsewhere")
    if case.age_band is None and FOR_SOMEONE_ELSE not in case.all_reasons() \
            and (band := typed.age_band(text, asked=step == "age")):
        _record_age(ctx, case, band)
        answered.add("age")
    if step == "tonight" and typed.home_only(text):
        # "hjemme": home, but safe or not? Guessing "safe" would lower the case; ask, with the two answers.
        ctx.reply(Reply(esc(_("Is it safe for you to be at home tonight?")), buttons=(
            (make_button(_("Yes, it's safe"), Youth(YouthAction.TONIGHT, case.id or 0, "has_place")),),
            (make_button(_("No, it's not safe"), Youth(YouthAction.TONIGHT, case.id or 0, "unsafe_home")),),
            (_skip(case, "tonight"),))))
        return True
    if step == "tonight":
        where = typed.tonight(text)
    elif case.tonight is None and FOR_SOMEONE_ELSE not in case.all_reasons():
        # "ude" or "hos en ven" typed before the question, or after skipping it: searched as a topic, it got SU.
        where = typed.tonight_only(text)
    else:
        where = None
    if where:
        service.set_tonight(case, where)
        _record_answer(ctx, case, f"tonight={where}")
        answered.add("tonight")
    if not case.consent and (number := typed.phone(text)):
        # Typed in answer to "Can the caseworker see your phone number?" (or before it was asked): that is the
        # consent. Without it, the number was put on the case as words, unseen by a caseworker when the person had
        # not let them read it. The questions still open are asked after it.
        service.set_contact(case, None, number)
        _record_answer(ctx, case, "consent=yes")
        ctx.reply(Reply(esc(_("Thanks. The caseworker can see your number and can call you.")), remove_keyboard=True))
        answered.add("consent")
    elif step == "consent" and calm and typed.words_consent(text):
        ctx.reply(Reply(esc(_("Then tap «Share my name and number» at the bottom of the screen, or write your phone "
                              "number here."))))
        return True
    if not answered:
        return False
    if not calm:
        # "På gaden, ingen steder": an answer that also sounds urgent keeps its reasons on the case.
        service.enrich(ctx.session, case, urgency=result.urgency.value, reasons=result.reasons, now=ctx.now)
        cards.refresh(ctx.session, case, ctx.now)
    first = questions.first
    if case.words_consent is None:
        # Still not said whether their words may be kept: this message waits with the first ones, as any other.
        first = "\n".join(x for x in (first, text) if x)[-FIRST_WORDS_MAX:]
    if step in answered:
        _ask(ctx, case, None if questions.last else _next_step(case, step), first=first)
    else:
        # "jeg er 16", then "Randers", while "May the caseworkers read what you write?" waits: each answered another
        # question, and the words question came under both, three times in a row. Another answer does not start
        # the count again.
        _again_or_next(ctx, case, questions, first)
    return True


def _words_answer(keep: bool, wrote: bool) -> str:
    """What a typed yes or no to "may the caseworkers read what you write?" was read as; the case goes on either
    way. Willing without having written anything yet (fx after the Urgent help button): asked to write it."""
    if not keep:
        return _("Okay, that's fine. The caseworkers only see your answers, not what you write. Your case goes on "
                 "as before.")
    if wrote:
        return _("Thanks. The caseworkers can read what you wrote and what you write here.")
    return _("Thanks. Write here in your own words what has happened, when you are ready. The caseworkers can read "
             "it.")


def _typed_place(text: str, step: str | None) -> str | None:
    """The municipality a message names: any mention when it was asked, else a message naming only it."""
    if step == "municipality":
        return detect_municipality(fold(text).split())
    return only_municipality(text)


def _typed_other_place(text: str, step: str | None) -> str | None:
    """A place outside the six a message names: any mention when the municipality was asked, else only it."""
    if step == "municipality":
        return other_place(fold(text).split())
    return only_other_place(text)


def place_for_case(ctx: Context) -> bool:
    """A municipality typed by a person whose open case has none (an interceptor): the case goes there.

    "Tell me your municipality, so I can send your case to the right caseworkers" is said when a case opens
    without one; typed after the questions (or after skipping them), "Copenhagen" was only put on the case.
    """
    if not ctx.incoming.private or ctx.incoming.kind != "text" or ctx.state.get(Questions) is not None:
        return False
    slug = only_municipality(ctx.incoming.text)  # first: no database query for the many other messages
    if slug is None:
        return False
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    if case is None or case.municipality is not None or ctx.triage().urgency is not Urgency.NONE:
        return False  # (after /stop too: the case is still open, and unrouted nobody local sees it)
    _set_municipality(ctx, case, slug)
    if case.status == CaseStatus.CLAIMED and case.relay:
        relay.on_message(ctx, case, ctx.incoming.text)  # the caseworker may have asked where the person is
    return True


def contact(ctx: Context) -> bool:
    """Store the name and number the person shared with the contact button, as consent to share them."""
    questions = ctx.state.get(Questions)
    if questions is None or not ctx.incoming.private:
        return False
    case = ctx.session.get(Case, questions.case)
    if case is None or case.status == CaseStatus.CLOSED or not _owns(ctx, case):
        return False
    if not ctx.incoming.contact_phone:
        # Someone else's contact card (the front end passes a number only for the person's own).
        ctx.reply(Reply(esc(_("That is not your own number. Tap the button to share yours, or stay anonymous."))))
        return True
    service.set_contact(case, ctx.incoming.first_name, ctx.incoming.contact_phone)
    _record_answer(ctx, case, "consent=yes")
    ctx.reply(Reply(esc(_("Thanks. The caseworker can see your first name and number.")), remove_keyboard=True))
    # Shared before the contact question (Telegram's attachment menu, or a number typed early): the question on
    # screen is still open, and so are the ones after it. Going on "after consent" ended the questions, and the
    # caseworker never learnt the person's age or where they sleep tonight.
    _ask(ctx, case, _next_step(case, _before(questions.step)), first=questions.first)
    return True


def _before(step: str | None) -> str | None:
    """The step before ``step``, so that ``_next_step(case, _before(step))`` asks ``step`` again if still open."""
    if step not in STEPS or step == STEPS[0]:
        return None
    return STEPS[STEPS.index(step) - 1]


def stop(ctx: Context) -> None:
    """End the chat with the caseworker (the case stays open for the caseworker to finish)."""
    case = service.open_case_for(ctx.session, ctx.incoming.transport, ctx.incoming.chat_id)
    questions = ctx.state.get(Questions)
    # The contact button is a reply keyboard: it stays on screen until a message removes it.
    keyboard_shown = questions is not None and questions.step == "consent"
    ctx.state.end(Questions)
    if case is None or not case.relay:
        text = _("You have no open chat with a caseworker.")
    else:
        case.relay = False
        case.owed_since = None
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
