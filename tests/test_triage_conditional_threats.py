"""A crisis said as a possibility, or one the writer has a bed through, is no urgent flag.

Reading the real messages' development rows, a handful of ordinary letters were flagged urgent for two kinds of
wording (cond29):
- a threat said as a condition or what would follow ("if I came out to them I'd probably get kicked out", "hvis jeg
  siger det til min far, smider han mig ud", "if we broke up I would have nowhere to go"), and the lack of a place said
  right after it ("She's scared they'll kick her out. She has nowhere to go.");
- a safe place the writer has for now ("my aunt said I can crash at hers until I find something", "jeg kan bo hos min
  moster indtil videre", "she took me in after I got kicked out").
Such a letter gets its topic and no urgent offer. A deadline within days ("if I don't pay by Friday", "på søndag", "i
morgen"), a stay of days ("only tonight", "kun i nat", "she said I have to leave by the weekend"), the threat carried
out or violence keep the flag: those are the guards below.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from bot.cases.models import Case
from bot.triage import Urgency
from tests.corpus import our_own
from tests.test_console_understanding import converse, replies
from tests.triage_cases import DETECTED, expect

# A threat said as a possibility: nothing has happened, and no date is named.
POSSIBLE = [
    "hey so im 17 and gay and my parents are super religious. i havent told them yet bc honestly if i came out to them "
    "id probably get kicked out, my dad has said stuff like that before at dinner. i dont know if i should wait till i "
    "move out for uni or just tell them. is there anyone i can talk to about this?",
    "Min mor siger altid at hvis jeg ikke tager mig sammen i skolen så kan jeg finde et andet sted at bo. Jeg tror "
    "ikke hun mener det helt men det stresser mig vildt meget. Jeg er 17. Kan hun overhovedet det?",
    "so me n my bf share his apartmnt, its his name on the contract not mine. lately its been fights constantly and "
    "it hit me that if we broke up i would have nowhere to go, my family is way over in jutland. does the flat stay "
    "his no matter what??",
    "hvis min stedfar finder ud af at jeg ryger så ryger jeg ud, det har han sagt tusind gange. jeg har ingen andre "
    "steder at bo. skal jeg bare stoppe eller hvad",
    "been thinking about leaving home for a while, my parents fight every night and its exhausting. im 17. is it even "
    "possible to rent something at my age?",
    "hvis jeg går fra min kæreste har jeg ingen steder at bo, lejligheden er hans. Vi har det egentlig okay men jeg "
    "tænker bare over det. hvad har jeg egentlig ret til i sådan en situation?",
]

# A throwing out said as a possibility, with a night outside as its consequence. Not told apart: the condition said
# before a throwing out ("thrown_out" in condition_tells_apart) cost one urgent held-out message its flag (measured on
# the held-out parts' aggregate gate only, no row read); every real urgent message stays flagged first.
POSSIBLE_THROWN_OUT = [
    "im scared that if my mom finds my vape she'll throw me out and ill be sleeping on the street lol. she wouldnt "
    "really but still. how old do u have to be to move out on ur own here in dk?",
    "jeg går og er bange for, at hvis mine forældre opdager jeg er begyndt at gå i kirke, så smider de mig ud og så "
    "står jeg uden et sted at sove. har ik sagt det til nogen endnu. er der nogen man kan snakke med om sånt?",
]

# A safe place for now, open-ended: the writer has a bed. (Not couch surfing: staying on sofas for want of a home is
# urgent though a friend says "stay", tests/data/README.md.)
HOUSED = [
    "Jeg blev smidt ud af min kæreste i weekenden, men min moster siger jeg kan bo hos hende indtil jeg finder noget. "
    "kan man få boligstøtte hvis man lejer et værelse hos en privat?",
]
# The same, where the learned model still reads the crisis before the safe place: telling its signs over too cost an
# urgent synthetic held-out question its flag (benchmarks/triage.py), so only the rules do it.
HOUSED_FOR_THE_MODEL = [
    "Jeg har været hjemløs i et par måneder, men nu har min fars kæreste sagt at jeg må bo hos dem så længe jeg har "
    "brug for det. Hvordan søger jeg om en ungdomsbolig herfra?",
    "my aunt took me in after i got kicked out, shes really nice and said i can stay until i finish school. do i need "
    "to change my address with the kommune or can i keep the old one?",
]

# Guards: a deadline within days, a stay of days or its end, the threat carried out, violence.
STILL_URGENT = [
    ("my landlord says if i dont pay the rent by friday hes throwing me out and changing the locks. i have like 300 "
     "kr. what do i do", Urgency.URGENT),
    ("min far siger jeg skal være ude på søndag hvis jeg ikke holder op med at se min kæreste. jeg har ingen steder at "
     "tage hen. jeg er 17", Urgency.URGENT),
    ("hvis jeg ikke har betalt husleje i morgen kommer fogeden og sætter mig ud, det står i brevet. har ingen penge. "
     "hjælp", Urgency.URGENT),
    ("my friend said i can stay at hers but only tonight, her mum doesnt want me there after that. i dont know where "
     "to go tomorrow", Urgency.URGENT),
    ("jeg kan sove hos en veninde i nat men kun i nat, hendes forældre kommer hjem i morgen. min mor har smidt mig ud",
     Urgency.URGENT),
    ("my aunt let me crash at hers after my stepdad kicked me out but she said i have to leave by the weekend because "
     "her landlord found out. i have nowhere else", Urgency.URGENT),
    ("Jeg har boet hos min moster siden min mor smed mig ud, men hun har sagt jeg skal være ude til på søndag fordi "
     "hendes kæreste flytter ind. Jeg ved ikke hvor jeg skal sove", Urgency.URGENT),
    ("Min far sagde at hvis jeg kom for sent hjem igen så smed han mig ud. Jeg kom for sent i går og nu har han smidt "
     "mig ud og jeg har sovet på en bænk i nat", Urgency.URGENT),
    ("if i tell my mum about the weed my stepdad will hit me again, he did it last week and left a bruise. im scared "
     "to go home today", Urgency.EMERGENCY),
    ("han siger han slår mig ihjel hvis jeg går fra ham. jeg kan godt bo hos min søster men jeg tør ikke tage derhen "
     "for han ved hvor hun bor", Urgency.EMERGENCY),
    ("im staying at a friends for now but he hits me when hes drunk and last night he pushed me into the wall. i dont "
     "feel safe here", Urgency.EMERGENCY),
]

test_a_threat_said_as_a_possibility_is_no_crisis = expect(POSSIBLE, Urgency.NONE, lang=DETECTED)
test_a_throwing_out_said_as_a_possibility_is_still_flagged = pytest.mark.xfail(
    strict=True, reason="told apart, it cost a held-out urgent message its flag")(
    expect(POSSIBLE_THROWN_OUT, Urgency.NONE, lang=DETECTED))
test_a_safe_place_for_now_is_no_crisis = expect(HOUSED, Urgency.NONE, lang=DETECTED)
test_a_safe_place_for_now_after_the_model_s_signs_is_still_flagged = pytest.mark.xfail(
    strict=True, reason="the model's signs are not told over by a safe place")(
    expect(HOUSED_FOR_THE_MODEL, Urgency.NONE, lang=DETECTED))
test_a_deadline_a_short_stay_or_violence_still_counts = expect(STILL_URGENT, lang=DETECTED)
test_the_messages_are_our_own = our_own(POSSIBLE, POSSIBLE_THROWN_OUT, HOUSED, HOUSED_FOR_THE_MODEL, STILL_URGENT)


def test_the_chat_answers_a_threat_said_as_a_possibility_with_its_topic_and_no_urgent_offer(sqlite_engine,
                                                                                           make_app) -> None:
    """The coming-out letter got "You should not be alone with this", the night's help and an offer of a caseworker
    writing in the chat; it is a worry about what may come, and gets the topics about being thrown out, calmly."""
    app = make_app(sqlite_engine)
    said = " ".join(replies(converse(app, POSSIBLE[0], "/quit"))[2:])
    assert "Thrown out by parents" in said, "the topic about being thrown out"
    assert "should not be alone with this" not in said, "no crisis text"
    assert "write to you here in the chat" not in said, "no offer of a caseworker"
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None
