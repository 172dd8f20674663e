"""Typed callback data: each button namespace is a small class whose fields are packed into Telegram's 64-byte
``callback_data`` ("cs:claim:12") and unpacked, checked, on the way back.

The idea of aiogram's ``CallbackData`` (a prefix and typed fields joined by ":"), without aiogram: the core
knows no chat framework. Data from a button can be forged by a modified client or be stale, so ``unpack``
never raises: anything that does not fit the class (wrong prefix, missing or extra parts, a number that is
not a number or too big for the database, an unknown enum value) gives ``None``.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import types
import typing
from typing import Any, ClassVar, Self

from bot.replies import CALLBACK_DATA_MAX_BYTES, Button

SEP = ":"
# Ids in the database are 32-bit on PostgreSQL: a bigger number would be a database error, not "no such case".
MAX_INT = 2**31 - 1
_INT = re.compile(r"^\d{1,10}$")


class CallbackDataError(ValueError):
    """A value cannot be packed (a separator inside a field, or the result longer than 64 bytes)."""


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    kind: Any
    optional: bool
    default: Any


class CallbackData:
    """Base class. Subclass as ``@dataclass(frozen=True) class Claim(CallbackData, prefix="cs"): ...``.

    Field types: ``int`` (0..2**31-1), ``str``, ``bool``, a ``StrEnum``, or any of these ``| None``. Only the
    last field may contain ":" (fx a search's encoded filters). Fields left at their default at the end are
    not packed, so ``Youth(YouthAction.GO)`` is "cy:go".
    """

    prefix: ClassVar[str]
    compact: ClassVar[bool]
    # Every subclass is a dataclass (see above); declared here so the type checker knows it too.
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def __init_subclass__(cls, *, prefix: str, compact: bool = True, **kwargs: Any) -> None:
        """``prefix``: a namespace ("cs") or a namespace and an action ("ls:p"); ``compact=False`` keeps empty
        trailing fields in the data (fx a search "ls:a:aarhus::" names all three filters)."""
        super().__init_subclass__(**kwargs)
        if not prefix or prefix.count(SEP) > 1 or "" in prefix.split(SEP):
            raise ValueError(f"invalid callback prefix {prefix!r}")
        cls.prefix, cls.compact = prefix, compact

    def pack(self) -> str:
        fields = _fields(type(self))
        values = [getattr(self, f.name) for f in fields]
        while self.compact and values and _is_default(fields[len(values) - 1], values[-1]):
            values.pop()
        parts = [self.prefix]
        for position, (spec, value) in enumerate(zip(fields, values, strict=False)):
            text = _encode(value)
            if SEP in text and position != len(fields) - 1:
                raise CallbackDataError(f"{spec.name} may not contain {SEP!r}: {text!r}")
            parts.append(text)
        data = SEP.join(parts)
        if len(data.encode()) > CALLBACK_DATA_MAX_BYTES:
            raise CallbackDataError(f"callback data longer than {CALLBACK_DATA_MAX_BYTES} bytes: {data!r}")
        return data

    @classmethod
    def unpack(cls, data: str | None) -> Self | None:
        """The button's values, or None when ``data`` is not one of this class's buttons."""
        if not data or len(data.encode()) > CALLBACK_DATA_MAX_BYTES:
            return None
        if data != cls.prefix and not data.startswith(cls.prefix + SEP):
            return None
        rest = data[len(cls.prefix) + 1:]
        sep = data != cls.prefix
        fields = _fields(cls)
        parts = rest.split(SEP, len(fields) - 1) if sep and fields else []
        if sep and not fields:
            return None
        values: dict[str, Any] = {}
        for position, spec in enumerate(fields):
            if position >= len(parts):
                if spec.default is dataclasses.MISSING:
                    return None
                continue
            value = _decode(spec, parts[position])
            if value is _INVALID:
                return None
            values[spec.name] = value
        return cls(**values)

    @classmethod
    def example(cls) -> Self:
        """A valid instance (the first value of every field), for tests that press every kind of button."""
        values: dict[str, Any] = {}
        for spec in _fields(cls):
            if isinstance(spec.kind, type) and issubclass(spec.kind, enum.Enum):
                values[spec.name] = next(iter(spec.kind))
            else:
                values[spec.name] = {int: 1, str: "x", bool: True}[spec.kind]
        return cls(**values)


_INVALID = object()
_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _fields(cls: type[CallbackData]) -> tuple[_Field, ...]:
    """The class's fields with their types, read once per class."""
    if cls not in _FIELDS:
        _FIELDS[cls] = _read_fields(cls)
    return _FIELDS[cls]


def _read_fields(cls: type[CallbackData]) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls)
    found = []
    for field in dataclasses.fields(cls):
        kind, optional = hints[field.name], False
        if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
            args = [a for a in typing.get_args(kind) if a is not type(None)]
            kind, optional = args[0], True
        if not (kind in (int, str, bool) or (isinstance(kind, type) and issubclass(kind, enum.StrEnum))):
            raise TypeError(f"{cls.__name__}.{field.name}: unsupported callback field type {kind!r}")
        found.append(_Field(field.name, kind, optional, field.default))
    return tuple(found)


def _is_default(spec: _Field, value: Any) -> bool:
    return spec.default is not dataclasses.MISSING and value == spec.default


def _encode(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _decode(spec: _Field, text: str) -> Any:
    if text == "" and spec.optional:
        return None
    if spec.kind is str:
        return text
    if spec.kind is bool:
        return {"1": True, "0": False}.get(text, _INVALID)
    if spec.kind is int:
        if not _INT.match(text) or int(text) > MAX_INT:
            return _INVALID
        return int(text)
    try:
        return spec.kind(text)
    except ValueError:
        return _INVALID


def button(text: str, data: CallbackData) -> Button:
    """An inline button that sends ``data`` when pressed."""
    return Button(text, data=data.pack())
