"""The replies of the conversation around the answers: small talk, several issues at once, "I don't know".

Pure functions of the knowledge base and the language, used by the chat and by `husly ask` (bot/answering.py).
"""

from __future__ import annotations

import re

from bot.conversation.buttons import Menu, MenuItem, ShowTopic
from bot.conversation.callbacks import button
from bot.conversation.cards import municipality_name
from bot.conversation.texts import menu_buttons
from bot.i18n import _, use_lang
from bot.replies import Reply, esc
from knowledge.loader import KnowledgeBase
from knowledge.schema import MUNICIPALITIES

# One line about a topic in a list of choices: its answer's first sentence, cut to fit a phone's line or two.
LINE_CHARS = 110
# A question and the sentence that answers it ("Sover du på skift hos venner ...? Så er du hjemløs, ...").
ANSWERED_QUESTION_CHARS = 180
# "Er du i fare, så ring 112." / "If you are in danger right now, call 112.": said in every crisis answer.
_DANGER_LINE = re.compile(r"\b112\b")
# A sentence ends at . ! or ? and a space, and the next one starts with a capital: the line beside the choice of
# kontanthjælp read "Siden 1." ("Siden 1. juli 2025 er der kun én ydelse"). After an abbreviation, a number goes on
# too ("kl. 9").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ABBREVIATION = re.compile(r"\b(?:ca|kl|fx|nr|evt|jf|pga|bl\.a|f\.eks|e\.g|i\.e)\.$", re.IGNORECASE)


def small_talk_reply(kind: str, lang: str) -> Reply:
    """A short, friendly reply to small talk, and the menu."""
    with use_lang(lang):
        texts = {
            "greeting": _("Hi! I'm Husly. Write your question in your own words, or tap a button."),
            "thanks": _("You're welcome! Write again if there is anything else."),
            "bye": _("Take care. You can write again any time. If you are in danger, call 112."),
            "robot": _("Yes, I'm a chatbot, not a person. I answer from checked information about housing, money "
                       "and support. To talk to a person, tap Talk to a caseworker."),
            "abilities": _("I answer questions about housing, money and support for young people, from checked "
                           "information. I can show available cheap housing, and if you are in a crisis I can pass "
                           "you on to a caseworker in your municipality. Write your question in your own words, or "
                           "tap a button."),
            "ping": _("I'm here. Write your question in a few words, or tap a button."),
            "language": _("Okay, I'll write in English. Write your question in your own words, or tap a button."),
            "swearing": _("It sounds like something is really frustrating. Tell me in a few words what has "
                          "happened, and I'll try to help. If you are in danger, call 112."),
            "missed": _("Sorry, I got that wrong. Write your question in other words, or tap Talk to a caseworker "
                        "to write with a person."),
            "feeling": _("It is okay to feel like that. If you want, tell me in a few words what has happened, and "
                         "I'll try to help. If you are in danger, call 112."),
            "unclear": _("What do you mean? Tell me in a few words what you want to know, and I'll try to explain. "
                         "Or tap a button."),
            "ack": _("Okay. Write if there is anything else, or tap a button."),
            "emoji": _("Write your question in a few words, or tap a button."),
        }
        return Reply(esc(texts.get(kind, texts["emoji"])), buttons=menu_buttons())


def for_other_intro(lang: str) -> str:
    """The line that opens an answer to someone asking for another person (HTML)."""
    with use_lang(lang):
        return "<i>" + esc(_("It sounds like you are asking for someone else. Here is what they can do, and you can "
                             "go through it with them. They can also write to me themselves.")) + "</i>"


def _sentences(text: str) -> list[str]:
    """``text``'s sentences, an ordinal or abbreviation ("1. juli", "kl. 9") kept inside its sentence."""
    sentences: list[str] = []
    for part in _SENTENCE_END.split(text.strip()):
        goes_on = part[:1].islower() or (part[:1].isdigit() and bool(_ABBREVIATION.search(sentences[-1])))
        if sentences and goes_on:
            sentences[-1] += " " + part
        elif part:
            sentences.append(part)
    return sentences


