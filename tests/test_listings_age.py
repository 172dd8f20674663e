"""A listing's age range is its target group ("til unge 18-29"). A 17-year-old who said their age and then asked
for a room was shown rooms for young people 18-29 as if they fitted. The search now leaves out homes whose age range
excludes the age said (in the search, earlier in the chat, or on the person's case), says so, and points someone
under 18 to the help for them (the topic for those under 18, a caseworker), in the terminal chat, `husly ask` and
the buttons. Telegram: tests/test_telegram_listings_age.py."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from bot.app import App
from bot.cases.models import Case
from bot.db import session_scope
from tests.cases_support import husly
from tests.corpus import our_own
from tests.support import Chat, texts
from tests.test_console_case_day import talk
from tests.test_listings_search import item, put

SAYS_AGE = "jeg er 17 år btw"
ASKS_ROOM = "kan i finde et værelse til mig i aarhus, gerne billigt"
IN_ONE = "hejj jeg er 17 og søger et billigt værelse i aarhus"
GROWN_UP = "jeg er 22 og søger et billigt værelse i aarhus"
OLDER = "jeg er 31 og leder efter et værelse i aarhus"
FOR_YOUTH = "· til unge 18-29"  # on a card
LEFT_OUT = "Du er under 18, så boliger til unge 18-29 er ikke med"
MINOR_TOPIC_TITLE = "Under 18 og ikke et trygt sted at bo"


@pytest.fixture
def app(sqlite_engine, make_app) -> App:
    return make_app(sqlite_engine)


def youth_and_everyone(engine: Engine) -> None:
    put(engine, item("ung-1", rent=2800, target_group="youth"), item("alle-1", rent=3600, target_group="everyone"))


def only_youth(engine: Engine) -> None:
    put(engine, item("ung-1", rent=2800, target_group="youth"), item("ung-2", rent=3100, target_group="youth"))


def test_a_17_year_old_who_said_their_age_first_is_not_shown_rooms_for_18_to_29(app: App) -> None:
    youth_and_everyone(app.engine)
    _, search = talk(app, SAYS_AGE, ASKS_ROOM)
    answer = " ".join(search)
    assert "Boliger, der passer: 1" in answer, answer
    assert FOR_YOUTH not in answer and "til alle" in answer
    assert LEFT_OUT in answer


def test_when_nothing_fits_a_17_year_old_is_told_kindly_and_shown_the_help_for_minors(app: App) -> None:
    only_youth(app.engine)
    answer = " ".join(talk(app, IN_ONE)[0])
    assert "Ingen boliger passer lige nu" in answer and FOR_YOUTH not in answer, answer
    assert LEFT_OUT in answer and "skal kommunen hjælpe dig" in answer
    chat = Chat(app, lang="da")
    buttons = [b.text for s in chat.say(IN_ONE) for b in s.buttons]
    assert MINOR_TOPIC_TITLE in buttons and "💬 Tal med en medarbejder" in buttons, buttons


def test_a_grown_up_still_sees_the_rooms_for_young_people(app: App) -> None:
    youth_and_everyone(app.engine)
    answer = " ".join(talk(app, GROWN_UP)[0])
    assert "Boliger, der passer: 2" in answer and FOR_YOUTH in answer, answer
    assert "ikke med" not in answer


def test_someone_of_31_is_told_the_rooms_for_18_to_29_do_not_fit_their_age(app: App) -> None:
    youth_and_everyone(app.engine)
    answer = " ".join(talk(app, OLDER)[0])
    assert "Boliger, der passer: 1" in answer and FOR_YOUTH not in answer, answer
    assert "passer ikke til din alder" in answer


def test_the_search_buttons_use_the_age_said_earlier_and_keep_it_on_the_next_buttons(app: App) -> None:
    only_youth(app.engine)
    chat = Chat(app, lang="da")
    chat.say(SAYS_AGE)
    sent = chat.press("ls:p:0:aarhus::vaerelse")  # an older button naming no age
    assert "Ingen boliger passer lige nu" in texts(sent), texts(sent)
    datas = [b.data for s in sent for b in s.buttons]
    assert "ls:p:0:aarhus::" + ":under_18" in datas, datas  # "All types" keeps the age


def test_the_age_band_on_the_persons_case_counts_too(app: App) -> None:
    only_youth(app.engine)
    chat = Chat(app, lang="da")
    with session_scope(app.engine) as session:
        session.add(Case(transport=chat.transport, chat_id=chat.chat_id, urgency="normal", age_band="under_18",
                         consent=True))
    sent = chat.press("ls:p:0:aarhus::vaerelse")
    assert "Ingen boliger passer lige nu" in texts(sent) and LEFT_OUT in texts(sent), texts(sent)


def test_husly_ask_reads_the_age_in_the_search(app: App, capsys) -> None:
    only_youth(app.engine)
    data = json.loads(husly(app, capsys, "ask", IN_ONE, "--json"))
    assert data["kind"] == "listings"
    assert "Ingen boliger passer lige nu" in data["answer"] and LEFT_OUT in data["answer"], data["answer"]


test_the_messages_are_our_own = our_own([SAYS_AGE, ASKS_ROOM, IN_ONE, GROWN_UP, OLDER])


def test_a_17_year_olds_alert_tells_of_a_home_for_everyone_not_one_for_18_to_29(app: App, clock) -> None:
    chat = Chat(app, lang="da")
    chat.say(SAYS_AGE)
    chat.press("ls:a:aarhus::vaerelse")  # "Giv mig besked" on a search naming no age: the age said counts
    grown = Chat(app, 4243, lang="da")
    grown.press("ls:a:aarhus::vaerelse")
    put(app.engine, item("ung-9", rent=2800, target_group="youth"), item("alle-9", rent=3300,
                                                                         target_group="everyone"), now=clock.now)
    clock.advance(seconds=5)  # alert messages are spread out over time
    sent = chat.deliver()
    told = " ".join(s.reply.html for s in sent if s.chat_id == chat.chat_id)
    assert "example.org/alle-9" in told and "example.org/ung-9" not in told, told
    assert "example.org/ung-9" in " ".join(s.reply.html for s in sent if s.chat_id == grown.chat_id)
