"""Crisis said in the plain words young people type: ran away, not allowed home, told to get out, home shut tonight,
homeless with the "I" left out.

Played at night, each of these got an ordinary answer, or was urgent only by the learned model's reading (which a
knowledge-base phrasing can move): "i ran away from home", "jeg er stukket af hjemmefra" and "jeg må ikke komme hjem
mere" were not urgent at all, nor "been homeless for 2 weeks" (no "I", so no writer). Rules read them now; a wish, a
past told as over, a pet, a film and a way home that is only late stay calm. Every message was written for this test
and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

SAID_AS_TYPED = [
    "i ran away from home before breakfast and my charger is still in my room",
    "jeg er stukket af hjemmefra med min skoletaske og aner ikke hvad nu",
    "min far siger jeg må ikke komme hjem mere efter skænderiet om knallerten",
    "my mom said get out and threw my hoodie down the stairwell after me",
    "i can't go home tonight, they are fighting again and it's loud",
    "jeg kan ikke tage hjem i nat, min mors nye kæreste sidder og drikker i stuen",
    "been homeless for 2 weeks now, kipping wherever i can",
    "got chucked out this arvo with just my gym bag and a flat phone",
    "I need a bed for tonight, is there anywhere in Randers",
]
CALM = [
    "I just want to run away from home sometimes, when my parents bicker about the dishes",
    "I ran away from home when I was 14 but my mum and I get along fine now",
    "the film we watched in class was about a boy who ran away from home",
    "my neighbour said get out of my garden when the ball went over the fence",
    "I can't go home tonight because the last train is cancelled, can I get a refund",
    "my cousin got kicked out of his flat last year and now rents in Odense",
    "Er hjemløse unge uden fast adresse berettiget til SU udbetalt",
    "got thrown out of the house party for spilling punch on the host's rug lol",
    "Homeless for the holidays? Our drop-in serves hot soup on the 24th",
    "mum said get out of the bathroom already, I've been in there an hour doing my hair",
    "jeg må ikke komme hjem efter kl 22 på hverdage siger mine forældre, er det normalt",
    "my little brother ran away from home for an hour yesterday but came back for dinner",
    "we need a bed for tonight for our guest from Aalborg, where can we rent a camp bed",
    "just got thrown out of the library today for giggling at memes",
    "been thrown out of the pub tonight cos my mate started singing",
]

test_said_as_typed_is_urgent = expect(SAID_AS_TYPED, Urgency.URGENT, how="at least", lang=DETECTED, by="rules")
test_a_wish_a_past_a_film_or_a_late_train_is_calm = expect(CALM, Urgency.NONE, lang=DETECTED, by="rules")
test_the_messages_are_our_own = our_own(SAID_AS_TYPED, CALM)


# The learned model's overreach, stopped by masks and an everyday cause: a partner on the couch after a quarrel, a ball
# kicked in the park ("kikked" is read as "kicked" since a phone's spelling was read, and "kicked" named a home at
# stake).
NO_ONE_WITHOUT_A_HOME = [
    "my husband has been sleeping on the couch for three weeks since we argued about his mother",
    "we kikked a ball around in the park all day and got sunburnt noses",
]
test_a_partner_on_the_couch_or_a_ball_in_the_park_is_calm = expect(NO_ONE_WITHOUT_A_HOME, Urgency.NONE, lang=DETECTED)
test_the_overreach_messages_are_our_own = our_own(NO_ONE_WITHOUT_A_HOME)


# Chat shorthand and plain forms: "kms" (kill myself), "rn" (right now), no home said with a negation, weeks at mates'
# places, nowhere in a short message with no "I".
SHORTHAND_URGENT = [
    "homeless rn and its freezing, any shelters open in Aarhus",
    "i don't have a home, what address do i put on the SU form",
    "been staying at mates houses for months since i left my dads",
    "nowhere 2 go, sitting at Aarhus H with my backpack",
]
SHORTHAND_EMERGENCY = ["honestly i wanna kms, nothing is getting better and im so tired of it"]
SHORTHAND_CALM = [
    "we don't have home insurance in our shared flat, is that a problem for the lease",
    "nowhere to go for lunch near the campus, any cheap places",
]
test_shorthand_is_urgent = expect(SHORTHAND_URGENT, Urgency.URGENT, how="at least", lang=DETECTED, by="rules")
test_kms_is_an_emergency = expect(SHORTHAND_EMERGENCY, Urgency.EMERGENCY, lang=DETECTED, by="rules")
test_shorthand_calm = expect(SHORTHAND_CALM, Urgency.NONE, lang=DETECTED, by="rules")
test_the_shorthand_messages_are_our_own = our_own(SHORTHAND_URGENT, SHORTHAND_EMERGENCY, SHORTHAND_CALM)
