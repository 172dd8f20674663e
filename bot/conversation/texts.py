"""Shared messages: the main menu, the privacy notice, safety information, and small notices."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.conversation.buttons import Menu, MenuItem
from bot.conversation.callbacks import button
from bot.conversation.cards import municipality_name, service_card, service_line, services_for, without_place_request
from bot.i18n import _, use_lang
from bot.replies import Button, Reply, esc
from bot.triage import MAYBE_IN_DANGER, Triage, Urgency, crisis_ahead
from knowledge.lexicon import other_place
from knowledge.loader import KnowledgeBase
from knowledge.normalise import fold
from knowledge.schema import is_municipality

if TYPE_CHECKING:
    # Only a type here: importing the context would bring the database layer into `husly ask`.
    from bot.conversation.context import Context

# Which crisis lines come first for which reason (service ids in knowledge/services).
EMERGENCY_SERVICES = {
    "suicide_or_self_harm": ("alarm-112", "livslinien"),
    "violence_or_threats": ("alarm-112", "lev-uden-vold"),
    "in_danger": ("alarm-112",),
    "under_18_in_danger": ("alarm-112",),
    # The learned model saw a crisis without naming it; most such messages are about wanting to die.
    "crisis_signs": ("alarm-112", "livslinien"),
}
# The model's unsure emergency (no danger named): the question whether the person is in danger, with these lines.
CHECK_IN_SERVICES = ("alarm-112", "livslinien")
MINOR_SERVICES = ("boernetelefonen",)
# The topic whose answer the urgent safety information holds (where to sleep tonight), and its specific answer for
# someone asking for a young person (not searchable: shown here only).
SAFETY_TOPIC = "hjemloes-akut"
# The topic for someone under 18: its local text replaces the night's (written for adults) in the safety information.
MINOR_TOPIC = "under-18"
FOR_OTHER_TONIGHT = "for-en-anden-i-nat"
# Triage's reasons that say the person is under 18.
MINOR_REASONS = frozenset({"under_18", "under_18_unsafe_home", "under_18_in_danger"})


def menu_buttons() -> tuple[tuple[Button, ...], ...]:
    """The main menu: the six things people come for."""
    return (
        (button("🏠 " + _("Find housing"), Menu(MenuItem.HOUSING)),
         button("💰 " + _("Money and support"), Menu(MenuItem.MONEY))),
        (button("🆘 " + _("Urgent help"), Menu(MenuItem.URGENT)),
         button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF))),
        (button("🌐 " + _("Language"), Menu(MenuItem.LANG)), button("🔒 " + _("My data"), Menu(MenuItem.DATA))),
        (button("🙈 " + _("Hide chat"), Menu(MenuItem.HIDE)),),
    )


def privacy_notice() -> Reply:
    return Reply(esc(_(
        "Husly saves as little as possible: your language, your municipality and, if you ask for help from "
        "a caseworker, your case. Write /privatliv to read more, /mine_data to see your data and /slet to "
        "delete it.")))


def stale_button() -> str:
    return _("That button no longer works. Write /start to begin again.")


def refused_button(audience: str) -> str:
    """Why a button was refused: who it is for ("partners", "staff"), or that it does not work in this chat."""
    if audience == "partners":
        return _("Only partners who publish housing can use this button.")
    if audience == "staff":
        return _("Only caseworkers can use this button.")
    return _("This button does not work here.")


def refused_command(name: str, audience: str) -> str:
    """Why a command was refused in a private chat: who it is for, or that it belongs in a group."""
    name = name[:32]
    if audience == "partners":
        # Partners publish housing and refer young people (/ny_bolig, /henvis): the words fit both.
        return _("Sorry, /{name} is only for partners of Husly: organisations that publish housing or refer young "
                 "people. Write /help to see what I can do.").format(name=name)
    if audience == "staff":
        return _("Sorry, /{name} is only for caseworkers. If you need help yourself, write your question or tap "
                 "Urgent help.").format(name=name)
    if audience == "leads":
        return _("Sorry, /{name} is only for coordinators and admins.").format(name=name)
    if audience == "admins":
        return _("Sorry, only administrators can use /{name}.").format(name=name)
    return _("/{name} works in your team's Telegram group, not here.").format(name=name)


def safety_first(ctx: Context, urgency: Urgency, reasons: tuple[str, ...] = (), *, for_other: bool = False,
                 said: str = "", elsewhere: str | None = None) -> Reply:
    """The safety information for this person (their language and municipality); ``said`` is the message the
    crisis was told in (its words tell whether the crisis is ahead, ``crisis_ahead``, and may name a place outside
    the six municipalities)."""
    return safety_reply(ctx.deps.kb, ctx.lang, ctx.profile.municipality, ctx.now.date(), urgency, reasons,
                        for_other=for_other, ahead=crisis_ahead(said, Triage(urgency, reasons)),
                        elsewhere=elsewhere or (other_place(fold(said).split()) if said else None))


def elsewhere_line(place: str, for_other: bool = False) -> str:
    """Husly's local help is in six municipalities: for another, the way to its own (no number we could vouch for)."""
    if for_other:
        return _("Husly does not know the local help in {place}. The young person should contact the municipality "
                 "there now: its phone number is on its website.").format(place=place)
    return _("Husly does not know the local help in {place}. Contact the municipality there now: its phone number is "
             "on its website.").format(place=place)


