"""Read a partner's file of listings (CSV, or an Excel .xlsx workbook): its rows, header, then every row checked.

All or nothing: a file with any bad row imports nothing, and the report names row and column for each
problem ("Række 14, husleje: '4.5OO' er ikke et beløb"). Row numbers are the ones Excel shows (the header is
row 1). The format is documented in docs/listings.md with a template in docs/listings-template.csv.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.i18n import _, format_number
from bot.listings import fields, workbook
from bot.listings.fields import FieldError
from bot.listings.publish import ListingInput
from knowledge.normalise import fold

MAX_ROWS = 10_000
# The one size limit for a partner's file: here, in the Telegram mapping (handlers/telegram/updates.py), the
# CLI and the messages ("5 MB").
MAX_BYTES = 5_000_000
# Python's csv module refuses cells over 131,072 characters; no cell of a listing comes close.
MAX_CELL = csv.field_size_limit()
SHOWN_PROBLEMS = 20
# A partner's own sheet may have a title, a date or empty rows above the column names (and a merged heading over
# some of them): the column names are looked for in this many rows at the top.
HEADER_SEARCH = 20
DEFAULT_DAYS = 30

# Canonical column names (the template's header) and other names partners use for them (folded, "_" for " ").
COLUMNS: dict[str, tuple[str, ...]] = {
    # An address names one home: a partner's own sheet often has no other key ("Adresse").
    "reference": ("ref", "id", "jeres_reference", "provider_ref", "boligid", "bolig_id", "bolignr", "bolignummer",
                  "lejemaalsnr", "lejemaalsnummer", "lejemaal", "lejlighedsnr", "lejlighedsnummer", "adresse",
                  "address"),
    "kommune": ("municipality", "kommunenavn", "kommune_navn"),
    "omraade": ("area", "bydel", "by", "postnummer_og_by", "postnr_og_by", "postnr_by", "postnummer_by"),
    "type": ("boligtype", "kind", "type_af_bolig", "bolig_type"),
    "vaerelser": ("rooms", "antal_vaerelser", "vaer", "antal_vaer", "antal_rum", "rum"),
    "kvm": ("m2", "size", "size_m2", "stoerrelse", "areal", "boligareal", "kvadratmeter", "bruttoareal"),
    "husleje": ("rent", "leje", "maanedlig_leje", "maanedlig_husleje", "husleje_ekskl_forbrug"),
    "aconto": ("aconto_varme_vand", "varme_vand", "forbrug", "utilities", "a_conto", "aconto_varme", "acontobeloeb",
               "aconto_forbrug", "aconto_varme_og_vand", "varme_og_vand"),
    # An almen bolig's deposit is its "indskud".
    "depositum": ("deposit", "indskud"),
    "forudbetalt_leje": ("forudbetalt", "prepaid_rent", "prepaid", "forudbetalt_husleje"),
    "ledig_fra": ("available_from", "indflytning", "overtagelse", "fra", "ledig", "ledig_pr", "ledig_per",
                  "indflytningsdato", "overtagelsesdato", "ledig_dato", "available"),
    "maalgruppe": ("target_group", "for"),
    "ansoeg_link": ("apply_url", "link", "url", "ansoegning", "link_til_ansoegning", "hjemmeside", "ansoeg"),
    "ansoeg_telefon": ("apply_phone", "telefon", "phone", "tlf", "tlf_nr", "telefonnr", "telefonnummer", "kontakt_tlf",
                       "kontakt_tlf_nr", "kontakt_telefon"),
    "udloeber": ("expires", "udloebsdato", "vis_til", "expires_on"),
    "beskrivelse": ("description", "tekst", "bemaerkninger", "bemaerkning", "note", "noter"),
    "udbyder": ("provider", "partner"),
}
# Rooms and m² are not required: a partner's sheet of rooms in shared flats or shelter places often has neither,
# and such a listing is still worth finding (shown without them).
REQUIRED = ("reference", "kommune", "omraade", "type", "husleje")
# Money paid once before moving in. An empty cell in these columns is not known, never 0 (docs/listings.md).
UP_FRONT = ("depositum", "forudbetalt_leje")
# Amounts whose empty cell is not known (never 0 kr. nobody wrote), and the partner is told which cells were empty.
# Until December 2026 an empty aconto cell was 0; a stored 0 cannot tell a written 0 from a blank, so it stays until
# the sheet is sent again.
BLANK_NOT_KNOWN = ("aconto", *UP_FRONT)
UP_FRONT_HIGH = 100_000
_ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in (name, *aliases)}
# Characters a Danish Windows-1252 (Excel) file plausibly holds; anything else means it was some other
# encoding (fx Mac Roman), where guessing would put wrong letters into listings.
_PLAUSIBLE_CP1252 = set("æøåÆØÅéÉèüÜöÖäÄ€²³½°–—‘’“”•·…§«» \u00a0")


@dataclass
class Report:
    """What reading a file found: the listings, or the problems that stop the import; and notes."""

    listings: list[ListingInput] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The rows name no organisation and none was given (the command line can offer its --provider).
    needs_provider: bool = False
    # Rows whose free-from day has passed: read as free now, and the partner is told which.
    free_already: list[int] = field(default_factory=list)
    # Optional cells filled with "-", "ukendt", "se annonce"…: read as not known. Column (as the sheet names it) →
    # rows; ``included``: the ones saying "inkl." (included in the rent), which a listing cannot say.
    not_known: dict[str, list[int]] = field(default_factory=dict)
    included: dict[str, list[int]] = field(default_factory=dict)
    # Deposit or prepaid-rent cells left empty: read as not known (never 0 kr.). Column → rows.
    left_empty: dict[str, list[int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.listings)


def read_listings(data: bytes, *, provider: str | None, today: dt.date) -> Report:
    """Check a CSV file; every row must be valid for ``Report.listings`` to be filled.

    ``provider`` is the partner's organisation (or `--provider`); without it each row needs an udbyder cell.
    """
    report = Report()
    records = _workbook_records(data, report) if workbook.is_workbook(data) else _text_records(data, report)
    if records is None:
        return report
    rows = _rows(records, report)
    if rows is None:
        return report
    header, body = rows
    columns = _columns(header, report)
    if columns is None:
        return report
    if provider is None and "udbyder" not in columns:
        report.needs_provider = True
        report.problems.append(_("The file has no udbyder column. Add it with the organisation's name in every row."))
        return report
    seen: dict[str, int] = {}
    listings = []
    for number, cells in body:
        listing = _row(number, cells, columns, header, provider, today, seen, report)
        if listing is not None:
            listings.append(listing)
    if not listings and not report.problems:
        report.problems.append(_("The file has column names but no listings."))
    if report.free_already:
        report.notes.append(_("Free from is a day that has passed (row {rows}): shown as free from today.").format(
            rows=_row_list(report.free_already)))
    report.notes.extend(_not_known_notes(report))
    if not report.problems:
        report.listings = listings
    return report


def _not_known_notes(report: Report) -> list[str]:
    """What a partner wrote for "not known" and how it was read: shown as "ikke oplyst" to young people."""
    notes = []
    if report.not_known:
        notes.append(_("Read as not given (young people see 'not given'): {cells}.").format(cells="; ".join(
            _("{column} in row {rows}").format(column=column, rows=_row_list(rows))
            for column, rows in report.not_known.items())))
    if report.left_empty:
        notes.append(_("Empty cells read as not given (young people see 'not given – ask the landlord'): {cells}. If "
                       "nothing is to be paid, write 0.").format(cells="; ".join(
            _("{column} in row {rows}").format(column=column, rows=_row_list(rows))
            for column, rows in report.left_empty.items())))
    for column, rows in report.included.items():
        notes.append(_("{column} says included in the rent (row {rows}): I read it as not given, because a listing "
                       "cannot show included. If nothing is paid on top of the rent, write 0.").format(
            column=column, rows=_row_list(rows)))
    return notes


def _row_list(rows: list[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:SHOWN_PROBLEMS])
    more = len(rows) - SHOWN_PROBLEMS
    return shown + (" " + _("and {n} more").format(n=more) if more > 0 else "")


def summary(report: Report) -> list[str]:
    """The problems as lines to show: at most SHOWN_PROBLEMS, then how many more."""
    lines = report.problems[:SHOWN_PROBLEMS]
    if len(report.problems) > SHOWN_PROBLEMS:
        lines.append(_("… and {n} more problems.").format(n=len(report.problems) - SHOWN_PROBLEMS))
    return lines


def _fits(data: bytes, report: Report) -> bool:
    if not data.strip():
        report.problems.append(_("The file is empty."))
        return False
    if len(data) > MAX_BYTES:
        report.problems.append(_("The file is too big ({mb} MB). The limit is {limit} MB: split it into "
                                 "smaller files.").format(mb=round(len(data) / 1e6, 1), limit=MAX_BYTES // 1_000_000))
        return False
    return True


def _workbook_records(data: bytes, report: Report) -> list[list[str]] | None:
    """An Excel .xlsx file's first sheet, as the rows a CSV file would give."""
    if not _fits(data, report):
        return None
    try:
        records, sheets = workbook.sheet_rows(data, max_rows=MAX_ROWS)
    except workbook.WorkbookError as error:
        report.problems.append(str(error))
        return None
    if sheets > 1:
        report.notes.append(_("The Excel file has {n} sheets: I read only the first one.").format(n=sheets))
    return records


