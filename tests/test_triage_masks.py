"""A sign's words said as something else, a greeting, and a crisis told as over or imagined (issue 13).

Found on the real messages' development parts (tests/data/real_messages*.tsv, never the held-out ones), written here
in our own words: "doesn't want me to say anything" read as being unwanted at home, "bange for at de bliver sure" as
fear of harm, "udskrevet til sin lejlighed" as leaving care with nowhere to go, "I've never been evicted" as an
eviction, "når jeg har sovet" as a night without a bed, "if I got kicked out of the dorm" as being thrown out, and
despair beside "det er ikke fordi jeg har selvmordstanker" as a danger. A greeting changed the learned model's level:
"hej igen, jeg fryser" was an emergency, "jeg fryser" was not.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, by_rules, triage
from tests.triage_cases import expect


@pytest.mark.parametrize(("greeted", "plain"), [
    ("hej igen, jeg fryser", "jeg fryser"),
    ("hej igen, jeg er bange for tandlægen", "jeg er bange for tandlægen"),
    ("hej igen, min bror har forsøgt selvmord", "min bror har forsøgt selvmord"),
    ("hallo, min cykel er punkteret og jeg har det skidt", "min cykel er punkteret og jeg har det skidt"),
])
def test_a_greeting_does_not_change_the_level(greeted: str, plain: str) -> None:
    assert triage(greeted).urgency is triage(plain).urgency
    assert triage(greeted).urgency is Urgency.NONE


test_a_crisis_after_a_greeting_is_still_caught = expect([
    ("hej, jeg har ingen steder at sove i nat", Urgency.URGENT),
    ("hej igen, min far har lige smidt mig ud", Urgency.URGENT),
    ("hej igen, jeg vil ikke leve mere", Urgency.EMERGENCY),
    ("hallo, jeg er bange, min kæreste slår mig", Urgency.EMERGENCY),
])


def test_only_a_greeting_is_left_out() -> None:
    from bot.triage import without_greeting

    assert without_greeting("hej igen, jeg fryser") == "jeg fryser"
    # Words the rules read stay ("nu" is now), and a greeting alone is kept (it may be all there is).
    opened = "hej nu er jeg smidt ud af min onkels rækkehus"
    assert without_greeting(opened) == opened.removeprefix("hej ")
    assert without_greeting("hej igen") == "hej igen"
    assert without_greeting("farvel til jer alle") == "farvel til jer alle"


test_what_a_sign_is_said_as_is_not_a_crisis = expect([
    # Someone not wanting the writer to do a thing is not being unwanted at home.
    "Min far vil ikke have mig til at få en tatovering før jeg er 18",
    "My stepmum doesn't want me to paint my room black",
    # A worry about someone's mood is not fear of harm.
    "Jeg er bange for at mor bliver vred på mig fordi jeg har ridset hendes nye cykel",
    "jeg er bange for hvad de tænker om mit nye hår",
    # Discharged to a home of one's own is not leaving care with nowhere to go.
    "My son was discharged from hospital to his own flat last week, but he has no support there",
    ("Min søster på 24 har været indlagt på psykiatrisk i en måned. Hun bliver udskrevet til sin egen lejlighed på "
     "fredag, men hun har ingen støtte derhjemme, og jeg bor i Aalborg. Hvem kan hjælpe hende med at få hverdagen til "
     "at hænge sammen?"),
    # An eviction denied: a notice months ahead is a worry, and "never been evicted" no eviction.
    ("Last Tuesday a letter came from my landlord. He is ending my lease because his nephew needs somewhere to live, "
     "and I have ninety days. I have lived here since college, paid every month on time and I've never been evicted "
     "from anywhere. Ninety days in the middle of my exams. Is this even allowed, and what can I do?"),
    ("The owner of my studio texted that he is selling it and I must find something else within four months. I've "
     "never been evicted, never missed a payment, and I am honestly shaking. It is so unfair. Where do I even start "
     "looking, and does he have to give me more notice?"),
    # Sleep as a habit or a symptom.
    "Når jeg har sovet til middag kan jeg ikke falde i søvn om aftenen. Hvad gør jeg?",
    "I sleep all day on weekends and my mum says I'm lazy. Is that normal at 17?",
    ("Jeg har det svært for tiden. Når jeg har sovet om eftermiddagen, vågner jeg helt tung i hovedet og kan ikke tage "
     "mig sammen til noget. Jeg bor på et kollegieværelse og går på universitetet, men jeg er kommet bagud med "
     "opgaverne. Er det en depression, og hvem kan jeg tale med?"),
    # A consequence imagined in the past subjunctive.
    "If I got kicked out I'd probably end up homeless, but my parents are actually nice",
    "Hvis jeg blev smidt ud ville jeg ikke have nogen steder at bo, men det sker nok ikke",
    # Despair beside suicidal thoughts denied in so many words.
    "Jeg føler mig håbløs over min økonomi. Jeg har ingen selvmordstanker, jeg vil bare have styr på det",
    # Violence told as the past in the passive (and, with the same words, a breakup).
    "jeg blev slået som barn",
    "jeg blev slået op med over sms og føler mig dum",
    # A night in a car told as over, with a room now.
    "Sidste forår sov jeg i min bil ved stranden i ti nætter. Nu har jeg et værelse i Viby, men huslejen æder min SU.",
], Urgency.NONE)


test_the_crisis_beside_them_still_counts = expect([
    ("min mor vil ikke have mig boende mere og jeg har ingen steder at sove", Urgency.URGENT),
    ("My parents don't want me anymore, they told me to leave tonight", Urgency.URGENT),
    ("jeg er bange for at stedfar slår mig igen når han kommer fra værtshuset", Urgency.EMERGENCY),
    ("I'm being discharged tomorrow and have nowhere to go", Urgency.URGENT),
    ("jeg bliver udskrevet i morgen og har ingen steder at bo", Urgency.URGENT),
    ("I got evicted from the flat above the bakery and must be out by thursday", Urgency.URGENT),
    ("if I get kicked out tonight I have nowhere to go", Urgency.URGENT),
    ("jeg har ingen selvmordstanker men min far slår mig hver dag", Urgency.EMERGENCY),
    ("jeg blev slået med en knytnæve af min storebror i går", Urgency.EMERGENCY),
    ("I was beaten by my stepdad last night", Urgency.EMERGENCY),
    ("Jeg sover i min bil. Nu har jeg ikke noget sted at bo.", Urgency.URGENT),
])


def test_the_rules_read_the_past_subjunctive_as_imagined() -> None:
    letter = ("I live in a student dorm and the house committee wants everyone to join a club. They say people who "
              "do nothing get a warning. If I got kicked out of the dorm I would probably become homeless, since my "
              "family lives far away. Should I just join something I don't care about to be safe?")
    assert by_rules(letter).urgency is Urgency.NONE