def call_for_help(lang: str) -> Reply:
    """The answer to a bare "hjælp"/"SOS": 112 first, then the two ways to a person, and an invitation to say more."""
    with use_lang(lang):
        text = (f"<b>{esc(_('If you are in danger right now, call 112.'))}</b>\n\n"
                + esc(_("I'm here. Tap Urgent help if you need help today, or write in a few words what has "
                        "happened. You can also talk to a caseworker from your municipality.")))
        return Reply(text, buttons=((button("🆘 " + _("Urgent help"), Menu(MenuItem.URGENT)),),
                                    (button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),)))


def safety_reply(kb: KnowledgeBase, lang: str, municipality: str | None, today: dt.date, urgency: Urgency,
                 reasons: tuple[str, ...] = (), *, for_other: bool = False, local_after: bool = False,
                 ahead: bool = False, elsewhere: str | None = None) -> Reply:
    """The safety information that comes before anything else in a crisis.

    Emergency: 112 and the crisis line for the reason, first. Urgent: where to sleep tonight in the
    person's municipality and how to reach the municipality. ``for_other``: the writer asks for someone else
    (a friend, their child), so the words are about that person.
    Someone under 18 (``MINOR_REASONS``) reads the local text of the topic for minors, not the night's local text,
    which is written for adults ("over 25 ... Perron 4", "Roskildehjemmet, if you are over 18"); none when that topic
    comes right after with its own (``local_after``). ``ahead``: the crisis is days or weeks away, so the first line
    says to contact the municipality now, not where to get help tonight. ``elsewhere``: a place outside the six the
    person named ("Odense"): Husly does not know its local help and says so, rather than asking which municipality
    the person is in (they have just said it).
    """
    with use_lang(lang):
        return _safety(kb, lang, municipality, today, urgency, reasons, for_other, local_after, ahead, elsewhere)


def safety_services(urgency: Urgency, reasons: tuple[str, ...], municipality: str | None) -> list[str]:
    """The ids of the services the safety information shows (so the topic shown after it can leave them out)."""
    service_ids: list[str] = []
    if MAYBE_IN_DANGER in reasons:
        service_ids.extend(CHECK_IN_SERVICES)
    elif urgency is Urgency.EMERGENCY:
        for reason in reasons or ("in_danger",):
            service_ids.extend(EMERGENCY_SERVICES.get(reason, ()))
        service_ids = service_ids or ["alarm-112"]
    elif municipality:
        service_ids.append(f"kommune-{municipality}")
    if MINOR_REASONS & set(reasons):
        service_ids.extend(MINOR_SERVICES)
    return list(dict.fromkeys(service_ids))


def _local_night(kb: KnowledgeBase, lang: str, municipality: str | None, reasons: tuple[str, ...],
                 local_after: bool = False) -> list[str]:
    """The night's local text for the municipality, under its name (none where Husly has none)."""
    topic = kb.topics.get(SAFETY_TOPIC)
    # A 17-year-old thrown out in Randers was shown the adults' night text ("over 25 ... Perron 4").
    minor = kb.topics.get(MINOR_TOPIC) if MINOR_REASONS & set(reasons) else None
    locals_ = {} if (minor is not None and local_after) or topic is None else (minor or topic).municipalities
    if municipality and is_municipality(municipality) and (local := locals_.get(municipality)):
        return [f"<b>{esc(municipality_name(municipality))}</b>\n{esc(local.get(lang))}"]
    return []