def _text_records(data: bytes, report: Report) -> list[list[str]] | None:
    """A CSV (or TSV) file's rows, whatever its delimiter and encoding."""
    if not _fits(data, report):
        return None
    text = _decode(data, report)
    if text is None:
        return None
    return _records(text, _delimiter(text), report)


def _decode(data: bytes, report: Report) -> str | None:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; Danish Windows-1252 from Excel is read with a note."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        report.problems.append(_("This is an old Excel workbook (.xls). In Excel choose Save as → 'Excel-projektmappe "
                                 "(.xlsx)' or 'CSV UTF-8 (kommasepareret)' and send that file."))
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:  # fx an odd number of bytes: the file was cut off or is not UTF-16
            report.problems.append(_("I cannot read the letters in the file. Save it as 'CSV UTF-8' and "
                                     "send it again."))
            return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        windows = _windows_1252(data)
        if windows is None:
            report.problems.append(_("I cannot read the letters in the file. Save it as 'CSV UTF-8' and "
                                     "send it again."))
            return None
        text = windows
        report.notes.append(_("The file was saved as Windows text (Excel's plain CSV), not UTF-8. I read it as "
                              "Windows-1252: check that æ, ø and å look right. Next time choose 'CSV UTF-8'."))
    if "\x00" in text:
        report.problems.append(_("This does not look like a text file. Send a CSV file."))
        return None
    return text


