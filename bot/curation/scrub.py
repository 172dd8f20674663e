"""Remove personal details from a question before curators see it: phone numbers, e-mail addresses, CPR
numbers, other long numbers, links, addresses and names, each replaced by a marker like ``[TELEFON]``.

Why this mix (docs/privacy.md has the measurements): phone numbers are found with ``phonenumbers`` (Google's
libphonenumber, maintained, knows Danish numbering); e-mail, CPR and address shapes are regular enough for
patterns; names come from Faker's Danish first-name and surname lists (maintained, after Danmarks Statistik)
plus bot/curation/data/names.yaml, and from where a name is expected ("jeg hedder ...", "min kæreste ...").
NER models (Presidio, spaCy, DaCy) would need model files that are not on the package registries and cost
hundreds of MB and tens of ms per message for little gain on short, lower-case chat questions.

Scrubbing errs towards removing: a curator loses a word now and then; a young person's number never leaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge import yamlfile
from knowledge.lexicon import lexicon
from knowledge.normalise import fold

PHONE, EMAIL, CPR, NUMBER, LINK, ADDRESS, NAME = (
    "[TELEFON]", "[EMAIL]", "[CPR]", "[NUMMER]", "[LINK]", "[ADRESSE]", "[NAVN]")
MARKERS = (PHONE, EMAIL, CPR, NUMBER, LINK, ADDRESS, NAME)
NAMES_FILE = Path(__file__).resolve().parent / "data" / "names.yaml"
# Faker's da_DK lists, copied by scripts/danish_names.py (importing Faker itself cost the running bot 13 MB).
FAKER_NAMES_FILE = Path(__file__).resolve().parent / "data" / "faker_da_names.yaml"

_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\(snabel-?a\))\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\(punktum\))\s*[\w-]+)+",
    re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:dk|com|net|org|io|me)/\S*", re.IGNORECASE)
# Six digits (a birth date), optionally a dash, four digits: also catches CPR numbers with a wrong check digit.
_CPR = re.compile(r"(?<!\d)\d{6}\s?[-–]?\s?\d{4}(?!\d)")
# A run of digits with spaces, dots or dashes between groups; eight or more digits in all is never an amount
# a young person writes, but it is a phone, account or case number.
_DIGIT_RUN = re.compile(r"(?<![\w])\+?\d[\d \-./]{5,}\d(?![\w])")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{3,}")
_STREET_WORDS = (
    "vej", "vejen", "gade", "gaden", "stræde", "straede", "allé", "alle", "vænge", "vænget", "plads", "pladsen",
    "boulevard", "torv", "torvet", "sti", "stien", "bakke", "bakken", "parken", "park", "have", "haven", "toft",
    "toften", "vang", "vangen", "løkke", "lokke", "ager", "engen", "kvarter", "passage", "kaj", "kajen", "brink",
    "høj", "hoej", "street", "road", "avenue")
_STREET_SUFFIX = "(?:" + "|".join(_STREET_WORDS) + ")"
_BARE_STREET_WORDS = frozenset(fold(w) for w in _STREET_WORDS)
# A street word and a house number ("Nørrebrogade 12, 2. th", "gade 4B"), not an amount or a duration.
_STREET = re.compile(
    r"(?P<street>\b(?:[^\W\d_][\w.-]*?)?" + _STREET_SUFFIX + r")\s+\d{1,4}(?:[a-z]\b|\s(?-i:[A-Z])\b)?"
    r"(?:,?\s*(?:st|kl|\d{1,2})\.?\s*(?:th|tv|mf|sal)?\b\.?)?"
    r"(?!\s*(?:kr\b|kroner|dkk|dag|uge|måned|mdr|år|time|min|m2|m²|km|%|procent|gang))",
    re.IGNORECASE)
_ENGLISH_STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way)\b\.?")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.-]*)\s+$")
# "8000 Aarhus C", "2630 Taastrup": a four-digit postcode and a place name.
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s+[A-ZÆØÅ][a-zæøå]+(?:\s+[A-ZÆØ](?![a-zæøå]))?")
_TOKEN = re.compile(r"\[[A-Z]+\]|[^\W\d_][\w'’-]*", re.UNICODE)

# Words after which a name follows ("jeg hedder Sofie", "my name is Sofie", "mvh Sofie").
_NAME_AFTER = {("navn", "er"), ("navnet", "er"), ("name", "is"), ("names",), ("kalder", "mig"), ("call", "me"),
               ("mvh",), ("hilsen",), ("kh",), ("regards",), ("cheers",)}
# "hedder" names someone only after a person ("jeg hedder", "en ven der hedder"), not in "hvad hedder det".
_WHO_IS_CALLED = frozenset({"jeg", "du", "han", "hun", "vi", "de", "der", "som", "og", "hedder"})
# "Navn: Sofie Hansen", "name: Sofie"
_NAME_LABEL = re.compile(r"\b(navn|name)\s*:\s*", re.IGNORECASE)
# People a young person names ("min kæreste Ahmed", "my landlord John").
_RELATIONS = frozenset(fold(w) for w in (
    "mor", "far", "bror", "søster", "søs", "kæreste", "kæresten", "ven", "veninde", "kammerat", "udlejer",
    "udlejeren", "sagsbehandler", "sagsbehandleren", "stedfar", "stedmor", "onkel", "moster", "faster",
    "farbror", "morbror", "fætter", "kusine", "mormor", "morfar", "farmor", "farfar", "ex", "eks", "søn", "datter",
    "mom", "mum", "dad", "brother", "sister", "boyfriend", "girlfriend", "friend", "landlord", "caseworker",
    "stepdad", "stepmom", "uncle", "aunt", "cousin", "son", "daughter", "partner"))
_SELF = {("jeg", "er"), ("i", "am"), ("im",), ("i", "m")}


@dataclass(frozen=True)
class Names:
    first: frozenset[str]
    surnames: frozenset[str]
    ordinary: frozenset[str]
    function_words: frozenset[str]


@cache
def names() -> Names:
    """Faker's Danish name lists and ours, folded (loaded on first use: not needed at start-up)."""
    faker = yamlfile.parse(FAKER_NAMES_FILE.read_text(encoding="utf-8"))
    extra = yamlfile.parse(NAMES_FILE.read_text(encoding="utf-8"))
    first = {fold(n) for n in (*faker["first_names"], *extra["extra_first_names"])}
    surnames = {fold(n) for n in (*faker["surnames"], *extra["extra_surnames"])}
    words = lexicon().function_words
    return Names(frozenset(first), frozenset(surnames), frozenset(fold(w) for w in extra["ordinary_words"]),
                 frozenset(words["da"] | words["en"]))


