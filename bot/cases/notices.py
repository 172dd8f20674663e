"""What the young person is told about their case: what happens next, who has it, and what to do meanwhile.

Honest about time: inside office hours a caseworker has been told; outside them nobody may answer before
the office opens, so the out-of-hours options (112, crisis lines, the municipality's on-call help) come
with it. Every function renders in the young person's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlmodel import Session, col, select

from bot.cases import routing, sending, service
from bot.cases.buttons import Youth, YouthAction
from bot.cases.feelings import Kind
from bot.cases.hours import TZ
from bot.cases.models import FOR_SOMEONE_ELSE, Case, CaseEvent, CaseStatus
from bot.config import Settings
from bot.conversation.callbacks import button
from bot.conversation.cards import adults_only, service_line, services_for
from bot.conversation.texts import MINOR_REASONS
from bot.i18n import _, use_lang
from bot.outbox import queue_reply
from bot.profiles import chat_lang
from bot.replies import Button, Reply, esc
from bot.staff.models import Staff
from knowledge.loader import KnowledgeBase
from knowledge.schema import is_municipality

# Makes a note's plain text, called in the language of the chat it goes to.
Make = Callable[[], str]

# The municipality's own help outside office hours (service ids in knowledge/services).
ON_CALL_SERVICES = {
    "koebenhavn": ("koebenhavn-sociale-doegnvagt",),
    "aarhus": ("aarhus-udrykningsteamet",),
    "roskilde": ("roskildehjemmet",),
    "randers": (),
    "favrskov": (),
    "hoeje-taastrup": (),
}
ORG_NAMES = {
    "da": {"randers": "Randers Kommune", "roskilde": "Roskilde Kommune", "koebenhavn": "Københavns Kommune",
           "favrskov": "Favrskov Kommune", "aarhus": "Aarhus Kommune", "hoeje-taastrup": "Høje-Taastrup Kommune"},
    "en": {"randers": "Randers Municipality", "roskilde": "Roskilde Municipality",
           "koebenhavn": "the City of Copenhagen", "favrskov": "Favrskov Municipality",
           "aarhus": "Aarhus Municipality", "hoeje-taastrup": "Høje-Taastrup Municipality"},
}


def org_name(slug: str | None, lang: str) -> str:
    """The municipality as an organisation ("Aarhus Kommune", "Københavns Kommune")."""
    if slug is None:
        return _("your municipality")
    return ORG_NAMES["en" if lang == "en" else "da"][slug]


def youth_lang(session: Session, case: Case) -> str:
    return chat_lang(session, case.transport, case.chat_id, case.lang)


def to_youth(session: Session, case: Case, make: Callable[[str], Reply], now: dt.datetime) -> None:
    """Queue a message to the young person, built by ``make(lang)`` in their language."""
    lang = youth_lang(session, case)
    with use_lang(lang):
        reply = make(lang)
    queue_reply(session, case.transport, case.chat_id, reply, now=now)


def tell_claimer(session: Session, case: Case, make: Callable[[], str], now: dt.datetime,
                 buttons: tuple[tuple[Button, ...], ...] = ()) -> None:
    """Queue a short note to the caseworker who has the case, in their language (console staff have no inbox)."""
    staff = session.get(Staff, case.claimed_by) if case.claimed_by else None
    if staff is not None:
        tell_staff(session, staff, case, make, now, buttons)


def tell_staff(session: Session, staff: Staff, case: Case, make: Callable[[], str], now: dt.datetime,
               buttons: tuple[tuple[Button, ...], ...] = ()) -> None:
    """Queue a short note about ``case`` to one staff member privately (console staff have no inbox)."""
    if staff.transport in routing.NO_INBOX:
        return
    with use_lang(chat_lang(session, staff.transport, staff.chat_id)):
        text = make()
    queue_reply(session, staff.transport, staff.chat_id, Reply(esc(text), buttons=buttons), now=now,
                 ref=sending.about(case.id, "note"))


def municipality_line(kb: KnowledgeBase, slug: str | None, lang: str) -> str:
    """The municipality's own contact (its phone, or its website where no number is sourced), for "call the
    municipality yourself": said without a number, the young person had to find one alone at night."""
    found = services_for(kb, [f"kommune-{slug}"], slug) if slug else []
    return service_line(found[0], lang) if found else ""


