"""A partner's messy sheet, played: a BOM, a title row, semicolons, Danish decimal commas, "kr." in the rents, an
empty line, dates as 01-02-2027. Two things went wrong, each failed before its fix:

- "Husleje pr. mnd." (the commonest Danish short form of måned) was not the rent column: the file was refused with
  "no column for: Rent", though the sheet plainly had it ("pr. md." and "om måneden" worked).
- "Telefonnr.", "Lejlighedsnr." and "Kommunenavn" were skipped as unknown columns, so the file had "no column for"
  the phone, the reference and the municipality it plainly had.
- Amounts and sizes were rounded half to even: a rent of "4.200,50" was shown to young people as 4.200 kr. (less
  than they pay) and "14,5" m² as 14, while "55,5" became 56.
"""

from __future__ import annotations

import datetime as dt

from bot.i18n import use_lang
from bot.listings.csv_import import read_listings

TODAY = dt.date(2026, 12, 7)


def sheet(header: str, *rows: str) -> bytes:
    lines = ["Boligforeningen Øst – ledige boliger;;;;;;", ";;;;;;", header, *rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def read(data: bytes):
    with use_lang("en"):
        return read_listings(data, provider="Boligforeningen Øst", today=TODAY)


def test_a_rent_column_named_per_month_with_mnd_is_the_rent() -> None:
    for header in ("Lejemålsnr.;Kommune;Område;Boligtype;Husleje pr. mnd.;Aconto pr. mnd.;Kontakt tlf.",
                   "Lejemålsnr.;Kommune;Område;Boligtype;Husleje pr mnd;Aconto/mnd;Kontakt tlf."):
        report = read(sheet(header, "ØJ-1;Aarhus;Aarhus N;værelse;kr. 3.450,00;300 kr.;86 12 34 56", "",
                            "ØJ-2;Aarhus;Aarhus V;ungdomsbolig;3.900 kr.;450;86 12 34 57"))
        assert report.ok, (header, report.problems)
        assert [(x.rent, x.aconto) for x in report.listings] == [(3450, 300), (3900, 450)], header


def test_half_a_krone_and_half_a_square_metre_round_up() -> None:
    report = read(sheet("Lejemålsnr.;Kommune;Område;Boligtype;Boligareal;Husleje (kr.);Ledig pr.;Kontakt tlf.",
                        "ØJ-3;Aarhus;Aarhus C;lejlighed;14,5;4.200,50;01-02-2027;86 12 34 56"))
    assert report.ok, report.problems
    (home,) = report.listings
    assert (home.size_m2, home.rent, home.available_from) == (15, 4201, dt.date(2027, 2, 1))


def test_a_phone_number_a_flat_number_and_a_municipality_name_column_are_known() -> None:
    report = read(sheet("Lejlighedsnr.;Kommunenavn;Område;Boligtype;Husleje mdl.;Telefonnr.",
                        "12-3;Randers;Randers C;lejlighed;4.100;86 12 34 56"))
    assert report.ok, report.problems
    (home,) = report.listings
    assert (home.provider_ref, home.municipality, home.rent, home.apply_phone) == ("12-3", "randers", 4100,
                                                                                   "86 12 34 56")
