"""A short stay on a sofa with a home waiting at a known end, or on a trip, is no urgent flag (stay30).

"i'm sleeping on my mate's sofa for two weeks until my new flat is ready, can i get boligstøtte" got "You should not be
alone with this. Here is where you can get help tonight." before its answer, and so did a backpacker couchsurfing and a
visit to a brother's sofa. By the labelling rules (tests/data/README.md) couch surfing is urgent when one stays on sofas
*because one has no home*; a new flat waiting, a holiday, a host family or house-sitting is a home. Couch surfing for
want of a home stays urgent: months of it, "until I find something", a stay that ends within days, the host's end of
it, a new flat that fell through or is delayed, a young person who cannot live at home. Those are the guards below.
"""

from __future__ import annotations

from sqlmodel import Session, select

from bot.cases.models import Case
from bot.triage import Urgency
from tests.corpus import our_own
from tests.test_console_understanding import converse, replies
from tests.triage_cases import DETECTED, expect

NEW_FLAT = "i'm sleeping on my mate's sofa for two weeks until my new flat is ready, can i get boligstøtte"
MONTHS_ON_SOFAS = "I have been kipping on my friends sofas one after another for months now, no clue what to do next"

# A sofa until a home of one's own is ready: the writer has a home waiting at a known end.
HOME_WAITING = [
    NEW_FLAT,
    "I'm crashing on my cousin's couch for ten days until my new apartment is ready, do I need to change my address?",
    "my lease ended so I'm sleeping on my buddy's couch for three weeks till I get the keys to my new place",
    "we are between two flats and couch surfing at my sister's for two weeks, anything we should tell the kommune?",
    "jeg sover på min vens sofa i to uger indtil min nye lejlighed er klar, kan jeg søge boligstøtte allerede nu?",
    "jeg sover på sofaen hos min kammerat i tre uger indtil jeg kan flytte ind i min nye lejlighed første marts",
    "vi er mellem to lejligheder og sover på sofaen hos min svigermor i tre uger",
    "jeg er sofasurfer hos min bror i to uger indtil vi får nøglerne til vores nye lejlighed",
]

# A trip, a holiday, a visit, an exchange or house-sitting: the sofa is the trip's.
TRIP = [
    "we're backpacking and sleep on couches via couchsurfing",
    "jeg sover på sofaen hos min bror i weekenden når jeg besøger ham",
    "we're travelling around europe and sleep on couches through couchsurfing, any tips?",
    "I'm on holiday in Copenhagen and couch surfing with a host, where can I do laundry?",
    "jeg er på ferie og sover på sofaen hos en veninde i Aarhus",
    "I'm house sitting for my neighbours and sleeping on their sofa for a week",
    "jeg passer huset for min moster og sover på hendes sofa mens hun er væk",
    "when I visit my dad I'm couch surfing at his place for a month, is that ok?",
    "my travel blog is about couchsurfing my way across Scandinavia",
    "I'm backpacking for a month and couchsurfing, can I get mail somewhere?",
    "jeg er på interrail og sover på sofaer hos folk via couchsurfing",
    "I'm an exchange student couch surfing with my host family for a few weeks, can I get housing benefit?",
]

# Guards: couch surfing for want of a home, a stay of days or its end, a home that is not coming, a young person.
STILL_URGENT = [
    MONTHS_ON_SOFAS,
    "I've been sleeping on different friends' sofas for months, I have no home",
    "jeg har sovet på sofaer hos forskellige venner i flere måneder nu og har ingen bolig af min egen",
    "jeg sover hos venner på skift for tiden, ved ikke hvad jeg skal",
    "my mate says I can keep crashing on his couch but only until Friday and then what",
    "jeg sover på min vens sofa indtil jeg finder noget, men han vil have mig ud",
    "I'm couch surfing until I find something, can I get help?",
    "I was supposed to get my new flat but it fell through and I'm sleeping on friends' couches",
    "my new flat is delayed for months and I've been couch surfing since the summer",
    "I am on my friends sofa until my new flat is ready but now she says I cant stay any more from tomorrow",
    "jeg sover på sofaen hos en ven til min nye lejlighed er klar, men han har smidt mig ud",
    "i'm sleeping on my mate's sofa until my new flat is ready but he wants me out by sunday",
    "I'm 16 and sleeping on friends' sofas because I can't live at home",
    "jeg er 15 og sover hos nogle venner lige nu, jeg kan ikke være hjemme hos min far",
    "I've been couch surfing since my mum kicked me out",
    "we were backpacking but now I'm homeless and sleeping on couches",
    "jeg er kommet hjem fra ferie og har været sofasurfer siden, min lejlighed er væk",
    "ive been couch surfing for a few weeks now and got nowhere to go after this",
    "my friend lets me sleep on her couch for a few days, then I have nowhere",
]

test_a_sofa_before_a_home_waiting_is_no_crisis = expect(HOME_WAITING, Urgency.NONE, lang=DETECTED, by="rules and bot")
test_a_sofa_on_a_trip_is_no_crisis = expect(TRIP, Urgency.NONE, lang=DETECTED, by="rules and bot")
test_couch_surfing_for_want_of_a_home_is_still_urgent = expect(STILL_URGENT, Urgency.URGENT, how="at least",
                                                               lang=DETECTED)
test_the_messages_are_our_own = our_own(HOME_WAITING, TRIP, STILL_URGENT)


def test_the_chat_answers_a_sofa_before_a_new_flat_without_the_crisis_text(sqlite_engine, make_app) -> None:
    """The sofa before the new flat gets housing benefit's contact and no crisis text; months on friends' sofas still
    gets the help for tonight."""
    app = make_app(sqlite_engine)
    transcript = converse(app, NEW_FLAT, "/quit")
    assert "Housing benefit" in " ".join(replies(transcript)), "housing benefit's contact"
    assert "should not be alone with this" not in transcript, "no crisis text"
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None
    transcript = converse(make_app(sqlite_engine), MONTHS_ON_SOFAS, "/quit")
    assert "You should not be alone with this. Here is where you can get help tonight." in transcript, "the crisis help"
