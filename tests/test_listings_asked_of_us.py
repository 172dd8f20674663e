"""Asking Husly itself for a home ("har du en lejlighed til mig?") shows the homes, not a topic as a maybe.

The bot's first use: "har du en lejlighed til mig" got "I'm not sure" with the rent tribunal's topic first. And the
other way round: "jeg har RKI kan jeg så leje en lejlighed" (whether one may rent, with debt) got a list of flats,
though the knowledge base has the sourced answer.
"""

from __future__ import annotations

import json

import pytest

from bot.listings.filters import Filters, parse_filters
from tests.test_cli import run


@pytest.mark.parametrize(("text", "expected"), [
    ("har du en lejlighed til mig", Filters(None, None, "lejlighed")),
    ("Har I et værelse til mig?", Filters(None, None, "vaerelse")),
    ("hej har du en bolig til mig i aarhus", Filters("aarhus", None, None)),
    ("har du nogen billige værelser", Filters(None, None, "vaerelse")),
    ("do you have a flat for me", Filters(None, None, "lejlighed")),
    ("have you got any rooms?", Filters(None, None, "vaerelse")),
    ("got any cheap rooms?", Filters(None, None, "vaerelse")),
    ("do you have a youth flat", Filters(None, None, "ungdomsbolig")),
    ("billig lejlighed i aarhus kan i hjælpe", Filters("aarhus", None, "lejlighed")),
    ("værelse i kbh max 4000 kan jeg få et", Filters("koebenhavn", 4000, "vaerelse")),
])
def test_asking_husly_for_a_home_is_a_search(text: str, expected: Filters) -> None:
    assert parse_filters(text) == expected


@pytest.mark.parametrize("text", [
    "har du tid til at snakke om min lejlighed",
    "har du et godt råd om en lejlighed",
    "har du boligstøtte",
    "har i nogen råd om depositum på en lejlighed",
    "do you have advice about my flat",
    "har min veninde en lejlighed",
    "jeg har RKI kan jeg så leje en lejlighed",
    "jeg har gæld, kan jeg leje et værelse",
    "jeg er 17 kan jeg leje en lejlighed",
    "i have debt can i rent a flat",
])
def test_a_yes_no_question_about_something_else_is_no_search(text: str) -> None:
    assert parse_filters(text) is None


def test_asking_for_a_flat_lists_the_cheapest_flats(capsys) -> None:
    run(capsys, "listings", "demo", "--quiet")
    code, out, err = run(capsys, "ask", "har du en lejlighed til mig", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "listings"
    assert "Boliger, der passer" in data["answer"] and "Lejlighed" in data["answer"]
    assert "huslejenævn" not in data["answer"].lower()


def test_whether_one_may_rent_with_debt_gets_the_sourced_answer(capsys) -> None:
    run(capsys, "listings", "demo", "--quiet")
    code, out, err = run(capsys, "ask", "jeg har RKI kan jeg så leje en lejlighed", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "answer" and data["topic"] == "gaeld"
    assert "Boliger, der passer" not in data["answer"]
