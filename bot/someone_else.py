"""Who a message is about: the writer, or someone else they ask for.

Parents, friends, teachers and professionals write about a young person: "Min søn på 19 skal flytte hjemmefra",
"My best friend is sleeping outside tonight". They need an answer for their situation (what the young person
can do, what they can do, who to call), and a case must not be opened in their name without asking.

Read from the words (bot/data/someone_else.yaml): the writer says so ("asking for a friend", "how can I help
her"), says their role ("jeg er pædagog"), or a sentence starts with someone close as its subject ("Min søn
er ...") and the message speaks more of them (han/hun, he/she) than of the writer as the one in trouble, or
never of the writer at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.reading import ADULT_AGE, Reading, ages_said
from knowledge import yamlfile
from knowledge.lexicon import detect_language
from knowledge.normalise import fold

DATA = Path(__file__).resolve().parent / "data" / "someone_else.yaml"
_THIRD = frozenset(("han", "hun", "ham", "hende", "hans", "hendes", "he", "she", "him", "her", "his", "hers",
                    "they", "them", "their"))
# "they" is mostly a group around the writer, parents above all ("I live with my parents and they ..."), seldom the
# one young person asked for: half a mention (Danish "de"/"dem" are not counted at all).
_GROUP = frozenset(("they", "them", "their"))
# The writer in any role ("min bror slår mig": the writer is the one it happens to).
_WRITER = frozenset(("jeg", "mig", "i", "me", "myself", "mig selv"))
# The writer as one of a group.
_WE = frozenset(("we", "us", "vi", "os"))
_CLOSE = frozenset(fold(w) for w in (
    "søn", "datter", "barn", "ven", "veninde", "kammerat", "bror", "søster", "lillebror", "lillesøster", "storebror",
    "storesøster", "elev", "kusine", "fætter", "son", "daughter", "child", "kid", "friend", "frend", "brother",
    "sister", "student", "cousin", "nephew", "niece", "mate", "stepson", "stepdaughter", "bestfriend", "bestie", "bff",
    # worry30: a grandparent writing ("my grandson is 20 and ...").
    "barnebarn", "grandson", "granddaughter", "grandchild"))
# "whose adult daughter", "their child": someone else's close one, whom a professional writes about.
# "ens voksne barn" (one's grown child, worry30): a parent asking in general.
_POSSESSIVE = frozenset(("min", "mit", "vores", "en", "ens", "my", "our", "a", "whose", "their"))
# "one of my closest friends": a friend said in the plural, one of them meant.
_ONE_OF = ("one", "of")
# Words that may stand before the subject at the start of a sentence ("Hej, min søn ...", "So my friend ...").
_LEAD_IN = frozenset(("hej", "hi", "hello", "so", "saa", "men", "but", "og", "and", "well", "ok", "okay"))


@dataclass(frozen=True)
class _Phrases:
    asking_for: tuple[tuple[str, ...], ...]
    roles: tuple[tuple[str, ...], ...]
    parent_roles: tuple[tuple[str, ...], ...]
    people: tuple[tuple[str, ...], ...]
    professionals: tuple[tuple[str, ...], ...]
    helping: tuple[tuple[str, ...], ...]
    told: tuple[tuple[str, ...], ...]
    known: tuple[tuple[str, ...], ...]
    their_need: tuple[tuple[str, ...], ...]
    worrying: tuple[tuple[str, ...], ...]


@cache
def _phrases(path: Path = DATA) -> _Phrases:
    raw = yamlfile.parse(path.read_text(encoding="utf-8"))

    def parse(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(fold(p).split()) for p in raw[key])
    return _Phrases(parse("asking_for"), parse("roles"), parse("parent_roles"), parse("people"), parse("professionals"),
                    parse("helping"), parse("told"), parse("known"), parse("their_need"),
                    parse("worrying"))


def for_someone_else(reading: Reading) -> bool:
    """True when the message asks for someone else rather than for the writer."""
    phrases = _phrases()
    words = fold(reading.body).split()
    if _contains(words, phrases.asking_for) or _contains(words, phrases.roles):
        return True
    # Danish "i" is "in" ("i nat"): only in English is it the writer.
    english = detect_language(words, reading.body) == "en"
    if _contains(words, phrases.their_need) and not any(
            (w in _WRITER or w in _WE) and (english or w != "i")
            for w in _without(words, phrases.helping + phrases.told)):
        # "she has nowhere to go", a helper's second message: someone else's need, and the writer not in it (nor in
        # a "we": "they have nowhere to go and neither do we").
        return True
    subject = any(_starts_with(fold(sentence).split(), phrases.people) for sentence in reading.sentences)
    close = _someone_close(words) or _contains(words, phrases.known)
    if _contains(words, phrases.parent_roles) and (subject or close):
        return True
    if not (subject or close):
        return False
    third = sum(0.5 if w in _GROUP else 1.0 for w in words if w in _THIRD)
    # "I'm worried my daughter will end up homeless" (worry30): the writer who worries about someone is not the one
    # in trouble; the writer said anywhere else still counts ("I'm worried my landlord will kick me out").
    worried = _without(words, phrases.worrying)
    # The writer as the one it happens to counts too ("han svor, at han ville finde mig og skære mig op").
    first = sum(w in _WRITER and (english or w != "i") for w in worried)
    # "Min ven sover ude i nat, hvad kan jeg gøre?": the writer in a helper's question is the one who helps.
    # "Min veninde fortalte mig ...": the writer who was told is not the one it happens to either.
    in_trouble = _without(worried, phrases.helping + phrases.told) if subject else worried
    if subject and not any(w in _WRITER and (english or w != "i") for w in in_trouble):
        # "Min søn på 17 er smidt ud og sover udenfor i nat, hvad gør vi?": no pronoun for him, and the writer
        # never the one it happens to.
        return True
    return third > first * (1 if subject else 1.5)


def by_professional(reading: Reading) -> bool:
    """True when the writer works with the young person (a teacher, an educator, a social worker) and does not
    name them as 18 or older: such a writer must notify the municipality ("jeg er lærer", "one of my students")."""
    words = fold(reading.body).split()
    return (_contains(words, _phrases().professionals)
            and not any(age >= ADULT_AGE for age in ages_said(reading.body, of_writer=False)))


def _someone_close(words: list[str]) -> bool:
    """ "my 15 year old daughter", "a friend of mine", "vores dejlige søn": someone close named anywhere."""
    return any((word in _CLOSE or (word in _CLOSE_PLURAL and _follows(words[max(0, i - 4) : i], _ONE_OF)))
               and any(w in _POSSESSIVE for w in words[max(0, i - 4) : i])
               and words[i + 1 : i + 2] != ["s"]  # "my friend's boyfriends": about the boyfriends
               for i, word in enumerate(words))


_CLOSE_PLURAL = frozenset(("friends", "mates", "venner", "veninder", "students", "elever"))


def _follows(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` stands somewhere in ``words``."""
    return any(tuple(words[i : i + len(phrase)]) == phrase for i in range(len(words) - len(phrase) + 1))


def _padded(words: list[str] | tuple[str, ...]) -> str:
    """Words joined with a space on each side, so that a phrase matches whole words only."""
    return " " + " ".join(words) + " "


def _without(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    """``words`` with every occurrence of ``phrases`` taken out."""
    text = _padded(words)
    for phrase in phrases:
        text = text.replace(_padded(phrase), " ")
    return text.split()


def _contains(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    text = _padded(words)
    return any(_padded(p) in text for p in phrases)


def _starts_with(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    while words and words[0] in _LEAD_IN:
        words = words[1:]
    return any(tuple(words[: len(p)]) == p for p in phrases)

