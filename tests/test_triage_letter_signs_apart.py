"""Letters the learned model raised to urgent on a sign that names no crisis of anyone's now.

Found on the real messages' development parts (never the held-out ones), cross-validated (benchmarks/real_messages.py
--cv-show): someone else's relationship named abusive by a parent or a flatmate (``others_abusive`` masks ``abusive``
in bot/data/triage.yaml: what he does the letter's other words name), and being thrown out said of young people in
general ("you read about teenagers who get kicked out", ``generic_thrown`` masks ``thrown_out``). Written here in our
own words; the same signs beside a night out, nowhere to live or a blow stay urgent or an emergency. Still open: a
letter whose only sign is leaving care or a discharge told as done (four ordinary development letters); not raising
such letters at all dropped urgent held-out letters, so leaving stays a sign the model may raise a letter on.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, Row, expect

OPEN = pytest.mark.xfail(strict=True, reason="open: leaving care told as done, and no other sign")

NO_CRISIS: list[Row] = [
    # Leaving care, a discharge told as done, and nothing else (open: see above).
    pytest.param(
        "For tre uger siden blev jeg udskrevet efter to måneder på en psykiatrisk afdeling. Min kontaktperson fra "
        "bostedet hentede mig, og vi købte ind sammen på vejen hjem. Ellers går dagene med gåture og lidt tegning, og "
        "jeg glæder mig til at starte på mit værested igen efter nytår.", marks=OPEN),
    pytest.param(
        "My daughter was discharged from the eating disorder unit a month ago after a long winter there. She eats "
        "with us at the table again, laughs at her brother's jokes and has started swimming lessons. Her consultant "
        "says the first months are fragile, so how do we talk about food without making every meal a test?",
        marks=OPEN),
    # Someone else's relationship named abusive, and nothing done named.
    ("Our flatmate is lovely, but we think she is in an abusive relationship with a guy who lives in another city. He "
     "video calls her every evening and sulks when she goes out with us, and she has stopped coming to lectures. How "
     "do we bring it up with her without pushing her away?"),
    # Thrown out said of young people in general.
    ("I spent the whole afternoon scrolling through flat listings with a mug of tea. You read about teenagers who get "
     "kicked out because their parents can't cope with them, and that is not my story at all. My mum and I just want "
     "different things, and my own lease starts in August."),
    ("En regnfuld eftermiddag sad jeg med en kop te og kiggede på værelser til leje i Vejle. Man læser tit om "
     "teenagere der bliver smidt ud af forældre, som ikke kan magte dem, men sådan har vi det heldigvis ikke. Mor og "
     "jeg trænger bare til hver vores køkken, og kontrakten på mit værelse gælder fra august."),
]

STILL_A_CRISIS = [
    # Leaving care beside nowhere to live and nights outside.
    ("I turned 18 last month and had to leave my foster family because the placement ended. I have nowhere to live now "
     "and I have been sleeping at the train station for three nights, my phone is nearly dead and I am cold.",
     Urgency.URGENT),
    ("Jeg fyldte 18 i sidste måned og måtte flytte fra min plejefamilie. Nu har jeg ingen steder at bo, og jeg har "
     "sovet på banegården i tre nætter, og det er koldt og jeg er træt.", Urgency.URGENT),
    # Someone's abusive relationship beside a blow; the writer's own.
    ("Our flatmate is in an abusive relationship and last night her boyfriend hit her in the face in our kitchen. She "
     "is scared of him and he has a key to our flat.", Urgency.EMERGENCY),
    ("I am in an abusive relationship and last night he hit me again and threw my phone at the wall. I am scared to go "
     "home after work today.", Urgency.EMERGENCY),
    # Someone named, not a kind of person.
    ("My little brother is one of those kids who got kicked out last night, he is sleeping in his car outside the "
     "sports centre and has no money for food.", Urgency.URGENT),
]

test_a_sign_of_no_crisis_now_is_not_raised = expect(NO_CRISIS, Urgency.NONE, lang=DETECTED)
test_the_same_signs_beside_a_crisis_stay = expect(STILL_A_CRISIS, how="at least", lang=DETECTED)
test_the_messages_are_our_own = our_own(NO_CRISIS, STILL_A_CRISIS)
