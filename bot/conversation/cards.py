"""Render curated knowledge as messages: a topic's answer, service cards, and the "checked on" line.

Pure functions of the knowledge base, the language and the date, used by the chat and by `husly ask`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.conversation.buttons import Feedback, ReadMore, ShowTopic, TopicIn
from bot.conversation.callbacks import CallbackData, button
from bot.i18n import _, format_date, use_lang
from bot.replies import Button, Reply, esc
from knowledge.loader import KnowledgeBase
from knowledge.schema import MUNICIPALITIES, Service, Topic

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
    """The listed services that exist and serve this municipality (national and regional ones: everyone)."""
    found = []
    for sid in ids:
        service = kb.services.get(sid)
        if service is None:
            continue
        # Local services only for the person's own municipality; without one, the answer offers to choose.
        if service.area == "local" and (not municipality or municipality not in service.municipalities):
            continue
        found.append(service)
    return found


def topic_text(kb: KnowledgeBase, topic: Topic, lang: str, municipality: str | None, today: dt.date,
               *, more: bool = False) -> str:
    parts = [f"<b>{esc(topic.title.get(lang))}</b>"]
    if more and topic.more:
        # "Read more" follows the short answer: only the detail, not the answer and cards again.
        parts.append(esc(topic.more.get(lang)))
    else:
        parts.append(esc(topic.answer.get(lang)))
        if municipality and municipality in topic.municipalities:
            parts.append(f"<b>{esc(municipality_name(municipality))}</b>\n"
                         + esc(topic.municipalities[municipality].get(lang)))
        parts.extend(service_card(s, lang, today) for s in services_for(kb, topic.services, municipality))
    source = topic.sources[0]
    label = _("Source")
    cited = f'<a href="{esc(source.url)}">{esc(source.title)}</a>' if source.url else esc(source.title)
    parts.append(f"{esc(label)}: {cited}\n" + checked_line(topic.last_reviewed))
    return "\n\n".join(parts)


def render_answer(kb: KnowledgeBase, topic_id: str, lang: str, municipality: str | None, today: dt.date,
                  *, more: bool = False) -> Reply:
    """A topic as a message with buttons: read more, choose municipality, related topics, feedback."""
    topic = kb.topics[topic_id]
    with use_lang(lang):
        rows: list[tuple[Button, ...]] = []
        if topic.more and not more:
            rows.append((button(_("Read more"), ReadMore(topic.id)),))
        if topic.ask_municipality and not municipality:
            rows.extend(municipality_buttons(lambda slug: TopicIn(topic.id, slug)))
        related = [r for r in topic.related if r in kb.topics][:4]
        for i in range(0, len(related), 2):
            rows.append(tuple(button(kb.topics[r].title.get(lang), ShowTopic(r)) for r in related[i:i + 2]))
        rows.append((button("👍", Feedback(topic.id, True)), button("👎", Feedback(topic.id, False))))
        return Reply(topic_text(kb, topic, lang, municipality, today, more=more), buttons=tuple(rows))


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
