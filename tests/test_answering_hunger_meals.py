"""Hunger said as a feeling, help with the rent, and a meal or a shower asked for in the daytime.

- "jeg er sulten" and "i'm hungry" found no topic at all: no topic has the words. The lexicon now reads hunger as food
  ("sulten", "hungry", "starving": knowledge/lexicon/synonyms.yaml), and the social-assistance topic's question about no
  money for food has it among its phrasings, so a hungry young person is pointed to food help (the municipality today,
  a meal at a varmestue).
- The learned topic scorer reads a short message with the lexicon's words for its everyday phrases added
  (knowledge/index.py Index._learned_text): its character n-grams took the definite "huslejen" of "hjælp til huslejen"
  for the rent tribunal ("huslejenævn"), which it then offered second after the housing benefit.
- A free hot meal, breakfast or a shower asked for today is an ordinary question about a varmestue (``daytime_help`` in
  bot/data/triage.yaml, an everyday cause for the learned triage model only: the model read "today" and "in town" as a
  night to get through). Beside a night outside, being thrown out or a wish to die it is as urgent as before.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.corpus import our_own
from tests.support import answered

FOOD_HELP = {"kontanthjaelp", "natvarmestue"}

# Hunger said as a feeling, with little else: food help first.
HUNGRY = [
    "sulten igen i dag",
    "sulten sulten sulten",
    "vildt sulten nu",
    "so hungry rn, whats there",
    "hungry af and nothing in the cupboards",
]
# Answered with the question about no money for food.
HUNGRY_ANSWERED = ["sulten sulten sulten", "starving n broke"]

# Help to pay the rent: the housing benefit, and the rent tribunal not among the choices.
RENT_HELP = [
    "hjælp til huslejen pls",
    "nogen der ved om man kan faa hjælp til huslejen",
    "hjælp til huslejen i kbh??",
]

# A meal, breakfast or a shower asked for in the daytime: the warm rooms' topic, and no crisis.
DAYTIME = [
    "where is there a free hot meal in town today",
    "any place near me to grab a free lunch",
    "anywhere i can shower for free today",
    "is there free breakfast anywhere today",
    "varmt måltid gratis idag??",
    "bruse eller bad et sted gratis idag",
    "gratis morgenmad nogen steder?",
]
# The same needs beside a crisis: as urgent as ever.
CRISES = [
    ("any place with a free hot meal tonight, i'm sleeping outside", Urgency.URGENT),
    ("need a free meal, my dad threw me out last night", Urgency.URGENT),
    ("et måltid mad, jeg sover på gaden", Urgency.URGENT),
    ("ikke spist i tre dage og vil ikke leve mere", Urgency.EMERGENCY),
]


@pytest.mark.parametrize("text", HUNGRY)
def test_hunger_is_pointed_to_food_help(knowledge, text: str) -> None:
    found = answered(knowledge, text)
    assert found.search.suggestions[0] in FOOD_HELP
    assert found.triage.urgency is Urgency.NONE


@pytest.mark.parametrize("text", HUNGRY_ANSWERED)
def test_hunger_is_answered_with_where_to_eat_today(knowledge, text: str) -> None:
    found = answered(knowledge, text)
    assert found.kind == "answer"
    assert (found.topic, found.faq) == ("kontanthjaelp", "ingen-penge-til-mad")
    said = found.reply.html.lower()
    assert "varmestue" in said
    assert "kommune" in said or "municipality" in said


@pytest.mark.parametrize("text", RENT_HELP)
def test_help_with_the_rent_is_not_offered_the_rent_tribunal(knowledge, text: str) -> None:
    found = answered(knowledge, text)
    assert found.topic == "boligstoette"
    assert "huslejenaevn" not in found.search.suggestions


@pytest.mark.parametrize("text", DAYTIME)
def test_a_meal_or_a_shower_today_is_the_warm_rooms_topic_and_no_crisis(knowledge, text: str) -> None:
    found = answered(knowledge, text)
    assert found.search.suggestions[0] == "natvarmestue"
    assert found.triage.urgency is Urgency.NONE


@pytest.mark.parametrize(("text", "level"), CRISES)
def test_a_meal_beside_a_crisis_stays_urgent(knowledge, text: str, level: Urgency) -> None:
    assert answered(knowledge, text).triage.urgency is level


test_the_messages_are_our_own = our_own(HUNGRY, HUNGRY_ANSWERED, RENT_HELP, DAYTIME, CRISES)
