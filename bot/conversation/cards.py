"""Render curated knowledge as messages: a topic's answer, service cards, and the "checked on" line.

Pure functions of the knowledge base, the language and the date, used by the chat and by `husly ask`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from bot.conversation.buttons import Feedback, Menu, MenuItem, OtherQuestions, ReadMore, ShowFaq, ShowTopic, TopicIn
from bot.conversation.callbacks import CallbackData, button
from bot.i18n import _, format_date, use_lang
from bot.replies import Button, Reply, esc
from knowledge.loader import KnowledgeBase
from knowledge.schema import MUNICIPALITIES, FaqEntry, Service, Source, Topic

# A service not checked for a year is shown with a warning to call and check first.
CALL_FIRST_AFTER = dt.timedelta(days=365)


def municipality_name(slug: str) -> str:
    names = {
        "randers": "Randers", "roskilde": "Roskilde", "koebenhavn": _("Copenhagen"),
        "favrskov": "Favrskov", "aarhus": "Aarhus", "hoeje-taastrup": "Høje-Taastrup",
    }
    return names[slug]


def checked_line(day: dt.date) -> str:
    return "<i>" + esc(_("Checked {date}").format(date=format_date(day))) + "</i>"


def service_card(service: Service, lang: str, today: dt.date) -> str:
    """A few lines: name, phone, hours, address, link, and when it was checked."""
    lines = [f"<b>{esc(service.name.get(lang))}</b>", esc(service.description.get(lang))]
    if service.phone:
        lines.append("☎ " + esc(service.phone))
    if service.opening_hours:
        lines.append("🕒 " + esc(service.opening_hours.get(lang)))
    if service.address:
        a = service.address
        lines.append("📍 " + esc(f"{a.street}, {a.postal_code} {a.city}"))
    if service.url:
        website = _("Website")
        lines.append(f'<a href="{esc(service.url)}">{esc(website)}</a>')
    if today - service.last_reviewed > CALL_FIRST_AFTER:
        lines.append("⚠️ " + esc(_("Not checked for a year: call and check first.")))
    lines.append(checked_line(service.last_reviewed))
    return "\n".join(lines)


def services_for(kb: KnowledgeBase, ids: tuple[str, ...] | list[str], municipality: str | None) -> list[Service]:
    """The listed services that exist and serve this municipality: national ones for everyone, a region's and a
    town's only for the municipalities they serve (none while the municipality is not known: the answer asks)."""
    found = []
    for sid in ids:
        service = kb.services.get(sid)
        if service is None:
            continue
        # Local services only for the person's own municipality; without one, the answer offers to choose.
        if service.area == "local" and (not municipality or municipality not in service.municipalities):
            continue
        # Another region's number is a wrong number: someone in Aarhus was shown Region Hovedstaden's 1813 and
        # its psychiatric emergency room next to their own region's. Nor is a region's service for someone whose
        # municipality is not known: a young person who had not said where they were was sent to Roskildehjemmet,
        # a shelter south of Roskilde, at night.
        if (service.area == "regional" and service.municipalities
                and (not municipality or municipality not in service.municipalities)):
            continue
        found.append(service)
    return found


def held_for_place(kb: KnowledgeBase, ids: tuple[str, ...] | list[str], municipality: str | None) -> bool:
    """Are some of the listed services a region's, left out only because the municipality is not known? Then the
    answer asks for it (the services' own data names the municipalities they serve)."""
    return not municipality and any((s := kb.services.get(sid)) is not None and s.area == "regional"
                                    and bool(s.municipalities) for sid in ids)


def adults_only(kb: KnowledgeBase) -> frozenset[str]:
    """The services that take only adults (a shelter under § 110): not shown to someone who is under 18."""
    return frozenset(s.id for s in kb.services.values() if s.min_age is not None and s.min_age >= 18)


def source_line(sources: tuple[Source, ...], day: dt.date) -> str:
    """"Source: <links>" and the "Checked <date>" line under an answer."""
    cited = ", ".join(f'<a href="{esc(s.url)}">{esc(s.title)}</a>' if s.url else esc(s.title) for s in sources)
    label = _("Source")
    return f"{esc(label)}: {cited}\n" + checked_line(day)


# The sentence in which an answer asks for the person's municipality ("Skriv din kommune, så viser jeg steder i
# nærheden", "Tell me your municipality ..."). Once the municipality is known it asked for something already said: a
# young person in Randers read "Skriv, hvilken kommune du bor i" right above Randers's own help. The knowledge base's
# tests check that every such sentence matches.
ASKS_FOR_PLACE = re.compile(r"(?:^|(?<=[.!?]))\s*(?:Skriv,? (?:din kommune|hvilken kommune|din by)|"
                            r"Tell me (?:your|which) (?:municipality|town))[^.!?]*[.!?]")


