"""Add a question as an example phrasing to a topic's YAML file, changing nothing else in the file.

A text edit, not a YAML round trip: the curated files have folded answers, comments and hand-wrapped lists
that a dumper would reflow, and a reviewer should see a one-line diff in git. The result is checked by
parsing the file before and after: the only change must be the new phrase at the end of the list.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from knowledge import yamlfile
from knowledge.normalise import fold


class TopicFileError(ValueError):
    """The file cannot take the phrase automatically; the message says what to do instead."""


def topic_path(root: Path, topic_id: str) -> Path:
    return root / "topics" / f"{topic_id}.yaml"


def add_example(path: Path, lang: str, phrase: str) -> bool:
    """Append ``phrase`` to ``examples.<lang>``; False when the topic already has it (folded)."""
    if not path.exists():
        raise TopicFileError(f"no topic file {path}")
    original = path.read_text(encoding="utf-8")
    before = yamlfile.parse(original)
    examples = (before.get("examples") or {}).get(lang)
    if not isinstance(examples, list):
        raise TopicFileError(f"{path.name} has no examples.{lang} list; add the phrase by hand")
    if fold(phrase) in {fold(str(e)) for e in examples}:
        return False
    lines = original.splitlines(keepends=True)
    at, indent = _end_of_list(lines, lang, path.name)
    item = yaml.safe_dump([phrase], allow_unicode=True, width=1_000_000, default_flow_style=False)
    newline = "\n" if lines[at - 1].endswith("\n") else ""
    if not newline:
        lines[at - 1] += "\n"
    lines.insert(at, " " * indent + item.rstrip("\n") + "\n")
    edited = "".join(lines)
    after = yamlfile.parse(edited)
    before["examples"][lang] = [*examples, phrase]
    if after != before:
        raise TopicFileError(f"{path.name}: could not add the phrase safely; add it by hand")
    path.write_text(edited, encoding="utf-8")
    return True


def _end_of_list(lines: list[str], lang: str, name: str) -> tuple[int, int]:
    """The line index after the last item of ``examples.<lang>``, and the items' indentation."""
    top = next((i for i, line in enumerate(lines) if re.match(r"examples:\s*(#.*)?$", line)), None)
    if top is None:
        raise TopicFileError(f"{name} has no block 'examples:'; add the phrase by hand")
    start = None
    for i in range(top + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith((" ", "#")):
            break  # the next top-level key
        if re.match(rf"\s+{re.escape(lang)}:\s*(#.*)?$", line):
            start = i
            break
    if start is None:
        raise TopicFileError(f"{name}: examples.{lang} is not a block list; add the phrase by hand")
    last, indent = None, None
    for i in range(start + 1, len(lines)):
        match = re.match(r"(\s*)- ", lines[i])
        if match:
            last, indent = i, len(match.group(1))
            continue
        if lines[i].strip() and not lines[i].lstrip().startswith("#") and last is not None and (
                len(lines[i]) - len(lines[i].lstrip()) > (indent or 0) + 1):
            last = i  # a wrapped item continues
            continue
        break
    if last is None or indent is None:
        raise TopicFileError(f"{name}: examples.{lang} has no items; add the phrase by hand")
    return last + 1, indent