# Where the municipality's social on-call is reached through the police on 114 outside its opening hours: the
# knowledge base's topic for minors says so ("ofte") for these four (knowledge/topics/under-18.yaml); the service and
# its sources (Tønder, Hillerød, Rudersdal; reviewed 2026-12-04) are knowledge/services/politi-114.yaml. København and
# Aarhus have their own night services (ON_CALL_SERVICES). (case30)
POLICE_ON_CALL = frozenset({"randers", "roskilde", "favrskov", "hoeje-taastrup"})
POLICE_SERVICE = "politi-114"


def social_on_call(kb: KnowledgeBase, case: Case, lang: str) -> str:
    """Outside office hours, for someone under 18 (or of an age not told): that the police on 114 can often reach the
    municipality's social on-call, with the police line from the knowledge base. "Please call the municipality
    yourself" alone, at night, sent a 17-year-old to a number nobody answers. Empty elsewhere."""
    if case.municipality not in POLICE_ON_CALL or FOR_SOMEONE_ELSE in case.all_reasons():
        return ""
    minor = case.age_band == "under_18" or bool(MINOR_REASONS & set(case.all_reasons()))
    found = services_for(kb, [POLICE_SERVICE], case.municipality)
    if not found or (not minor and case.age_band is not None):
        return ""
    line = (_("If the municipality is closed, the police on 114 can often reach its social on-call service.") if minor
            else _("If you are under 18 and the municipality is closed, the police on 114 can often reach its social "
                   "on-call service."))
    return esc(line) + "\n" + service_line(found[0], lang)


def out_of_hours_options(kb: KnowledgeBase, case: Case, lang: str, header: str, *, closed: bool = False) -> str:
    """112 and crisis lines first, then the municipality's own help outside office hours (``closed``: the office is
    closed now, so also the way to its social on-call, where the knowledge base names one)."""
    ids = ["alarm-112", "livslinien"]
    if "violence_or_threats" in case.all_reasons():
        ids.append("lev-uden-vold")
    if case.age_band in (None, "under_18"):
        ids.append("boernetelefonen")
    ids.extend(ON_CALL_SERVICES.get(case.municipality or "", ()))
    if case.age_band == "under_18" or MINOR_REASONS & set(case.all_reasons()):
        # A 17-year-old was shown Roskilde's shelter for adults (a § 110 shelter takes only those over 18).
        ids = [i for i in ids if i not in adults_only(kb)]
    lines = [esc(header)]
    lines.extend(service_line(s, lang) for s in services_for(kb, ids, case.municipality))
    on_call = social_on_call(kb, case, lang) if closed else ""
    return "\n".join(lines) + ("\n\n" + on_call if on_call else "")


def office_closed(session: Session, case: Case, now: dt.datetime) -> bool:
    """Whether the case's municipality is outside its office hours now (the team's, or the default ones)."""
    if case.municipality is None:
        return False
    return not routing.office_hours(service.team_for(session, case.municipality)).is_open(now)


def when(moment: dt.datetime, now: dt.datetime) -> str:
    """"today at 08:00", "tomorrow at 08:00" or "Monday at 08:00", in local time."""
    local, today = moment.astimezone(TZ), now.astimezone(TZ).date()
    time = local.strftime("%H:%M")
    if local.date() == today:
        return _("today at {time}").format(time=time)
    if local.date() == today + dt.timedelta(days=1):
        return _("tomorrow at {time}").format(time=time)
    days = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]
    return _("{day} at {time}").format(day=days[local.weekday()], time=time)


def closed_until(session: Session, case: Case, now: dt.datetime) -> dt.datetime | None:
    """When the office opens, if it is closed now and nobody of the case's municipality is on duty; else None."""
    if case.municipality is None:
        return None
    hours = routing.office_hours(service.team_for(session, case.municipality))
    if hours.is_open(now) or routing.on_duty(session, case.municipality, now):
        return None
    return hours.next_opening(now)


def stop_button(case: Case) -> tuple[tuple[Button, ...], ...]:
    return ((button(_("End the chat"), Youth(YouthAction.STOP, case.id or 0)),),)


