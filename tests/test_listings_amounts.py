"""Amounts as partners write them in a Danish spreadsheet: "4500 kr./md", "4.500 kr", "kr. 4500,-", "4500/md" were
refused ("is not an amount"), so a whole file was sent back for a unit. Really ambiguous amounts still are."""

from __future__ import annotations

import pytest

from bot.listings import fields
from tests.test_listings_csv import COLUMNS, csv_bytes, one_problem, read, row


@pytest.mark.parametrize("written", ["4500 kr./md", "4.500 kr", "kr. 4500,-", "4500/md", "4.500 kr./md.",
                                     "4500 kr. pr. md.", "4.500,- kr.", "4500 om måneden", "4500 kr/mdr",
                                     "kr. 4.500/md.", "4500 DKK/md", "4500 per month"])
def test_a_monthly_amount_with_its_unit_is_read(written: str) -> None:
    assert fields.money(written, low=500, high=30_000, monthly=True) == 4500


def test_a_spreadsheet_saved_by_danish_excel_with_units_in_the_amounts_is_imported() -> None:
    """Semicolons, Windows-1252, and the units people type into the cells."""
    rows = [row(reference="A-1", husleje="4500 kr./md", aconto="350 kr./md."),
            row(reference="A-2", husleje="4.500 kr", aconto="kr. 300,-", depositum="13.500 kr."),
            row(reference="A-3", husleje="kr. 4500,-", aconto=""),
            row(reference="A-4", husleje="4500/md", aconto="250/md", forudbetalt_leje="4.500,- kr.")]
    report = read(csv_bytes(rows, delimiter=";", columns=COLUMNS, encoding="cp1252"))
    assert report.ok, report.problems
    assert [x.rent for x in report.listings] == [4500] * 4
    assert [x.aconto for x in report.listings] == [350, 300, None, 250]  # an empty cell: not known
    assert report.listings[1].deposit == 13_500 and report.listings[3].prepaid_rent == 4500


@pytest.mark.parametrize("written", ["4500-5000", "ca. 4500", "4500 + forbrug", "4.50", "45.00"])
def test_an_ambiguous_rent_is_still_refused_with_the_row_and_the_value(written: str) -> None:
    assert one_problem(csv_bytes([row(husleje=written)])) == f"Row 2, husleje: '{written}' is not an amount"


@pytest.mark.parametrize("written", ["4500 kr./år", "1100/uge", "54.000 pr. år"])
def test_a_rent_for_another_period_is_refused_and_told_to_write_a_month(written: str) -> None:
    problem = one_problem(csv_bytes([row(husleje=written)]))
    assert problem.startswith(f"Row 2, husleje: '{written}' is not an amount a month"), problem


@pytest.mark.parametrize("written", ["3 mdr", "13.500/md"])
def test_a_deposit_is_not_a_monthly_amount(written: str) -> None:
    """"3 mdr" is three months' rent, not 3 kr.; a deposit is paid once."""
    assert one_problem(csv_bytes([row(depositum=written)])).startswith(f"Row 2, depositum: '{written}'")
