"""No hidden dependencies: the core learns about features only through what they register."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.conversation.features import build_router

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ("bot.cases", "bot.listings", "bot.curation", "bot.report")


def every_import(path: Path) -> set[str]:
    """Every module a file imports, at any depth (inside functions and ``if TYPE_CHECKING:`` too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_privacy_registry_imports_no_feature() -> None:
    core = [ROOT / "bot/privacy/registry.py", ROOT / "bot/privacy/leftovers.py"]
    assert not {m for path in core for m in every_import(path) if m.startswith(FEATURES)}
    assert not (ROOT / "bot/privacy/stores.py").exists()


def test_the_context_needs_nothing_from_the_router() -> None:
    assert "bot.conversation.router" not in every_import(ROOT / "bot/conversation/context.py")


def test_each_feature_registers_its_store_of_personal_data() -> None:
    names = [store.name for store in build_router().stores]
    assert names[:2] == ["profile", "messages"]  # the core's first
    assert sorted(names[2:]) == ["cases", "curator_queue", "housing_alerts"]


def test_the_checker_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import bot.cases.x\n"
                      "def f():\n    from bot.listings import y\n")
    assert {"bot.cases.x", "bot.listings"} <= every_import(sample)
