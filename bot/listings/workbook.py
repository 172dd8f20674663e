"""Read the first sheet of an Excel workbook (.xlsx) as rows of text cells, the way a CSV file gives them.

Partners keep their homes in a spreadsheet; asking them to "Save as CSV UTF-8" first lost some of them (a plain
"CSV" from Windows Excel, a semicolon or a comma, a Mac). The cells are turned into the text a partner sees in
Excel, so the same checks and messages as for a CSV file apply: 4500 (a number) is "4500", a date cell is
"2027-01-31", a phone number typed as a number is "12345678".

A workbook is a zip file: its size unpacked is checked before it is opened (a small file can unpack to gigabytes),
and openpyxl reads it in read-only mode, row by row. openpyxl is imported only here, when a workbook comes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

from bot.i18n import _

# A listings sheet of 10,000 rows unpacks to a few MB; far more means it is not one (or it is a zip bomb).
MAX_UNPACKED_BYTES = 60_000_000
ZIP_MAGIC = b"PK\x03\x04"


class WorkbookError(Exception):
    """The workbook cannot be read; the message says what to do, for the partner."""


def is_workbook(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def sheet_rows(data: bytes, *, max_rows: int) -> tuple[list[list[str]], int]:
    """The first sheet's rows (the header first), every cell as text, and how many sheets the workbook has.

    At most ``max_rows`` + 2 rows are read: one more than a file may hold, so the caller can say it is too long.
    """
    _check_zip(data)
    from openpyxl import load_workbook  # only when a partner sends a workbook: not in start-up

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        raise WorkbookError(_("I cannot open this Excel file. Save it again in Excel as .xlsx, or as "
                              "'CSV UTF-8 (kommasepareret)', and send it again.")) from error
    try:
        if not book.worksheets:
            return [], 0
        rows = [_texts(values) for values in book.worksheets[0].iter_rows(values_only=True, max_row=max_rows + 2)]
        return _trimmed(rows), len(book.worksheets)
    finally:
        book.close()


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise WorkbookError(_("I cannot open this Excel file. Save it again in Excel as .xlsx, or as "
                              "'CSV UTF-8 (kommasepareret)', and send it again.")) from error
    if "xl/workbook.xml" not in names:
        raise WorkbookError(_("This is not an Excel .xlsx file. Save it in Excel as .xlsx, or as 'CSV UTF-8 "
                              "(kommasepareret)', and send it again."))
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookError(_("The Excel file is too big. Send at most 10,000 listings in one file."))


def _texts(values: Iterable[object]) -> list[str]:
    return [_text(value) for value in values]


def _text(value: object) -> str:
    """A cell as the text Excel shows for it (no thousands separators: the checks read plain numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        # A date cell comes as a datetime at midnight; a time of day is kept for the date check to refuse.
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value).strip()


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Without the empty cells Excel keeps at the right of every row (a column once formatted, then cleared)."""
    width = max((max((i + 1 for i, cell in enumerate(row) if cell), default=0) for row in rows), default=0)
    return [row[:width] for row in rows]