def _windows_1252(data: bytes) -> str | None:
    """The text, if the bytes are unambiguously Danish Windows-1252; None otherwise."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = {ch for ch in text if ord(ch) > 127 and ch not in _PLAUSIBLE_CP1252}
    return None if odd else text


def _rows(records: list[list[str]], report: Report) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """The header and the data rows with their Excel row numbers; blank rows (and the header repeated, as a
    sheet printed on several pages has it) are skipped."""
    top = _header_row(records)
    if top is None:
        report.problems.append(_("The file is empty."))
        return None
    if top > 0:
        report.notes.append(_("I read row {row} as the column names; the rows above it are not listings.").format(
            row=top + 1))
    header = [cell.strip() for cell in records[top]]
    body = [(number, cells) for number, cells in enumerate(records[top + 1:], start=top + 2)
            if any(c.strip() for c in cells) and [c.strip() for c in cells] != header]
    if len(body) > MAX_ROWS:
        report.problems.append(_("The file has {n} rows. I can take at most {limit} at a time: split it into "
                                 "smaller files.").format(n=format_number(len(body)), limit=format_number(MAX_ROWS)))
        return None
    return header, body


def _header_row(records: list[list[str]]) -> int | None:
    """The row of column names: the first of the top rows naming the most known columns (a title, a date or a
    merged heading above it names fewer); the first non-blank row when none names any. None: the file is blank."""
    best, most, first = 0, 0, None
    for index, cells in enumerate(records[:HEADER_SEARCH]):
        if not any(cell.strip() for cell in cells):
            continue
        first = index if first is None else first
        known = sum(_column_name(cell) is not None for cell in cells if cell.strip())
        if known > most:
            best, most = index, known
    if first is None:
        return next((index for index, cells in enumerate(records) if any(cell.strip() for cell in cells)), None)
    return best if most else first


def _records(text: str, delimiter: str, report: Report) -> list[list[str]] | None:
    """Every row's cells; a cell over MAX_CELL characters (or a quote never closed) stops with the row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error:
        report.problems.append(_("Row {row}: a cell is too long (more than {n} characters), or a quote (\") is "
                                 "never closed.").format(row=reader.line_num, n=format_number(MAX_CELL)))
        return None
    return records


def _delimiter(text: str) -> str:
    """';' (Danish Excel), ',' or TAB: the sniffer's guess, if it splits the header into known column names."""
    sample = "\n".join(text.splitlines()[:20])
    candidates = [";", ",", "\t"]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(candidates)).delimiter
        candidates.insert(0, sniffed)
    except csv.Error:
        pass
    # The column names may come after a title or empty rows: the line that names the most columns counts.
    top = text.splitlines()[:HEADER_SEARCH] if text.strip() else []

    def known(delimiter: str) -> int:
        try:
            return max((sum(_column_name(cell) is not None for cell in header)
                        for header in csv.reader(top, delimiter=delimiter)), default=0)
        except csv.Error:  # a cell over the limit or a quote never closed: _records reports it in its row
            return 0

    return max(candidates, key=known)  # max keeps the first of equals: the sniffer's choice


