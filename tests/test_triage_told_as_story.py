"""A crisis told as a story, with the story's own time ("that night", "at that moment", "den nat", "i det øjeblik").

Blog posts on the real messages' development parts (never the held-out ones) tell how their writer became homeless
years before, all in the past tense and with no "back then" and no safe present after it: "At that moment I became
homeless ... Later that night I had nowhere to go". The rules read the night as tonight. Written here in our own words:
in a letter, a story's own time said in the crisis's sentence puts it at a distance, as "back then" does (bot/triage.py
_told_over, ``story`` in bot/data/triage.yaml), unless the message names a recent day ("on Sunday", "i søndags", "last
night") or asks for help ("what do I do now?", "hvad skal jeg gøre?"): then that night is one of these days, and the
writer asks now. A short chat message's "that night" is the night its writer just told of, and stays urgent.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

TOLD_AS_A_STORY = [
    ("It was the second week of my last year at school. My stepdad came home drunk again and screamed that he was done "
     "with me. At that moment I became homeless, seventeen and with nothing but a sports bag. Later that night I had "
     "nowhere to go, so I let myself into the scout hut where I helped out and slept on the floor between the tents."),
    ("Det var midt i min første vinter på gymnasiet. Min mor kom hjem fuld og råbte, at hun var færdig med mig. I det "
     "øjeblik blev jeg hjemløs, kun sytten år gammel og med en sportstaske. Den nat havde jeg ingen steder at tage "
     "hen, så jeg sov på gulvet i spejderhytten, hvor jeg var hjælper, mellem kasserne med telte."),
    ("My aunt drove off with my bags still in her boot and left me by the petrol station on the ring road. That "
     "evening I slept in a bus shelter wrapped in a borrowed jacket, counting the lorries going past. The next morning "
     "a youth worker found me and drove me to the housing office, where a woman with purple glasses filled in forms "
     "for two hours."),
]

STILL_NOW = [
    # A recent day named: "that night" is one of these days.
    ("On Sunday my stepdad came home drunk and screamed that he was done with me. At that moment I became homeless, "
     "with nothing but a sports bag and my phone charger. That night I slept on the floor of the scout hut where I "
     "help out, between boxes of tents and old camping stoves."),
    ("I søndags kom min mor hjem fuld og råbte, at hun var færdig med mig. I det øjeblik blev jeg hjemløs, kun med en "
     "sportstaske og min oplader. Den nat sov jeg på gulvet i spejderhytten, hvor jeg er hjælper, mellem kasserne med "
     "telte og gamle gasblus."),
    # Help asked for now.
    ("My stepdad came home drunk and screamed that he was done with me. At that moment I became homeless, with nothing "
     "but a sports bag and my phone charger. That night I slept on the floor of the scout hut where I help out, "
     "between boxes of tents. What do I do now, who can help me?"),
    ("Min mor kom hjem fuld og råbte, at hun var færdig med mig. I det øjeblik blev jeg hjemløs, kun med en "
     "sportstaske og min oplader. Den nat sov jeg på gulvet i spejderhytten, hvor jeg er hjælper, mellem kasser med "
     "telte. Hvad skal jeg gøre nu, og hvem kan hjælpe mig?"),
    # Thrown out last year and again tonight; a recent night with no story time.
    ("My stepfather threw me out of the house last year and I slept in a stairwell near the station. Tonight he threw "
     "me out again and I have nowhere to sleep."),
    ("I nat sov jeg ude i en opgang fordi min far smed mig ud efter et skænderi i går aftes, og jeg ved ikke hvor jeg "
     "skal sove i aften."),
    # A short message: its "that night" is the night just told of.
    "Me and my stepdad had a massive row about the car. That night he threw me out and I slept in the bus shelter.",
]

# Danish says it is well plainly ("ellers har jeg det godt"), as English says "I'm doing well": after a crisis told in
# the past, a safe present. Getting on well with someone ("jeg har det godt med mine venner") is no safe present.
WELL_NOW_DA = [
    ("For tre uger siden blev jeg udskrevet efter to måneder på en psykiatrisk afdeling. Min kontaktperson fra "
     "bostedet hentede mig, og vi købte ind på vejen. Ellers har jeg det godt, går lange ture og tegner lidt, og jeg "
     "glæder mig til at starte på mit værested efter nytår.", Urgency.NONE),
    ("Min stedfar smed mig ud efter et skænderi, og jeg sov på skift hos venner hele foråret. Jeg har det godt med de "
     "fleste af mine venner, men jeg ved ikke hvor jeg skal sove i aften.", Urgency.URGENT),
]

test_a_crisis_told_as_a_story_is_no_crisis_now = expect(TOLD_AS_A_STORY, Urgency.NONE, lang=DETECTED)
test_a_story_time_is_no_distance_beside_a_recent_day_or_a_request = expect(
    STILL_NOW, Urgency.URGENT, how="at least", lang=DETECTED)
test_danish_well_now_tells_a_past_crisis_as_over = expect(WELL_NOW_DA, lang=DETECTED, by="rules and bot")
test_the_messages_are_our_own = our_own(TOLD_AS_A_STORY, STILL_NOW, WELL_NOW_DA)
