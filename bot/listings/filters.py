"""What a young person is looking for: municipality, max monthly cost and type, from buttons or free text.

``parse_filters`` is deliberately shy: it only claims a message that clearly is a housing search (a housing
word and a budget, a place or a search word), so "hvad er en ungdomsbolig?" still reaches the knowledge base.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.listings.kinds import AGE_BANDS, KINDS
from bot.reading import read
from knowledge.lexicon import detect_municipality
from knowledge.normalise import fold
from knowledge.schema import MUNICIPALITIES

MAX_BUDGET = 50_000

# Folded words that name a home; the value is the type they imply (None: any type).
HOUSING_WORDS: dict[str, str | None] = {
    "vaerelse": "vaerelse", "vaerelser": "vaerelse", "vaer": "vaerelse", "room": "vaerelse", "rooms": "vaerelse",
    "lejlighed": "lejlighed", "lejligheder": "lejlighed", "lejl": "lejlighed", "flat": "lejlighed",
    "flats": "lejlighed", "apartment": "lejlighed", "apartments": "lejlighed", "appartment": "lejlighed",
    "studio": "lejlighed",
    "ungdomsbolig": "ungdomsbolig", "ungdomsboliger": "ungdomsbolig",
    "kollegie": "kollegievaerelse", "kollegier": "kollegievaerelse", "kollegium": "kollegievaerelse",
    "kollegievaerelse": "kollegievaerelse", "kollegievaerelser": "kollegievaerelse", "dorm": "kollegievaerelse",
    "dormitory": "kollegievaerelse",
    "delebolig": "delebolig", "deleboliger": "delebolig", "flatshare": "delebolig", "roommate": "delebolig",
    "bolig": None, "boliger": None, "housing": None, "accommodation": None, "lejemaal": None,
}
# Two-word names, checked before single words.
HOUSING_PAIRS: dict[tuple[str, str], str] = {
    ("skaev", "bolig"): "skaev-bolig", ("skaeve", "boliger"): "skaev-bolig", ("skaeve", "bolig"): "skaev-bolig",
    ("midlertidig", "bolig"): "midlertidig-bolig", ("midlertidige", "boliger"): "midlertidig-bolig",
    ("temporary", "housing"): "midlertidig-bolig", ("youth", "housing"): "ungdomsbolig",
    ("youth", "flat"): "ungdomsbolig", ("youth", "apartment"): "ungdomsbolig",
    ("student", "room"): "kollegievaerelse", ("shared", "flat"): "delebolig", ("shared", "housing"): "delebolig",
}
# A more specific type wins when several are named ("værelse i en delebolig").
_SPECIFIC_FIRST = ("skaev-bolig", "midlertidig-bolig", "kollegievaerelse", "ungdomsbolig", "delebolig",
                   "lejlighed", "vaerelse")
SEARCH_WORDS = frozenset({
    "ledig", "ledige", "ledigt", "available", "vis", "vise", "viser", "show", "find", "finde", "finder", "soeger",
    "soeg", "sog", "soger", "leder", "looking", "search", "billig", "billige", "billigt", "cheap", "leje",
    "rent", "list", "liste",
})
# Search words that are also what a question about prices says ("how much is rent for ...", "hvad koster det at
# leje ..."): in a question they do not make it a search.
PRICE_WORDS = frozenset({"leje", "rent", "billig", "billige", "billigt", "cheap"})
QUESTION_WORDS = frozenset({
    "hvad", "hvordan", "hvorfor", "hvornaar", "hvem", "hvilken", "hvilke", "what", "whats", "how", "why", "when",
    "who", "which",
})
# A yes/no question starts with a verb in both languages ("kan man få ...", "can I ...").
QUESTION_STARTS = frozenset({"kan", "maa", "skal", "er", "har", "can", "do", "does", "is", "are", "should"})
# Words that show the message is about a home the person has, or a topic, not a search.
TOPIC_WORDS = frozenset({
    "min", "mit", "mine", "my", "vores", "our", "depositum", "deposit", "opsagt", "opsigelse", "udsat",
    "udsaettelse", "smidt", "fogeden", "evicted", "kontrakt", "lejekontrakt", "contract", "restance",
    "boligstoette", "fremleje", "sublet", "rki", "gaeld", "debt", "skylder", "owe",
})
# Money and support a home question may name ("can I get housing benefit if I rent a room"): with no budget and no
# search word other than a price word, the message asks about that, it does not search for a home.
SUPPORT_WORDS = frozenset({
    "boligstoette", "boligsikring", "boligydelse", "benefit", "benefits", "su", "kontanthjaelp", "ydelse",
    "ydelser", "tilskud", "indskudslaan", "depositum", "deposit", "skat", "tax",
})
# Asking Husly itself for a home ("har du en lejlighed til mig?", "do you have a room for me"): a search, though it
# is said as a yes/no question. The first bot use with no budget or place got the rent tribunal's topic as a maybe.
# Folded tokens; the home must be what is asked for ("har du tid til at snakke om min lejlighed" is no search).
_ASKED_OF_US = re.compile(r"^(?:(?:hej|hi|hey|hello|yo)\s+)?(?:har (?:du|i|u)|do (?:you|u|ya) have|have (?:you|u) got|"
                          r"have (?:you|u)|got)(?:\s+(?:nogen|noget|en|et|any|a|an|some))?"
                          r"(?:\s+(?:ledig|ledige|ledigt|billig|billige|billigt|lille|cheap|free|available|small))?\s+(\S+)(?:\s+(\S+))?")
# A yes/no question about oneself inside a message: "kan jeg", "må man", "can I" ("kan I hjælpe" asks Husly).
_ASKED_ABOUT_ONESELF = frozenset({(verb, who) for verb in ("kan", "maa", "skal") for who in ("jeg", "man", "vi")}
                                 | {(verb, who) for verb in ("can", "should", "could") for who in ("i", "we")})
BUDGET_MARKERS = frozenset({
    "under", "max", "maks", "maksimum", "hoejst", "hojst", "til", "budget", "below", "most", "upto", "for",
    "maximum", "indtil",
})
_MONTHS = frozenset({
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
    "december", "january", "february", "march", "may", "june", "july", "october", "fra", "from", "aar", "year",
})
_AMOUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.\s\u00a0]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*(k\b|tusind\b|kr\b\.?|kroner\b|dkk\b|,-)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Filters:
    """A search; None means "any". ``max_total`` is rent plus aconto, what a person pays each month. ``age_band``
    (an AGE_BANDS code) is the age the person said: homes whose age range leaves it out are not shown
    (bot/listings/ages.py)."""

    municipality: str | None = None
    max_total: int | None = None
    kind: str | None = None
    age_band: str | None = None

    @classmethod
    def checked(cls, municipality: str, budget: int | None, kind: str, age_band: str = "") -> Filters | None:
        """The filters from a button's values, or None when one is not valid (a forged or old button)."""
        if (municipality and municipality not in MUNICIPALITIES) or (kind and kind not in KINDS):
            return None
        if budget is not None and not 0 < budget <= MAX_BUDGET:
            return None
        if age_band and age_band not in AGE_BANDS:
            return None
        return cls(municipality or None, budget, kind or None, age_band or None)


