"""`husly listings search`, `demo` and `expire` speak Danish by default, like every command; --lang en gives English.

Playing a partner's day: after an import answered in Danish ("lagt ind: 4 nye …"), the search showed Danish cards
under an English footer ("[4 listings match; showing 1-4, page 1 of 1]"), "no listings match" when nothing fitted,
and `expire` printed "listings_expired: 0". They now use the one --lang option the other commands use.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.test_listings_import import run


def test_the_search_speaks_danish_by_default_and_english_with_lang_en(database_env: Engine,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["listings", "demo", "--count", "42"], capsys)  # 7 in each municipality
    assert code == 0 and out.startswith("demo-boliger: 42 nye, 0 opdaterede")
    _, out, _ = run(["listings", "search", "--municipality", "aarhus"], capsys)
    assert out.rstrip().endswith("[7 boliger passer; viser 1-5, side 1 af 2]")
    assert "Husleje" in out and "Rent" not in out
    _, out, _ = run(["listings", "search", "--municipality", "kbh", "--type", "lejlighed"], capsys)
    assert out.rstrip().endswith("[1 bolig passer; viser 1, side 1 af 1]")
    _, out, _ = run(["listings", "search", "--municipality", "aarhus", "--lang", "en"], capsys)
    assert out.rstrip().endswith("[7 listings match; showing 1-5, page 1 of 2]") and "Rent" in out
    _, out, _ = run(["listings", "search", "--max-rent", "1000"], capsys)
    assert out.strip() == "Ingen boliger passer."
    _, out, _ = run(["listings", "search", "--max-rent", "1000", "--lang", "en"], capsys)
    assert out.strip() == "No listings match."


def test_expire_and_demo_remove_speak_danish_by_default(database_env: Engine,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["listings", "expire"], capsys)
    assert out.strip() == "boliger udløbet: 0, besked-ønsker afsluttet: 0, beskeder om nye boliger sendt: 0"
    _, out, _ = run(["listings", "expire", "--lang", "en"], capsys)
    assert out.strip() == "listings expired: 0, alerts ended: 0, alert messages sent: 0"
    run(["listings", "demo", "--count", "6"], capsys)
    _, out, _ = run(["listings", "demo", "--remove"], capsys)
    assert out.strip() == "demo-boliger slettet: 6"


@pytest.mark.parametrize("command", [["listings", "import", "x.csv"], ["listings", "search"], ["listings", "demo"],
                                     ["listings", "expire"], ["report"], ["chat"], ["cases", "list"]])
def test_every_command_that_prints_for_a_person_offers_the_same_lang_option(
        command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*command, "--help"], capsys)
    assert code == 0 and "--lang [da|en]" in out and "[default: da]" in out
