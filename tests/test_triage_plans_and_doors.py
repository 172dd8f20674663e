"""Issue 13, triage precision: a plan to move out, a kick-out that would follow, free of suicidal thoughts, and a door
kept shut are each no more than they say.

- Moving out as one's own wish ("I want to move out of her house and rent a room") is a plan, not being put out: the
  rules read "out of * house" as thrown out (development letters, collection 13).
- A kick-out said as what would follow ("if I told them I'd probably get kicked out", "she said she'd kick me out")
  is a worry, nothing done yet (collections 14 and 15); "he kicked me out tonight and said he'd never let me back in"
  is done and stays urgent.
- Found by playing the bot: "fri for selvmordstanker" named a danger to life for the learned model (its broad list
  holds "selvmordstanker"), and "jeg står udenfor" read as someone waiting outside the writer's door: both were
  emergencies. Free of the thoughts now is at most urgent; a parent who will not let the writer in is urgent (no safe
  place now), not an emergency (no danger to life said). Someone standing outside threatening, or suicidal thoughts
  said plainly, stay emergencies.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import DETECTED, expect

WISH_TO_MOVE = [
    "My grandmother and I have never got along and lately it is worse. I want to move out of her house and rent a room "
    "near my college, and my teacher has offered to help me look. I work weekends at a bakery so I can pay something. "
    "What do I need to think about before I sign a contract for a room?",
    "Jeg bor hos min far og hans kæreste, og vi er uenige om det meste. Jeg vil gerne flytte ud af hans hus og bo hos "
    "min moster, som har sagt, at jeg er velkommen. Jeg har et fritidsjob og kan betale lidt. Jeg fylder 18 til "
    "foråret. Kan jeg flytte før det, hvis min far siger nej?",
]
WOULD_KICK_OUT = [
    "If I tell my parents I have a girlfriend, I'd probably get kicked out, what should I do",
    "if my stepdad finds out about the tattoo i'd get thrown out for sure",
]
KICKED_OUT = [
    "my dad kicked me out tonight and said he'd never let me back in",
    "mum threw me out an hour ago, my stuff is still in my room and i have no bed tonight",
]
FREE_AND_LOOKING = [
    "jeg blev udskrevet i fredags, er fri for selvmordstanker nu, og jeg søger et værelse",
    "jeg er ikke længere selvmordstruet og har fået lov at gå hjem, nu leder jeg efter en lejlighed",
]
SHUT_OUT = [
    "min far vil ikke lukke mig ind og jeg står udenfor",
    "min mor lukker mig ikke ind, jeg står udenfor i regnen",
    "I'm standing outside, my stepdad won't let me in",
]
DANGER_OUTSIDE = [
    "han står udenfor min dør og truer mig",
    "jeg vil ikke leve mere, jeg står udenfor på broen nu",
]

test_a_wish_to_move_out_is_no_crisis = expect(WISH_TO_MOVE, Urgency.NONE, lang=DETECTED, min_words=40)
test_a_kick_out_that_would_follow_is_no_crisis = expect(WOULD_KICK_OUT, Urgency.NONE, lang=DETECTED)
test_a_kick_out_done_stays_urgent = expect(KICKED_OUT, Urgency.URGENT, how="at least", lang=DETECTED)
test_free_of_suicidal_thoughts_and_looking_for_a_room_is_at_most_urgent = expect(
    FREE_AND_LOOKING, Urgency.URGENT, how="at most", lang=DETECTED)
test_not_let_in_is_urgent_not_an_emergency = expect(SHUT_OUT, Urgency.URGENT, lang=DETECTED)
test_danger_outside_stays_an_emergency = expect(DANGER_OUTSIDE, Urgency.EMERGENCY, lang=DETECTED)
test_the_messages_are_our_own = our_own(WISH_TO_MOVE, WOULD_KICK_OUT, KICKED_OUT, FREE_AND_LOOKING, SHUT_OUT,
                                        DANGER_OUTSIDE)
