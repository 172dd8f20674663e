"""A partner's Excel workbook (.xlsx) is read as its first sheet, with the same checks as a CSV file.

Partners keep their homes in a spreadsheet. Sent as .xlsx, it was refused with "Save as CSV UTF-8", a step where
partners went wrong (a plain Windows CSV, a Mac). Numbers, dates and phone numbers typed as numbers come as Excel
shows them; row numbers in the report are Excel's.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook

from bot.i18n import use_lang
from bot.listings.csv_import import MAX_ROWS, read_listings
from tests.test_listings_csv import TODAY

HEADER = ["Reference", "Kommune", "Område", "Type", "Værelser", "Størrelse (m²)", "Husleje (kr.)", "Aconto",
          "Ledig fra", "Ansøg telefon"]


def workbook(*rows: Sequence[object], header: Sequence[str] = HEADER, sheets: int = 1) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for number in range(1, sheets):
        book.create_sheet(f"Ark{number + 1}").append(["noter"])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def read(data: bytes):
    with use_lang("en"):
        return read_listings(data, provider="Boligforeningen Test", today=TODAY)


def test_numbers_dates_and_phone_numbers_are_read_as_excel_shows_them() -> None:
    report = read(workbook(
        ["A-1", "Aarhus", "Aarhus N", "værelse", 1, 14, 3800, 300.0, dt.datetime(2027, 1, 15), 12345678],
        [None] * 10,  # a blank row in the middle, as people leave them
        ["A-2", "Kbh", "Nørrebro", "Lejlighed", 2, 45.0, "5.250,00", None, "straks", "+45 22 33 44 55"],
    ))
    assert report.ok, report.problems
    first, second = report.listings
    assert (first.municipality, first.kind, first.rooms, first.size_m2, first.rent, first.aconto) == (
        "aarhus", "vaerelse", 1, 14, 3800, 300)
    assert first.available_from == dt.date(2027, 1, 15) and first.apply_phone == "12345678"
    assert (second.municipality, second.rent, second.aconto, second.available_from) == ("koebenhavn", 5250, None, TODAY)


def test_a_wrong_cell_is_named_by_the_row_and_column_name_excel_shows() -> None:
    report = read(workbook(
        ["A-1", "Aarhus", "Aarhus N", "værelse", 1, 14, 3800, 300, None, 12345678],
        ["A-2", "Odense", "C", "værelse", 1, 14, "ca. 4000", 300, None, 12345678],
    ))
    assert not report.ok and report.listings == []
    assert any(p.startswith("Row 3, Kommune: 'Odense'") for p in report.problems), report.problems
    assert any(p.startswith("Row 3, Husleje (kr.): 'ca. 4000'") for p in report.problems), report.problems


def test_only_the_first_sheet_is_read_and_the_partner_is_told() -> None:
    report = read(workbook(["A-1", "Aarhus", "Aarhus N", "værelse", 1, 14, 3800, 300, None, 12345678], sheets=2))
    assert report.ok and len(report.listings) == 1
    assert report.notes == ["The Excel file has 2 sheets: I read only the first one."]


def test_a_sheet_with_more_rows_than_allowed_is_refused_with_the_limit() -> None:
    rows = [[f"R{i}", "Aarhus", "C", "værelse", 1, 14, 3800, 0, None, 12345678] for i in range(MAX_ROWS + 1)]
    report = read(workbook(*rows))
    assert not report.ok and "10,000" in report.problems[0]


def _zip(files: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return data.getvalue()


def test_a_file_that_unpacks_to_far_more_than_a_sheet_is_refused_before_it_is_opened() -> None:
    bomb = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b" " * 80_000_000})
    assert len(bomb) < 1_000_000
    report = read(bomb)
    assert report.problems == ["The Excel file is too big. Send at most 10,000 listings in one file."]


def test_a_word_document_or_a_broken_file_gets_how_to_save_the_sheet() -> None:
    word = read(_zip({"word/document.xml": b"<document/>"}))
    assert "not an Excel .xlsx file" in word.problems[0]
    broken = read(b"PK\x03\x04" + b"\x00" * 100)
    assert "cannot open this Excel file" in broken.problems[0] and "CSV UTF-8" in broken.problems[0]
    damaged = read(_zip({"xl/workbook.xml": b"<not xml"}))
    assert "cannot open this Excel file" in damaged.problems[0]


def test_an_old_xls_workbook_gets_how_to_save_it() -> None:
    report = read(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert ".xlsx" in report.problems[0] and "CSV UTF-8" in report.problems[0]
