"""A partner's own spreadsheet, not the template: an address as the listing's key, the town as its municipality.

Playing a partner's day: a housing organisation's sheet with "Adresse; By; Husleje; ..." and no "reference" or
"kommune" column was refused whole ("missing the columns: reference, kommune"), though the address names the home
and the town names the municipality. Both are read now; a town outside the six is refused in its row, by its own
column name, and nothing is imported.
"""

from __future__ import annotations

import datetime as dt

from bot.i18n import use_lang
from bot.listings.csv_import import read_listings

TODAY = dt.date(2026, 11, 27)
HEADER = "Adresse;By;Type;Værelser;Størrelse m2;Husleje (kr.);Ledig fra;Telefon"


def sheet(*lines: str) -> bytes:
    return ("\r\n".join([HEADER, *lines]) + "\r\n").encode("utf-8")


def read(data: bytes):
    with use_lang("en"):
        return read_listings(data, provider="Boligfonden Randers", today=TODAY)


def test_a_sheet_with_an_address_and_a_town_imports() -> None:
    report = read(sheet("Vestergade 12, 2. th;Randers;Ungdomsbolig;1;28;3.450;01-01-2027;86 12 34 56",
                        "Nørregade 9 st;Roskilde;lejlighed;2;52;5.200,00;straks;46 12 34 56"))
    assert report.ok, report.problems
    first, second = report.listings
    assert (first.provider_ref, first.municipality, first.area, first.rent) == ("Vestergade 12, 2. th", "randers",
                                                                               "Randers", 3450)
    assert (second.municipality, second.kind) == ("roskilde", "lejlighed")


def test_a_town_outside_the_six_is_refused_in_its_row_and_nothing_is_imported() -> None:
    report = read(sheet("Vestergade 12;Randers;værelse;1;20;3.000;straks;86 12 34 56",
                        "Kongensgade 3;Odense;værelse;1;20;3.000;straks;66 12 34 56"))
    assert not report.ok and not report.listings
    assert report.problems == ["Row 3, By: 'Odense' is not one of the six municipalities (Randers, Roskilde, "
                               "København, Favrskov, Aarhus, Høje-Taastrup)"]


def test_a_sheet_with_neither_a_municipality_nor_a_town_still_says_what_is_missing() -> None:
    data = ("Adresse;Type;Værelser;Størrelse m2;Husleje;Telefon\r\n"
            "Vestergade 12;værelse;1;20;3.000;86 12 34 56\r\n").encode()
    report = read(data)
    assert not report.ok
    assert "The file has no column for: Municipality, Area. Add it with that name." in report.problems
