"""Rewrite the table of who may use which command and button, where, in docs/security.md from the code.

Run after adding or changing a command or a button: `python scripts/security_table.py`. A test
(tests/test_scope.py) fails while the document and the code disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.conversation.features import build_router  # noqa: E402
from bot.conversation.scope_table import replace_section  # noqa: E402

DOC = ROOT / "docs" / "security.md"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    updated = replace_section(text, build_router())
    if updated != text:
        DOC.write_text(updated, encoding="utf-8")
        print(f"updated {DOC.relative_to(ROOT)}")
    else:
        print(f"{DOC.relative_to(ROOT)} is up to date")


if __name__ == "__main__":
    main()
