"""A message that only names a municipality ("Roskilde", "jeg bor i Aarhus", "kbh"): the answer to "Which
municipality are you in?".

Husly asks it under crisis answers and topics with local help. Read as a question, a bare "Roskilde" found no
topic and got "I'm not sure I understood" — at night, after being thrown out. It is an answer: the municipality
is kept and the topic just shown comes again in its local version (local numbers), or, with no topic shown,
Husly says it will show local help from now on.
"""

from __future__ import annotations

from knowledge.lexicon import detect_municipality, lexicon, other_place
from knowledge.normalise import fold

# Words around a municipality's name in an answer to "which municipality?" ("jeg bor i Aarhus", "it's Randers").
_AROUND = frozenset(fold(w) for w in (
    "i", "jeg", "bor", "er", "det", "kommune", "kommunen", "kommuner", "fra", "nær", "ved", "tæt", "på", "her",
    "in", "i'm", "im", "m", "live", "living", "it", "it's", "s", "is", "from", "near", "municipality", "the",
    "ok", "okay", "tak", "thanks", "ja", "yes", "nu", "now", "min", "my",
    # Asking for someone else: "she lives in Copenhagen", "min søn bor i Randers".
    "she", "he", "they", "we", "lives", "hun", "han", "de", "vi", "our", "vores", "his", "hans", "hendes",
    "friend", "ven", "veninde", "son", "daughter", "søn", "datter", "also", "også",
    # "we are in Favrskov", "we're in Aarhus right now", "I am in Randers".
    "are", "am", "re", "right", "lige", "staying", "rn"))
# Where in the town the person is, said with the place ("jeg er i Randers ved banegården", "im in aarhus at the
# train station", "outside netto in roskilde"): the message still only answers where. Stems, with Danish definite and
# plural endings; no street ("på gaden" is a crisis, for triage).
_SPOT_WORDS = frozenset(fold(w) for w in (
    "ved", "nede", "henne", "inde", "oppe", "foran", "udenfor", "uden", "for", "at", "by", "outside", "front", "of",
    "behind", "bag", "a", "en", "et", "next", "to", "siden", "af", "central", "sidder", "står", "sitting", "standing",
    "venter", "waiting"))
_SPOTS = frozenset(fold(w) for w in (
    "station", "banegård", "hovedbanegård", "togstation", "busstation", "st", "tog", "train", "bus", "havn",
    "harbour", "harbor", "centrum", "center", "centre", "midtby", "by", "city", "town", "gågade", "torv", "square",
    "park", "netto", "føtex", "bilka", "rema", "lidl", "kiosk", "mcdonalds", "mcd", "bibliotek", "library", "strand",
    "beach", "rådhus", "rådhusplads", "hospital", "skadestue", "storcenter", "mall", "supermarked", "supermarket",
    "butik", "shop", "store", "metro", "metroen", "s-tog"))
_DEFINITE = ("", "en", "et", "n", "t", "e", "s", "ene", "erne")
# An age said beside the place ("im 19, in høje taastrup", "17 år og bor i Randers"): the answer still names it.
_AGE_WORDS = frozenset(("aar", "gammel", "year", "years", "old", "yo", "y", "o", "og", "and"))
# Longer than this it says more than where the person is.
MAX_WORDS = 9


def _besides_place(text: str) -> list[str] | None:
    """The words of ``text`` that are not the usual words around a place or an age; None for a long message."""
    words = fold(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    ages = [w for w in words if w.isdigit()]
    if len(ages) > 1 or any(not 10 <= int(w) <= 99 for w in ages):
        return None  # "bus 2", "i 3 dage": numbers that are no age say more than a place
    age_said = bool(ages)
    spot = any(_is_spot(w) for w in words)
    return [w for w in words if w not in _AROUND and not w.isdigit() and not (age_said and w in _AGE_WORDS)
            and not (spot and (w in _SPOT_WORDS or _is_spot(w)))]


def _is_spot(word: str) -> bool:
    """Whether ``word`` names a spot in a town (a station, a square, a shop), with or without a Danish ending."""
    return any(word.endswith(end) and word[:len(word) - len(end)] in _SPOTS
               for end in _DEFINITE if len(word) > len(end))


def only_municipality(text: str) -> str | None:
    """The slug of the municipality ``text`` names, if naming it is all the message does."""
    besides = _besides_place(text)
    if not besides:
        return None
    rest = tuple(besides)
    # A name of several words must be all that is left ("høje taastrup"); one word may have a typo ("Roksilde"),
    # as the search allows.
    return lexicon().municipality_aliases.get(rest) or (detect_municipality(list(rest)) if len(rest) == 1 else None)


def only_other_place(text: str) -> str | None:
    """The place outside the six municipalities ``text`` names ("Odense", "jeg bor i Aalborg"), if naming it is all
    the message does; as written in the place list."""
    rest = _besides_place(text)
    if not rest:
        return None
    place = other_place(rest)
    return place if place is not None and len(fold(place).split()) >= len(rest) - ("kommune" in rest) else None
