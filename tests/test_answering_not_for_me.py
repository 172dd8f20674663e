"""Messages that are no young person's own or someone's need get a short plain reply saying what Husly is for and
where to look instead, and the menu, not a topic said with confidence (bot/not_for_me.py, bot/answering.py
`_not_for_me`, bot/conversation/talk.py `not_for_me_reply`). "I was homeless once, now I want to volunteer at a
shelter" got the shelters topic as if the writer needed one. A need of the writer's said in the same message is
still answered as a need, and a crisis as a crisis.

Every sentence was written by the team for this test (checked below against the real messages)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re
from functools import partial

import pytest

from handlers.console import chat
from tests.corpus import our_own
from tests.support import engine_answer

TODAY = dt.date(2026, 12, 1)

# (sentence, kind)
NOT_FOR_ME = [
    ("Jeg boede selv på gaden for to år siden, nu vil jeg gerne være frivillig på et herberg i Randers", "give"),
    ("I slept rough for a winter years ago and now I'd like to volunteer at a youth shelter near Aarhus", "give"),
    ("Hvor kan jeg donere et par gode vinterstøvler og en sovepose til unge uden bolig?", "give"),
    ("My grandmother wants to donate some money to homeless teenagers in Favrskov, who takes it?", "give"),
    ("Vi har et ekstra værelse i vores rækkehus og vil gerne lade en ung uden bolig låne det", "give"),
    ("We have a spare bedroom since our son moved to Odense, could a young person without a home use it?", "give"),
    ("Jeg skriver opgave i 2.g om unge hjemløse i Roskilde, har I tal på hvor mange der er?", "research"),
    ("I'm a journalist at a student paper doing a piece on couch surfing, can I interview a caseworker?",
     "research"),
    ("Vi laver et projekt om boligmangel for unge på seminariet, hvor finder vi statistik over det?", "research"),
    ("Jeg er privat udlejer i Høje-Taastrup og min lejer har ikke betalt de sidste to måneder", "landlord"),
    ("As a landlord with three small studios in Randers, can I put them on Husly for students?", "landlord"),
    ("Vi er en virksomhed i Aarhus og vil gerne ansætte unge fra et herberg som lagerhjælp", "landlord"),
    ("Hvordan søger jeg job i kommunen som sagsbehandler på børn og unge-området?", "job"),
    ("How do I get a job at the council in Roskilde working as a social worker with young adults?", "job"),
    ("Kan man få boligstøtte når man bor i Sverige og pendler til Malmö?", "abroad"),
    ("How do I find a youth hostel bed in Berlin for a few weeks next spring?", "abroad"),
    ("Hvad koster et værelse til unge i Oslo om måneden?", "abroad"),
    ("Hvad er Husly egentlig for en app?", "about"),
    ("who made this husly chatbot and who pays for it?", "about"),
    ("Er du kommunen eller en privat tjeneste?", "about"),
    ("Is this chat run by the municipality or by volunteers?", "about"),
]

# A need of the writer's said beside it: answered as a need (a topic, or the safety essentials).
NEED_BESIDE = [
    ("I'd love to volunteer at a soup kitchen, but right now I'm sleeping on my cousin's sofa myself", "sofasurfer"),
    ("Jeg vil gerne være frivillig i weekenden, men jeg har selv svært ved at betale min husleje", None),
]

# Questions of young people that stay answered (a topic said with confidence), whatever words they share.
STILL_ANSWERED = [
    ("Jeg læser på universitetet i Aarhus, hvordan søger jeg boligstøtte til min lejlighed?", "boligstoette"),
    ("udlejeren af min etværelses holder hele depositummet inde efter fraflytningen i oktober", "depositum"),
    ("Jeg er fra Polen og bor i København nu, hvordan søger jeg boligstøtte?", "boligstoette"),
    # A question Husly answers, asked for an assignment.
    ("Hvad er huslejenævnet egentlig for noget? Det skal bruges til min opgave om lejeret i 3.g", "huslejenaevn"),
]

test_the_sentences_are_our_own = our_own(
    NOT_FOR_ME, NEED_BESIDE, STILL_ANSWERED, "Kan jeg få SU hvis jeg flytter til Malmö efter sommer?",
    "I want to volunteer at the shelter but tonight I have nowhere to sleep at all",
    "Hvordan finder jeg en billig lejlighed til unge i Oslo centrum?")


ask = partial(engine_answer, today=TODAY)


@pytest.mark.parametrize(("text", "kind"), NOT_FOR_ME)
def test_a_message_that_is_no_young_persons_need_gets_what_husly_is_for_and_the_menu(knowledge, text: str,
                                                                                    kind: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "not_for_me" and not found.confident, (found.kind, found.topic)
    from bot.not_for_me import not_for_me  # here: the test fails on the old code by the assertion above

    other = not_for_me(text)
    assert other is not None and other.kind == kind
    reply = found.reply
    assert "Husly" in reply.html and len(reply.html) < 600
    shown = {b.data for row in reply.buttons for b in row}
    assert {"menu:housing", "menu:urgent", "menu:staff"} <= shown, shown
    # No fact Husly has no source for: no phone number, no address, no web address.
    assert not re.search(r"\d{2} ?\d{2} ?\d{2} ?\d{2}|https?://|www\.", reply.html)


def test_what_husly_is_offers_its_own_topics(knowledge) -> None:
    found = ask(knowledge, "Er du kommunen eller en privat tjeneste?")
    shown = {b.data for row in found.reply.buttons for b in row}
    assert {"t:frikommune", "t:privatliv"} <= shown, shown


def test_a_question_about_husly_that_a_topic_answers_keeps_that_topic(knowledge) -> None:
    # "hvem står bag husly" is a phrasing of the free-municipality network's topic.
    found = ask(knowledge, "hvem står bag husly")
    assert found.confident and found.topic == "frikommune"


def test_a_place_abroad_is_named_in_the_reply(knowledge) -> None:
    found = ask(knowledge, "Kan jeg få SU hvis jeg flytter til Malmö efter sommer?")
    assert "Malmö" in found.reply.html and "Danmark" in found.reply.html
    found = ask(knowledge, "How do I find a youth hostel bed in Berlin for a few weeks next spring?")
    assert "Berlin" in found.reply.html and "Denmark" in found.reply.html


@pytest.mark.parametrize(("text", "topic"), NEED_BESIDE)
def test_a_need_of_ones_own_said_beside_it_is_answered_as_a_need(knowledge, text: str, topic: str | None) -> None:
    found = ask(knowledge, text)
    assert found.kind != "not_for_me", found.reply.html
    if topic:
        assert found.confident and found.topic == topic, (found.kind, found.topic)


def test_a_crisis_beside_it_is_still_a_crisis(knowledge) -> None:
    found = ask(knowledge, "I want to volunteer at the shelter but tonight I have nowhere to sleep at all")
    assert found.kind == "urgent"


@pytest.mark.parametrize(("text", "topic"), STILL_ANSWERED)
def test_a_young_persons_own_question_is_still_answered(knowledge, text: str, topic: str) -> None:
    found = ask(knowledge, text)
    assert found.kind == "answer" and found.topic == topic, (found.kind, found.topic)


def test_the_terminal_chat_shows_the_reply_and_the_menu(sqlite_engine, make_app) -> None:
    out = io.StringIO()
    stdin = io.StringIO("Hvor kan jeg donere et par gode vinterstøvler og en sovepose til unge uden bolig?\n/quit\n")
    asyncio.run(chat(make_app(sqlite_engine), chat_id=41, stdin=stdin, out=out, lang="da"))
    said = out.getvalue().split("Husly: ")[3]
    assert said.startswith("Jeg er Husly, en chatbot for unge")
    assert "Tak, fordi du gerne vil hjælpe!" in said and "hjemmeside" in said
    assert "🏠 Find bolig" in said and "💬 Tal med en medarbejder" in said
    assert "Herberg" not in said  # not the shelters topic


def test_a_home_abroad_in_the_terminal_chat_is_no_housing_search(sqlite_engine, make_app) -> None:
    out = io.StringIO()
    stdin = io.StringIO("Hvordan finder jeg en billig lejlighed til unge i Oslo centrum?\n/quit\n")
    asyncio.run(chat(make_app(sqlite_engine), chat_id=42, stdin=stdin, out=out, lang="da"))
    said = out.getvalue().split("Husly: ")[3]
    assert "Jeg kender kun hjælp og regler i Danmark. Om Oslo" in said, said
    assert "🏠 Find bolig" in said
