"""A crisis told as over in the past tense (issue 13, point 4).

Blogs and charities' quotes on the real messages' development parts (never the held-out ones) tell a crisis as over: a
year on the street, a friend's sofa, a thought of suicide, told in the past tense with a safe present after it ("...
now I live on my own", "it feels like home") or put at a distance in time ("back then", "for fire år siden"). The rules
and the learned model read them as going on. Written here in our own words: the tense is read clause by clause (bot/
triage.py _told_over, ``told_over`` in bot/data/triage.yaml). A crisis going on, recent, wished away or denied a safe
place stays as urgent as before, and so does one told in the past with nothing safe after it.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

TOLD_AS_OVER = [
    # The past tense, and a safe present said after it.
    ("Two winters ago I was sleeping rough behind the train station after my landlord evicted me. A charity helped me "
     "and I've got a job in a warehouse and a bedsit of my own."),
    ("My mum had nowhere to live after the divorce and crashed on my couch for three weeks. She got a place in "
     "sheltered housing and she's safe now."),
    ("Jeg var hjemløs i to år og sov på natvarmestuer og i opgange. I dag har jeg et job og føler mig tryg i min "
     "lejlighed."),
    # The past tense put at a distance in time.
    ("Back in 2017 my stepfather threw me out and I spent that winter sleeping in a multistorey car park. These days "
     "I live independently in Odense and I volunteer at a youth club twice a week."),
    ("At the time I was so low that I thought about ending my life almost every evening. I got help from my GP and a "
     "counsellor, and I'm doing well at the moment."),
    ("I took an overdose when I was 16, and I spent a week in hospital. I am 25 now and I'm doing great, I study "
     "nursing."),
    ("Dengang sov jeg på en madras i min vens kælder, fordi min mor havde smidt mig ud. Nu bor jeg i en ungdomsbolig "
     "og føler mig tryg."),
]

# Told as over already before (kept as guards of the same reading).
ALSO_OVER = [
    ("I sofa-surfed between three mates for most of my second year at uni after my lease fell through. We eventually "
     "got a contract signed for a little terraced house, and honestly it feels like home."),
    ("My cousin fled from a boyfriend who was beating her and turned up on our doorstep with one bag. After a week "
     "she found a place at a refuge in the next town and is safe now."),
    ("Min far smed mig ud dengang, og jeg overnattede på skift hos tre kammerater hele foråret. Nu bor jeg på et "
     "kollegium i Aarhus og læser til tømrer."),
]

STILL_A_CRISIS = [
    # Going on: the present perfect, a time of these days, "now".
    ("I have been sleeping in the back of my van since Tuesday and I don't know where to turn. I used to have a flat "
     "in Vejle.", Urgency.URGENT),
    ("Jeg har sovet i en opgang i fire nætter nu, og jeg har det elendigt. Engang havde jeg en lejlighed.",
     Urgency.URGENT),
    ("My uncle kicked me out of his house last night, so I walked around the harbour until the morning. Now I'm at "
     "the library because it's warm.", Urgency.URGENT),
    # A wish for a safe place, or one denied, is not one found.
    ("I slept on a bench by the lake because my mum changed the locks. I just want to feel safe somewhere and sleep "
     "in a real bed.", Urgency.URGENT),
    ("Min stedfar smed mig ud, og jeg sov i en park. Jeg har ikke fået en plads på herberget endnu.", Urgency.URGENT),
    ("I was thrown out by my foster family and slept in a bus shelter for a week. I need help getting off the "
     "streets.", Urgency.URGENT),
    ("I was sleeping rough in the park all winter. I have not got a place at the shelter and it's freezing.",
     Urgency.URGENT),
    ("my stepmom hits me. i have not found a room yet, need to get out", Urgency.EMERGENCY),
    # Afraid for one's mind beside a danger: the danger counts.
    ("Jeg frygter at blive sindssyg, og min stedfar truer mig med en kniv når han er fuld.", Urgency.EMERGENCY),
    # Told in the past with nothing safe after it: what the writer lives now is the crisis.
    ("My parents threw me out because I came out to them. I slept in a stairwell. What am I supposed to do?",
     Urgency.URGENT),
    # The present of violence beside a past verb later in its clause; a safe weekend is no safe home.
    ("My boyfriend hits me whenever he had too much to drink. I feel safe at my sister's for the weekend, but I "
     "have to go back on Monday.", Urgency.EMERGENCY),
    # Thoughts of suicide last night, a better day today: still going on.
    ("Jeg overvejede at tage mit eget liv i går aftes. I dag har jeg det lidt bedre, men tankerne er der stadig.",
     Urgency.EMERGENCY),
]


# Afraid for one's own mind is anxiety, not fear of someone's harm (a sign the learned model raised a letter on).
AFRAID_FOR_ONES_MIND = [
    ("Op til terminsprøven i matematik har jeg ondt i maven hver morgen, og om aftenen kværner tankerne, til jeg får "
     "angst for at blive sindssyg. Min bror siger, at alle 3.g-elever har det sådan. Kan en psykolog hjælpe med "
     "nervøsitet før prøver?"),
    ("Op til terminsprøven i matematik kværner tankerne hver aften, så jeg er bange for at blive sindssyg. Kan en "
     "psykolog hjælpe med nervøsitet før prøver?"),
]


test_a_crisis_told_as_over_in_the_past_tense_is_not_flagged = expect(TOLD_AS_OVER + ALSO_OVER, Urgency.NONE,
                                                                      lang=DETECTED)
test_afraid_for_ones_own_mind_is_not_a_danger = expect(AFRAID_FOR_ONES_MIND, Urgency.NONE, lang=DETECTED)
test_a_crisis_going_on_recent_wished_away_or_denied_a_place_stays = expect(STILL_A_CRISIS, how="at least",
                                                                           lang=DETECTED)
test_the_sentences_are_our_own = our_own(TOLD_AS_OVER, ALSO_OVER, AFRAID_FOR_ONES_MIND, STILL_A_CRISIS)
