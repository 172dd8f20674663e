"""A helper's worry is no crisis; the person in danger is (issue 13, worry30).

Parents, friends, teachers and social workers write about a young person. Urgency is about that person: a friend
sleeping outside tonight is urgent and gets the helper's crisis flow. A helper's worry about the future ("I'm worried
he will lose his flat next year"), a friend who "might" be thrown out, or a general question about how to help is
not: it gets what may help the young person and the way to a caseworker, not "I'm not sure I understood", and no
crisis text. The writer's own worry stays the writer's."""

from __future__ import annotations

import asyncio
import datetime as dt
import io

import pytest
from sqlmodel import Session, select

from bot.answering import answer
from bot.cases.models import Case
from bot.reading import read
from bot.someone_else import for_someone_else
from bot.triage import Urgency, triage
from handlers.console import chat
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 7)

# A helper's worry about the future, or a general question: no crisis, and read as asked for someone else.
WORRIES = [
    ("my son is 23 with an autism diagnosis and im worried he will not keep his apartment next year, what can we do",
     "en"),
    ("vores søn på 25 har en diagnose, og jeg er bekymret for at han mister sin bolig til foråret", "da"),
    ("min datter er 22 og har angst, jeg er bekymret for om hun kan blive boende i sin lejlighed", "da"),
    ("I'm worried my stepdaughter will be without a home some day, she never manages to pay on time", "en"),
    ("our daughter is 24 and has bipolar disorder, i am worried she will lose her flat eventually", "en"),
    ("min veninde bliver måske smidt ud når hendes far opdager at hun har en kæreste", "da"),
    ("min kammerat risikerer at blive smidt ud hvis hans mor ser hans karakterer", "da"),
    ("my friend might get kicked out once her mum learns about the baby", "en"),
    ("my best mate could get thrown out if his parents find out he quit school", "en"),
    ("as a social worker, what can I tell young people who are close to losing their flat?", "en"),
    ("I teach in a secondary school, how can I support pupils when things are hard at home?", "en"),
    ("jeg underviser på en efterskole, hvordan kan jeg støtte elever der har det svært derhjemme", "da"),
    ("som socialrådgiver, hvad kan jeg råde unge til der er ved at miste deres bolig?", "da"),
    ("hvordan kan jeg hjælpe en kammerat med huslejegæld", "da"),
    ("how can I help a friend who can't afford her rent anymore?", "en"),
    ("hvad kan man gøre som forælder hvis ens voksne barn ikke kan finde ud af at betale regninger", "da"),
    ("what can parents do when their grown child struggles to keep a home?", "en"),
    ("jeg er bekymret for at han ikke kan klare sig selv, min søn er 27 og har adhd", "da"),
    ("I'm concerned about my nephew, he is 20 and his landlord says the lease ends in the summer", "en"),
    ("mit barnebarn på 21 har autisme, hvordan kan han få hjælp til at bo for sig selv?", "da"),
    ("my grandson is 20 and has a learning disability, what help is there for him to live alone?", "en"),
    ("min bror på 23 har en diagnose, jeg er bekymret for ham når han skal flytte hjemmefra næste år", "da"),
    ("min kusine er bange for at hendes forældre smider hende ud når de opdager at hun dropper gymnasiet", "da"),
    ("I'm worried she will end up without a home in the future, my niece is 19 and always short of money", "en"),
]

# The helper's worry Husly was not sure of: what may help the young person and the way to a caseworker.
UNSURE_WORRIES = [
    ("my son is 23 with an autism diagnosis and im worried he will not keep his apartment next year, what can we do",
     "en", "It sounds like you are worried about someone else"),
    ("vores søn på 25 har en diagnose, og jeg er bekymret for at han mister sin bolig til foråret", "da",
     "Det lyder, som om du er bekymret for en anden"),
    ("I'm worried my stepdaughter will be without a home some day, she never manages to pay on time", "en",
     "It sounds like you are worried about someone else"),
]

