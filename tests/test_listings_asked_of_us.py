"""Asking Husly itself for a home ("har du en lejlighed til mig?") shows the homes, not a topic as a maybe.

The bot's first use: "har du en lejlighed til mig" got "I'm not sure" with the rent tribunal's topic first.
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
