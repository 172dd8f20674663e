"""The urgent case flow as a 17-year-old thrown out tonight meets it, typing messily at the case questions.

Played in the terminal chat at night (Danish and English), with nobody from the municipality on Husly:
- "ja jeg er 17" under the offer of a caseworker was read as the age alone: the offer came again, and the yes had to
  be said twice before the first question.
- "han råber af mig nu" / "he is shouting at me right now" typed at a question was no danger: it only reached the
  case ("If you are in danger, call 112") and, after a "hallo?", passed the question over as if it were an answer.
  "han kommer hjem nu og jeg er bange" was heard, but with the suicide line, not as a danger from a person.
- "Please call the municipality yourself", at night, said nothing of the municipality's social on-call, which the
  police on 114 can often reach (knowledge/services/politi-114.yaml, the topic for minors).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cases_support import Desk, case, to
from tests.corpus import our_own
from tests.support import cases_of, texts

THROWN_OUT_DA = "min far smed mig ud her i aften og nu ved jeg ikke hvor jeg skal sove"
THROWN_OUT_EN = "my dad threw me out this evening and now i dont know where to sleep"
YES_AGE = [("jaa jeg er 17 btw", "da"), ("yes im 16", "en"), ("ja tak, 17 år", "da")]
SHOUTS = [("han står og råber af mig nu", "da"), ("he keeps shouting at me rn", "en"),
          ("min stedfar truer mig lige nu", "da"), ("my stepmum is yelling at me rn", "en")]
COMING = [("stedfar er på vej hjem og jeg er mega bange", "da"), ("hes coming home now and im scared", "en")]
PAST = "min stedfar råbte ad mig sidste weekend"
# Monday 7 December 2026, 23:30 in Denmark: the municipality's offices are closed.
NIGHT = dt.datetime(2026, 12, 7, 22, 30, tzinfo=dt.UTC)
# The same Monday at 10:30: open.
DAY = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.UTC)

OFFER = {"da": "Vil du have, at en medarbejder", "en": "Do you want a caseworker"}
WORDS = {"da": "Må medarbejderne læse det", "en": "May the caseworkers read what you write"}
AGE = {"da": "Hvor gammel er du?", "en": "How old are you?"}
TONIGHT = {"da": "Hvor skal du sove i nat?", "en": "Where will you sleep tonight?"}


def _thrown_out(lang: str) -> str:
    return THROWN_OUT_DA if lang == "da" else THROWN_OUT_EN


def _youth(engine, make_app, clock, lang: str, when: dt.datetime = NIGHT, municipality: str | None = None):
    clock.now = when
    desk = Desk(make_app(engine))
    youth = desk.youth(municipality, lang=lang)
    assert OFFER[lang] in texts(to(youth.say(_thrown_out(lang)), youth))
    return desk, youth


def _at_the_age_question(engine, make_app, clock, lang: str):
    """Said yes, no to the words question, named Randers: the age question is on screen."""
    desk, youth = _youth(engine, make_app, clock, lang)
    youth.say("ja" if lang == "da" else "yes")
    youth.press("cy:words:1:no")
    sent = texts(to(youth.say("randers"), youth))
    assert AGE[lang] in sent
    return desk, youth


@pytest.mark.parametrize(("said", "lang"), YES_AGE)
def test_a_yes_with_the_age_opens_the_case_at_once(sqlite_engine, make_app, clock, said, lang) -> None:
    desk, youth = _youth(sqlite_engine, make_app, clock, lang)
    sent = texts(to(youth.say(said), youth))
    assert OFFER[lang] not in sent  # not asked a second time
    assert WORDS[lang] in sent  # the first question comes
    found = case(sqlite_engine)
    assert found.age_band == "under_18"
    # An age alone is no yes: the offer comes again (and no case opens).
    other = desk.youth(None, lang="da")
    other.say(THROWN_OUT_DA)
    assert OFFER["da"] in texts(to(other.say("jeg er 17"), other))
    assert len(cases_of(other)) == 0


@pytest.mark.parametrize(("said", "lang"), SHOUTS)
def test_a_danger_now_at_a_question_is_heard(sqlite_engine, make_app, clock, said, lang) -> None:
    desk, youth = _at_the_age_question(sqlite_engine, make_app, clock, lang)
    youth.say("hallo?")  # the question once more
    sent = texts(to(youth.say(said), youth))
    assert "112" in sent and "1888" in sent  # the safety information at once, with the line for violence
    found = case(sqlite_engine)
    assert found.urgency == "emergency"
    assert "violence_or_threats" in found.all_reasons()
    # Not taken as an answer, nor as writing past the question: the age question stays.
    assert AGE[lang] in sent and TONIGHT[lang] not in sent
    assert found.age_band is None
    # Told as the past, on another case, it stays what it was (no emergency).
    past = desk.youth(None, lang="da")
    past.say(THROWN_OUT_DA)
    past.say("ja")
    past.press("cy:words:2:no")
    past.say(PAST)
    assert case(sqlite_engine, 2).urgency != "emergency"


@pytest.mark.parametrize(("said", "lang"), COMING)
def test_someone_coming_while_afraid_is_a_danger_not_the_suicide_line(sqlite_engine, make_app, clock, said,
                                                                      lang) -> None:
    _desk, youth = _at_the_age_question(sqlite_engine, make_app, clock, lang)
    youth.say("hallo?")
    sent = texts(to(youth.say(said), youth))
    assert "112" in sent and "Livslinien" not in sent
    found = case(sqlite_engine)
    assert found.urgency == "emergency"
    assert "in_danger" in found.all_reasons()
    assert AGE[lang] in sent and TONIGHT[lang] not in sent


@pytest.mark.parametrize("lang", ["da", "en"])
def test_nobody_on_husly_at_night_names_the_social_on_call_through_114(sqlite_engine, make_app, clock, lang) -> None:
    _desk, youth = _youth(sqlite_engine, make_app, clock, lang)
    youth.say("ja" if lang == "da" else "yes")
    youth.press("cy:words:1:no")
    sent = texts(to(youth.say("randers"), youth))
    on_call = "sociale vagt" if lang == "da" else "social on-call"
    assert "114" in sent and on_call in sent
    # The age said: for someone under 18 it says so plainly, and it comes again at the end.
    youth.press("cy:age:1:under_18")
    youth.press("cy:skip:1:tonight")
    last = texts(to(youth.press("cy:anon:1"), youth))
    assert "114" in last and on_call in last
    # Not for an adult (the sources are about children and young people under 18).
    _desk2, adult = _youth(sqlite_engine, make_app, clock, lang)
    adult.say("ja" if lang == "da" else "yes")
    adult.press("cy:words:2:no")
    adult.say("randers")
    adult.press("cy:age:2:18_24")
    adult.press("cy:skip:2:tonight")
    assert "114" not in texts(to(adult.press("cy:anon:2"), adult))


def test_the_114_line_is_said_at_night_only_and_not_where_there_is_a_night_service(sqlite_engine, make_app,
                                                                                   clock) -> None:
    _desk, youth = _youth(sqlite_engine, make_app, clock, "da")
    youth.say("ja")
    youth.press("cy:words:1:no")
    assert "114" in texts(to(youth.say("favrskov"), youth))
    # By day the municipality answers its own phone.
    _desk2, day = _youth(sqlite_engine, make_app, clock, "da", when=DAY)
    day.say("ja")
    day.press("cy:words:2:no")
    assert "114" not in texts(to(day.say("randers"), day))
    # København has its own social emergency service, open day and night: no police line instead of it.
    _desk3, other = _youth(sqlite_engine, make_app, clock, "da")
    other.say("ja")
    other.press("cy:words:3:no")
    sent = texts(to(other.say("københavn"), other))
    assert "114" not in sent and "Døgnvagt" in sent


@pytest.mark.parametrize(("said", "lang"), [("slet mine data", "da"), ("delete my data pls", "en")])
def test_asking_to_delete_at_a_question_gets_the_way_to_delete(sqlite_engine, make_app, clock, said, lang) -> None:
    _desk, youth = _at_the_age_question(sqlite_engine, make_app, clock, lang)
    sent = to(youth.say(said), youth)
    assert any((b.data or "").startswith("priv") for m in sent for b in m.buttons), \
        [b.data for m in sent for b in m.buttons]
    assert AGE[lang] not in texts(sent)
    youth.press_button(sent, "Ja, slet" if lang == "da" else "Yes, delete")
    assert case(sqlite_engine).status == "closed"


@pytest.mark.parametrize(("said", "lang"), [("stop", "da"), ("STOP!!", "en"), ("hold op", "da")])
def test_stop_at_a_question_ends_the_questions(sqlite_engine, make_app, clock, said, lang) -> None:
    _desk, youth = _at_the_age_question(sqlite_engine, make_app, clock, lang)
    sent = texts(to(youth.say(said), youth))
    assert AGE[lang] not in sent and TONIGHT[lang] not in sent
    assert "/slet" in sent and "112" in sent
    # The case stays open, and the next message is a message on it, not an answer to a question.
    assert case(sqlite_engine).status != "closed"
    assert AGE[lang] not in texts(to(youth.say("17"), youth))
    # Asking to delete after the questions gets /slet's question too.
    later = to(youth.say("slet mine data" if lang == "da" else "delete my data pls"), youth)
    assert any((b.data or "").startswith("priv") for m in later for b in m.buttons)


@pytest.mark.parametrize(("said", "lang"), [("hvorfor?", "da"), ("why do you need that", "en")])
def test_why_at_a_question_is_answered_and_the_question_stays(sqlite_engine, make_app, clock, said, lang) -> None:
    _desk, youth = _youth(sqlite_engine, make_app, clock, lang)
    assert WORDS[lang] in texts(to(youth.say("ja" if lang == "da" else "yes"), youth))
    sent = to(youth.say(said), youth)
    why = "forklare det hele igen" if lang == "da" else "explain it all again"
    assert len(sent) == 1 and why in sent[0].text and WORDS[lang] not in sent[0].text  # not a topic, not on the case
    # Not counted as written past: one more message still gets the words question once more.
    assert WORDS[lang] in texts(to(youth.say("hallo?"), youth))


test_the_messages_are_our_own = our_own([THROWN_OUT_DA, THROWN_OUT_EN, PAST], YES_AGE, SHOUTS, COMING)