def one_line(text: str) -> str:
    """What a topic's answer says, in a sentence cut at a word to at most LINE_CHARS characters.

    Many crisis answers open with the danger line ("Er du i fare, så ring 112.") or a question to the reader ("Skal
    du sættes ud om få dage?"): as the one line beside a choice they said nothing about the topic. The danger line
    is skipped (an urgent message gets the safety essentials in its own reply), and a question keeps the sentence
    that answers it.
    """
    sentences = _sentences(text)
    if not sentences:
        return ""
    said = [s for s in sentences if not _DANGER_LINE.search(s)] or sentences
    line, limit = said[0], LINE_CHARS
    if line.endswith("?") and len(said) > 1:
        line, limit = f"{line} {said[1]}", ANSWERED_QUESTION_CHARS
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " …"


def choices_reply(kb: KnowledgeBase, topics: tuple[str, ...], lang: str, *, for_other: bool = False) -> Reply:
    """A letter about several things: the best topics, one line each, as buttons to open; and a person."""
    with use_lang(lang):
        lines = [for_other_intro(lang)] if for_other else []
        lines.append(esc(_("Your message is about several things. Start with the one that matters most:")))
        for topic_id in topics:
            topic = kb.topics[topic_id]
            lines.append(f"• <b>{esc(topic.title.get(lang))}</b>: {esc(one_line(topic.answer.get(lang)))}")
        lines.append(esc(_("You can also talk to a caseworker about all of it.")))
        rows = [(button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in topics]
        rows.append((button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),))
        return Reply("\n\n".join(lines), buttons=tuple(rows))


def helper_choices_reply(kb: KnowledgeBase, topics: tuple[str, ...], lang: str) -> Reply:
    """A helper's question Husly is not sure of (a parent's worry about a grown son's flat, a teacher asking how to
    help pupils; worry30): not "I'm not sure I understood", but what may help the young person, one line each, and
    the way to a caseworker for them."""
    with use_lang(lang):
        lines = [esc(_("It sounds like you are worried about someone else. Here is what may help the young person, "
                       "and you can go through it together:"))]
        for topic_id in topics:
            topic = kb.topics[topic_id]
            lines.append(f"• <b>{esc(topic.title.get(lang))}</b>: {esc(one_line(topic.answer.get(lang)))}")
        lines.append(esc(_("You can also talk to a caseworker here about how you can help. The young person can "
                           "write to me themselves too.")))
        rows = [(button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in topics]
        rows.append((button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),))
        return Reply("\n\n".join(lines), buttons=tuple(rows))


def dont_know_reply(kb: KnowledgeBase, suggestions: tuple[str, ...], lang: str, *, said_all: bool = False) -> Reply:
    """An honest "I don't know": what Husly knows about, the closest topics, and the way to a person.

    ``said_all``: the answer was just shown, detail and all (a follow-up asked for it again): that is what Husly
    knows about it here.
    """
    with use_lang(lang):
        rows = [(button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in suggestions if t in kb.topics]
        if said_all:
            text = (_("That is what I know about it here. Is one of these closer to what you mean? You can also "
                      "talk to a caseworker.") if rows else
                    _("That is what I know about it here. You can write your question in other words or talk to a "
                      "caseworker."))
        elif rows:
            text = _("I'm not sure I understood, and I don't want to guess. Is it one of these? You can also write "
                     "it in other words or talk to a caseworker.")
        else:
            text = _("I don't know the answer to that. I know about housing, money and support for young people. "
                     "Write your question in other words, or talk to a caseworker.")
        rows.append((button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),))
        return Reply(esc(text), buttons=tuple(rows))


