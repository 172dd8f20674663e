"""Real letters that are no crisis now were flagged urgent (issue 13 item 4): a parent's worry about a child's future, a
story of homelessness told from years later, and a page's heading.

Found with our own letters (tests/data/triage_worry_and_past_letters.tsv, Danish and English, none of them corpus
text):
- a worry of ending up somewhere ("jeg er bange for at hun ender med at sove på sofaer", "could he end up with nowhere
  to live?") is a future, as a time months ahead is (``ends_up`` beside every rule's ``later``), and so is someone
  else's 18th birthday or the summer ("når han bliver 18", "when she turns 18", "efter sommer");
- a home not found "yet" after a move months ahead told in the sentence before ("Hun vil flytte hjemmefra efter
  sommerferien. Hun har ikke noget sted at bo endnu", ``not_yet``) is the move's, for the rules and for the learned
  model on a letter; "yet" with no time ahead before it, or a night said beside it, stays a crisis;
- young people without a home as a subject written about ("my thesis about young people without a home") are no one's
  crisis now (``generic_people``);
- a title ("Being thrown out by your parents at sixteen", ``heading_opener``) is not someone in it: the learned model
  does not make it urgent ("At blive smidt ud fra sin plejefamilie" was, by the model).
The danger letters (a friend or a child thrown out yesterday with nowhere to sleep tonight, a past homelessness that has
come back) must stay urgent.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import our_own
from tests.triage_letters import letter_rows

CALM = letter_rows("triage_worry_and_past_letters.tsv", "calm")
DANGER = letter_rows("triage_worry_and_past_letters.tsv", "danger")

# Short messages: a heading or a plain question beside the same words said as a crisis now.
SHORT_PAIRS = [
    ("Being thrown out by your parents at sixteen", "thrown out by my parents tonight, nowhere to sleep"),
    ("Being homeless at seventeen in Copenhagen", "homeless at seventeen, sleeping in the park tonight"),
    ("At miste sin bolig efter en skilsmisse", "jeg har mistet min bolig og sover i min bil i nat"),
    ("At blive smidt ud fra sin plejefamilie", "er blevet smidt ud fra min plejefamilie i aften og har ingen seng"),
    ("At blive smidt ud af et opholdssted", "de har smidt mig ud af opholdsstedet og jeg sover ude i nat"),
    ("Min datter bliver 18 efter sommer. Hun har ikke noget sted at bo endnu",
     "Min datter blev smidt ud i går. Hun har ikke noget sted at bo endnu"),
    ("Min datter fylder 18 efter sommer og har ingen steder at bo endnu",
     "jeg fylder 18 i morgen og skal ud fra plejefamilien og har ingen steder at bo"),
    ("My son turns 18 next year and I'm afraid he'll end up with nowhere to live",
     "My son got kicked out tonight and he has nowhere to live"),
    # A guard (no urgency before too); "har i et værelse til mig?" alone is still the model's unsure emergency.
    ("har i et ledigt værelse til mig fra februar", "har i et sted jeg kan sove i nat, jeg er smidt ud"),
]


def test_the_letters_are_long_calm_and_danger_in_both_languages() -> None:
    assert len(CALM) >= 12
    assert len(DANGER) >= 10
    for rows in (CALM, DANGER):
        assert {lang for _, lang, _, _ in rows} == {"da", "en"}
    assert all(len(text.split()) > 30 for _, _, _, text in CALM + DANGER)


@pytest.mark.parametrize(("pattern", "lang", "level", "text"), [pytest.param(*r, id=r[3][:60]) for r in CALM])
def test_a_worry_or_a_story_from_years_later_is_not_urgent(pattern: str, lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency is Urgency(level), pattern


@pytest.mark.parametrize(("pattern", "lang", "level", "text"), [pytest.param(*r, id=r[3][:60]) for r in DANGER])
def test_the_same_words_as_a_crisis_now_stay_urgent(pattern: str, lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency.rank >= Urgency(level).rank, pattern


@pytest.mark.parametrize(("calm", "danger"), SHORT_PAIRS)
def test_a_heading_or_a_worry_and_the_crisis_beside_it(calm: str, danger: str) -> None:
    lang = "da" if {"min", "har", "jeg", "sin"} & set(calm.lower().split()) else "en"
    assert triage(calm, lang).urgency is Urgency.NONE
    assert triage(danger, lang).urgency is not Urgency.NONE


def test_yet_without_a_time_ahead_before_it_stays_a_crisis() -> None:
    # "endnu" alone would also quiet a young person on the street who has found nothing yet.
    assert triage("Jeg sover på gaden i Aarhus og har ikke fundet noget sted at bo endnu. Hvad gør jeg nu?").urgency \
        is not Urgency.NONE
    assert triage("I have nowhere to live yet and I slept at the station last night. In a few months I start "
                  "university.", "en").urgency is not Urgency.NONE


test_the_sentences_are_our_own = our_own([t for *_, t in CALM + DANGER], [c for c, _ in SHORT_PAIRS],
                                         [d for _, d in SHORT_PAIRS])
