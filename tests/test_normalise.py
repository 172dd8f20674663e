"""Danish-aware normalisation, stemming, and language and municipality detection."""

from __future__ import annotations

import pytest

from knowledge.lexicon import detect_language, detect_municipality
from knowledge.normalise import fold, stem, words


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Boligstøtte!!", "boligstoette"),
        ("BOLIGSTØTTE 🙏🙏", "boligstoette"),
        ("kan man få et værelse?", "kan man faa et vaerelse"),
        ("Høje-Taastrup", "hoeje taastrup"),
        ("Århus C.", "aarhus c"),
        ("café…   crème", "cafe creme"),
        ("", ""),
        ("🙂🙂", ""),
    ],
)
def test_fold_treats_danish_letters_and_their_digraphs_alike(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_folded_and_unfolded_spellings_stem_the_same() -> None:
    for with_letters, without in [("værelser", "vaerelser"), ("boligstøtte", "boligstoette"), ("få", "faa")]:
        assert stem(fold(with_letters), "da") == stem(without, "da")


def test_danish_stemming_joins_inflections() -> None:
    assert stem("ungdomsboliger", "da") == stem("ungdomsbolig", "da")
    assert stem("lejligheder", "da") == stem("lejligheden", "da")
    assert stem("apartments", "en") == stem("apartment", "en")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("jeg bor i kbh", "koebenhavn"),
        ("billig lejlighed i århus", "aarhus"),
        ("billig lejlighed i arhus", "aarhus"),
        ("Høje Taastrup", "hoeje-taastrup"),
        ("hoje-taastrup kommune", "hoeje-taastrup"),
        ("room in copenhagen", "koebenhavn"),
        ("jeg bor i Hinnerup", "favrskov"),
        ("Roksilde", "roskilde"),
        ("randers", "randers"),
        ("jeg bor i odense", None),
        ("hvad er boligstøtte", None),
    ],
)
def test_municipality_detection(text: str, slug: str | None) -> None:
    assert detect_municipality(words(text)) == slug


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("hvordan søger jeg boligstøtte", "da"),
        ("kan man faa boligstotte til et vaerelse", "da"),
        ("I have nowhere to sleep tonight", "en"),
        ("can I get housing benefit", "en"),
        ("boligstøtte", "da"),
        ("", "da"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(words(text), text) == lang
