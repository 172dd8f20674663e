"""Danish-aware text normalisation: the first step for retrieval, triage and detection.

Young people type on phones: no æ/ø/å ("boligstotte", "vaerelse"), emoji, slang and typos. Everything that
compares text goes through ``fold`` so "Boligstøtte!!", "boligstoette" and "BOLIGSTØTTE 🙏" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

# æ/ø/å become the digraphs Danes type without a Danish keyboard; a user writing a bare "o" for "ø"
# ("stotte") is then one edit away, which the typo tolerance covers.
_DANISH_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
_WORD = re.compile(r"[a-z0-9]+")

# An adjective ending the Danish stemmer strips (see stem).
_ADJECTIVE_ENDING = re.compile(r"(e?lig)(?!hed)")
# Danish words the stemmer makes another word of, kept as written: "i morges" (this morning, done) became "morg", as
# "i morgen" (tomorrow, still ahead): "fogeden kom i morges" met the eviction's "fogeden kommer i morgen".
_OWN_STEMS = frozenset({"morges", "imorges"})

_STEMMERS = {"da": Stemmer.Stemmer("danish"), "en": Stemmer.Stemmer("english")}


def fold(text: str) -> str:
    """Lower-case, drop emoji/punctuation/accents, and spell æ/ø/å as ae/oe/aa."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_DANISH_FOLD)
    if not text.isascii():
        # Remaining accents (ñ, ç, ...) lose their marks; emoji and other symbols fall out below.
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # Anything not a letter or digit becomes a word break.
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    return fold(text).split()


# English contractions as folding leaves them ("can't" -> "can t", "I'm" -> "i m"): the word before the apostrophe and
# the letters after it. People type them with and without the apostrophe ("cant", "im"), and the knowledge base writes
# both ways.
_NOT_CONTRACTED = frozenset({"can", "don", "won", "isn", "aren", "wasn", "weren", "didn", "doesn", "couldn", "wouldn",
                             "shouldn", "haven", "hasn", "hadn", "mustn", "shan", "ain"})


def joined_contractions(tokens: list[str]) -> list[str]:
    """Folded tokens with each English contraction written as one word, as people type it without the apostrophe:
    "can t afford" -> "cant afford", "i m" -> "im", "i ve" -> "ive". Retrieval reads the knowledge base's texts and the
    question this one way, so "can't afford" meets a keyword written "cant afford" (and "cant" one written "can't")."""
    out: list[str] = []
    for token in tokens:
        if out and ((token == "t" and out[-1] in _NOT_CONTRACTED) or (out[-1] == "i" and token in ("m", "ve"))):
            out[-1] += token
        else:
            out.append(token)
    return out


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """Snowball-stem one folded word. Danish stems are computed on the word with æ/ø/å restored where the
    folded digraphs stand, because the Danish stemmer's suffix rules are written with those letters."""
    if lang == "da":
        if word in _OWN_STEMS:
            return word
        unfolded = word.replace("ae", "æ").replace("oe", "ø").replace("aa", "å")
        stemmed = _STEMMERS["da"].stemWord(unfolded)
        # The Danish stemmer strips the adjective endings -lig and -elig, leaving a stem that is often another word:
        # "farlig" (dangerous) became "far" (father), "billig" (cheap) "bil" (car), "kedelig" (boring) "ked" (sad,
        # as in "ked af det"), "venlig" (kind) "ven" (friend). The ending stays on the stem, so every form of the
        # adjective ("farligt", "billigste") still meets the others, but not the word it happens to start with.
        # (-ig alone is left to the stemmer: "bolig", "boliger" and "boligerne" are "bol" either way.)
        if unfolded.startswith(stemmed):
            # Not a noun in -lighed: "lejlighed" keeps the stemmer's "lej", as the knowledge base was tuned with
            # ("lejlig" apart from "leje" turned a typical question of flytte-hjemmefra into a close call).
            ending = _ADJECTIVE_ENDING.match(unfolded, len(stemmed))
            if ending:
                stemmed = unfolded[:ending.end(1)]
        return fold(stemmed)
    return _STEMMERS["en"].stemWord(word)


_WHITE_SPACES = re.compile(r"\s\s+")


def char_grams(text: str, low: int, high: int) -> list[str]:
    """The character ``low``-``high``-grams of each folded word, padded with a space at both ends.

    The same list scikit-learn's TfidfVectorizer(analyzer="char_wb", preprocessor=fold) builds (tests check), written
    out so that the learned models score without scikit-learn: importing it takes a second and 60 MB.
    """
    found: list[str] = []
    for word in _WHITE_SPACES.sub(" ", fold(text)).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            offset = 0
            found.append(padded[:n])
            while offset + n < size:
                offset += 1
                found.append(padded[offset:offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return found