def minor_money_reply(kb: KnowledgeBase, suggestions: tuple[str, ...], lang: str) -> Reply:
    """Money asked for by or for someone under 18: the knowledge base's benefits (kontanthjælp and the like) are not
    the answer, and it has no sourced one on what a minor can get; the municipality answers that. The topic for those
    under 18 and the way to the municipality as buttons, and a person."""
    with use_lang(lang):
        rows = [(button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in suggestions if t in kb.topics]
        rows.append((button("💬 " + _("Talk to a caseworker"), Menu(MenuItem.STAFF)),))
        text = _("I don't have a sure answer here on what money someone under 18 can get. The municipality can tell "
                 "you: contact it and say it is about someone under 18. You can also talk to a caseworker here.")
        return Reply(esc(text), buttons=tuple(rows))


def out_of_area_reply(kb: KnowledgeBase, place: str, suggestions: tuple[str, ...], lang: str, *,
                      before_answer: bool = False) -> Reply:
    """The person names a municipality Husly does not cover: say so, and point to what still helps (the topics to
    choose from, or the answer that follows: ``before_answer``)."""
    with use_lang(lang):
        covered = _covered()
        rows = [(button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in suggestions if t in kb.topics]
        if rows or before_answer:
            text = _("I only know the local help in {covered}. For {place}, contact the municipality there (its "
                     "website or citizen service). What I know about rules and rights holds everywhere in Denmark:")
        else:
            # Nothing follows (a bare "Odense"): no sentence ending in a colon and then silence.
            text = _("I only know the local help in {covered}. For {place}, contact the municipality there (its "
                     "website or citizen service). Ask me about housing, money or support: what I know about rules "
                     "and rights holds everywhere in Denmark.")
        return Reply(esc(text.format(covered=covered, place=place)), buttons=tuple(rows))


def _covered() -> str:
    """The six municipalities as a sentence says them ("Randers, ..., Aarhus og Høje-Taastrup"), in the language in
    use (Babel's list formatting would load its locale data into every process for one line)."""
    names = [municipality_name(slug) for slug in MUNICIPALITIES]
    return ", ".join(names[:-1]) + " " + _("and") + " " + names[-1]


# The topics about Husly itself (where it comes from, what it keeps), offered to one asking what Husly is.
ABOUT_TOPICS = ("frikommune", "privatliv")


def not_for_me_reply(kb: KnowledgeBase, kind: str, lang: str, *, place: str | None = None) -> Reply:
    """A message that is no young person's own need (bot/not_for_me.py): what Husly is for, where to look instead
    (no names or numbers Husly has no source for), and the menu; one asking what Husly is also gets its topics."""
    with use_lang(lang):
        covered = _covered()
        husly = _("I'm Husly, a chatbot for young people in {covered}. I help young people with questions about their "
                  "own housing, money and support.").format(covered=covered)
        texts = {
            "give": _("Thank you for wanting to help! I can't pass on help or gifts. Contact the place you want to "
                      "help directly, or look on your municipality's website."),
            "research": _("Good that you are looking into it. I have no numbers or people to interview. Look on the "
                          "municipality's website, or contact it directly."),
            "landlord": _("I can't answer questions from landlords or employers. Look on the municipality's website, "
                          "or contact its citizen service."),
            "job": _("I can't help with jobs at the municipality. Look on the municipality's website."),
            "abroad": _("I only know help and rules in Denmark. For {place}, contact the authorities there."),
            "about": _("I'm not a person. I'm part of the six municipalities' work for cheap housing. A caseworker "
                       "from your municipality can take over if you need it. Read more here:"),
        }
        lines = [husly, texts.get(kind, texts["give"]).format(place=place or "")]
        if kind != "about":
            lines.append(_("If you are young and need help yourself, write your question, or tap a button."))
        rows = [(button(kb.topics[t].title.get(lang), ShowTopic(t)),) for t in ABOUT_TOPICS
                if kind == "about" and t in kb.topics]
        return Reply("\n\n".join(esc(line) for line in lines), buttons=(*rows, *menu_buttons()))
