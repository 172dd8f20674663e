"""Every key of the bundled YAML data is written once.

A YAML mapping keeps the last of two equal keys without a word: a new concept in bot/data/triage.yaml named like an
existing one ("came_back") silently replaced it, and "jeg var fri for selvmordstanker længe, men nu er tankerne
tilbage" was no longer an emergency. The rules, lexicons, topics and services are read here with a loader that
refuses a key said twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*ROOT.glob("bot/data/*.yaml"), *ROOT.glob("knowledge/**/*.yaml")])


class _KeysOnce(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def test_there_are_data_files() -> None:
    assert any(f.name == "triage.yaml" for f in FILES) and len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_once(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_KeysOnce)
