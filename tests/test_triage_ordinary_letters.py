"""Ordinary letters of everyday life were flagged urgent (issue 13: too many false urgent flags on real letters).

Found with our own letters (tests/data/triage_ordinary_letters.tsv, Danish and English, none of them corpus text): a
parent's letter about a grown child, a diagnosis, a past break-up or a past stay on a sofa, roommates, a difficult
landlord, moving plans, students, typos. What wrongly fired:
- sleep made hard by noise or a night job ("it's hard to sleep because the guy next door plays music", "I work night
  shifts and sleep during the day", "jeg arbejder om natten og sover om dagen", "jeg får ikke sovet"): a sleep
  trouble, not a night without a bed (``sleep_habit``, ``insomnia``);
- the stairwell as where building work, noise and neighbours are ("renovering i opgangen"): no night spent there
  (``stairwell_everyday`` masks ``outside``), and the night bus taken home from work (``bus_home``);
- a subject read about for school ("Sleeping rough in winter is something I've been reading about for a school
  project", ``subject_studied``) and a page's heading about a season in general ("Sleeping rough in winter");
- kicked out of a football team, nowhere to put the bikes, the sofa in one's own living room after a fight, a night at
  a friend's after a party, afraid of failing an exam: everyday words the rules or the learned model read as a crisis;
- Danish "bed"/"bad ... om" (asked), read as a bite: "jeg bed ham om at gå" asked "are you in danger right now?".
The danger letters (thrown out today, sleeping outside tonight, violence now, suicidal, a sofa running out tomorrow)
must stay flagged.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import our_own
from tests.triage_letters import letter_rows

CALM = letter_rows("triage_ordinary_letters.tsv", "calm")
DANGER = letter_rows("triage_ordinary_letters.tsv", "danger")

# Short messages: the everyday words beside the same words said as a crisis now.
SHORT_PAIRS = [
    ("en", "Sleeping rough in winter", "sleeping rough tonight, nowhere to go"),
    ("da", "At sove ude om vinteren", "jeg sover ude i nat"),
    ("da", "jeg bed Jonas om at skride fra min lejlighed kl 3", "Jonas bed mig i armen og slår mig nu"),
    ("da", "jeg bad min kæreste om at flytte ud efter jul", "kæresten har smidt mig ud i aften og skiftet låsen"),
    ("en", "I slept on the sofa in our living room after a fight with Line about the dishes",
     "I've been sleeping on my mate's sofa for three weeks and he wants me out tomorrow"),
    ("da", "der er renovering i opgangen og de larmer fra kl 7", "jeg sover i opgangen i nat"),
]


def test_the_letters_are_many_calm_and_danger_in_both_languages() -> None:
    assert len(CALM) >= 30
    assert len(DANGER) >= 15
    for rows in (CALM, DANGER):
        assert {lang for _, lang, _, _ in rows} == {"da", "en"}


@pytest.mark.parametrize(("pattern", "lang", "level", "text"), [pytest.param(*r, id=r[3][:60]) for r in CALM])
def test_an_ordinary_letter_is_not_urgent(pattern: str, lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency is Urgency(level), pattern


@pytest.mark.parametrize(("pattern", "lang", "level", "text"), [pytest.param(*r, id=r[3][:60]) for r in DANGER])
def test_a_crisis_now_stays_flagged(pattern: str, lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency.rank >= Urgency(level).rank, pattern


@pytest.mark.parametrize(("lang", "calm", "danger"), SHORT_PAIRS)
def test_everyday_words_and_the_crisis_beside_them(lang: str, calm: str, danger: str) -> None:
    assert triage(calm, lang).urgency is Urgency.NONE, calm
    assert triage(danger, lang).urgency is not Urgency.NONE, danger


test_the_messages_are_our_own = our_own(
    [text for _, _, _, text in CALM + DANGER], [pair[1] for pair in SHORT_PAIRS], [pair[2] for pair in SHORT_PAIRS])
