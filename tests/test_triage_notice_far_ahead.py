"""A notice to quit or the end of a lease weeks or months away, and a move the writer chose, are no crisis (notice30).

Before, "min udlejer har sagt op, jeg skal være ude 1. marts" and "opsigelse ... ude den 1. april" were urgent ("den 1"
read as a deadline within days, "skal være ude" beside the landlord as being put out): the case offer and "Du skal ikke
stå alene med det her" for a worry about the spring. The labelling rules (tests/data/README.md) call it a future
worry. Now a date or a span of time is read against today's date (bot/triage_dates.py; the clock is injected here,
2026-12-07): more than two weeks ahead it is no deadline within days, and more than five weeks ahead with the end of a
home near it, a worry for the rules that read nowhere to live. Within days, tonight, a night without a bed now, an
eviction or a throwing out with no date, and the street said as coming stay urgent.

Every sentence was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io

import pytest

from bot import triage_dates
from bot.triage import Urgency, triage
from handlers.console import chat
from tests.corpus import our_own
from tests.triage_cases import expect

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_dates, "today", lambda: TODAY)


# A notice or the end of a lease weeks or months ahead, and nothing of a crisis now.
FAR_AHEAD = [
    ("fik brev fra udlejeren i Vanløse om at jeg skal være ude den 1. april, hvad stiller jeg op", "da"),
    ("udlejeren har sagt op og jeg skal være ude 1. marts, hvad nu", "da"),
    ("vi fik en opsigelse i går, vi skal fraflytte den 31. januar", "da"),
    ("udlejer har opsagt os til udgangen af februar, hvad er vores rettigheder", "da"),
    ("jeg har fået besked om at jeg skal være ude senest 1. maj, kan de det", "da"),
    ("min lejekontrakt udløber 31. januar og jeg har ikke noget nyt endnu", "da"),
    ("vi skal være ude af lejligheden om seks uger og ved ikke hvor vi skal bo", "da"),
    ("the landlord gave me sixty days notice to vacate the flat, what are my options", "en"),
    ("got a notice to quit today, i have to be out by march 1st", "en"),
    ("we received an eviction notice for february 28, is there anything we can do", "en"),
    ("our tenancy ends on the 1st of april and the landlord won't renew it", "en"),
    ("we have to leave the townhouse in six weeks because of renovation and dont know where to go yet", "en"),
    ("the owner is selling and we must be out by the end of march", "en"),
    ("jeg er blevet opsagt og skal være ude den 1. februar", "da"),
    ("udlejer har opsagt mig, og jeg skal fraflytte den 1. marts", "da"),
    ("vi har fået opsigelse og skal være ude den 1. maj, hvad gør vi nu", "da"),
    ("jeg skal ud af lejligheden 1. februar fordi udlejer vil sælge", "da"),
    ("udlejer i Herning vil bygge om og har givet mig tre måneders varsel, jeg skal ud", "da"),
    ("jeg skal være ude om otte uger og har ikke fundet noget endnu", "da"),
    ("my landlord said we have to leave by february 1st, is that legal?", "en"),
    ("our lease is up at the end of february and we have nothing lined up yet", "en"),
    ("the landlord handed me a 90 day notice because of renovation, so i have to leave the studio", "en"),
]
# A move the writer chose.
CHOSEN = [
    ("min kæreste og jeg flytter sammen til sommer, skal jeg sige min lejlighed op allerede nu", "da"),
    ("jeg har sagt min lejlighed op og flytter til odense 1. februar", "da"),
    ("vi flytter i februar, hvor lang tid før skal vi opsige", "da"),
    ("we're moving out next month, will we get the deposit back", "en"),
    ("im moving to aarhus for uni in august, how do i find a room", "en"),
    ("gave notice on my studio in Brønshøj and move to london in march for work", "en"),
    ("im moving to odense for uni on friday and need to end my lease", "en"),
    ("i have to move out of the dorm on friday since im flying home to Ribe for the summer", "en"),
]
# Within days, tonight, or no date: still urgent.
SOON = [
    ("jeg har fået en opsigelse og skal være ude den 10. december", "da"),
    ("udlejeren skriver at jeg skal være ude på fredag og jeg har intet sted at bo bagefter", "da"),
    ("fogeden kommer i morgen og sætter os ud", "da"),
    ("min stedfar har kylet mig ud i aften, jeg står i Kolding og ved ikke hvor jeg skal sove", "da"),
    ("min udlejer har skiftet låsen, jeg kan ikke komme ind i min lejlighed", "da"),
    ("vi bliver sat ud den 2. januar og har ingen steder at tage hen", "da"),
    ("eviction notice taped to our door in Ballerup says everyone must be out by december 15", "en"),
    ("i'm being evicted on monday and i have nowhere to go", "en"),
    ("the bailiffs come on thursday to evict us", "en"),
    ("mum and her boyfriend threw me out an hour ago with just my rucksack", "en"),
    ("got locked out by my landlord tonight, all my stuff is inside", "en"),
    ("our sublet in Nørrebro ends on friday and me and my sister have nowhere to go", "en"),
    ("dad kicked me out last night so im crashing at my boyfriends flat in Valby for now", "en"),
]
# A date far ahead beside a night without a bed now, or the street said as coming: still urgent.
CRISIS_NOW = [
    ("jeg har ingen steder at sove i nat, min nye lejlighed er først klar 1. marts", "da"),
    ("i have nowhere to stay until my new flat is ready on february 1", "en"),
    ("kicked out by my dad last night and i can't get my own place before march", "en"),
    ("the owner sold the building and we get evicted in a month with nowhere to go", "en"),
]

test_a_notice_far_ahead_is_no_crisis = expect(FAR_AHEAD, Urgency.NONE)
test_a_move_the_writer_chose_is_no_eviction = expect(CHOSEN, Urgency.NONE)
test_within_days_tonight_or_no_date_stays_urgent = expect(SOON, Urgency.URGENT, how="at least")
test_a_crisis_now_beside_a_far_date_stays_urgent = expect(CRISIS_NOW, Urgency.URGENT, how="at least")


def test_the_same_date_is_near_or_far_by_todays_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock decides: "den 1. februar" is within days in late January and weeks ahead in early December."""
    assert triage("jeg er opsagt og skal være ude den 1. februar").urgency is Urgency.NONE
    monkeypatch.setattr(triage_dates, "today", lambda: dt.date(2027, 1, 27))
    assert triage("jeg er opsagt, og jeg skal være ude den 1. februar").urgency is Urgency.URGENT


def test_a_date_in_the_past_or_a_month_word_is_not_ahead() -> None:
    """A date with no year a few weeks back is the past; "may" as a verb is no month; a duration is no deadline."""
    for words in ("we were thrown out on november 20", "i may have to leave", "i have been on the sofa for six weeks"):
        assert triage_dates.date_marks(words.split()) == {}, words


def test_the_console_answers_a_notice_far_ahead_with_the_topic_and_no_crisis_text(sqlite_engine, make_app) -> None:
    out = io.StringIO()
    lines = ["min udlejer har sagt mig op, jeg skal være ude 1. marts. hvor langt varsel skal han give?", "/quit"]
    asyncio.run(chat(make_app(sqlite_engine), stdin=io.StringIO("".join(f"{line}\n" for line in lines)), out=out,
                     lang="da"))
    transcript = out.getvalue()
    assert "ikke stå alene" not in transcript, "no crisis text and no case offer for a notice to quit in March"
    assert "Hvor lang opsigelse har jeg som lejer?" in transcript, "the notice period's answer"


test_the_messages_are_our_own = our_own(FAR_AHEAD, CHOSEN, SOON, CRISIS_NOW)
