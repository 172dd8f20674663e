"""Start, help, language, municipality, the main menu and the knowledge buttons (topics, read more, specific
questions, 👍/👎)."""

from __future__ import annotations

from collections.abc import Callable

from bot.conversation import buttons, language, texts
from bot.conversation.buttons import (
    ChooseLanguage,
    ChooseMunicipality,
    Lang,
    Menu,
    OtherQuestions,
    ReadMore,
    ShowFaq,
    ShowTopic,
    TopicIn,
)
from bot.conversation.callbacks import button
from bot.conversation.cards import (
    find_faq,
    municipality_buttons,
    municipality_name,
    other_questions,
    render_answer,
    render_faq,
)
from bot.conversation.context import Context
from bot.conversation.qa import remember_topic
from bot.conversation.router import Router
from bot.conversation.scope import ANYONE_OR_TEAM_STAFF
from bot.curation import queue as curator_queue
from bot.curation.privacy import STORE as CURATOR_QUEUE
from bot.i18n import N_, _, use_lang
from bot.models import Feedback
from bot.replies import Reply, esc
from bot.stats.days import local_day
from bot.triage import Triage, Urgency
from knowledge.schema import MUNICIPALITIES


def start(ctx: Context) -> None:
    """Greets the person, applies a deep-link payload, and shows the main menu."""
    if not ctx.incoming.private:
        _team_help(ctx)
        return
    # Deep links: t.me/<bot>?start=<payload>. A municipality slug sets the municipality; anything else is
    # offered to the payload handlers that features register (fx staff invite codes).
    payload = ctx.incoming.args.strip()
    if payload in MUNICIPALITIES:
        ctx.profile.municipality = payload
    elif payload and any(handler(ctx, payload) for handler in ctx.router.start_payloads):
        return
    # A fresh start forgets the flows, not which language the person writes in.
    ctx.state.clear(keep=(language.Spoken,))
    greeting = _("Hi, I'm Husly. I help young people with housing, money and support. "
                 "Write your question in your own words, or tap a button.")
    lines = [esc(greeting), esc(_("If you are in danger, call 112."))]
    if ctx.profile.municipality:
        lines.append(esc(_("Your municipality: {name}").format(name=municipality_name(ctx.profile.municipality))))
    ctx.reply(Reply("\n\n".join(lines), buttons=texts.menu_buttons()))
    ctx.reply(texts.privacy_notice())


def _team_help(ctx: Context) -> None:
    """In a team chat: the staff's commands (the young people's menu means nothing there)."""
    sections = ctx.router.help_for(ctx)
    if sections:
        ctx.reply(Reply("\n\n".join(sections)))


def help_(ctx: Context) -> None:
    """Explains what Husly can do and lists the commands."""
    if not ctx.incoming.private:
        _team_help(ctx)
        return
    lines = [
        esc(_("Write a question in your own words, for example: how do I get a youth flat in Aarhus?")),
        "/start – " + esc(_("main menu")),
        "/kommune – " + esc(_("choose your municipality")),
        "/sprog – " + esc(_("language: Danish or English")),
        "/privatliv – " + esc(_("what Husly saves about you")),
        "/mine_data – " + esc(_("see your data")),
        "/slet – " + esc(_("delete your data")),
        "/skjul – " + esc(_("hide this chat quickly")),
        esc(_("If you are in danger, call 112.")),
    ]
    lines += ctx.router.help_for(ctx)
    ctx.reply(Reply("\n".join(lines), buttons=texts.menu_buttons()))


def ask_language(ctx: Context) -> None:
    """Offers Danish or English."""
    ctx.reply(Reply(esc(_("Which language do you want?")),
                    buttons=((button("Dansk", ChooseLanguage(Lang.DA)), button("English", ChooseLanguage(Lang.EN))),)))


def choose_language(ctx: Context, data: ChooseLanguage) -> None:
    """Stores the chosen language and confirms in it."""
    lang = data.lang.value
    ctx.profile.lang = lang
    language.chosen(ctx.profile, lang)
    with use_lang(lang):
        ctx.answer_callback(_("Language: English") if lang == "en" else _("Language: Danish"))
        ctx.reply(Reply(esc(_("Okay, I'll write in English from now on.") if lang == "en"
                            else _("Okay, I'll write in Danish from now on.")), buttons=texts.menu_buttons()))


def ask_municipality(ctx: Context) -> None:
    """Asks which of the six municipalities the person lives in."""
    ctx.reply(Reply(esc(_("Which municipality do you live in?")),
                    buttons=tuple(municipality_buttons(ChooseMunicipality))))


def choose_municipality(ctx: Context, data: ChooseMunicipality) -> None:
    """Stores the municipality."""
    slug = data.slug
    if slug not in MUNICIPALITIES:
        ctx.answer_callback(texts.stale_button())
        return
    ctx.profile.municipality = slug
    ctx.answer_callback(municipality_name(slug))
    ctx.reply(Reply(esc(_("Okay, {name}. I'll show help from your municipality.").format(
        name=municipality_name(slug))), buttons=texts.menu_buttons()))


def _topic_or_stale(ctx: Context, topic_id: str) -> bool:
    if topic_id not in ctx.deps.kb.topics:
        ctx.answer_callback(texts.stale_button())
        return False
    return True


