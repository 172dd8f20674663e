"""Suicidal thoughts denied in so many words, and self-harm said in young people's own word ("cutte").

A real letter about stress said "Det er ikke fordi jeg har selvmordstanker - overhovedet ikke" and was made an
emergency (a case opened at once, 112 and Livslinien first) for naming what it was not; a 14-year-old's
"Jeg er begyndt og cutte pga mobning" was not flagged at all (tests/data/real_messages_6.tsv, development part).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import expect

test_suicidal_thoughts_denied_are_not_an_emergency = expect([
    "jeg er ikke selvmordstruet, men jeg har det skidt med eksamen",
    "I am not suicidal, I just feel low about school",
    "Det er ikker fordi jeg har selvmordstanker, jeg er bare stresset",
], Urgency.URGENT, how="at most", by="rules and bot")


test_danger_is_still_an_emergency = expect([
    # The denial does not cover other words of danger in the same sentence.
    "jeg har ingen selvmordstanker men jeg vil gerne dø",
    "not suicidal, just tired of everything, thinking about ending it all",
    "jeg har selvmordstanker",
    "Jeg er begyndt og cutte pga mobning, hvordan stopper jeg",
    "jeg er begyndt at cutte igen",
], Urgency.EMERGENCY)


test_cutting_a_video_is_not_self_harm = expect(["kan du hjælpe mig med at cutte en video til youtube"], Urgency.NONE)

# A safe place denied is no safe place: "found a flat" inside "have not found a flat" told the beating as over.
test_a_safe_place_not_found_does_not_tell_the_danger_as_over = expect([
    "min far slår mig. jeg har ikke fundet en lejlighed endnu",
    "my stepdad hits me and i have not found a flat yet",
], Urgency.EMERGENCY)
test_a_safe_place_found_still_tells_the_night_as_over = expect(["I was thrown out last month but I found a flat now"],
                                                               Urgency.NONE)
