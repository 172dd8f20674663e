"""A request to delete what Husly saved, said in words ("slet mine data", "delete my data", "kan i slette alt om
mig"): the way to /slet's own question with its two buttons, wherever it is typed.

First read only on a case (case30); with no case open, "slet mine data" was searched as a question and got the
privacy topic. The case flows and the conversation ask this one function.
"""

from __future__ import annotations

import re

from knowledge.normalise import fold

# Longer than this a message says more than the request ("jeg vil slette alt om mig fra facebook, men ...").
MAX_WORDS = 8
_ERASE = re.compile(r"\b(?:slet|slette|sletter|delete|erase|remove|fjern|fjerne)\b(?: \w+){0,3}? (?:mine data|min data|"
                    r"mine oplysninger|alt om mig|alt|det hele|my data|my info|my information|everything|all my data|"
                    r"all of it|my stuff|mine ting)\b")


def asks_to_erase(text: str) -> bool:
    """Whether ``text`` is a short request to delete what Husly saved ("slet mine data", "delete my data")."""
    said = fold(text)
    return bool(said) and len(said.split()) <= MAX_WORDS and _ERASE.search(said) is not None
