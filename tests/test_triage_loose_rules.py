"""Rules whose words were looser than what they mean, found with sentences of our own (triage11):

- leaving care, a ward or a prison soon ("plejefamilie", "udskrevet", "fylder 18" beside a weekday) was urgent with
  nothing at stake: "jeg skal besøge min gamle plejefamilie i weekenden" and "Kan jeg få SU, så snart jeg fylder 18?"
  (a knowledge-base question) were urgent. It now needs a home at stake, a place asked for or the writer put out;
- a tenant's question of what may be done, asked with a modal verb ("kan jeg blive smidt ud hvis ...?", "can you get
  kicked out of halls for ...?", "må udlejer ...?"), was a crisis now; it is a hypothetical, as "can my landlord ..."
  already was;
- "out of his" / "out of her" read as being put out of someone's home: "out of her will", "out of his car" were urgent;
  it now needs the home ("out of her house", "ud af hans lejlighed");
- having to go, in words of everyday life too ("have to leave", "skal ud i", "find another place", "put my things",
  "check out"), was being put out or an eviction: "I must leave early tomorrow for my shift" and "jeg skal ud på tur
  med spejderne i weekenden" were urgent. Those words now need a home or someone of the household in the same
  sentence ("my landlord says I have to leave by sunday");
- a hypothetical asked after a crisis told as done took the crisis back: "min udlejer smed mig ud i går aftes, kan min
  udlejer virkelig det" was none. A hypothetical now frames only what is said with it or after it.

The sentences are the team's own (rapidfuzz token_set_ratio and partial_ratio < 80 against every real message).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import DETECTED, expect

test_leaving_care_soon_with_nothing_at_stake_is_no_rule_s_crisis = expect([
    "jeg skal besøge min gamle plejefamilie i weekenden",
    "Kan jeg få SU, så snart jeg fylder 18?",
    "min lillebror bliver udskrevet fra børneafdelingen i morgen og vi glæder os",
    "my foster mum is taking us all to the zoo on sunday",
], Urgency.NONE, lang=DETECTED, by="rules")


test_a_visit_to_a_foster_family_is_not_urgent = expect(["jeg skal besøge min gamle plejefamilie i weekenden"],
                                                       Urgency.NONE, lang=DETECTED)


test_leaving_care_soon_with_no_place_is_still_urgent = expect([
    "bliver udskrevet fra psykiatrisk i morgen og ved ikke hvor jeg skal bo",
    "my foster placement ends on friday and I have nowhere lined up",
], Urgency.URGENT, lang=DETECTED, by="rules")


test_a_tenant_s_question_of_what_may_be_done_is_not_a_crisis = expect([
    "kan jeg blive smidt ud af lejligheden for at have en kat",
    "kan man blive sat ud for at holde fest",
    "can you get kicked out of student halls for smoking",
    "må udlejer slukke for strømmen fordi jeg skylder husleje",
], Urgency.NONE, lang=DETECTED, by="rules and bot")


test_a_question_after_a_crisis_told_as_done_does_not_take_it_back = expect([
    "min udlejer smed mig ud i går aftes, kan min udlejer virkelig det",
    "he kicked me out at 9 tonight with two bin bags, can my landlord legally do that",
    "min udlejer har smidt mig ud i formiddags, kan en udlejer bare det",
], Urgency.URGENT, lang=DETECTED, by="rules")


test_out_of_someone_s_will_or_car_is_not_being_put_out = expect([
    "my gran says she will write my cousin out of her will if he skips her birthday again",
    "he got me out of his car and drove off laughing, we were only joking around",
], Urgency.NONE, lang=DETECTED, by="rules and bot")


test_put_out_of_someone_s_home_is_still_urgent = expect([
    "my mum made me move out of her house yesterday and I've got nowhere",
    "min kæreste har smidt mig ud af hans lejlighed i aften",
], Urgency.URGENT, lang=DETECTED, by="rules")


test_having_to_go_in_everyday_life_is_no_rule_s_crisis = expect([
    "we need to find another place for my birthday party",
    "jeg skal ud på tur med spejderne i weekenden",
    "jeg skal være ude af døren kl 7 for at nå bussen",
    "I must leave early tomorrow for my shift",
], Urgency.NONE, lang=DETECTED, by="rules")


test_having_to_go_in_everyday_life_is_not_urgent = expect([
    "we need to find another place for my birthday party",
    "jeg skal ud på tur med spejderne i weekenden",
    "jeg skal være ude af døren kl 7 for at nå bussen",
], Urgency.NONE, lang=DETECTED)


test_having_to_leave_a_home_is_still_urgent = expect([
    "my landlord says I have to leave by sunday",
    "udlejer siger jeg skal ud på fredag",
    "min stedfar siger jeg skal være ude i aften",
    "I must leave the flat by friday",
], Urgency.URGENT, lang=DETECTED, by="rules")
