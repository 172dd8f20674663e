"""Messages that are not a young person asking about their own or someone's need: wanting to volunteer or give,
research for an assignment or an article, a landlord or an employer, a job at the municipality, a place abroad, or
what Husly is.

Answered with the topic their words share ("I was homeless two years ago, now I want to volunteer at a shelter" got
the shelters topic as if the writer needed one), such a message gets a confident wrong answer. It gets a short reply
saying what Husly is for and where to look instead (bot/conversation/talk.py `not_for_me_reply`), and the menu.

A part of the same message that says a need of the writer's or of someone close keeps the message a question ("I
want to volunteer, but I'm sleeping on a friend's couch myself"): bot/answering.py answers it as before. The phrases
are data (bot/data/not_for_me.yaml).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.reading import read
from knowledge import yamlfile
from knowledge.normalise import fold

DATA = Path(__file__).resolve().parent / "data" / "not_for_me.yaml"
# In the order they are told apart: a landlord who asks what Husly is asks as a landlord.
KINDS = ("landlord", "job", "research", "give", "about")
# The kinds whose words may make triage see a crisis that is someone else's, in general ("donate a sleeping bag to
# young people without a home", "a spare room for a young person with nowhere to live"): the writer is no one in it.
OTHERS_NEED = frozenset({"landlord", "job", "research", "give"})
# Where a message is cut into parts that may say different things ("..., men jeg sover selv hos en ven").
_PARTS = re.compile(r"[.!?;,\n]+|\s(?:men|but|however|dog|samtidig|meanwhile|plus)\s", re.IGNORECASE)


@dataclass(frozen=True)
class NotForMe:
    """What a message is (one of KINDS, or "abroad"), the place abroad it names, and the parts of it that say
    something else (their text as written, one sentence each, to be read for a need)."""

    kind: str
    place: str | None = None
    rest: str = ""


@dataclass(frozen=True)
class _Data:
    kinds: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    host: tuple[tuple[str, ...], ...]
    host_with: tuple[tuple[str, ...], ...]
    context: dict[str, frozenset[str]]
    abroad: dict[str, str]
    before: frozenset[str]
    past: tuple[tuple[str, ...], ...]
    personal: frozenset[str]


@cache
def _data(path: Path = DATA) -> _Data:
    raw = yamlfile.parse(path.read_text(encoding="utf-8"))

    def phrases(items: list[object]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(fold(str(p)).split()) for p in items)

    said = {kind: raw["kinds"][kind] + (raw["about_who"] if kind == "about" else []) for kind in KINDS}
    return _Data(
        kinds=tuple((kind, phrases(said[kind])) for kind in KINDS),
        host=phrases(raw["host"]),
        host_with=phrases(raw["host_with"]),
        context={kind: frozenset(fold(" ".join(map(str, words))).split()) for kind, words in raw["context"].items()},
        abroad={fold(str(k)): str(v) for k, v in raw["abroad"].items()},
        before=frozenset(fold(" ".join(map(str, raw["abroad_before"]))).split()),
        past=phrases(raw["past"]),
        personal=frozenset(fold(" ".join(map(str, raw["personal"]))).split()),
    )


def _has(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1))


def _kind(words: list[str]) -> str | None:
    data = _data()
    kind = next((kind for kind, phrases in data.kinds if _has(words, phrases)), None)
    if kind is None and _has(words, data.host) and _has(words, data.host_with):
        return "give"  # a spare room offered to someone homeless
    return kind


def place_abroad(words: list[str]) -> str | None:
    """A place outside Denmark the folded words ask about ("i Sverige", "in Berlin"), as it is shown, or None.
    "from Poland" is where someone comes from, and Denmark named too ("Danmark") makes the question a Danish one."""
    data = _data()
    if "danmark" in words or "denmark" in words:
        return None
    for before, word in itertools.pairwise(words):
        if word in data.abroad and before in data.before:
            return data.abroad[word]
    return None


def not_for_me(text: str) -> NotForMe | None:
    """What ``text`` is if it is not a young person's own or someone's need (see the module), or None."""
    said = [p.strip() for p in _PARTS.split(text) if fold(p).split()]
    parts = [fold(p).split() for p in said]
    kinds = [_kind(p) for p in parts]
    data = _data()
    if not any(kinds) and _has(everything := [w for p in parts for w in p], data.host) \
            and _has(everything, data.host_with):
        # A spare room offered, and someone homeless in another part ("a spare bedroom, could a young person
        # without a home use it?"): both parts are the offer.
        kinds = ["give" if _has(p, data.host) or _has(p, data.host_with) else None for p in parts]
    kind = next((k for k in kinds if k), None)
    place = place_abroad([w for p in parts for w in p]) if kind is None else None
    if kind is None and place is None:
        return None
    context = data.context.get(kind or "", frozenset())
    rest = [original for original, p, k in zip(said, parts, kinds, strict=True)
            if k is None and not (context & set(p)) and (place is None or not place_abroad(p))]
    return NotForMe(kind or "abroad", place, ". ".join(rest))


def said_as_over(rest: str) -> bool:
    """Whether the rest of a message (its parts without the matter above) is nothing, or said as over ("two years
    ago", "dengang")."""
    words = fold(rest).split()
    return not words or _has(words, _data().past)


def says_a_need_of_its_own(rest: str, *, english: bool) -> bool:
    """Whether the rest of a message (its parts without the matter above) is about a person now: the writer or
    someone close ("jeg sover selv hos en ven", "my sister is homeless"), not said as over ("two years ago")."""
    if said_as_over(rest):
        return False
    data = _data()
    personal = data.personal if english else data.personal - {"i"}
    return bool(personal & set(fold(rest).split()))


def not_a_housing_search(text: str) -> bool:
    """Whether a message that reads like a housing search is no young person's own ("as a landlord, can I list my
    flat?", "bolig i Oslo"): it gets the reply of bot/answering.py, not the listings."""
    other = not_for_me(text)
    return other is not None and not read(text).long and not says_a_need_of_its_own(other.rest, english=True)