def parse_filters(text: str) -> Filters | None:
    """Read a free-text housing search ("billig lejlighed i aarhus under 4000", "room in cph max 3.5k").

    Returns None unless the text names a home and also a budget, a municipality or a search word; a question
    ("hvad er en ungdomsbolig?") or a message about the person's own home needs a budget or a search word.
    """
    if read(text).long:
        # A letter that names a flat and a town ("vi har brug for en 2-værelses ... Hvidovre kommune") asks for help
        # with its whole story: a list of homes (or "no homes fit right now") is no answer to it.
        return None
    tokens = fold(text).split()
    kind, housing = _kind(tokens)
    if not housing:
        return None
    budget = _budget(text)
    municipality = detect_municipality(tokens)
    searching = any(t in SEARCH_WORDS for t in tokens) or _asked_of_us(tokens)
    asking = ("?" in text or any(t in QUESTION_WORDS or t in TOPIC_WORDS for t in tokens)
              or (bool(tokens) and tokens[0] in QUESTION_STARTS))
    if asking and budget is None and not searching:
        return None
    if _yes_no_inside(tokens) and budget is None and not any(t in SEARCH_WORDS - PRICE_WORDS for t in tokens):
        return None  # "jeg har RKI, kan jeg så leje en lejlighed": whether one may, not a search
    if budget is None and any(t in QUESTION_WORDS for t in tokens) \
            and not any(t in SEARCH_WORDS - PRICE_WORDS for t in tokens):
        return None  # "how much is rent for a youth flat?": a question for the knowledge base
    if budget is None and any(t in SUPPORT_WORDS for t in tokens) \
            and not any(t in SEARCH_WORDS - PRICE_WORDS for t in tokens):
        return None  # "can I get housing benefit if I rent a room from a friend": a question about the benefit
    if budget is None and municipality is None and not searching:
        return None
    return Filters(municipality, budget, kind)