def next_steps(session: Session, kb: KnowledgeBase, case: Case, now: dt.datetime,
               settings: Settings | None = None, *, told: bool = False) -> Reply:
    """What happens now: who was told, when to expect an answer, and what to do meanwhile. ``told``: the person
    heard the case number when the case opened, so it is not said again as news ("Dit sagsnummer er 1" came twice
    when the municipality was typed during the questions)."""
    lang = youth_lang(session, case)
    with use_lang(lang):
        if case.status == CaseStatus.CLAIMED:
            return claimed(case, lang)
        if told:
            return _next_steps_told(session, kb, case, now, settings, lang)
        if case.municipality is None:
            if FOR_SOMEONE_ELSE in case.all_reasons():  # a helper's case: where the young person lives
                return Reply(esc(_("Your case number is {number}. Tell me the young person's municipality, so I can "
                                   "send the case to the right caseworkers.").format(number=case.id)))
            return Reply(esc(_("Your case number is {number}. Tell me your municipality, so I can send your case "
                               "to the right caseworkers.").format(number=case.id)))
        org = org_name(case.municipality, lang)
        if not routing.someone_can_answer(session, case, now, settings):
            text = [esc(_("Your case number is {number}. Right now no caseworker from {org} is connected to "
                          "Husly, so I can't promise you an answer here. Please call the municipality yourself.")
                        .format(number=case.id, org=org)),
                    municipality_line(kb, case.municipality, lang),
                    out_of_hours_options(kb, case, lang, _("If you need help right now:"),
                                         closed=office_closed(session, case, now))]
            return Reply("\n\n".join(t for t in text if t))
        team = service.team_for(session, case.municipality)
        hours = routing.office_hours(team)
        if not hours.is_open(now) and routing.on_duty(session, case.municipality, now):
            # Outside office hours, but a caseworker said /vagt: they have been told, and they answer.
            return Reply("\n\n".join([
                esc(_("I have sent your case (number {number}) to {org}. A caseworker is on duty now and has been "
                      "told. You get a message here as soon as they take it. Keep this chat open.")
                    .format(number=case.id, org=org)),
                out_of_hours_options(kb, case, lang, _("If you are in danger right now:"))]))
        if hours.is_open(now):
            return Reply(esc(_("I have sent your case (number {number}) to the caseworkers at {org}. You get a "
                               "message here as soon as one of them takes it. Keep this chat open.")
                             .format(number=case.id, org=org)))
        opening = hours.next_opening(now)
        text = [esc(_("I have sent your case (number {number}) to {org}. It is outside their office hours now, so "
                      "a caseworker may not answer before {when}.").format(
                          number=case.id, org=org, when=when(opening, now) if opening else _("the office opens")))]
        if team and team.oncall_chat_id:
            text.append(esc(_("Their on-call staff have been told too, but they may not be able to write to you "
                              "here.")))
        text.append(out_of_hours_options(kb, case, lang, _("If you need help before then:"), closed=True))
        return Reply("\n\n".join(text))


def _next_steps_told(session: Session, kb: KnowledgeBase, case: Case, now: dt.datetime, settings: Settings | None,
                     lang: str) -> Reply:
    """``next_steps`` for a person who knows their case number already: the same news, without the number."""
    if case.municipality is None:
        if FOR_SOMEONE_ELSE in case.all_reasons():
            return Reply(esc(_("Tell me the young person's municipality, so I can send the case to the right "
                               "caseworkers.")))
        return Reply(esc(_("Tell me your municipality, so I can send your case to the right caseworkers.")))
    org = org_name(case.municipality, lang)
    if not routing.someone_can_answer(session, case, now, settings):
        text = [esc(_("Right now no caseworker from {org} is connected to Husly, so I can't promise you an answer "
                      "about your case here. Please call the municipality yourself.").format(org=org)),
                municipality_line(kb, case.municipality, lang),
                out_of_hours_options(kb, case, lang, _("If you need help right now:"),
                                     closed=office_closed(session, case, now))]
        return Reply("\n\n".join(t for t in text if t))
    hours = routing.office_hours(service.team_for(session, case.municipality))
    if not hours.is_open(now) and routing.on_duty(session, case.municipality, now):
        return Reply("\n\n".join([
            esc(_("I have sent your case to {org}. A caseworker is on duty now and has been told. You get a message "
                  "here as soon as they take it. Keep this chat open.").format(org=org)),
            out_of_hours_options(kb, case, lang, _("If you are in danger right now:"))]))
    if hours.is_open(now):
        return Reply(esc(_("I have sent your case to the caseworkers at {org}. You get a message here as soon as one "
                           "of them takes it. Keep this chat open.").format(org=org)))
    opening = hours.next_opening(now)
    text = [esc(_("I have sent your case to {org}. It is outside their office hours now, so a caseworker may not "
                  "answer before {when}.").format(org=org, when=when(opening, now) if opening
                                                  else _("the office opens")))]
    team = service.team_for(session, case.municipality)
    if team and team.oncall_chat_id:
        text.append(esc(_("Their on-call staff have been told too, but they may not be able to write to you here.")))
    text.append(out_of_hours_options(kb, case, lang, _("If you need help before then:"), closed=True))
    return Reply("\n\n".join(text))


