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
    "are", "am", "re", "right", "lige", "staying"))
# Longer than this it says more than where the person is.
MAX_WORDS = 7


def only_municipality(text: str) -> str | None:
    """The slug of the municipality ``text`` names, if naming it is all the message does."""
    words = fold(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    rest = tuple(w for w in words if w not in _AROUND)
    if not rest:
        return None
    # A name of several words must be all that is left ("høje taastrup"); one word may have a typo ("Roksilde"),
    # as the search allows.
    return lexicon().municipality_aliases.get(rest) or (detect_municipality(list(rest)) if len(rest) == 1 else None)


def only_other_place(text: str) -> str | None:
    """The place outside the six municipalities ``text`` names ("Odense", "jeg bor i Aalborg"), if naming it is all
    the message does; as written in the place list."""
    words = fold(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    rest = [w for w in words if w not in _AROUND]
    place = other_place(rest) if rest else None
    return place if place is not None and len(fold(place).split()) >= len(rest) - ("kommune" in rest) else None
