"""The knowledge base kept between starts (bot/knowledge_cache.py): faster, and never an answer from old files."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from bot import knowledge_cache, model_cache
from knowledge import loader
from knowledge.index import Index
from knowledge.loader import BUNDLED_ROOT, KnowledgeError

QUESTIONS = ["hvordan får jeg boligstøtte", "jeg er blevet smidt ud i nat", "what is housing benefit",
             "kolegie værelse pris", "hvad er et indskudslån"]


def _copy_knowledge(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_ROOT / "topics", root / "topics")
    shutil.copytree(BUNDLED_ROOT / "services", root / "services")
    shutil.copytree(BUNDLED_ROOT.parent / "docs", tmp_path / "docs")  # topics cite documents in docs/
    return root


def _answers(index: Index) -> list[str]:
    return [repr(index.search(q)) for q in QUESTIONS]


def test_a_later_start_reads_the_saved_index_and_answers_the_same(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    kb, index = knowledge_cache.load(BUNDLED_ROOT, tmp_path)
    assert (tmp_path / knowledge_cache.FILE_NAME).is_file()

    def parse_again(root: Path) -> None:
        raise AssertionError("the knowledge base was parsed again")

    monkeypatch.setattr(knowledge_cache, "load_indexed", parse_again)
    again_kb, again = knowledge_cache.load(BUNDLED_ROOT, tmp_path)
    assert again_kb.topics == kb.topics and again_kb.services == kb.services
    assert _answers(again) == _answers(index)
    assert again.search("hvordan får jeg boligstøtte")


def test_an_edited_topic_is_read_again_not_served_from_the_old_copy(tmp_path: Path) -> None:
    root = _copy_knowledge(tmp_path)
    data = tmp_path / "data"
    kb, _ = knowledge_cache.load(root, data)
    topic = next(iter(kb.topics))
    path = root / "topics" / f"{topic}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(kb.topics[topic].title.da,
                                                             "Ny titel fra koordinatoren", 1), encoding="utf-8")
    edited, _ = knowledge_cache.load(root, data)
    assert edited.topics[topic].title.da == "Ny titel fra koordinatoren"


def test_a_cited_document_removed_since_is_still_reported(tmp_path: Path) -> None:
    root = _copy_knowledge(tmp_path)
    data = tmp_path / "data"
    knowledge_cache.load(root, data)
    shutil.rmtree(tmp_path / "docs")
    with pytest.raises(KnowledgeError, match="does not exist"):
        knowledge_cache.load(root, data)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_damaged_copy_is_built_again_not_an_error(tmp_path: Path, damage: bytes | None,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    _, index = knowledge_cache.load(BUNDLED_ROOT, tmp_path)
    path = tmp_path / knowledge_cache.FILE_NAME
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2] if damage is None else damage)  # None: cut off half way (kill -9)
    with caplog.at_level(logging.WARNING):
        _, again = knowledge_cache.load(BUNDLED_ROOT, tmp_path)
    assert _answers(again) == _answers(index)
    assert path.read_bytes() == whole
    assert "building it again" in caplog.text


def test_a_data_directory_that_cannot_be_written_still_starts(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:  # as a read-only folder does (root may write anyway)
        raise PermissionError("read-only file system")

    monkeypatch.setattr(model_cache.tempfile, "NamedTemporaryFile", read_only)
    with caplog.at_level(logging.WARNING):
        kb, index = knowledge_cache.load(BUNDLED_ROOT, tmp_path)
    assert kb.topics == loader.load(BUNDLED_ROOT).topics
    assert index.search("hvordan får jeg boligstøtte").topic is not None
    assert not (tmp_path / knowledge_cache.FILE_NAME).exists()
    assert "could not save the knowledge index cache" in caplog.text