def claimed(case: Case, lang: str) -> Reply:
    return Reply(esc(_("A caseworker from {org} has your case now. Write here, and they will read it. Write /stop "
                       "to end the chat.").format(org=org_name(case.municipality, lang))),
                 buttons=stop_button(case))


def from_caseworker(case: Case, lang: str, text: str) -> Reply:
    """A caseworker's message, labelled with the municipality (never the caseworker's name), text escaped."""
    label = _("Caseworker from {org}").format(org=org_name(case.municipality, lang))
    return Reply(f"<b>{esc(label)}:</b> {esc(text)}", buttons=stop_button(case))


def closed(case: Case, lang: str) -> Reply:
    """Told kindly, with a way back: one tap opens the same case again."""
    return Reply(esc(_("Your case (number {number}) is closed now. We hope things are better. If you need help "
                       "again, tap the button or just write to me: your case opens again. If you are in danger, "
                       "call 112.").format(number=case.id)),
                 buttons=((button(_("I need help again"), Youth(YouthAction.REOPEN, case.id or 0)),),))


def reopened(case: Case, lang: str) -> Reply:
    if case.status == CaseStatus.CLAIMED:
        return Reply(esc(_("Your case (number {number}) is open again, and a caseworker from {org} has it. Write "
                           "here, and they will read it.").format(number=case.id, org=org_name(case.municipality,
                                                                                                 lang))),
                     buttons=stop_button(case))
    return Reply(esc(_("Your case (number {number}) is open again. The caseworkers at {org} have been told. You get "
                       "a message here when one of them takes it.").format(
                           number=case.id, org=org_name(case.municipality, lang))))


def handed_over(case: Case, lang: str, opens: Callable[[], str] | None = None) -> Reply:
    """``opens``: outside office hours, the new caseworker is not on duty: when they may answer, honestly."""
    text = _("Another caseworker from {org} has taken over your case. Write here as before.").format(
        org=org_name(case.municipality, lang))
    if opens is not None:
        text += " " + _("The office is closed, so a caseworker may not answer before {when}.").format(
            when=opens()) + " " + _("If you are in danger, call 112.")
    return Reply(esc(text), buttons=stop_button(case))


def owner_off_duty(session: Session, kb: KnowledgeBase, case: Case, now: dt.datetime,
                   active: dt.timedelta) -> Reply | None:
    """Said to a young person who writes, outside office hours, to a caseworker who has their case but is not on
    duty (they said /vagt fra, or their duty ran out): the message waits for them, and here is help meanwhile.
    Their messages went to the caseworker's private chat, and the young person heard nothing for up to an hour and
    a half, until the safety net gave the case back to the team. None when the owner is on duty, the office open,
    or the owner did something on the case within ``active`` (working late without /vagt, mid-conversation)."""
    owner = session.get(Staff, case.claimed_by) if case.claimed_by else None
    if owner is None or (owner.on_duty_until is not None and owner.on_duty_until > now):
        return None
    hours = routing.office_hours(service.team_for(session, case.municipality) if case.municipality else None)
    if hours.is_open(now):
        return None
    last = session.exec(select(CaseEvent.at).where(CaseEvent.case_id == case.id, CaseEvent.staff_id == owner.id)
                        .order_by(col(CaseEvent.at).desc()).limit(1)).first()
    if last is not None and now - last < active:
        return None
    lang = youth_lang(session, case)
    opening = hours.next_opening(now)
    with use_lang(lang):
        text = _("The caseworker who has your case is not on duty right now. Your message waits for them, but it may "
                 "take a while before they answer, maybe not before {when}.").format(
                     when=when(opening, now) if opening else _("the office opens"))
        return Reply("\n\n".join([esc(text), out_of_hours_options(kb, case, lang, _("If you need help right now:"),
                                                                    closed=True)]))