# Units partners write after a column's name ("Husleje (kr.)", "Leje pr. md.", "Husleje pr. mnd.", "Størrelse (m²)"),
# folded. "mnd" is the commonest Danish short form of måned: without it the rent column was skipped as unknown.
_UNIT_WORDS = frozenset({"kr", "dkk", "m2", "kvm", "pr", "per", "om", "md", "mdr", "mnd", "mdl", "maaned", "maaneden",
                         "month", "i", "in", "a"})
# A name that says what else is in the number ("Husleje inkl. aconto") is not the plain column: taken as rent,
# aconto would be counted twice in the monthly cost young people search by.
_INCLUDES = frozenset({"inkl", "incl", "including", "inklusive", "med", "with", "plus"})


def _column_name(header: str) -> str | None:
    """The canonical column a header names: exactly, or with a unit after it ("Husleje (kr.)" is husleje)."""
    words = fold(header).split()
    if (name := _ALIASES.get("_".join(words))) is not None or _INCLUDES & set(words):
        return name
    while words and words[-1] in _UNIT_WORDS:
        words.pop()
    return _ALIASES.get("_".join(words))


def _columns(header: list[str], report: Report) -> dict[str, int] | None:
    """Column name → position; missing required columns stop the import, unknown ones are noted."""
    columns: dict[str, int] = {}
    unknown = []
    for position, cell in enumerate(header):
        name = _column_name(cell)
        if name is None:
            if cell:
                unknown.append(cell)
        elif name in columns:
            report.problems.append(_("The column {name} is there twice.").format(name=cell))
        else:
            columns[name] = position
    if not columns:
        report.problems.append(_("I cannot find the column names. Give the columns names like these: {names}, "
                                 "separated by ; or ,.").format(names=_("Address;Municipality;Area;Type;Rent;Phone")))
        return None
    # A partner's own sheet names the town ("By: Randers") and no municipality: the town tells it, row by row.
    missing = [_plain_name(name) for name in REQUIRED
               if name not in columns and not (name == "kommune" and "omraade" in columns)]
    if "ansoeg_link" not in columns and "ansoeg_telefon" not in columns:
        missing.append(_plain_name("ansoeg"))
    if missing:
        report.problems.append(_("The file has no column for: {names}. Add it with that name.").format(
            names=", ".join(missing)))
    if unknown:
        report.notes.append(_("I skipped columns I don't know: {names}").format(names=", ".join(unknown[:10])))
    return None if report.problems else columns


def _plain_name(column: str) -> str:
    """A column the file lacks, named so the partner can add it: a plain word that is itself a name the import
    knows, in either language ("Husleje" / "Rent"), never the template's internal spelling ("ansoeg_link")."""
    names = {
        "reference": _("Address (or Reference)"), "kommune": _("Municipality"), "omraade": _("Area"),
        "type": _("Type"), "husleje": _("Rent"), "ansoeg": _("Link or Phone (how to apply)"),
    }
    return names[column]