# The person in danger: urgent or an emergency, whoever writes.
GUARDS = [
    ("my friend is sleeping outside tonight", "en", Urgency.URGENT),
    ("min søn på 16 er smidt ud og har ingen steder at sove", "da", Urgency.URGENT),
    ("my daughter's boyfriend hits her", "en", Urgency.EMERGENCY),
    ("a friend of mine wrote that she plans to kill herself", "en", Urgency.EMERGENCY),
    ("min ven sover på gaden i nat", "da", Urgency.URGENT),
    ("my son's girlfriend has to leave her room on friday and has nowhere to go", "en", Urgency.URGENT),
    ("min datter skal ud af sit værelse på fredag og har ingen steder at tage hen", "da", Urgency.URGENT),
    ("min veninde er blevet smidt ud i dag og har intet sted at sove i nat", "da", Urgency.URGENT),
    ("min ven siger at han vil tage sit liv", "da", Urgency.EMERGENCY),
    ("my friend's stepdad beats her", "en", Urgency.EMERGENCY),
    ("my son is 24, was evicted this morning and has nowhere to sleep tonight", "en", Urgency.URGENT),
    ("min veninde bliver smidt ud i morgen og har ingen steder at bo", "da", Urgency.URGENT),
    ("min kammerat er bange for at hans far smider ham ud i aften, og han har ingen steder at sove", "da",
     Urgency.URGENT),
    ("my son is 25 and has a diagnosis, the bailiff comes on monday and he has nowhere to go", "en", Urgency.URGENT),
]

# The writer's own worry: not read as asked for someone else.
OWN = [
    ("I'm worried I'll lose my flat next year", "en"),
    ("jeg er bekymret for at jeg mister min lejlighed til næste år", "da"),
    ("my brother punches me, i am worried he'll do it again", "en"),
    ("min storebror slår mig, jeg er bekymret for at han gør det igen", "da"),
    ("jeg er bekymret for min økonomi efter flytningen, kan jeg søge boligstøtte", "da"),
]

FRIEND_OUTSIDE = "my friend is sleeping outside tonight, what can I do?"

test_the_messages_are_our_own = our_own(WORRIES, GUARDS, OWN, FRIEND_OUTSIDE)


@pytest.mark.parametrize(("text", "lang"), WORRIES)
def test_a_helpers_worry_is_no_crisis_and_is_read_as_for_someone_else(text: str, lang: str) -> None:
    assert triage(text, lang).urgency is Urgency.NONE, text
    assert for_someone_else(read(text)), text


@pytest.mark.parametrize(("text", "lang", "level"), GUARDS)
def test_the_person_in_danger_stays_urgent(text: str, lang: str, level: Urgency) -> None:
    assert triage(text, lang).urgency is level, text
    assert for_someone_else(read(text)), text


@pytest.mark.parametrize(("text", "lang"), OWN)
def test_the_writers_own_worry_stays_theirs(text: str, lang: str) -> None:
    assert not for_someone_else(read(text)), text


@pytest.mark.parametrize(("text", "lang", "opening"), UNSURE_WORRIES)
def test_a_helper_husly_is_unsure_of_gets_what_may_help_and_a_caseworker(knowledge, text: str, lang: str,
                                                                         opening: str) -> None:
    kb, index = knowledge
    result = answer(kb, index, text, today=TODAY, threshold=0.5)
    assert result.triage.urgency is Urgency.NONE
    html = result.reply.html
    assert html.startswith(opening), html
    assert "112" not in html
    data = [b.data for row in result.reply.buttons for b in row]
    assert "t:kontakt-kommune" in data, "the way to the municipality"
    assert "menu:staff" in data, "a caseworker"


def _converse(app, *lines: str, lang: str) -> str:
    out = io.StringIO()
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang=lang))
    return out.getvalue()


def test_the_parents_worry_in_the_terminal_chat_gets_help_and_no_crisis(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    transcript = _converse(app, WORRIES[0][0], "/quit", lang="en")
    opening = "It sounds like you are worried about someone else"
    assert opening in transcript, "what may help the young person, not \"I'm not sure I understood\""
    after = transcript[transcript.index(opening):]  # the greeting before it names 112 for anyone in danger
    assert "Housing support in your own home" in after or "municipality" in after
    assert "Talk to a caseworker" in after
    assert "112" not in after and "not be alone with this" not in after
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None, "no case opened for a worry"


def test_a_friend_outside_tonight_still_gets_the_helpers_crisis_flow(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    transcript = _converse(app, FRIEND_OUTSIDE, "/quit", lang="en")
    assert "They should not be alone with this" in transcript
    assert "If the young person is in danger, call 112." in transcript
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None, "no case in the helper's name without asking"
