"""A partner reads what to fix in their own sheet's words: the row and their own column name, never the template's
internal spelling ("ansoeg_link", "omraade"), and short plain Danish.

Playing a partner's day: a housing organisation's sheet headed "Lejemålsnr.; By; Boligtype; ...; Kontakt tlf." got
"skriv, hvordan man søger, i ansoeg_link eller ansoeg_telefon" for a row without a phone number, a reference twice
was named "reference", an empty rent cell was "'' er ikke et beløb", and a sheet without a rent column was told it
lacked "husleje, type", names it does not use.
"""

from __future__ import annotations

import datetime as dt

from bot.i18n import use_lang
from bot.listings.csv_import import COLUMNS, read_listings
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 7)
TITLE = "Boligforeningen Kystbyen · ledige lejemål december;;;;;;"
HEADER = "Lejemålsnr.;By;Boligtype;Husleje (kr.);Ledig pr.;Kontakt tlf.;Bemærkninger"
GOOD = "KB-201;Randers C;Ungdomsbolig;3.150;straks;86 40 22 10;Altan mod gården og cykelkælder"
INTERNAL = [name for name in COLUMNS if "_" in name or name in ("omraade", "vaerelser", "kvm", "udbyder")]


def sheet(*lines: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([TITLE, header, *lines]) + "\r\n").encode("utf-8")


def problems(data: bytes, lang: str = "da") -> list[str]:
    with use_lang(lang):
        report = read_listings(data, provider="Boligforeningen Kystbyen", today=TODAY)
    assert not report.ok
    return report.problems


def test_a_row_without_a_way_to_apply_names_the_partners_own_phone_column() -> None:
    found = problems(sheet(GOOD, "KB-202;Randers N;Værelse;2.400;straks;;Møbleret, tæt på stationen"))
    assert found == ["Række 4, Kontakt tlf.: mangler. Skriv et link eller et telefonnummer, man kan søge på"]


def test_with_both_a_link_and_a_phone_column_both_are_named() -> None:
    header = HEADER + ";Link til ansøgning"
    found = problems(sheet(GOOD + ";", "KB-202;Randers N;Værelse;2.400;straks;;Møbleret;", header=header),
                     lang="en")
    assert found == ["Row 4, Link til ansøgning or Kontakt tlf.: is empty. Write a link or a phone number to apply at"]


def test_a_reference_twice_is_named_by_the_sheets_own_column() -> None:
    found = problems(sheet(GOOD, GOOD.replace("3.150", "3.200")))
    assert found == ["Række 4, Lejemålsnr.: 'KB-201' står også i række 3"]


def test_an_empty_cell_is_missing_not_an_empty_quote() -> None:
    found = problems(sheet(GOOD, "KB-203;Randers SØ;Lejlighed (almen);;1. februar 2027;86 40 22 10;"))
    assert found == ["Række 4, Husleje (kr.): mangler"]


def test_an_empty_town_is_said_once() -> None:
    # The town column is read twice (as the municipality and as the area): one problem, not two.
    found = problems(sheet("KB-204;;Værelse;2.400;straks;86 40 22 10;"))
    assert found == ["Række 3, By: mangler"]


def test_missing_columns_are_named_with_words_that_work_as_column_names() -> None:
    header = "Lejemålsnr.;Boligtype;Ledig pr.;Bemærkninger"
    (found,) = problems(sheet("KB-205;Værelse;straks;Lille værelse ud mod parken", header=header))
    assert found == ("Filen har ingen kolonne til: Kommune, Område, Husleje, Link eller Telefon (hvordan man søger). "
                     "Tilføj den med det navn.")
    # Each word offered is itself a column name the import knows, in Danish and in English.
    header = header + ";Kommune;Område;Husleje;Telefon"
    with use_lang("da"):
        assert read_listings(sheet("KB-205;Værelse;straks;Lille;Randers;Randers C;2.400;86 40 22 10", header=header),
                             provider="Boligforeningen Kystbyen", today=TODAY).ok
    (english,) = problems(sheet("KB-205;Værelse;straks;Lille værelse ud mod parken",
                                header="Lejemålsnr.;Boligtype;Ledig pr.;Bemærkninger"), lang="en")
    assert english == ("The file has no column for: Municipality, Area, Rent, Link or Phone (how to apply). Add it "
                       "with that name.")
    header = "Lejemålsnr.;Boligtype;Ledig pr.;Bemærkninger;Municipality;Area;Rent;Phone"
    with use_lang("en"):
        assert read_listings(sheet("KB-205;Værelse;straks;Lille;Randers;Randers C;2.400;86 40 22 10", header=header),
                             provider="Boligforeningen Kystbyen", today=TODAY).ok


def test_no_problem_names_a_column_by_the_templates_internal_spelling() -> None:
    bad_sheets = [
        sheet(GOOD, "KB-202;Randers N;Værelse;2.400;straks;;"),
        sheet(GOOD, GOOD),
        sheet("KB-203;;;;;;"),
        sheet("KB-205;Værelse;straks;x", header="Lejemålsnr.;Boligtype;Ledig pr.;Bemærkninger"),
        b"Hvad;Hvor;Hvorn\xc3\xa5r\r\n1;2;3\r\n",
    ]
    for data in bad_sheets:
        for lang in ("da", "en"):
            for problem in problems(data, lang):
                assert not [name for name in INTERNAL if name in problem], problem


def test_a_room_in_a_shared_home_is_a_shared_home() -> None:
    with use_lang("da"):
        report = read_listings(sheet("KB-206;Randers NV;Værelse i delebolig;2.100;straks;86 40 22 10;"),
                               provider="Boligforeningen Kystbyen", today=TODAY)
    assert report.ok, report.problems
    assert report.listings[0].kind == "delebolig"


test_the_sheet_texts_are_our_own = our_own(["Altan mod gården og cykelkælder", "Møbleret, tæt på stationen",
                                            "Lille værelse ud mod parken"])
