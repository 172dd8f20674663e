"""A cell that says "not known" ("-", "–", "ukendt", "?", "n/a", "ikke oplyst", "se annonce") in an optional column is
read as not known, not refused; in a needed column it is refused with a row message.

Playing a partner's day: a housing association's sheet wrote "-" in Aconto where it did not know the amount, "?" in
Boligareal and "se annonce" in Depositum. The whole file was refused with "'-' er ikke et beløb" in row after row, and
the partner had to blank every such cell by hand. Now such a cell is what an empty rooms or m² cell already was: not
known, shown to young people as "ikke oplyst", and the import reply says which cells were read so. "inkl. i husleje"
in Aconto (a listing has no "included") is read as not known too, and the reply says to write 0 if nothing is paid on
top of the rent. A needed cell (rent, area, type) with "-" still stops the file, in its row; an area of "-" used to
be published and shown to young people as the place of the home.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from bot.i18n import use_lang
from bot.listings.csv_import import read_listings
from tests.test_listings_csv import TODAY, csv_bytes, row
from tests.test_listings_import import run

NOT_KNOWN = ["-", "–", "—", "?", "ukendt", "Ukendt", "n/a", "N/A", "ikke oplyst", "Ikke oplyst", "se annonce",
             "Se annoncen", "oplyses senere"]


def read(data: bytes, lang: str = "en"):
    with use_lang(lang):
        return read_listings(data, provider="Boligforeningen Test", today=TODAY)


@pytest.mark.parametrize("written", NOT_KNOWN)
@pytest.mark.parametrize("column", ["aconto", "depositum", "forudbetalt_leje", "vaerelser", "kvm"])
def test_an_optional_cell_saying_not_known_is_read_as_not_known(column: str, written: str) -> None:
    report = read(csv_bytes([row(**{column: written})]))
    assert report.ok, report.problems
    item = report.listings[0]
    field = {"aconto": "aconto", "depositum": "deposit", "forudbetalt_leje": "prepaid_rent", "vaerelser": "rooms",
             "kvm": "size_m2"}[column]
    assert getattr(item, field) is None
    assert any("Read as not given" in note and f"{column} in row 2" in note for note in report.notes), report.notes


def test_an_empty_aconto_cell_is_not_known_and_the_partner_is_told_to_write_0() -> None:
    # Like an empty deposit cell (tests/test_listings_blank_deposit.py, tests/test_listings_blank_aconto.py).
    report = read(csv_bytes([row(aconto="")]))
    assert report.ok and report.listings[0].aconto is None
    assert any(note.startswith("Empty cells read as not given") for note in report.notes), report.notes
    report = read(csv_bytes([row(aconto="", depositum="")]))
    assert report.ok and (report.listings[0].aconto, report.listings[0].deposit) == (None, None)


@pytest.mark.parametrize("written", ["inkl.", "inkl. i husleje", "Inklusive", "indeholdt i huslejen", "incl."])
def test_aconto_included_in_the_rent_is_not_known_and_the_reply_says_to_write_0(written: str) -> None:
    report = read(csv_bytes([row(reference="A-1"), row(reference="A-2", aconto=written)]))
    assert report.ok, report.problems
    assert [item.aconto for item in report.listings] == [300, None]
    note = next(note for note in report.notes if "included in the rent" in note)
    assert "aconto" in note and "row 3" in note and "write 0" in note


@pytest.mark.parametrize(("column", "written", "problem"), [
    ("husleje", "-", "Row 2, husleje: '-' does not say the amount, and it is needed here"),
    ("husleje", "ukendt", "Row 2, husleje: 'ukendt' does not say the amount, and it is needed here"),
    ("omraade", "-", "Row 2, omraade: '-' says nothing, and it is needed here"),
    ("reference", "?", "Row 2, reference: '?' says nothing, and it is needed here"),
    ("type", "-", "Row 2, type: '-' is not a type"),
    ("kommune", "-", "Row 2, kommune: '-' is not one of the six municipalities"),
])
def test_a_needed_cell_saying_not_known_stops_the_file_in_its_row(column: str, written: str, problem: str) -> None:
    report = read(csv_bytes([row(**{column: written})]))
    assert not report.ok and not report.listings
    assert len(report.problems) == 1 and report.problems[0].startswith(problem), report.problems


def test_a_number_with_a_question_is_still_refused_not_read_as_not_known() -> None:
    for written in ("300?", "ca. 300"):
        report = read(csv_bytes([row(aconto=written)]))
        assert not report.ok and "aconto" in report.problems[0]


def test_a_dash_for_the_link_when_a_phone_is_given_is_no_link_and_a_dash_description_is_none() -> None:
    report = read(csv_bytes([row(ansoeg_link="-", ansoeg_telefon="86 12 34 56", beskrivelse="-", udloeber="-")]))
    assert report.ok, report.problems
    item = report.listings[0]
    assert (item.apply_url, item.apply_phone, item.description) == (None, "86 12 34 56", None)
    both = read(csv_bytes([row(ansoeg_link="-", ansoeg_telefon="?")]))
    assert not both.ok and "Write a link or a phone number" in both.problems[0]


def sheet(header: list[str], *rows: list[object]) -> bytes:
    book = Workbook()
    book.worksheets[0].append(header)
    for cells in rows:
        book.worksheets[0].append(cells)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_a_partners_workbook_with_unknown_cells_is_imported_and_searched_in_danish(
        database_env: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledige.xlsx"
    path.write_bytes(sheet(
        ["Lejemålsnr.", "By", "Boligtype", "Antal vær.", "Boligareal (m²)", "Husleje (kr.)", "Aconto varme/vand",
         "Depositum", "Ledig pr.", "Kontakt tlf."],
        ["SK-1", "Roskilde", "Værelse i bofællesskab", "-", "?", 2150, "–", "se annonce", "straks", "46 00 00 00"],
        ["SK-2", "Roskilde", "Ungdomsbolig", 1, 31, 3300, "inkl. i husleje", 9900, "straks", "46 00 00 00"],
    ))
    code, out, err = run(["listings", "import", str(path), "--provider", "Skovbo Boligselskab"], capsys)
    assert code == 0, err
    assert "lagt ind: 2 nye" in out
    assert "Læst som ikke oplyst" in err and "Aconto varme/vand i række 2" in err
    assert "inklusive i huslejen (række 3)" in err and "skriv 0" in err
    code, out, _ = run(["listings", "search", "--municipality", "roskilde"], capsys)
    assert code == 0
    assert out.count("aconto (ikke oplyst)") == 2
    assert "Depositum og forudbetalt leje: ikke oplyst" in out
    assert "Delebolig, Roskilde (Roskilde)" in out and " m²" not in out.split("Delebolig")[1].split("\n")[0]


def test_an_almen_boligs_own_column_names_are_understood() -> None:
    """Indskud is an almen bolig's deposit; "Postnr. og by", "Aconto forbrug" and "Forudbetalt husleje" were skipped
    as unknown columns, and the file was refused for having no area."""
    data = ("Adresse;Postnr. og by;Boligtype;Husleje pr. md.;Aconto forbrug;Indskud;Forudbetalt husleje;Tlf.\r\n"
            "Prøvevej 2, 1. tv;8000 Aarhus C;Almen bolig;5.100;450;15.300;-;86 00 00 00\r\n").encode()
    report = read(data)
    assert report.ok, report.problems
    item = report.listings[0]
    assert (item.municipality, item.area, item.aconto, item.deposit, item.prepaid_rent) == \
        ("aarhus", "8000 Aarhus C", 450, 15_300, None)
    assert not any("skipped" in note for note in report.notes)