def on_the_case(case: Case, lang: str, *, urgent: bool, nobody: bool = False, opens: str | None = None) -> Reply:
    """A message on a case nobody has taken yet: what happens to it, truthfully. ``nobody``: no caseworker of the
    case's municipality is on Husly (nor anyone else it could go to), so nobody reads it or is told."""
    if nobody:
        return Reply(esc(_("I have put your message on your case (number {number}). But no caseworker from {org} is "
                           "connected to Husly right now, so nobody can answer you here. Please call the "
                           "municipality yourself. If you are in danger, call 112.").format(
                               number=case.id, org=org_name(case.municipality, lang))))
    if case.words_consent:
        seen = _("The caseworkers can read it.")
    else:
        seen = _("The caseworkers can see that you wrote, but not what, because you did not say yes to that.")
    told = (_("Because it sounds serious, they have been told again right now.") if urgent
            else _("Nobody has taken your case yet."))
    if opens:
        # Outside office hours with nobody on duty: the same honest time as when the case was sent.
        told += " " + _("The office is closed, so a caseworker may not answer before {when}.").format(when=opens)
    return Reply(esc(_("I have put your message on your case (number {number}).").format(number=case.id)
                     + " " + seen + " " + told + " " + _("If you are in danger, call 112.")))


def message_kept(case: Case, since_told: int = 1) -> Reply:
    """A later message on a case whose notice was said a short while ago: only that the message reached the case,
    not the whole notice again. ``since_told``: which message this is since that notice (1 for the first after it);
    from the second on, the words change, so five short messages in a row do not hear the same sentence five times."""
    if since_told <= 1:
        return Reply(esc(_("I have put your message on your case (number {number}).").format(number=case.id) + " "
                         + _("If you are in danger, call 112.")))
    if since_told % 2 == 0:
        return Reply(esc(_("That one is on your case too.")))
    return Reply(esc(_("That is on your case as well.") + " " + _("If you are in danger, call 112.")))


def closing(kind: str) -> Reply:
    """The reply to a thank-you, an ok or a goodbye (bot.cases.relay.closing) on a case nobody has taken yet."""
    waits = _("You get a message here when a caseworker takes your case.")
    opening = {"thanks": _("You're welcome."), "bye": _("Take care.")}.get(kind, _("Okay."))
    text = f"{opening} {waits}"
    if kind == "bye":
        text += " " + _("If you are in danger, call 112.")
    return Reply(esc(text))


def what_happens(told: Reply) -> Reply:
    """A question about what happens now on a case nobody has taken yet ("hvad sker der nu?", "er det anonymt?"): what
    comes next, then what the person must hear anyway (``told``)."""
    said = _("When a caseworker has taken your case, you get a message here, and then you can write together in this "
             "chat. You do not have to give your name.")
    return Reply(esc(said) + " " + told.html, buttons=told.buttons)


def feeling(case: Case, kind: Kind = Kind.FEELING, told: Reply | None = None, *, nobody: bool = False) -> Reply:
    """A short feeling, need or call on a waiting case ("jeg er så bange", "jeg fryser", "er der nogen?"): a warm
    line, not a topic's answer. ``told``: what the person must hear anyway (nobody on Husly, the office closed, or
    only that the message reached the case); without it, the case is with the caseworkers. ``nobody``: no caseworker
    of the municipality is on Husly, so a call is not told that it is not forgotten."""
    if kind is Kind.CALL and nobody:
        return told or message_kept(case)
    warm = {Kind.FEELING: _("It is okay to feel like that."),
            Kind.NEED: _("I'm sorry it is so hard right now."),
            Kind.CALL: _("You have not been forgotten.")}[kind]
    if told is not None:
        return Reply(esc(warm) + " " + told.html, buttons=told.buttons)
    return Reply(esc(warm + " " + _("Your case (number {number}) has been sent to the caseworkers, and your message "
                                    "is on it. If it is an emergency, call 112.").format(number=case.id)))


