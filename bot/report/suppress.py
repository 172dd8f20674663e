"""Small counts are never shown, and cannot be worked out from the numbers that are.

Every count in the report is a cell; cells that add up to another shown cell are tied by a relation
(parent = sum of children: a row total, a column total, the grand total). A count from 1 to 4 is hidden and
shown as ``SMALL`` ("<5"). Then, until nothing changes, every relation with exactly one hidden member gets a
second one hidden (the smallest non-zero child, else the parent), shown as ``HIDDEN`` ("x"): with two unknowns
in every sum, no hidden count can be computed from a total. This is the usual rule of statistics offices
for tables with margins (primary and secondary cell suppression). Zero is shown: nobody can be found in it.

The second cell is chosen to hide as little as possible: first one that also settles other sums with a
single hidden cell and opens no new ones (fx the row total whose only other cell is already hidden), then
the smallest. Without that, hiding spreads through linked tables and takes large totals with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SMALL = "<5"
HIDDEN = "x"
SMALLEST_SHOWN = 5

Shown = int | str
# A cell: a tuple naming what is counted, fx ("q", "mo", "aarhus", "answered").
Key = tuple[Any, ...]


@dataclass
class Cells:
    values: dict[Key, int] = field(default_factory=dict)
    relations: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)
    small: set[Key] = field(default_factory=set)
    hidden: set[Key] = field(default_factory=set)
    solved: bool = False
    _member_of: dict[Key, list[int]] = field(default_factory=dict)

    def add(self, key: Key, value: int) -> Key:
        """Register a count (the same key may be added again with the same value)."""
        if key in self.values and self.values[key] != value:
            raise ValueError(f"cell {key!r} added with two values: {self.values[key]} and {value}")
        self.values[key] = int(value)
        self.solved = False
        return key

    def relate(self, parent: Key, children: Iterable[Key]) -> None:
        """``parent`` = sum of ``children``, all of them shown somewhere in the report."""
        kids = tuple(children)
        missing = [k for k in (parent, *kids) if k not in self.values]
        if missing:
            raise KeyError(f"relation over unknown cells: {missing!r}")
        if sum(self.values[k] for k in kids) != self.values[parent]:
            raise ValueError(f"cells do not add up: {parent!r} = {self.values[parent]}, "
                             f"children sum to {sum(self.values[k] for k in kids)}")
        self.relations.append((parent, kids))
        self.solved = False

    def solve(self) -> None:
        self.small = {k for k, v in self.values.items() if 0 < v < SMALLEST_SHOWN}
        self.hidden = set(self.small)
        self._member_of = {}
        for index, (parent, kids) in enumerate(self.relations):
            for member in (parent, *kids):
                self._member_of.setdefault(member, []).append(index)
        changed = True
        while changed:
            changed = False
            for parent, kids in self.relations:
                members = (parent, *kids)
                if sum(m in self.hidden for m in members) != 1:
                    continue
                candidate = self._second(parent, kids)
                if candidate is not None:
                    self.hidden.add(candidate)
                    changed = True
        self.solved = True

    def _second(self, parent: Key, kids: tuple[Key, ...]) -> Key | None:
        candidates = [k for k in kids if k not in self.hidden and self.values[k] > 0]
        if not candidates and parent not in self.hidden:
            candidates = [parent]
        if not candidates:
            return None
        return min(candidates, key=lambda k: (self._knock_on(k), self.values[k], str(k)))

    def _knock_on(self, key: Key) -> int:
        """Sums that hiding ``key`` would leave with one hidden cell, less those it would settle."""
        balance = 0
        for index in self._member_of.get(key, ()):
            parent, kids = self.relations[index]
            already = sum(m in self.hidden for m in (parent, *kids))
            balance += 1 if already == 0 else -1 if already == 1 else 0
        return balance

    def show(self, key: Key) -> Shown:
        """The count as the report prints it: the number, "<5" or "x"."""
        if not self.solved:
            self.solve()
        if key in self.small:
            return SMALL
        if key in self.hidden:
            return HIDDEN
        return self.values[key]

    def visible(self, key: Key) -> bool:
        return isinstance(self.show(key), int)


def share(part: Shown, whole: Shown) -> float | None:
    """``part`` / ``whole`` when both are shown and the whole is not zero (a share of a hidden count would
    give the count away)."""
    if isinstance(part, int) and isinstance(whole, int) and whole > 0:
        return part / whole
    return None
