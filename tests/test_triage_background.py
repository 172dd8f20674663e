"""Crises told as over, as someone's past, as a worry months ahead, or named only to be denied (issue 13).

Written in our own words after reading the real messages' development parts (never the held-out ones): letters by
helpers about someone who was homeless once and lives with family now, a friend who moved in with an aunt and is fine
there, "he has never hurt anyone", a roommate "threatening to move out", "skolen dræber mig", a son who "sover til langt
op ad dagen", a notice to be out "inden to måneder", and a friend named alone ("vi er tre venner der skal flytte
sammen") read as couch surfing; a life in a car chosen, and a threat on a condition ("she will kick me out if I dye
my hair green"). The crisis beside such words still counts, also when a safe place was said before it
("my son is back home, but his dad says he will kick him out tonight") or a worry months ahead after it.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import expect

TOLD_APART = [
    "Vi er tre venner der skal flytte sammen, hvordan laver vi en fremlejekontrakt?",
    "I don't hang out with friends anymore since I started uni",
    ("My brother is an alcoholic and he gets loud when he drinks, but he has never hurt anyone. Should we ask him "
     "to move out?"),
    "My roommate keeps threatening to move out and leave me with the full rent. Can I make her pay her share?",
    ("Jeg er lærer, og en af mine elever har fortalt, at han var hjemløs sidste vinter. Nu bor han hos sin moster. "
     "Hvordan kan jeg støtte ham?"),
    ("My friend's dad hits her, but she moved in with her aunt last month and is fine there. Should I tell someone "
     "anyway?"),
    ("I was homeless for eight months when I was 19. I slept in my car, in parks, on friends' couches. Today I have "
     "a small flat and a job in a bakery, and I'm writing this because I want other young people to know it gets "
     "better. What helped me most was a social worker who didn't give up."),
    "Jeg er så træt af det hele, skolen dræber mig. Jeg vil bare have sommerferie.",
    ("Last winter I slept on friends' sofas for a month after a breakup. Now I rent a room. Can I still get help "
     "from the municipality with a deposit?"),
    ("Kære Puk. Min søn på 23 flyttede hjem igen efter han mistede sit job. Han sover til langt op ad dagen og "
     "hjælper ikke til. Min mand vil smide ham ud, men jeg synes ikke, vi kan gøre det, når han ikke har andre "
     "steder at bo. Hvad skal vi gøre? Mvh en bekymret mor"),
    ("Kære Puk. Min veninde har det rigtig svært. Hendes far drikker, og hun siger, at hun ikke gider være hjemme. "
     "Hun sover tit hos mig i weekenderne. Mine forældre synes, det er for meget. Hvad kan jeg gøre for hende?"),
    ("Kære Puk. Min bror på 20 har været indlagt efter et selvmordsforsøg i foråret. Han er udskrevet nu og bor hos "
     "vores forældre, og han har det bedre. Han vil gerne have sin egen lejlighed. Er der nogen boliger for unge "
     "med psykiske problemer?"),
    ("Kære Puk. Jeg er en mor på 45. Min datter på 16 stak af hjemmefra i sidste uge efter et skænderi, men hun kom "
     "hjem igen samme aften. Nu taler hun ikke til mig. Hvordan får vi en god dialog igen?"),
    "Jeg skal være ude af kollegiet inden to måneder, kan jeg få hjælp til depositum?",
    # A life in a car chosen, a threat on a condition.
    ("My 25-year-old son lives in his car by choice; he says it's freedom and he works remotely from cafes. His "
     "father is furious. I just want him to be safe. Should we push him to rent a place?"),
    "My stepmum says she will kick me out if I dye my hair green again. Can she actually do that when I'm 19?",
    # A worry of ending up on the street.
    "Min mor siger, at jeg ender på gaden, hvis jeg ikke tager mig sammen i skolen",
    ("Dear Abby: Our 27-year-old son still lives at home. He has a job but pays nothing, stays up all night gaming "
     "and sleeps until noon. My husband wants to give him a deadline to move out by summer. I'm afraid he'll end up "
     "on the street. Are we being too harsh?"),
    # "Killing me" said of a thing.
    "school is killing me, so much homework and no sleep",
    "the wait for a flat is killing me, how long is the queue in Aarhus?",
    # Someone else's relationship before the writer's.
    ("My boyfriend was in an abusive relationship before me. His ex used to hit him and threaten him. He is very "
     "jumpy when I raise my voice. How can I help him feel safe?"),
]

STILL_A_CRISIS = [
    ("my dad threw me out tonight, in a few months I turn 18 but right now I'm 17", Urgency.URGENT),
    ("my son is back home but his dad says he will kick him out tonight", Urgency.URGENT),
    ("Hun kom hjem igen i går, men i nat smed far hende ud igen og hun sover i en opgang", Urgency.URGENT),
    ("He threatened to leave me and then he punched me in the face", Urgency.EMERGENCY),
    ("min kæreste truer med at gå fra mig og siger han vil slå mig ihjel", Urgency.EMERGENCY),
    ("my dad has never hit me before but tonight he threw me out and I have nowhere to go", Urgency.URGENT),
    ("I was homeless last year and now I'm sleeping in my car again", Urgency.URGENT),
    ("he chooses to sleep in his car because his stepdad beats him at home", Urgency.EMERGENCY),
    ("my dad says he will kick me out tonight if I come home late and I'm already late", Urgency.URGENT),
    ("My abusive ex broke into my flat last night and hit me", Urgency.EMERGENCY),
    ("jeg er bange for at ende på gaden i nat, jeg har ingen steder at sove", Urgency.URGENT),
    # "Killing me" said of a person who hits: not a figure of speech.
    ("my mum's boyfriend is killing me slowly, he hits me every night", Urgency.EMERGENCY),
    ("my stepdad is killing me, he beats me when mum is out", Urgency.EMERGENCY),
    ("I'm afraid I'll end up on the street tonight, my mum kicked me out", Urgency.URGENT),
    ("I was in an abusive relationship and he still follows me home every night, I'm scared", Urgency.EMERGENCY),
]


test_a_crisis_told_apart_is_not_flagged = expect(TOLD_APART, Urgency.NONE)


test_the_crisis_beside_it_still_counts = expect(STILL_A_CRISIS)