def scrub(text: str) -> str:
    """The text with personal details replaced by markers; whitespace is tidied, nothing else changes."""
    text = " ".join(text.split())
    text = _EMAIL.sub(EMAIL, text)
    text = _LINK.sub(LINK, text)
    text = _CPR.sub(CPR, text)
    text = _phones(text)
    text = _DIGIT_RUN.sub(_long_number, text)
    text = _streets(text)
    text = _ENGLISH_STREET.sub(ADDRESS, text)
    text = _POSTCODE.sub(ADDRESS, text)
    text = _HANDLE.sub(NAME, text)
    return _names(text)


def _phones(text: str) -> str:
    import phonenumbers

    found = list(phonenumbers.PhoneNumberMatcher(text, "DK", leniency=phonenumbers.Leniency.POSSIBLE))
    for match in reversed(found):
        text = text[:match.start] + PHONE + text[match.end:]
    return text


def _streets(text: str) -> str:
    """Replace street addresses, with the words of the street's name before the street word."""
    function_words = names().function_words
    out, last = [], 0
    for match in _STREET.finditer(text):
        start = match.start()
        bare = fold(match["street"]) in _BARE_STREET_WORDS
        # "Hans Broges Gade 4", "Østre Allé 3": capitalised words before belong to the name; before a bare
        # street word ("broges gade 4") one more word does, written any way.
        for taken in range(3):
            before = _WORD_BEFORE.search(text, last, start)
            if before is None:
                break
            word = before.group(1)
            if fold(word) in function_words or not (word[:1].isupper() or (bare and taken == 0)):
                break
            start = before.start()
        if bare and start == match.start():
            continue  # "på vej 2 steder hen": a street word alone is no address
        out += [text[last:start], ADDRESS]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _long_number(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return NUMBER if digits >= 8 else match.group()


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _names(text: str) -> str:
    """Replace names, word by word; a run of names ("Sofie Marie Hansen") becomes one marker."""
    known = names()
    tokens = list(_TOKEN.finditer(text))
    folded = [fold(t.group()) for t in tokens]
    is_name = [False] * len(tokens)
    for i, token in enumerate(tokens):
        word, key = token.group(), folded[i]
        if word.startswith("[") or not key:
            continue
        sentence_start = i == 0 or bool(re.search(r"[.!?:]\s*$", text[tokens[i - 1].end():token.start()]))
        expected = _name_expected(folded, i, text, token.start())
        if expected and key not in known.function_words:
            is_name[i] = True
        elif key in known.first or key in known.surnames:
            ordinary = key in known.ordinary or key in known.function_words
            if _is_capitalised(word) and not sentence_start:
                is_name[i] = True
            elif _after_relation(folded, i) or _after_self(folded, i):
                is_name[i] = not (ordinary and not _is_capitalised(word))
            elif not ordinary and key in known.first:
                is_name[i] = True
        # A surname after a first name: "Sofie Kjærsgaard", "mikkel hansen".
        if not is_name[i] and i > 0 and is_name[i - 1] and key not in known.function_words and (
                _is_capitalised(word) or key in known.surnames or key.endswith("sen")):
            is_name[i] = True
    return _replace_runs(text, tokens, is_name)


def _name_expected(folded: list[str], i: int, text: str, start: int) -> bool:
    """Right after "jeg hedder", "my name is", "Navn:", "mvh" and the like."""
    if any(tuple(folded[max(0, i - size):i]) in _NAME_AFTER for size in (1, 2) if i >= size):
        return True
    if i >= 2 and folded[i - 1] == "hedder" and (folded[i - 2] in _WHO_IS_CALLED or folded[i - 2] in _RELATIONS):
        return True
    label = _NAME_LABEL.search(text, max(0, start - 8), start)
    return label is not None and label.end() == start


def _after_relation(folded: list[str], i: int) -> bool:
    return i > 0 and folded[i - 1] in _RELATIONS


def _after_self(folded: list[str], i: int) -> bool:
    return any(tuple(folded[max(0, i - size):i]) in _SELF for size in (1, 2))


def _replace_runs(text: str, tokens: list[re.Match[str]], is_name: list[bool]) -> str:
    parts, last, i = [], 0, 0
    while i < len(tokens):
        if not is_name[i]:
            i += 1
            continue
        start = tokens[i].start()
        while i + 1 < len(tokens) and is_name[i + 1] and not text[tokens[i].end():tokens[i + 1].start()].strip(" -"):
            i += 1
        parts += [text[last:start], NAME]
        last = tokens[i].end()
        i += 1
    parts.append(text[last:])
    return "".join(parts)


def without_markers(text: str) -> str:
    """The text with the markers taken out (for an example phrasing in the knowledge base)."""
    for marker in MARKERS:
        text = text.replace(marker, " ")
    return " ".join(text.split()).strip(" ,.;:")