# The topic whose local texts say where to sleep or get warm tonight, per municipality (sourced, reviewed).
WARM_TOPIC = "natvarmestue"


def warm_tonight(kb: KnowledgeBase, case: Case, municipality: str | None, lang: str, today: dt.date) -> str:
    """Where someone cold outside at night can get warm: 112 first, then the municipality's own sourced text of the
    night-shelter topic and its local places and night help, one a line (none invented: only the knowledge base's
    services). Without a municipality, a line asking for it. "Jeg fryser" at the case questions got only "I'm sorry
    it is so hard right now", and no warm place was named."""
    parts = ["<b>" + esc(_("If you are very cold, call 112.")) + "</b>"]
    topic = kb.topics.get(WARM_TOPIC)
    local = (topic.municipalities.get(municipality)
             if topic is not None and municipality and is_municipality(municipality) else None)
    if topic is None or municipality is None or local is None:
        parts.append(esc(_("Write which municipality you are in, and I will show where you can get warm tonight.")))
        return "\n".join(parts)
    parts[0] += " " + esc(_("Here is where you can get warm tonight:"))
    parts.append(esc(local.get(lang)))
    ids = [*topic.services, *ON_CALL_SERVICES.get(municipality, ()), f"kommune-{municipality}"]
    if case.age_band == "under_18" or MINOR_REASONS & set(case.all_reasons()):
        ids = [i for i in ids if i not in adults_only(kb)]  # a § 110 shelter takes only those over 18
    # The national lines (112, BørneTelefonen, Lev Uden Vold) are said elsewhere; here only the places nearby.
    places = [s for s in services_for(kb, list(dict.fromkeys(ids)), municipality) if s.area != "national"]
    if places:
        parts.append("\n".join(service_line(s, lang, today) for s in places))
    return "\n\n".join(parts)


def transferred(case: Case, lang: str) -> Reply:
    return Reply(esc(_("Your case has been passed on to the caseworkers at {org}. You get a message here when one "
                       "of them takes it.").format(org=org_name(case.municipality, lang))))


def released(case: Case, lang: str, opens: Callable[[], str] | None = None) -> Reply:
    """The case went back to the team. ``opens``: the office is closed and nobody is on duty, so not "you get a
    message when one of them takes it" but when the office opens (a Friday evening: Monday at 08:00)."""
    back = _("The caseworker who had your case can no longer answer here. Your case is back with the caseworkers at "
             "{org}.").format(org=org_name(case.municipality, lang))
    if opens is None:
        return Reply(esc(back + " " + _("You get a message when one of them takes it.")))
    return Reply(esc(back + " " + _("The office is closed, so a caseworker may not answer before {when}.").format(
        when=opens()) + " " + _("If you are in danger, call 112.")))


def still_waiting(kb: KnowledgeBase, case: Case, lang: str, *, nobody: bool = False,
                  opens: Callable[[], str] | None = None) -> Reply:
    """Said when an unclaimed case is escalated; ``nobody``: there is no caseworker to remind (see on_the_case);
    ``opens``: the office is closed and nobody is on duty, so not "keep writing here" but when it opens."""
    if opens is not None and not nobody:
        sorry = _("I'm sorry: nobody has taken your case yet. The office is closed, so a caseworker may not answer "
                  "before {when}.").format(when=opens())
    elif nobody:
        sorry = _("I'm sorry: still no caseworker from {org} is connected to Husly, so nobody can answer you here. "
                  "Please call the municipality yourself.").format(org=org_name(case.municipality, lang))
    else:
        sorry = _("I'm sorry: no caseworker has taken your case yet. They have been reminded. You can keep writing "
                  "here.")
    own = municipality_line(kb, case.municipality, lang) if nobody else ""
    text = [esc(sorry), own, out_of_hours_options(kb, case, lang, _("If you need help right now:"),
                                                  closed=opens is not None)]
    return Reply("\n\n".join(t for t in text if t))


def followup(case: Case) -> Reply:
    return Reply(esc(_("Hi, it's Husly. Your case with the caseworker has been closed. Did you find somewhere safe to "
                   "stay?")),
                 buttons=((button(_("Yes, I have a safe place"), Youth(YouthAction.FOLLOWUP, case.id or 0, "yes")),),
                          (button(_("No, not yet"), Youth(YouthAction.FOLLOWUP, case.id or 0, "no")),)))
