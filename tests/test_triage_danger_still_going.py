"""Emergencies said in ways the rules did not know: a danger told in the past tense but going on (issue 13).

Found on the real messages' development parts (tests/data/real_messages*.tsv, never the held-out ones), written here
in our own words. Read lower than an emergency were: a blow told in the past tense with fear of the person said as
now ("he punched me ... I'm terrified of him"), touching that began years ago with unsafety around him still, a threat
to kill told in the past tense, a wish to die said with "ønske", and a friend's self-harm said with the bare slang verb
("told me that she cuts") or by its marks. Guards: hyperbole, a film, a past told as over and a hair dye stay below
an emergency.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

FEAR_NOW = [
    ("Hello, I am 23 and moved in with my partner in Odense last spring. In October he shoved me into the radiator "
     "when I said I wanted to visit my sister without him. I am very frightened of him and do not know how to get my "
     "passport out of the flat without him noticing. Who can I call about this?", "en"),
    ("Efter brylluppet i Skive, hvor min svigerfar sparkede mig i maven foran hele familien, fordi jeg havde talt med "
     "en fremmed mand ved buffeten, er jeg utryg ved ham, og min mand siger bare at jeg skal tage mig sammen. Kan "
     "nogen rådgive mig om hvad jeg gør med julefrokosten hos dem?", "da"),
    ("I am 16 and live with my mum and her new husband in Horsens. Since the summer holidays he has been groping me in "
     "the kitchen whenever mum is at her night shifts. I told my youth worker a little bit, but not everything. I do "
     "not feel safe around him and I lie awake listening for his steps on the stairs. What can I do?", "en"),
]
THREAT_SAID = [
    ("my ex told me he would kill me after I ended it, he keeps driving past my flat in Esbjerg", "en"),
    ("min storebror truede med at dræbe mig i går, og nu tør jeg ikke gå ud af mit værelse", "da"),
]
DEATH_WISH = [
    ("jeg ønsker bare at dø, ingen af mine venner ved hvor slemt det er blevet siden jeg mistede lejligheden", "da"),
    ("Hver aften på herberget ønsker jeg at dø, og jeg har ikke fortalt det til nogen af medarbejderne", "da"),
]
CUTS = [
    ("my flatmate finally admitted to me that he cuts most nights after his shift at the warehouse", "en"),
    ("min veninde på 15 fortalte mig i frikvarteret at hun cutter hver aften efter hun har været hos sin far", "da"),
    ("my little sister is 13 and I just saw fresh cutting scars on her arms when she took off her hoodie", "en"),
]
GUARDS = [
    ("this exam is killing me, I have not slept properly since Sunday and the statistics part makes no sense", "en"),
    ("My dad hit me a few times when I was a kid, but I moved out at 19, I am not afraid of him anymore and now I just "
     "need advice about the deposit on my new flat in Aalborg and how long the landlord may keep it", "en"),
    ("Years ago my ex threatened to kill me, but he moved to Spain and we have had no contact since; now I need help "
     "with my rent arrears", "en"),
    ("I love that she cuts my hair exactly the way I ask, best hairdresser on Nørrebro", "en"),
    ("I wish I could die my hair bright blue but my foster mum says no until I finish year 9", "en"),
]
FILM = [("In the film we watched at the cinema in Roskilde the stalker said he would kill me, the camera being the "
         "victim's eyes, and I was scared of him all the way home", "en")]


test_fear_now_beside_a_blow_told_in_the_past_is_an_emergency = expect(FEAR_NOW, Urgency.EMERGENCY, by="rules and bot")
test_a_threat_to_kill_told_in_the_past_tense_is_an_emergency = expect(THREAT_SAID, Urgency.EMERGENCY,
                                                                      by="rules and bot")
test_a_wish_to_die_said_with_onske_is_an_emergency = expect(DEATH_WISH, Urgency.EMERGENCY, by="rules and bot")
test_self_harm_said_with_the_bare_verb_or_its_marks_is_an_emergency = expect(CUTS, Urgency.EMERGENCY,
                                                                             by="rules and bot")
test_hyperbole_a_film_a_past_told_as_over_and_hair_dye_are_not = expect(GUARDS, Urgency.URGENT, how="at most",
                                                                                 by="rules and bot")
# A threat and a fear in a film: the rules read them as in danger (threat words and fear of him, each 0.6).
test_a_threat_in_a_film_is_no_rule_s_emergency = expect(FILM, Urgency.URGENT, how="at most", by="rules")
test_the_messages_are_our_own = our_own([t for t, _ in FEAR_NOW + THREAT_SAID + DEATH_WISH + CUTS + GUARDS + FILM])
