"""A trip, a pet, a story or volunteering is no one without a home; running away from home with a pet still is.

Played through the bot, a flight delayed on the way home ("I can't go home tonight") was read as a night without a bed,
a place to stay for a job interview next week as a home soon lost ("contact your municipality now"), a cat that ran
away last night and a game's character on a bench as crises, and volunteering at a night shelter as a night in one.
The rules now tell a trip's purpose apart (``trip_purpose``, rule-only), a story's world (``fiction``, in place of
single words such as "story" and "book"), and words said of a pet (``said_of``: "my dog ran away", "katten er løbet
hjemmefra"); the learned model raises no short message that names a trip, a story or volunteering and no crisis sign
they do not explain (``model_away``). The pet words used to calm any "ran away" near them, so "I ran away from home
with my dog" and "jeg er stukket af med min hund" were not urgent at all: they are now, with the guards below.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

# A trip: a flight delayed or cancelled, a stay for a job interview, a conference, a wedding, an internship.
TRIPS = [
    "I can't go home tonight, my flight got delayed",
    "can't get home tonight, my connecting flight from Oslo was cancelled and the airport hotel is full",
    "I need a place to stay in Copenhagen for a job interview next week",
    "my flight home from Split is delayed till tomorrow so I can't get home tonight, does the airline pay a hotel",
    "jeg kan ikke komme hjem i nat, mit fly fra Billund er aflyst",
    "jeg mangler et sted at sove i København til en jobsamtale på tirsdag",
    "jeg er strandet i Hamborg fordi toget er aflyst, og kan ikke komme hjem i aften",
    "vores fly fra Kastrup er forsinket til i morgen, så jeg kan ikke komme hjem i nat",
    "jeg skal til jobsamtale i Aarhus på fredag og mangler et sted at overnatte natten før",
]
# A pet ran away or has nowhere to stay.
PETS = [
    "our cat ran away last night and hasn't come back, who do I call",
    "min kat er løbet hjemmefra i nat",
    "my dog has nowhere to stay while I'm on holiday",
    "vores kat har ikke noget sted at sove når vi er på ferie",
    "our rabbit has nowhere to stay when we go to Spain, any pet hotels in Randers",
]
# A film's, a series' or a game's character.
STORIES = [
    "my sims family got kicked out bc I forgot to pay their bills",
    "in the movie the boy sleeps on the street for a week, is that realistic",
    "we watched a film where the girl ran away from home and slept in a park",
    "jeg spiller et spil hvor min figur bor på gaden",
    "in the game my character got evicted and now sleeps on a bench lol",
    "i serien i aftes blev hovedpersonen smidt ud af sin kæreste og sov i bilen",
]
# Volunteering at a shelter or a night café.
VOLUNTEERING = [
    "I'd like to volunteer at a night shelter in Aarhus on weekends, who do I contact",
    "my mates and I want to volunteer at the night café in Aarhus over Christmas, how do we sign up",
]

test_a_trip_is_no_night_without_a_bed = expect(TRIPS, Urgency.NONE, lang=DETECTED)
test_a_pet_is_no_one_without_a_home = expect(PETS, Urgency.NONE, lang=DETECTED)
test_a_story_is_no_one_without_a_home = expect(STORIES, Urgency.NONE, lang=DETECTED)
test_volunteering_at_a_shelter_is_no_night_in_one = expect(VOLUNTEERING, Urgency.NONE, lang=DETECTED)

# Running away from home with a pet, or with the writer joined to it: the rules read it now (the pet words calmed it).
WITH_A_PET = [
    "I ran off from home with my dog Bobby two hours ago",
    "jeg er stukket af hjemmefra med min hund Luna og en sovepose",
    "min hund og jeg er stukket af hjemmefra i aftes",
    "me and my dog ran away from my dad's flat this morning",
    "i ran away last night with my cat in a carrier bag",
    "i ran away from home, long story, took the 14 bus to Aarhus",
]
# Someone at home shuts the way home tonight, while the writer waits at a station (a train named is no trip).
SHUT_BY_SOMEONE = [
    "I can't go home tonight because of my stepdad, I'm sitting at the train station",
    "I can't go home tonight, my mum said don't bother coming back, I'm on the last bus",
]
test_running_away_with_a_pet_is_urgent = expect(WITH_A_PET, Urgency.URGENT, how="at least", lang=DETECTED,
                                                by="rules and bot")
test_home_shut_by_someone_is_urgent_by_the_station_too = expect(SHUT_BY_SOMEONE, Urgency.URGENT, how="at least",
                                                                lang=DETECTED, by="rules and bot")

# Guards that were urgent before and must stay so: thrown out tonight, no home for violence, ran away, no place tonight,
# a flight named beside being put out, a pet beside a night outside.
STAY_URGENT = [
    "my stepdad threw me out tonight and I have nowhere to sleep",
    "I can't go home while my dad is drunk and hits me with his belt",
    "ran away from home before sunrise and caught the 14 bus down to Aarhus",
    "no place to sleep tonight, the Randers shelter is full",
    "jeg kan ikke tage hjem i nat, min far har slået mig med en sko",
    "jeg er blevet smidt ud i aften og har ingen steder at sove",
    "jeg er stukket af hjemmefra og ved ikke hvor jeg skal sove i nat i Herning",
    "my flight got cancelled and my parents kicked me out so I have nowhere to go tonight",
    "I ran away from home with my dog and we are sleeping in the park behind Lidl",
    "I ran away from home with my dog and a duffel bag, nowhere to go in Vejle",
    "jeg er stukket af hjemmefra med min hund og ved ikke hvor vi skal sove",
    "been homeless for 3 weeks now with my dog and a small tent",
    "jeg kan ikke tage hjem i nat fordi min mors kæreste er fuld og voldelig",
]
test_real_urgent_phrasings_stay_urgent = expect(STAY_URGENT, Urgency.URGENT, how="at least", lang=DETECTED)

# A trip named beside a crisis the rules have no words for stays the learned model's: back from a trip to a room given
# away, a drink spiked on one (``back_from_trip`` among the signs a trip does not explain; the model's emergency stays).
TRIP_AND_CRISIS = [
    "got back from my exchange semester and the landlord had given my room to someone else, all my stuff is in bags "
    "in the hallway",
    "on a work trip in Kolding, a guy at the hotel bar slipped something in my drink and I woke up in a room I don't "
    "know",
]
test_a_crisis_beside_a_trip_stays_urgent = expect(TRIP_AND_CRISIS, Urgency.URGENT, how="at least", lang=DETECTED)

test_the_messages_are_our_own = our_own(TRIPS, PETS, STORIES, VOLUNTEERING, WITH_A_PET, SHUT_BY_SOMEONE, STAY_URGENT,
                                        TRIP_AND_CRISIS)