def for_place(text: str, municipality: str | None) -> str:
    """``text`` without its request for the municipality when the municipality is known."""
    return without_place_request(text) if municipality else text


def without_place_request(text: str) -> str:
    return ASKS_FOR_PLACE.sub("", text).strip()


def topic_text(kb: KnowledgeBase, topic: Topic, lang: str, municipality: str | None, today: dt.date,
               *, more: bool = False, skip_services: frozenset[str] = frozenset(), compact: bool = False) -> str:
    """A topic's answer (or, ``more``, its detail). ``compact``: its services one line each (name, phone, hours),
    for an answer that comes after the safety information in a crisis, read on a phone."""
    parts = [f"<b>{esc(topic.title.get(lang))}</b>"]
    if more:
        # "Read more" follows the short answer: only the detail and the other questions, not the cards again.
        if topic.more:
            parts.append(esc(topic.more.get(lang)))
        if topic.faq:
            parts.append(esc(_("More questions about this:")))
    else:
        # After the safety information (``compact``) the municipality was asked for there already.
        said = topic.answer.get(lang)
        parts.append(esc(without_place_request(said) if compact else for_place(said, municipality)))
        if municipality and municipality in topic.municipalities:
            parts.append(f"<b>{esc(municipality_name(municipality))}</b>\n"
                         + esc(topic.municipalities[municipality].get(lang)))
        services = [s for s in services_for(kb, topic.services, municipality) if s.id not in skip_services]
        if compact and services:
            parts.append("\n".join(service_line(s, lang, today) for s in services))
        else:
            parts.extend(service_card(s, lang, today) for s in services)
        if asks_for_place(topic, kb, municipality) and not compact and not topic.ask_municipality:
            # A topic that does not ask in its own words (its region's lines were left out): the question the
            # safety information asks, with the municipality buttons under it.
            parts.append(esc(_("Which municipality are you in? Then I can show local help.")))
    parts.append(source_line(topic.sources[:1], topic.last_reviewed))
    return "\n\n".join(parts)


def asks_for_place(topic: Topic, kb: KnowledgeBase, municipality: str | None) -> bool:
    """Does the answer ask for the municipality (and offer its buttons)? When the topic says so, or when a region's
    service was left out for not knowing it."""
    return not municipality and (topic.ask_municipality or held_for_place(kb, topic.services, municipality))


def _faq_rows(topic: Topic, lang: str, *, leave_out: str | None = None) -> list[tuple[Button, ...]]:
    # The loader checks that "fq:<topic>:<faq id>" fits Telegram's 64 bytes.
    return [(button(entry.q.get(lang), ShowFaq(topic.id, entry.id)),) for entry in topic.faq
            if entry.id != leave_out]


def _related_rows(kb: KnowledgeBase, topic: Topic, lang: str,
                  leave_out: frozenset[str] | set[str] = frozenset()) -> list[tuple[Button, ...]]:
    related = [r for r in topic.related if r in kb.topics and kb.topics[r].title.get(lang) not in leave_out][:4]
    return [tuple(button(kb.topics[r].title.get(lang), ShowTopic(r)) for r in related[i:i + 2])
            for i in range(0, len(related), 2)]


def _feedback_row(topic: Topic) -> tuple[Button, ...]:
    return (button("👍", Feedback(topic.id, True)), button("👎", Feedback(topic.id, False)))


# Buttons an answer tells the person to tap, by the name it quotes («Tal med en medarbejder»; the English answers
# quote the Danish names too, since the buttons are Danish for most).
_NAMED_BUTTONS = (("«Tal med en medarbejder»", MenuItem.STAFF), ("«Akut hjælp»", MenuItem.URGENT))


def named_buttons(topic: Topic) -> tuple[MenuItem, ...]:
    """The main-menu buttons the topic's answer tells the person to tap."""
    said = " ".join(topic.answer.get(lang) for lang in ("da", "en"))
    return tuple(item for name, item in _NAMED_BUTTONS if name in said)


def _named_rows(topic: Topic) -> list[tuple[Button, ...]]:
    """"Tap «Tal med en medarbejder»" under an answer whose buttons did not include it: the person had to find
    the main menu (at night, after asking for a person) or typed "ja" and got "Okay"."""
    labels = {MenuItem.STAFF: "💬 " + _("Talk to a caseworker"), MenuItem.URGENT: "🆘 " + _("Urgent help")}
    return [(button(labels[item], Menu(item)),) for item in named_buttons(topic)]


def read_more_only(reply: Reply) -> Reply:
    """``reply`` with only its "Read more" button: after the safety essentials, a phone screen, not a menu of
    everything."""
    return replace(reply, buttons=tuple(row for row in reply.buttons
                                        if any((b.data or "").startswith("more:") for b in row)))


