"""Small counts: 1-4 is shown as "<5", and no hidden count can be computed from the totals shown."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.report.suppress import HIDDEN, SMALL, Cells, share


def table(grid: list[list[int]]) -> Cells:
    """A table with row totals, column totals and a grand total, as the report prints them."""
    cells = Cells()
    rows, cols = len(grid), len(grid[0])
    for r, c in itertools.product(range(rows), range(cols)):
        cells.add(("cell", r, c), grid[r][c])
    for r in range(rows):
        cells.relate(cells.add(("row", r), sum(grid[r])), [("cell", r, c) for c in range(cols)])
    for c in range(cols):
        cells.relate(cells.add(("col", c), sum(grid[r][c] for r in range(rows))), [("cell", r, c) for r in range(rows)])
    total = cells.add(("total",), sum(map(sum, grid)))
    cells.relate(total, [("row", r) for r in range(rows)])
    cells.relate(total, [("col", c) for c in range(cols)])
    return cells


def solvable(cells: Cells, key: object) -> bool:
    """Can a hidden cell be worked out exactly from one sum whose other members are all shown?"""
    for parent, kids in cells.relations:
        members = (parent, *kids)
        if key in members and [m for m in members if not cells.visible(m)] == [key]:
            return True
    return False


def test_a_small_cell_and_a_second_one_in_its_row_and_column_are_hidden() -> None:
    cells = table([[120, 3, 40],
                   [80, 60, 25]])
    assert cells.show(("cell", 0, 1)) == SMALL
    # Row 0 total (163) and column 1 total (63) are shown, so one more cell in each is hidden.
    assert cells.show(("cell", 0, 2)) == HIDDEN and cells.show(("cell", 1, 1)) == HIDDEN
    assert cells.show(("row", 0)) == 163 and cells.show(("total",)) == 328
    assert not any(solvable(cells, key) for key in cells.values if not cells.visible(key))


def test_zero_is_shown_and_large_counts_are_untouched() -> None:
    cells = table([[0, 12], [7, 30]])
    assert [cells.show(("cell", r, c)) for r in (0, 1) for c in (0, 1)] == [0, 12, 7, 30]


def test_a_small_total_hides_the_total_and_its_parts() -> None:
    cells = table([[1, 2]])
    assert cells.show(("total",)) == SMALL and cells.show(("cell", 0, 0)) == SMALL


def test_shares_of_hidden_counts_are_not_given() -> None:
    assert share(3, 10) == 0.3
    assert share(SMALL, 10) is None and share(7, HIDDEN) is None and share(0, 0) is None


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 5).flatmap(lambda cols: st.lists(
    st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 9, 14, 30, 120]), min_size=cols, max_size=cols),
    min_size=1, max_size=6)))
def test_no_hidden_count_can_be_worked_out_from_one_total(grid: list[list[int]]) -> None:
    cells = table(grid)
    for key, value in cells.values.items():
        shown = cells.show(key)
        if 1 <= value <= 4:
            assert shown == SMALL
        elif isinstance(shown, int):
            assert shown == value
        else:
            assert shown == HIDDEN and value >= 5
    for parent, kids in cells.relations:
        hidden = [m for m in (parent, *kids) if not cells.visible(m)]
        assert len(hidden) != 1, (grid, parent, hidden)
