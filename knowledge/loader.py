"""Load the curated knowledge base from YAML files and check it.

Layout: ``<root>/topics/<id>.yaml`` and ``<root>/services/<id>.yaml``. The loader never stops at the first
problem: it collects every ``file: problem`` line so a curator can fix a whole batch in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml
from pydantic import ValidationError

from knowledge import yamlfile
from knowledge.readability import mean_lix
from knowledge.schema import Service, Topic

BUNDLED_ROOT = Path(__file__).resolve().parent
STALE_AFTER_DAYS = 180
# Telegram's limit for a button's callback data; a specific question's button carries "fq:<topic>:<faq id>".
CALLBACK_DATA_MAX_BYTES = 64
# Danish phone numbers as they are written in answers: "70 20 12 01", "1888", "116 111", "112".
PHONE_IN_TEXT = re.compile(
    r"(?<![\d.,§-])(?<!§ )(?:\+45 ?)?(?:\d{2} ?\d{2} ?\d{2} ?\d{2}|\d{3} ?\d{3}|11\d|18\d\d)(?![\d.,]*\d)"
)


class KnowledgeError(Exception):
    """The knowledge base could not be loaded; ``problems`` holds ``file: problem`` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class KnowledgeBase:
    topics: Mapping[str, Topic]
    services: Mapping[str, Service]
    root: Path
    warnings: tuple[str, ...] = field(default=())

    def stale(self, today: dt.date, days: int = STALE_AFTER_DAYS) -> list[str]:
        """List ``kind id (date)`` for every entry not reviewed within ``days``."""
        limit = today - dt.timedelta(days=days)
        entries = [("topic", t.id, t.last_reviewed) for t in self.topics.values()]
        entries += [("service", s.id, s.last_reviewed) for s in self.services.values()]
        return [f"{kind} {id_} ({day.isoformat()})" for kind, id_, day in sorted(entries, key=lambda e: e[2])
                if day < limit]

    def outdated_amounts(self, year: int) -> list[str]:
        """``topic id`` or ``topic id faq id`` with the year, for every entry whose amounts hold for a past year."""
        found = []
        for topic in self.topics.values():
            if topic.amounts_year is not None and topic.amounts_year < year:
                found.append(f"topic {topic.id}: amounts are for {topic.amounts_year}")
            found += [f"topic {topic.id} faq {entry.id}: amounts are for {entry.amounts_year}"
                      for entry in topic.faq if entry.amounts_year is not None and entry.amounts_year < year]
        return found

    @property
    def faq_count(self) -> int:
        return sum(len(topic.faq) for topic in self.topics.values())

    def danish_texts(self) -> list[str]:
        """Every Danish answer text a person can be shown: answers, details, local texts, specific answers."""
        texts = []
        for topic in self.topics.values():
            texts.append(topic.answer.da)
            if topic.more:
                texts.append(topic.more.da)
            texts += [text.da for text in topic.municipalities.values()]
            texts += [entry.a.da for entry in topic.faq]
        return texts

    def mean_lix(self) -> float:
        return mean_lix(self.danish_texts())


def phone_digits(text: str) -> str:
    """Digits only, without the +45 country code, so "+45 8915 1515" and "89 15 15 15" compare equal."""
    digits = re.sub(r"\D", "", text)
    return digits[2:] if len(digits) > 8 and digits.startswith("45") else digits


def _format_error(path: Path, error: ValidationError) -> list[str]:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "file"
        lines.append(f"{path}: {where}: {item['msg']}")
    return lines


def _load_dir(directory: Path, model: type[Topic] | type[Service], problems: list[str]) -> dict:
    entries: dict = {}
    if not directory.is_dir():
        problems.append(f"{directory}: folder is missing")
        return entries
    for path in sorted(directory.glob("*.yaml")):
        try:
            raw = yamlfile.parse(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: not valid YAML ({type(exc).__name__})")
            continue
        if not isinstance(raw, dict):
            problems.append(f"{path}: expected a mapping of fields")
            continue
        try:
            entry = model.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_format_error(path, exc))
            continue
        if entry.id != path.stem:
            problems.append(f"{path}: id '{entry.id}' does not match the file name")
        if entry.id in entries:
            problems.append(f"{path}: duplicate id '{entry.id}'")
            continue
        entries[entry.id] = entry
    return entries


def _check_references(topics: dict[str, Topic], services: dict[str, Service], root: Path) -> list[str]:
    """Cross-file rules: links point somewhere, and every phone number in an answer is a sourced service."""
    problems = _check_documents(topics, services, root)
    known_phones = {phone_digits(s.phone) for s in services.values() if s.phone}
    for topic in topics.values():
        path = root / "topics" / f"{topic.id}.yaml"
        problems += [f"{path}: services: unknown service '{s}'" for s in topic.services if s not in services]
        problems += [f"{path}: related: unknown topic '{r}'" for r in topic.related if r not in topics]
        problems += [f"{path}: faq {entry.id}: id too long for a button (at most "
                     f"{CALLBACK_DATA_MAX_BYTES - len(f'fq:{topic.id}:'.encode())} characters with this topic)"
                     for entry in topic.faq if len(f"fq:{topic.id}:{entry.id}".encode()) > CALLBACK_DATA_MAX_BYTES]
        texts = [topic.answer, *([topic.more] if topic.more else []), *topic.municipalities.values(),
                 *(entry.a for entry in topic.faq)]
        for text in texts:
            for lang in ("da", "en"):
                for number in PHONE_IN_TEXT.findall(text.get(lang)):
                    if phone_digits(number) not in known_phones:
                        problems.append(f"{path}: phone number '{number}' is not in any service entry")
    return problems


def _check_documents(topics: Mapping[str, Topic], services: Mapping[str, Service], root: Path) -> list[str]:
    problems = []
    entries: list[Topic | Service] = [*topics.values(), *services.values()]
    for entry in entries:
        kind = "topics" if isinstance(entry, Topic) else "services"
        for source in entry.sources:
            if source.document and not (root.parent / source.document).is_file():
                problems.append(f"{root / kind / (entry.id + '.yaml')}: sources: document '{source.document}' "
                                "does not exist")
    return problems


def check_documents(kb: KnowledgeBase) -> None:
    """Check a knowledge base loaded earlier (kept between starts) against the documents it refers to."""
    problems = _check_documents(kb.topics, kb.services, kb.root)
    if problems:
        raise KnowledgeError(problems)


def load(root: Path = BUNDLED_ROOT) -> KnowledgeBase:
    """Load and validate every topic and service under ``root``; raise KnowledgeError listing all problems."""
    problems: list[str] = []
    topics = _load_dir(root / "topics", Topic, problems)
    services = _load_dir(root / "services", Service, problems)
    problems += _check_references(topics, services, root)
    if not topics and not problems:
        problems.append(f"{root / 'topics'}: no topics found")
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(topics=MappingProxyType(topics), services=MappingProxyType(services), root=root)