def still_holds(ctx: Context, urgency: Urgency, reasons: tuple[str, ...] = (), *, for_other: bool = False,
                local: bool = False) -> Reply:
    """A second urgent message while the offer of a caseworker is on screen: 112 and a line that what was said still
    holds, not the whole safety information again (a night's four messages got it four times). ``local``: the
    municipality has become known since, so its night help and contact come too."""
    with use_lang(ctx.lang):
        danger = (_("If they are in danger right now, call 112.") if for_other
                  else _("If you are in danger right now, call 112."))
        parts = ["<b>" + esc(danger) + "</b> " + esc(_("What I wrote above still holds."))]
        if local:
            parts.extend(local_help(ctx, urgency, reasons))
        return Reply("\n\n".join(parts))


def local_help(ctx: Context, urgency: Urgency, reasons: tuple[str, ...] = ()) -> list[str]:
    """The part of the safety information that depends on the person's municipality (its night help and contact),
    for when the rest was shown before the municipality was known."""
    municipality = ctx.profile.municipality
    if not municipality:
        return []
    with use_lang(ctx.lang):
        parts = _local_night(ctx.deps.kb, ctx.lang, municipality, reasons)
        services = services_for(ctx.deps.kb, safety_services(urgency, reasons, municipality), municipality)
        if services:
            parts.append("\n".join(service_line(service, ctx.lang, ctx.now.date()) for service in services))
        return parts


def _check_in(kb: KnowledgeBase, lang: str, municipality: str | None, today: dt.date, service_ids: list[str],
              for_other: bool) -> Reply:
    """The question whether the person is in danger now, when the words may mean a crisis and name none: short, so
    that it reads as a question from someone who cares and not as an alarm ("going to ikea on saturday" got the
    suicide line and a case). The way to 112 and the crisis line is one line each."""
    ask = (_("I want to make sure the young person is okay. Are they in danger right now?") if for_other
           else _("I want to make sure you are okay. Are you in danger right now?"))
    lines = [service_line(service, lang, today) for service in services_for(kb, service_ids, municipality)]
    return Reply("\n\n".join(["<b>" + esc(ask) + "</b>", "\n".join(lines)]))


def _first_line(for_other: bool, ahead: bool) -> str:
    if ahead:
        return (_("They should not be alone with this. They should contact their municipality now and say that they "
                  "will soon have nowhere to live.") if for_other
                else _("You should not be alone with this. Contact your municipality now and say that you will soon "
                       "have nowhere to live."))
    return (_("They should not be alone with this. Here is where they can get help tonight.") if for_other
            else _("You should not be alone with this. Here is where you can get help tonight."))


def _safety(kb: KnowledgeBase, lang: str, municipality: str | None, today: dt.date, urgency: Urgency,
            reasons: tuple[str, ...], for_other: bool = False, local_after: bool = False, ahead: bool = False,
            elsewhere: str | None = None) -> Reply:
    parts: list[str] = []
    service_ids = safety_services(urgency, reasons, municipality)
    if MAYBE_IN_DANGER in reasons:
        return _check_in(kb, lang, municipality, today, service_ids, for_other)
    if urgency is Urgency.EMERGENCY:
        danger = (_("If they are in danger right now, call 112.") if for_other
                  else _("If you are in danger right now, call 112."))
        parts.append("<b>" + esc(danger) + "</b>")
    else:
        parts.append("<b>" + esc(_first_line(for_other, ahead)) + "</b>")
        topic = kb.topics.get(SAFETY_TOPIC)
        if topic:
            # A helper reads the words for someone asking about a young person, not "Har du ikke et sted ...".
            helper = next((f for f in topic.faq if f.id == FOR_OTHER_TONIGHT), None) if for_other else None
            # The municipality is known, or asked for at the end in words of its own.
            parts.append(esc(without_place_request((helper.a if helper else topic.answer).get(lang))))
            parts.extend(_local_night(kb, lang, municipality, reasons, local_after))
    services = services_for(kb, service_ids, municipality)
    if urgency is Urgency.EMERGENCY:
        parts.extend(service_card(service, lang, today) for service in services)
    elif services:
        # Where to sleep tonight said above; the municipality's own contact on one line, for a phone screen.
        parts.append("\n".join(service_line(service, lang, today) for service in services))
    buttons: list[tuple[Button, ...]] = [(button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),)]
    if not municipality and urgency is Urgency.URGENT and elsewhere:
        parts.append(esc(elsewhere_line(elsewhere, for_other)))
    elif not municipality and urgency is Urgency.URGENT:
        parts.append(esc(_("Which municipality does the young person live in? Then I can show local help.") if for_other
                         else _("Which municipality are you in? Then I can show local help.")))
    return Reply("\n\n".join(parts), buttons=tuple(buttons))