def render_answer(kb: KnowledgeBase, topic_id: str, lang: str, municipality: str | None, today: dt.date,
                  *, more: bool = False, skip_services: frozenset[str] = frozenset(), compact: bool = False) -> Reply:
    """A topic as a message with buttons: read more, choose municipality, related topics, feedback.

    ``more``: the detail and the topic's specific questions as buttons, shown after "Read more". ``compact``: its
    services one line each (``topic_text``).
    """
    topic = kb.topics[topic_id]
    with use_lang(lang):
        rows: list[tuple[Button, ...]] = []
        if more:
            rows.extend(_faq_rows(topic, lang))
        elif topic.more or topic.faq:
            rows.append((button(_("Read more"), ReadMore(topic.id)),))
        if not more:
            rows.extend(_named_rows(topic))
        if asks_for_place(topic, kb, municipality):
            rows.extend(municipality_buttons(lambda slug: TopicIn(topic.id, slug)))
        named = {b.text.split(" ", 1)[-1] for row in rows for b in row}
        # A related topic named like a button just added ("Talk to a caseworker") would be a second, different
        # button with the same label.
        rows.extend(_related_rows(kb, topic, lang, leave_out=named))
        rows.append(_feedback_row(topic))
        return Reply(topic_text(kb, topic, lang, municipality, today, more=more, skip_services=skip_services,
                                compact=compact), buttons=tuple(rows))


def find_faq(topic: Topic, faq_id: str) -> FaqEntry | None:
    return next((entry for entry in topic.faq if entry.id == faq_id), None)


def render_faq(kb: KnowledgeBase, topic_id: str, faq_id: str, lang: str, municipality: str | None,
               today: dt.date) -> Reply:
    """One specific answer under its topic's title, with its own sources; "Read more" lists the other questions."""
    topic = kb.topics[topic_id]
    entry = find_faq(topic, faq_id)
    if entry is None:
        return render_answer(kb, topic_id, lang, municipality, today)
    with use_lang(lang):
        text = "\n\n".join((
            f"<b>{esc(topic.title.get(lang))}</b>\n<i>{esc(entry.q.get(lang))}</i>",
            esc(for_place(entry.a.get(lang), municipality)),
            source_line(entry.sources, topic.last_reviewed),
        ))
        rows: list[tuple[Button, ...]] = [(button(_("Read more"), OtherQuestions(topic.id, entry.id)),)]
        rows.append(_feedback_row(topic))
        return Reply(text, buttons=tuple(rows))


def other_questions(kb: KnowledgeBase, topic_id: str, faq_id: str | None, lang: str) -> Reply:
    """The topic's other specific questions as buttons, and a button for the topic's general answer."""
    topic = kb.topics[topic_id]
    with use_lang(lang):
        text = f"<b>{esc(topic.title.get(lang))}</b>\n\n" + esc(_("More questions about this:"))
        rows = _faq_rows(topic, lang, leave_out=faq_id)
        rows.append((button(_("About the topic in general"), ShowTopic(topic.id)),))
        return Reply(text, buttons=tuple(rows))


def municipality_buttons(make: Callable[[str], CallbackData]) -> list[tuple[Button, ...]]:
    """Six municipality buttons, two per row; ``make(slug)`` is the data of each."""
    buttons = [button(municipality_name(slug), make(slug)) for slug in MUNICIPALITIES]
    return [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]


def not_sure(kb: KnowledgeBase, suggestions: tuple[str, ...], lang: str) -> Reply:
    with use_lang(lang):
        rows = tuple((button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in suggestions if t in kb.topics)
        text = _("I'm not sure I understood. Is it one of these? Or write your question in other words.")
        if not rows:
            text = _("I'm not sure I understood. Write your question in other words, or tap a button.")
        return Reply(esc(text), buttons=rows)


def service_line(service: Service, lang: str, today: dt.date | None = None) -> str:
    """One service on one line: its name, its phone (or website), its address and hours; with ``today``, the
    warning to call first when it was not checked for a year (as on its card)."""
    parts = [f"<b>{esc(service.name.get(lang))}</b>"]
    if service.phone:
        parts.append("☎ " + esc(service.phone))
    if service.address:
        a = service.address
        parts.append("📍 " + esc(f"{a.street}, {a.postal_code} {a.city}"))
    if service.opening_hours:
        parts.append("🕒 " + esc(service.opening_hours.get(lang)))
    if service.url and not service.phone:
        # With no phone we can vouch for, the website is the way to them, hours or not ("Udrykningsteamet, Aarhus ·
        # Kl. 16-7" alone named a service nobody could reach).
        parts.append(f'<a href="{esc(service.url)}">{esc(_("Website"))}</a>')
    if today is not None and today - service.last_reviewed > CALL_FIRST_AFTER:
        parts.append("⚠️ " + esc(_("Not checked for a year: call and check first.")))
    return "• " + " · ".join(parts)
