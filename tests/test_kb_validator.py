"""`husly kb check` and the loader: every kind of invalid entry is reported as `file: problem`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.loader import BUNDLED_ROOT, KnowledgeError, load

TOPIC = {
    "id": "testemne",
    "category": "housing",
    "title": {"da": "Et emne", "en": "A topic"},
    "answer": {"da": "Et kort svar.", "en": "A short answer."},
    "examples": {"da": ["et spørgsmål"], "en": ["a question"]},
    "sources": [{"title": "Kilde", "url": "https://example.org/kilde"}],
    "last_reviewed": "2026-11-01",
}
SERVICE = {
    "id": "testlinje",
    "organization": {"name": "Test"},
    "name": {"da": "Testlinjen", "en": "The test line"},
    "description": {"da": "Ring her.", "en": "Call here."},
    "eligibility": {"da": "Alle.", "en": "Everyone."},
    "area": "national",
    "phone": "70 20 12 01",
    "sources": [{"title": "Kilde", "url": "https://example.org/linje"}],
    "last_reviewed": "2026-11-01",
}


def write_kb(root: Path, topics: list[dict], services: list[dict] | None = None) -> Path:
    (root / "topics").mkdir(parents=True)
    (root / "services").mkdir()
    for topic in topics:
        (root / "topics" / f"{topic['id']}.yaml").write_text(yaml.safe_dump(topic, allow_unicode=True))
    for service in services if services is not None else [SERVICE]:
        (root / "services" / f"{service['id']}.yaml").write_text(yaml.safe_dump(service, allow_unicode=True))
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load(root)
    return caught.value.problems


def test_a_valid_minimal_knowledge_base_loads(tmp_path: Path) -> None:
    kb = load(write_kb(tmp_path, [TOPIC]))
    assert list(kb.topics) == ["testemne"]
    assert kb.services["testlinje"].phone == "70 20 12 01"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"colour": "blue"}, "colour: Extra inputs are not permitted"),
        ({"answer": {"da": "Kun dansk."}}, "answer.en: Field required"),
        ({"sources": [{"title": "Kilde", "url": "not a url"}]}, "sources.0.url"),
        ({"sources": []}, "should have at least 1 item"),
        ({"last_reviewed": None}, "last_reviewed"),
        ({"last_reviewed": "2999-01-01"}, "last_reviewed: Value error, last_reviewed is in the future"),
        ({"answer": {"da": "TODO skriv svar", "en": "An answer."}}, "placeholder text left in"),
        ({"examples": {"da": ["kun dansk"]}}, "examples need at least one phrasing in both da and en"),
        ({"answer": {"da": "Ring 12 34 56 78.", "en": "Call 12 34 56 78."}}, "phone number '12 34 56 78'"),
        ({"related": ["findes-ikke"]}, "related: unknown topic 'findes-ikke'"),
        ({"services": ["findes-ikke"]}, "services: unknown service 'findes-ikke'"),
        ({"municipalities": {"odense": {"da": "x", "en": "y"}}}, "municipalities.odense"),
    ],
)
def test_each_kind_of_invalid_topic_is_named(tmp_path: Path, change: dict, expected: str) -> None:
    topic = {**TOPIC, **change}
    if change.get("last_reviewed", "x") is None:
        del topic["last_reviewed"]
    found = problems(write_kb(tmp_path, [topic]))
    assert any(expected in p and "testemne.yaml" in p for p in found), found


def test_phone_in_a_sourced_service_is_allowed(tmp_path: Path) -> None:
    topic = {**TOPIC, "answer": {"da": "Ring 70 20 12 01.", "en": "Call +45 70 20 12 01."}}
    assert load(write_kb(tmp_path, [topic]))


def test_duplicate_id_and_file_name_mismatch(tmp_path: Path) -> None:
    root = write_kb(tmp_path, [TOPIC])
    (root / "topics" / "andet.yaml").write_text(yaml.safe_dump(TOPIC, allow_unicode=True))
    found = problems(root)
    assert any("andet.yaml: id 'testemne' does not match the file name" in p for p in found)
    assert any("duplicate id 'testemne'" in p for p in found)


def test_broken_yaml_and_non_mapping(tmp_path: Path) -> None:
    root = write_kb(tmp_path, [TOPIC])
    (root / "topics" / "broken.yaml").write_text("id: [unclosed\n")
    (root / "topics" / "list.yaml").write_text("- just\n- a list\n")
    found = problems(root)
    assert any("broken.yaml: not valid YAML" in p for p in found)
    assert any("list.yaml: expected a mapping of fields" in p for p in found)


def test_invalid_service_fields(tmp_path: Path) -> None:
    bad_phone = {**SERVICE, "phone": "call us"}
    local = {**SERVICE, "id": "lokal", "area": "local"}
    found = problems(write_kb(tmp_path, [TOPIC], [bad_phone, local]))
    assert any("testlinje.yaml: phone" in p for p in found)
    assert any("a local service must name its municipalities" in p for p in found)


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    assert any("folder is missing" in p for p in problems(tmp_path))


def test_stale_entries_are_listed_oldest_first(tmp_path: Path) -> None:
    old = {**TOPIC, "id": "gammel", "last_reviewed": "2025-01-01"}
    kb = load(write_kb(tmp_path, [TOPIC, old]))
    assert kb.stale(dt.date(2026, 11, 27)) == ["topic gammel (2025-01-01)"]


def test_bundled_knowledge_base_is_valid(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_ROOT / "topics", root / "topics")
    shutil.copytree(BUNDLED_ROOT / "services", root / "services")
    shutil.copytree(BUNDLED_ROOT.parent / "docs", tmp_path / "docs")  # sources may cite our own docs
    kb = load(root)
    assert len(kb.topics) >= 12


def test_a_source_is_a_url_or_an_existing_document(tmp_path: Path) -> None:
    both = {**TOPIC, "sources": [{"title": "x", "url": "https://example.org", "document": "docs/a.md"}]}
    missing = {**TOPIC, "id": "andet", "sources": [{"title": "Husly", "document": "docs/findes-ikke.md"}]}
    found = problems(write_kb(tmp_path / "knowledge", [both, missing]))
    assert any("exactly one of url or document" in p for p in found)
    assert any("andet.yaml: sources: document 'docs/findes-ikke.md' does not exist" in p for p in found)


FAQ = {"id": "et-spoergsmaal", "q": {"da": "Et spørgsmål?", "en": "A question?"},
       "a": {"da": "Et svar.", "en": "An answer."}, "sources": [{"title": "Kilde", "url": "https://example.org/f"}]}


@pytest.mark.parametrize(
    ("faq", "expected"),
    [
        ({**FAQ, "sources": []}, "faq.0.sources: Tuple should have at least 1 item"),
        ({k: v for k, v in FAQ.items() if k != "sources"}, "faq.0.sources: Field required"),
        ({**FAQ, "a": {"da": "Kun dansk."}}, "faq.0.a.en: Field required"),
        ({**FAQ, "a": {"da": "Ring 12 34 56 78.", "en": "Call 12 34 56 78."}}, "phone number '12 34 56 78'"),
        ({**FAQ, "id": "x" * 60}, "id too long for a button"),
        ({**FAQ, "amounts_year": 1999}, "faq.0.amounts_year"),
    ],
)
def test_each_kind_of_invalid_specific_answer_is_named(tmp_path: Path, faq: dict, expected: str) -> None:
    found = problems(write_kb(tmp_path, [{**TOPIC, "faq": [faq]}]))
    assert any(expected in p and "testemne.yaml" in p for p in found), found


def test_duplicate_specific_answer_ids_are_named(tmp_path: Path) -> None:
    found = problems(write_kb(tmp_path, [{**TOPIC, "faq": [FAQ, FAQ]}]))
    assert any("duplicate faq id(s): et-spoergsmaal" in p for p in found), found


def test_past_amount_years_are_listed_and_counts_kept(tmp_path: Path) -> None:
    kb = load(write_kb(tmp_path, [{**TOPIC, "amounts_year": 2025, "faq": [{**FAQ, "amounts_year": 2026}]}]))
    assert kb.outdated_amounts(2026) == ["topic testemne: amounts are for 2025"]
    assert kb.outdated_amounts(2027) == ["topic testemne: amounts are for 2025",
                                         "topic testemne faq et-spoergsmaal: amounts are for 2026"]
    assert kb.faq_count == 1
    assert kb.danish_texts() == ["Et kort svar.", "Et svar."]