def _row(number: int, cells: list[str], columns: dict[str, int], header: list[str], provider: str | None,
         today: dt.date, seen: dict[str, int], report: Report) -> ListingInput | None:
    """One row as a listing, or None after adding a problem per bad cell to the report."""
    before = len(report.problems)
    while len(cells) > len(header) and not cells[-1].strip():
        cells = cells[:-1]  # empty cells after the last column ("…;;;" from a sheet once wider)
    if len(cells) > len(header):
        report.problems.append(_("Row {row}: more cells than column names (is there a ; or , in a text? "
                                 "Put the text in quotes).").format(row=number))
        return None

    def cell(name: str) -> str:
        position = columns.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    def label(name: str) -> str:
        """The column as the partner's own header names it."""
        return header[columns[name]] if name in columns else name

    def read(name: str, reader: Callable[[str], Any]) -> Any:
        raw = cell(name)
        try:
            return reader(raw)
        except FieldError as exc:
            # An empty cell is missing, not "'' is not a number".
            problem = _("Row {row}, {column}: {problem}").format(
                row=number, column=label(name), problem=_("is empty") if not raw.strip() else str(exc))
            if problem not in report.problems[before:]:  # the town column read as municipality and as area
                report.problems.append(problem)
            return None

    available = read("ledig_fra", lambda v: fields.optional_available_from(v, today))
    shown_until = fields.default_expiry(today, available, DEFAULT_DAYS)
    values = {
        "provider_ref": read("reference", lambda v: fields.text(v, limit=64, required=True)),
        "municipality": read("kommune" if "kommune" in columns else "omraade", fields.municipality),
        "area": read("omraade", lambda v: fields.text(v, limit=60, required=True)),
        "kind": read("type", fields.kind),
        "rooms": read("vaerelser", lambda v: fields.optional_whole_number(v, low=1, high=10)),
        "size_m2": read("kvm", lambda v: fields.optional_whole_number(v, low=5, high=300)),
        "rent": read("husleje", lambda v: fields.money(v, low=500, high=30_000, monthly=True)),
        # A sheet without the column, or an empty cell in it, does not say there is none: not known. An aconto of
        # 0 kr. nobody gave would show young people a monthly total nobody gave (only a written 0 or "ingen" is 0).
        "aconto": read("aconto", lambda v: fields.optional_money(v, high=5_000, monthly=True))
        if "aconto" in columns else None,
        # Money up front: an empty cell (like no column) is not known. "Depositum 0 kr." on a card is a fact young
        # people plan their savings by, so only a written 0, "ingen" or "gratis" says it.
        "deposit": read("depositum", lambda v: fields.optional_money(v, high=UP_FRONT_HIGH)),
        "prepaid_rent": read("forudbetalt_leje", lambda v: fields.optional_money(v, high=UP_FRONT_HIGH)),
        "available_from": available,
        "target_group": read("maalgruppe", fields.target_group),
        "apply_url": read("ansoeg_link", fields.url),
        "apply_phone": read("ansoeg_telefon", fields.phone),
        "expires_on": read("udloeber", lambda v: fields.expires_on(v, today, shown_until)),
        "description": read("beskrivelse", lambda v: fields.text(v, limit=300, required=False)),
        "provider": read("udbyder", lambda v: _provider(v, provider)),
    }
    # Both cells empty (a bad link is its own problem): said with the row's other problems, not after they are fixed.
    if all(not cell(name).strip() or fields.unknown(cell(name)) for name in ("ansoeg_link", "ansoeg_telefon")):
        names = [label(name) for name in ("ansoeg_link", "ansoeg_telefon") if name in columns]
        where = names[0] if len(names) == 1 else _("{first} or {second}").format(first=names[0], second=names[1])
        report.problems.append(_("Row {row}, {column}: {problem}").format(
            row=number, column=where, problem=_("is empty. Write a link or a phone number to apply at")))
    # A last day before the day it can be moved into: the home would be gone before it is free, never shown while
    # it is. Which of the two days is wrong only the partner knows, so both are named as their sheet names them.
    start, end = values["available_from"], values["expires_on"]
    if start is not None and end is not None and end < start:
        report.problems.append(_("Row {row}, {column}: {problem}").format(
            row=number, column=label("udloeber"), problem=_(
                "'{value}' is before {other} ('{start}'): the home would never be shown while it is free. Change "
                "one of the two days").format(value=cell("udloeber").strip(), other=label("ledig_fra"),
                                              start=cell("ledig_fra").strip())))
    ref = values["provider_ref"]
    if ref is not None:
        if ref in seen:
            report.problems.append(_("Row {row}, {column}: '{ref}' is also in row {other}").format(
                row=number, column=label("reference"), ref=ref, other=seen[ref]))
        else:
            seen[ref] = number
    if len(report.problems) > before:
        return None
    for name in ("vaerelser", "kvm", "aconto", "depositum", "forudbetalt_leje", "ledig_fra"):
        if fields.unknown(cell(name)) and not (name == "ledig_fra" and values["available_from"] is not None):
            found = report.included if fields.included(cell(name)) else report.not_known
            found.setdefault(label(name), []).append(number)
    for name in BLANK_NOT_KNOWN:  # said once, so a partner who meant "none" by a blank cell learns to write 0
        if name in columns and not cell(name).strip():
            report.left_empty.setdefault(label(name), []).append(number)
    if values["available_from"] is not None and values["available_from"] < today:
        report.free_already.append(number)
        values["available_from"] = today
    # No last day given: the default counted from today, which a file sent again tomorrow moves (no change of theirs).
    given = cell("udloeber")
    return ListingInput(**values, expiry_given=bool(given.strip()) and not fields.unknown(given))


def _provider(raw: str, provider: str | None) -> str:
    """The row's provider: the partner's own (a different one in the file is refused), or the cell's."""
    if provider is None:
        return fields.text(raw, limit=100, required=True)
    named = fields.text(raw, limit=100, required=False)
    if named and fold(named) != fold(provider):
        raise FieldError(_("'{value}' is not your organisation ({provider})").format(value=named, provider=provider))
    return provider