def _yes_no_inside(tokens: list[str]) -> bool:
    """A yes/no question after a clause, with no question mark ("jeg har RKI kan jeg så leje en lejlighed")."""
    return any(pair in _ASKED_ABOUT_ONESELF for pair in itertools.pairwise(tokens[1:]))


def asks_us_for_a_home(text: str) -> bool:
    """Whether the message opens by asking Husly for a home ("har I et værelse til mig?", "got any cheap flats?")."""
    return _asked_of_us(fold(text).split())


def _asked_of_us(tokens: list[str]) -> bool:
    """Whether the message asks Husly for a home ("har du et værelse til mig", "got any flats?")."""
    asked = _ASKED_OF_US.match(" ".join(tokens))
    # The home is one of the next two words: "har du en ungdomsbolig", "do you have a youth flat".
    return asked is not None and any(word and _housing_word(word) for word in asked.groups())


def _kind(tokens: list[str]) -> tuple[str | None, bool]:
    """The type named in the tokens (None for "bolig"), and whether any housing word was there at all."""
    found: set[str] = set()
    housing = False
    for i, token in enumerate(tokens):
        pair = HOUSING_PAIRS.get((token, tokens[i + 1])) if i + 1 < len(tokens) else None
        if pair:
            found.add(pair)
            housing = True
            continue
        word = _housing_word(token)
        if word is None:
            continue
        housing = True
        kind = HOUSING_WORDS[word]
        # "2 værelser", "3 room flat": a number of rooms, not the type "værelse".
        if kind == "vaerelse" and i > 0 and tokens[i - 1].isdigit() and int(tokens[i - 1]) <= 10:
            continue
        if kind:
            found.add(kind)
    kind = next((k for k in _SPECIFIC_FIRST if k in found), None)
    return kind, housing


def _housing_word(token: str) -> str | None:
    """The housing word this token is, allowing one typo in longer words ("lejlihed", "værlse")."""
    if token in HOUSING_WORDS:
        return token
    if len(token) >= 6:
        for word in HOUSING_WORDS:
            if len(word) >= 6 and fuzz.ratio(token, word) >= 85:
                return word
    return None


def _budget(text: str) -> int | None:
    """The first amount that reads as a budget: "4.000 kr", "3,5k", "max 3500"; not "8000 Aarhus C"."""
    for match in _AMOUNT.finditer(text):
        digits, decimals, unit = match.groups()
        number = int(re.sub(r"\D", "", digits))
        unit = (unit or "").lower()
        before = fold(text[:match.start()]).split()[-2:]
        marked = any(word in BUDGET_MARKERS for word in before)
        if unit in ("k", "tusind"):
            value = round((number + int(decimals or 0) / 10 ** len(decimals or "")) * 1000)
        elif unit or marked or _plain_budget(number, before, text[match.end():]):
            value = number
        else:
            continue
        if 500 <= value <= MAX_BUDGET:
            return value
    return None


def _plain_budget(number: int, before: list[str], after: str) -> bool:
    """A bare number is a budget when it is in the usual range and not a postal code or a year."""
    return 1000 <= number <= 30_000 and not _postal_code(after) and not _year(before)


def _year(before: list[str]) -> bool:
    """A number after a month or "fra" ("ledig fra januar 2027") is a year."""
    return bool(before) and before[-1] in _MONTHS


def _postal_code(after: str) -> bool:
    """A four-digit number followed by a town ("8000 Aarhus C", "2630 Taastrup") is a postal code."""
    following = fold(after).split()[:2]
    return bool(following) and detect_municipality(following) is not None
