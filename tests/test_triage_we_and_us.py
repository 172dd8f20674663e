"""A group that includes the writer is as much in need as the writer (issue 13, point 4).

"We are homeless", "they threw us out" and "our landlord evicted us yesterday" were nothing: English "we" and "us" are
not in the rules' ``self`` (Danish "vi" and "os" are), and putting them there would read every household's plans ("we
are looking for a 2-room flat") beside any word of a home. The rules read the group (``group_self``) only in the
sentence that says what happens to it: homeless now, put out (``group_out``: "us" put out, or "we" the ones it is
done to, not "we kicked out our roommate"), nowhere to stay. A paid night in a motel, a hostel or a vandrerhjem after
an eviction is no home either (``paid_stay``): "i got evicted and am staying in a motel" was nothing, and "bor nu på
hotel" told the eviction as over, as "nu bor jeg i en lejlighed" does.
Sentences written for these tests, never copied from the real messages.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

# Each was read as nothing (rules and the learned model) before.
GROUP_IN_NEED = [
    "we r homeless now, no clue where 2 go w a pram",
    "hiya, we're homeless, me + baby + partner",
    "we just got kicked out lol not funny, so wat now",
    "they threw us out w two bin bags, wat now",
    "we got thrown out an hour ago by her dad, both 19",
    "landlord locked us out & kept our stuff, what do we do",
    "the landlord changed the locks on us while we were both at work",
    "landlord evicted us this morning, kids r at school still",
    "our landlord evicted us yesterday w/o any court paper",
    "vores udlejer satte os ud i går uden varsel, hvad gør vi nu",
]

EVICTED_TO_A_PAID_BED = [
    "got evicted so im staying in a motel",
    "got evicted on friday and im at a hostel now, money runs out sunday",
    "we were evicted and now we are in a hostel room the four of us",
    "booked a motel after we got evicted, cant afford more than 2 nights",
    "vi blev sat ud og bor på et vandrerhjem med vores hund",
    "jeg blev sat ud og bor på vandrerhjem til pengene slipper op",
    # "bor nu" tells a crisis as over, but not "bor nu på hotel".
    "jeg blev sat ud i sidste måned og bor nu på hotel for kommunens regning",
    "i was evicted in march, now i live in a hostel, its costing me everything",
]

# A group named with the writer in it ("me and my boyfriend", "min kæreste og jeg", Danish "vi") was read before, and
# still is.
WRITER_NAMED_IN_THE_GROUP = [
    "me n my bf are homless, been like that a week",
    "me & the twins are homeless since sat, pls help",
    "they threw us out, me and my little sister, with two bin bags",
    "mig og min kæreste blev smidt ud i aftes af hans far, står med en sportstaske",
    "vi har ingen steder at sove i nat, os to og en baby",
    "udlejeren har sat os ud i morges og vi står med to kufferter",
]

# "We" in everyday life: a household's plans, a question, a holiday, a helper, something thrown out, a bar.
ORDINARY = [
    "we're hunting for a 2-room flat near the uni, budget 7k",
    "can we both get housing benefit if we're not married",
    "our landlord bumped the rent by 300 kr",
    "vi flytter til Odense til sommer pga studiet",
    "vi søger en lejlighed sammen i roskilde",
    "we sleep in the park on festival weekends",
    "we kicked out our roommate cos he never paid",
    "we threw out the old sofa before moving",
    "how many of us are homeless in denmark",
    "we have no home insurance atm, do landlords require it",
    "we stayed in a hostel on our holiday in berlin",
    "we booked a motel for the roadtrip",
    "vi bor på vandrerhjem i ferien i skagen",
    "vi skal bo på hotel de første nætter når vi flytter til aarhus",
    "our team runs a shelter for homeless youth, we need volunteers",
    "bouncers kicked us out of the bar at 2am haha",
    "got kicked outta the club lol, bouncer was grumpy",
    "we arent homeless, just the flat is tiny for 2 kids",
    "what if our landlord kicks us out when the house is sold",
    "can the landlord throw us out for keeping a hamster",
    "two years ago i was evicted but now i rent my own flat",
    "jeg blev sat ud for to år siden, nu bor jeg i en lejlighed",
    "i got evicted last year and now i live in my own flat",
]


test_a_group_with_the_writer_in_it_is_urgent = expect(GROUP_IN_NEED, Urgency.URGENT, lang=DETECTED)
test_a_motel_or_hostel_after_an_eviction_is_no_home = expect(EVICTED_TO_A_PAID_BED, Urgency.URGENT, lang=DETECTED,
                                                             reason="homeless_now")
test_a_group_that_names_the_writer_stays_urgent = expect(WRITER_NAMED_IN_THE_GROUP, Urgency.URGENT, lang=DETECTED)
test_we_in_everyday_life_is_not_a_crisis = expect(ORDINARY, Urgency.NONE, lang=DETECTED)
test_the_sentences_are_our_own = our_own(GROUP_IN_NEED, EVICTED_TO_A_PAID_BED, WRITER_NAMED_IN_THE_GROUP, ORDINARY)
