"""Word lists kept as data (knowledge/lexicon/*.yaml): synonyms and slang, municipality names, function words.

Also the two detections that use them: which language a message is in and which municipality it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from knowledge import yamlfile
from knowledge.normalise import fold, joined_contractions

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
Lang = Literal["da", "en"]


def as_lang(code: str) -> Lang:
    """A language code Husly keeps ("da" or "en", see bot.i18n.normalise_lang) as ``Lang``; Danish by default."""
    return "en" if code == "en" else "da"


# How close (rapidfuzz ratio) a one-word alias is to its municipality's slug to count as a spelling of the name
# itself ("copenhagen" 60, "taastrup" 76), not a town or district in it ("malling" 15, "sydhavn" 47).
OWN_NAME_SIMILARITY = 55


@dataclass(frozen=True)
class Lexicon:
    synonyms: dict[tuple[str, ...], tuple[str, ...]]
    municipality_aliases: dict[tuple[str, ...], str]
    function_words: dict[str, frozenset[str]]
    # The municipalities Husly does not cover, folded name -> name as written; ambiguous ones need "kommune".
    other_places: dict[tuple[str, ...], str]
    other_places_with_kommune: dict[tuple[str, ...], str]
    # Idioms (idioms.yaml): phrases whose words mean something else than the knowledge base's same words.
    idioms: frozenset[tuple[str, ...]] = frozenset()
    # Requests to be told (idioms.yaml "requests": "fortæl mig om", "tell me about"): left out of a question.
    requests: frozenset[tuple[str, ...]] = frozenset()
    # The idioms of breaking up (idioms.yaml "breakups"; among ``idioms`` too).
    breakups: frozenset[tuple[str, ...]] = frozenset()
    # Words that tell the language of a very short message (short_language.yaml).
    short_words: dict[str, frozenset[str]] | None = None
    # More words that tell the language of a whole message (language_clear.yaml), for ``clear_language`` only.
    clear_words: dict[str, frozenset[str]] | None = None
    # Words spelt the same in Danish and English with different meanings (homographs.yaml), read in the message's
    # language by retrieval.
    homographs: frozenset[str] = frozenset()
    # Of those, the ones that in one language name no topic on their own (homographs.yaml "plain").
    plain_words: dict[str, frozenset[str]] | None = None
    # Everyday words that weigh little in retrieval (light.yaml: "ny", "new"), and the words for a home after which
    # they weigh as any word ("ny bolig").
    light_words: dict[str, str] | None = None  # word -> the light term it is read as ("nye" -> "ny")
    homes: frozenset[str] = frozenset()
    # Adverbs that may stand inside a phrase of ``synonyms`` without breaking it (inner.yaml: "ikke længere råd").
    inner_words: frozenset[str] = frozenset()

    @cached_property
    def longest_alias(self) -> int:
        return max(len(alias) for alias in self.municipality_aliases)

    @cached_property
    def longest_synonym(self) -> int:
        """Words in the longest phrase of synonyms.yaml ("ikke kan klare mere": four)."""
        return max((len(phrase) for phrase in self.synonyms), default=1)

    @cached_property
    def long_one_word_aliases(self) -> dict[str, str]:
        """Single-word aliases long enough to match with a typo ("Roksilde"), word -> slug.

        Only the municipalities' own names and their spellings ("Kjøbenhavn", "Copenhagen", "Taastrup"): a town or
        district's name is often one letter from an everyday word, and "maling" (paint), "calling" and "falling"
        were read as Malling, "loading" as Lading, so a question about paint when moving out got Aarhus's local
        answer. Towns and districts still match written as they are.
        """
        return {alias[0]: slug for alias, slug in self.municipality_aliases.items()
                if len(alias) == 1 and len(alias[0]) >= 6
                and fuzz.ratio(alias[0], slug.replace("-", "")) >= OWN_NAME_SIMILARITY}


def _read(name: str) -> dict:
    return yamlfile.parse((LEXICON_DIR / name).read_text(encoding="utf-8"))


def _phrases(items: list[object]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(joined_contractions(fold(str(p)).split())) for p in items)


@cache
def lexicon() -> Lexicon:
    """Read the lexicon files once; they are bundled data, not user input."""
    # Synonyms and idioms are read by retrieval, which joins English contractions ("can't" as "cant").
    synonyms = {tuple(joined_contractions(fold(k).split())): tuple(joined_contractions(fold(str(v)).split()))
                for k, v in _read("synonyms.yaml").items()}
    aliases = {
        tuple(fold(alias).split()): slug
        for slug, names in _read("municipalities.yaml").items()
        for alias in names
    }
    words = {lang: frozenset(fold(" ".join(ws)).split()) for lang, ws in _read("language.yaml").items()}
    others = _read("other_municipalities.yaml")
    homographs = _read("homographs.yaml")
    idioms = _read("idioms.yaml")
    light = _read("light.yaml")
    return Lexicon(synonyms=synonyms, municipality_aliases=aliases, function_words=words,
                   other_places={tuple(fold(name).split()): name for name in others["names"]},
                   other_places_with_kommune={tuple(fold(name).split()): name for name in others["ambiguous"]},
                   idioms=_phrases(idioms["phrases"]) | _phrases(idioms["breakups"]),
                   breakups=_phrases(idioms["breakups"]),
                   requests=_phrases(idioms["requests"]),
                   short_words={lang: frozenset(fold(" ".join(ws)).split())
                                for lang, ws in _read("short_language.yaml").items()},
                   clear_words={lang: frozenset(fold(" ".join(ws)).split()) | words[lang]
                                for lang, ws in _read("language_clear.yaml").items()},
                   homographs=frozenset(fold(" ".join(homographs["words"])).split()),
                   plain_words={lang: frozenset(fold(" ".join(ws)).split())
                                for lang, ws in homographs["plain"].items()},
                   light_words={fold(word): fold(key) for key, words in light["words"].items() for word in words},
                   homes=frozenset(fold(" ".join(light["homes"])).split()),
                   inner_words=frozenset(fold(" ".join(_read("inner.yaml")["words"])).split()))


def detect_language(tokens: list[str], raw: str = "") -> Lang:
    """Guess da or en: the language the text is clearly written in (``clear_language``), else the function words'
    count; Danish letters decide a tie; Danish is the default.

    The count alone read "i was raped last night" and "been homeless for 2 weeks" as Danish ("i" is Danish too, and
    "was" no function word), so triage missed what only English phrases name."""
    clear = clear_language(raw or " ".join(tokens))
    if clear is not None:
        return clear
    words = lexicon().function_words
    da = sum(t in words["da"] for t in tokens) + 2 * sum(ch in "æøåÆØÅ" for ch in raw)
    en = sum(t in words["en"] for t in tokens)
    return "en" if en > da else "da"


def clear_language(text: str) -> Lang | None:
    """The language ``text`` is clearly written in, or None when it is too short or mixed to tell.

    Clear: at least two signs (function words and the words of language_clear.yaml; Danish letters count double)
    and at least twice as many, plus one, as the other language has. A word of both languages ("i", "for") is
    no sign. "I sleep on the street tonight" is English; "ok", "SU?" and "kbh" are neither, and the person's
    chosen language is kept.
    """
    # "haven't" folds to "haven t": read as "havent" (English), not "haven" (Danish, the garden).
    tokens = joined_contractions(fold(text).split())
    words = lexicon().clear_words or lexicon().function_words
    both = words["da"] & words["en"]
    da = sum(t in words["da"] and t not in both for t in tokens) + 2 * sum(ch in "æøåÆØÅ" for ch in text)
    en = sum(t in words["en"] and t not in both for t in tokens)
    if max(da, en) < 2:
        return None
    if en >= 2 * da + 1:
        return "en"
    if da >= 2 * en + 1:
        return "da"
    return None


# A message of at most this many words is short: one word may tell its language ("anyone??").
SHORT_WORDS = 4


def short_language(text: str) -> Lang | None:
    """The language of a very short message that ``clear_language`` cannot tell ("anyone??", "hello?", "tak").

    Only words of one language and none of the other count (short_language.yaml): "ok", "sorry", "👍" and
    "kbh" tell nothing. Weaker than ``clear_language``: the chat follows it only until the person writes clearly.
    """
    tokens = fold(text).split()
    if not tokens or len(tokens) > SHORT_WORDS:
        return None
    words = lexicon().short_words or {}
    da = sum(t in words.get("da", ()) for t in tokens) + sum(ch in "æøåÆØÅ" for ch in text)
    en = sum(t in words.get("en", ()) for t in tokens)
    if en and not da:
        return "en"
    if da and not en:
        return "da"
    return None


def other_place(tokens: list[str]) -> str | None:
    """A municipality (or town) outside the six that the folded tokens name, as written ("Odense"), or None."""
    known = lexicon()
    for start in range(len(tokens)):
        for size in (3, 2, 1):
            key = tuple(tokens[start : start + size])
            if len(key) < size:
                continue
            if key in known.other_places:
                return known.other_places[key]
            if key in known.other_places_with_kommune and tokens[start + size : start + size + 1] == ["kommune"]:
                return known.other_places_with_kommune[key]
    return None


def detect_municipality(tokens: list[str]) -> str | None:
    """Find one of the six municipality slugs named in the folded tokens ("kbh", "i århus", "Høje Taastrup").

    Multi-word aliases must match in sequence; long single words also match with one typo ("Roskilde" as
    "Roksilde"). The first municipality named wins.
    """
    known = lexicon()
    aliases, fuzzy = known.municipality_aliases, known.long_one_word_aliases
    for start in range(len(tokens)):
        for size in range(min(known.longest_alias, len(tokens) - start), 0, -1):
            slug = aliases.get(tuple(tokens[start : start + size]))
            if slug:
                return slug
        token = tokens[start]
        if len(token) >= 6:
            match = process.extractOne(token, fuzzy.keys(), scorer=fuzz.ratio, score_cutoff=85)
            if match:
                return fuzzy[match[0]]
    return None