def show_topic(ctx: Context, data: ShowTopic) -> None:
    """Shows a topic chosen with a button."""
    topic_id = data.topic
    if _topic_or_stale(ctx, topic_id):
        remember_topic(ctx, topic_id)
        ctx.reply(render_answer(ctx.deps.kb, topic_id, ctx.lang, ctx.profile.municipality, ctx.now.date()))


def topic_for_municipality(ctx: Context, data: TopicIn) -> None:
    """Stores the municipality chosen under an answer and shows that answer's local version."""
    topic_id, slug = data.topic, data.slug
    if slug not in MUNICIPALITIES or not _topic_or_stale(ctx, topic_id):
        ctx.answer_callback(texts.stale_button())
        return
    ctx.profile.municipality = slug
    remember_topic(ctx, topic_id)
    ctx.reply(render_answer(ctx.deps.kb, topic_id, ctx.lang, slug, ctx.now.date()))


def read_more(ctx: Context, data: ReadMore) -> None:
    """Shows the detailed part of a topic."""
    topic_id = data.topic
    if _topic_or_stale(ctx, topic_id):
        remember_topic(ctx, topic_id, more=True)
        ctx.reply(render_answer(ctx.deps.kb, topic_id, ctx.lang, ctx.profile.municipality, ctx.now.date(),
                                more=True))


def _topic_and_faq(ctx: Context, topic_id: str, faq_id: str) -> tuple[str, str] | None:
    """The topic and faq id of a button, or None (and "button expired") if either is gone."""
    topic = ctx.deps.kb.topics.get(topic_id)
    if topic is None or find_faq(topic, faq_id) is None:
        ctx.answer_callback(texts.stale_button())
        return None
    return topic_id, faq_id


def show_faq(ctx: Context, data: ShowFaq) -> None:
    """Shows one specific answer chosen with a button."""
    found = _topic_and_faq(ctx, data.topic, data.faq)
    if found:
        ctx.reply(render_faq(ctx.deps.kb, *found, ctx.lang, ctx.profile.municipality, ctx.now.date()))


def list_other_questions(ctx: Context, data: OtherQuestions) -> None:
    """Shows the other specific questions of the topic a specific answer belongs to."""
    found = _topic_and_faq(ctx, data.topic, data.faq)
    if found:
        ctx.reply(other_questions(ctx.deps.kb, *found, ctx.lang))


def feedback(ctx: Context, data: buttons.Feedback) -> None:
    """Stores a 👍 or 👎 for a topic (anonymously) and thanks the person."""
    if not _topic_or_stale(ctx, data.topic):
        return
    ctx.session.add(Feedback(topic=data.topic, helpful=data.helpful, lang=ctx.lang,
                             municipality=ctx.profile.municipality, day=local_day(ctx.now), created_at=ctx.now))
    if data.token:
        # The question this answer was for goes to the curators on 👎 (scrubbed), and is forgotten on 👍.
        curator_queue.feedback(ctx.session, data.token, data.helpful, ctx.now)
    ctx.answer_callback(_("Thank you! It helps us improve the answers."))


def menu(ctx: Context, data: Menu) -> None:
    """Answers the main-menu buttons; features may take over items by registering their own handlers."""
    handler = ctx.router.menu_items.get(data.item)
    if handler is None:
        ctx.answer_callback(texts.stale_button())
        return
    handler(ctx)


def topic_item(topic_id: str) -> Callable[[Context], None]:
    """A menu item that shows one topic."""

    def show(ctx: Context) -> None:
        ctx.reply(render_answer(ctx.deps.kb, topic_id, ctx.lang, ctx.profile.municipality, ctx.now.date()))
    return show


def _urgent_item(ctx: Context) -> None:
    if ctx.router.urgent is not None:
        ctx.router.urgent(ctx, Triage(Urgency.URGENT, ("asked_for_help",)))
    else:
        ctx.reply(texts.safety_first(ctx, Urgency.URGENT))


def register(router: Router) -> None:
    # The questions Husly could not answer wait for a curator (scrubbed, but kept no longer than the rest).
    router.store(CURATOR_QUEUE)
    # Defaults; later features replace items (fx "housing" with the listings search, "staff" with cases).
    router.menu_items.update({
        "housing": topic_item("ledige-boliger"),
        "money": topic_item("boligstoette"),
        "urgent": _urgent_item,
        "staff": topic_item("sagsbehandler"),
        "lang": ask_language,
        "data": topic_item("privatliv"),
        "hide": topic_item("privatliv"),
    })
    router.command("start", start, scope=ANYONE_OR_TEAM_STAFF, menu=N_("main menu"))
    router.command("help", help_, scope=ANYONE_OR_TEAM_STAFF, menu=N_("what Husly can do"), aliases=("hjaelp",))
    router.command("sprog", ask_language, menu=N_("language: Danish or English"))
    router.command("kommune", ask_municipality, menu=N_("choose your municipality"))
    router.callback(Menu, menu)
    router.callback(ChooseLanguage, choose_language)
    router.callback(ChooseMunicipality, choose_municipality)
    router.callback(ShowTopic, show_topic)
    router.callback(TopicIn, topic_for_municipality)
    router.callback(ReadMore, read_more)
    router.callback(ShowFaq, show_faq)
    router.callback(OtherQuestions, list_other_questions)
    router.callback(buttons.Feedback, feedback)
