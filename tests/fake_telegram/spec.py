"""Loads the Bot API 10.1 spec (``shared/telegram/bot-api.json``) once and gives typed access to it.

The spec file lives outside the repository (``/work/shared`` locally, a sibling ``shared/`` folder in CI), so it
is found by walking up from this file rather than through a fixed absolute path (or named by ``$HUSLY_BOT_API_SPEC``).
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPEC_RELATIVE_PATH = Path("shared") / "telegram" / "bot-api.json"
# Names the spec file directly (a CI layout without the sibling folder, or a test of the missing-spec message).
SPEC_ENV = "HUSLY_BOT_API_SPEC"

PRIMITIVE_TYPES = frozenset({"Integer", "String", "Boolean", "Float"})

# A subtype announces its discriminator in the description of its first field, e.g.
# 'Type of the message origin, always "user"' or 'Scope type, must be default'.
_DISCRIMINATOR_RE = re.compile(r'(?:always|must be) "?([a-z_]+)"?')


@dataclass(frozen=True)
class FieldSpec:
    """One parameter of a method or one field of a type."""

    name: str
    types: tuple[str, ...]
    required: bool
    description: str


@dataclass(frozen=True)
class TypeSpec:
    """A Bot API type: either a plain object with fields or a union of ``subtypes``."""

    name: str
    fields: dict[str, FieldSpec]
    subtypes: tuple[str, ...] = ()
    description: str = ""
    # (field name, value) that identifies this type inside its parent union, if the spec states one.
    discriminator: tuple[str, str] | None = None


@dataclass(frozen=True)
class MethodSpec:
    """A Bot API method with its parameters and documented return type(s)."""

    name: str
    fields: dict[str, FieldSpec]
    returns: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    """The whole spec, indexed for the validator and the fake server."""

    version: str
    methods: dict[str, MethodSpec]
    types: dict[str, TypeSpec]
    # Telegram treats method names case-insensitively (``/sendmessage`` works), so keep a lower-case index.
    _method_index: dict[str, str] = field(default_factory=dict, repr=False)

    def method(self, name: str) -> MethodSpec | None:
        """Return the method spec for ``name`` (case-insensitive, like Telegram) or ``None``."""
        canonical = self._method_index.get(name.lower())
        return self.methods.get(canonical) if canonical else None


class SpecMissing(FileNotFoundError):
    """The spec file is not there: every test that talks to the fake needs it."""


def find_spec_path(start: Path | None = None) -> Path:
    """``$HUSLY_BOT_API_SPEC``, or ``shared/telegram/bot-api.json`` in the nearest ancestor folder of ``start``."""
    override = os.environ.get(SPEC_ENV)
    if override:
        if Path(override).is_file():
            return Path(override)
        raise SpecMissing(f"the Bot API spec ../{SPEC_RELATIVE_PATH} is missing: {SPEC_ENV} names {override},"
                          " which is not a file")
    here = (start or Path(__file__)).resolve()
    for parent in here.parents:
        candidate = parent / SPEC_RELATIVE_PATH
        if candidate.is_file():
            return candidate
    raise SpecMissing(
        f"the Bot API spec ../{SPEC_RELATIVE_PATH} is missing: it is in no parent folder of {here}. The fake"
        f" Telegram server validates every call with it: check out shared/ next to the repository, or point"
        f" {SPEC_ENV} at the file"
    )


def _fields(raw: list[dict[str, Any]]) -> dict[str, FieldSpec]:
    return {
        f["name"]: FieldSpec(
            name=f["name"],
            types=tuple(f["types"]),
            required=bool(f.get("required", False)),
            description=f.get("description", ""),
        )
        for f in raw
    }


def _discriminator(fields: dict[str, FieldSpec]) -> tuple[str, str] | None:
    first = next(iter(fields.values()), None)
    if first is None or first.types != ("String",) or first.name not in {"type", "status", "source"}:
        return None
    match = _DISCRIMINATOR_RE.search(first.description)
    return (first.name, match.group(1)) if match else None


@functools.cache
def load_spec(path: str | None = None) -> Spec:
    """Parse the spec file once per process (it is ~900 kB; every call validation uses it)."""
    data = json.loads(Path(path or find_spec_path()).read_text(encoding="utf-8"))
    types: dict[str, TypeSpec] = {}
    for name, raw in data["types"].items():
        fields = _fields(raw.get("fields", []))
        types[name] = TypeSpec(
            name=name,
            fields=fields,
            subtypes=tuple(raw.get("subtypes", ())),
            description=" ".join(raw.get("description", [])),
            discriminator=_discriminator(fields),
        )
    methods = {
        name: MethodSpec(name=name, fields=_fields(raw.get("fields", [])), returns=tuple(raw.get("returns", ())))
        for name, raw in data["methods"].items()
    }
    return Spec(
        version=data.get("version", "?"),
        methods=methods,
        types=types,
        _method_index={name.lower(): name for name in methods},
    )


def minimal_object(type_expr: str, spec: Spec | None = None, _depth: int = 0) -> Any:
    """Build the smallest value that is valid for ``type_expr`` (only required fields, zero-ish values).

    Used for the result of methods the fake does not model in detail, so that aiogram's pydantic models and
    PTB's ``de_json`` accept the answer instead of choking on a bare ``true``.
    """
    spec = spec or load_spec()
    if type_expr.startswith("Array of "):
        return []
    simple = {"Integer": 0, "Float": 0.0, "Boolean": True, "String": ""}
    if type_expr in simple:
        return simple[type_expr]
    type_spec = spec.types.get(type_expr)
    if type_spec is None or _depth > 8:
        return {}
    if type_spec.subtypes:
        # A primitive alternative (RichText can be a String) is the smallest; otherwise prefer a subtype with a
        # discriminator so unions decode to a concrete class.
        if "String" in type_spec.subtypes:
            return ""
        for sub in type_spec.subtypes:
            sub_spec = spec.types.get(sub)
            if sub_spec is not None and sub_spec.discriminator is not None:
                return minimal_object(sub, spec, _depth + 1)
        return minimal_object(type_spec.subtypes[0], spec, _depth + 1)
    result: dict[str, Any] = {}
    for f in type_spec.fields.values():
        if not f.required:
            continue
        if type_spec.discriminator is not None and f.name == type_spec.discriminator[0]:
            result[f.name] = type_spec.discriminator[1]
        elif f.types == ("Boolean",):
            # Required booleans are usually "always True" flags (e.g. ChatMemberBanned fields are False-able,
            # but is_bot/has_* are free): False is the neutral choice.
            result[f.name] = False
        else:
            result[f.name] = minimal_object(f.types[0], spec, _depth + 1)
    return result
