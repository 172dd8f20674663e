"""Import aiogram with its pydantic models built when first used, not all at import.

Import this module before anything else imports aiogram (handlers/telegram/aiogram_front.py does).

Why: aiogram defines about 900 pydantic models (every Telegram type and Bot API method) and builds a validator
for each at import: 2.9 s and 170 MB on a small machine, before Husly has done anything. The bot uses a few
dozen of them. Its types already ask pydantic to defer building (`defer_build=True`), but `aiogram.types` then
forces every one with `model_rebuild()` to resolve forward references, and its methods do not defer at all.

Inside `deferred_model_builds(package)`:
- a model of the package that asks to be rebuilt with a names namespace gets the names its annotations use in its
  module instead (exactly what its `if TYPE_CHECKING:` imports would have given), so pydantic resolves the forward
  references itself when the model is first validated or serialised. Only those: the whole namespace (900 names)
  copied into each of the 410 modules of aiogram's types took 5 MB of the bot's memory;
- every model the package defines is created with `defer_build=True`.
Outside the block pydantic behaves as usual; if aiogram was imported before this module, nothing changes.
Built on first use, a model is the same model: aiogram validates and sends exactly as before (the tests run in
this mode, see tests/conftest.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import FunctionType
from typing import Any

from pydantic import BaseModel

try:  # pydantic's own hook for a model's settings; pinned in requirements.lock, guarded for another pydantic
    from pydantic._internal import _config
    from pydantic._internal._decorators import PydanticDescriptorProxy as _PydanticDescriptorProxy
except ImportError:  # pragma: no cover - then aiogram is imported as it is, only slower
    _config = None  # type: ignore[assignment]


@contextmanager
def deferred_model_builds(package: str) -> Iterator[None]:
    """While open, pydantic models defined in `package` (fx "aiogram") are built on first use."""
    if _config is None or not hasattr(_config.ConfigWrapper, "for_model"):  # pragma: no cover
        yield
        return
    prefix = package + "."
    known: dict[type, frozenset[str]] = {}  # names in each class's own annotations (see _named_in_annotations)
    rebuild = BaseModel.model_rebuild.__func__  # type: ignore[attr-defined]
    for_model = _config.ConfigWrapper.for_model.__func__  # type: ignore[attr-defined]

    def lazy_rebuild(cls: type[BaseModel], *, _types_namespace: Mapping[str, Any] | None = None,
                     **options: Any) -> bool | None:
        if _types_namespace is None or options or not cls.__module__.startswith(prefix):
            return rebuild(cls, _types_namespace=_types_namespace, **options)
        module_names = vars(sys.modules[cls.__module__])
        module_names.update({name: _types_namespace[name] for name in _named_in_annotations(cls, known)
                             if name in _types_namespace and name not in module_names})
        return None

    def deferring_config(cls: type[_config.ConfigWrapper], bases: tuple[type[Any], ...],
                         namespace: dict[str, Any], *args: Any) -> _config.ConfigWrapper:
        wrapper: _config.ConfigWrapper = for_model(cls, bases, namespace, *args)
        if str(namespace.get("__module__", "")).startswith(prefix):
            wrapper.config_dict["defer_build"] = True
        return wrapper

    BaseModel.model_rebuild = classmethod(lazy_rebuild)  # type: ignore[assignment,method-assign]
    _config.ConfigWrapper.for_model = classmethod(deferring_config)  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        BaseModel.model_rebuild = classmethod(rebuild)  # type: ignore[assignment,method-assign]
        _config.ConfigWrapper.for_model = classmethod(for_model)  # type: ignore[assignment,method-assign]


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What pydantic's DecoratorInfos keeps (each: name -> decorator with its function).
_DECORATOR_KINDS = ("validators", "field_validators", "root_validators", "field_serializers", "model_serializers",
                    "model_validators", "computed_fields")


def _named_in_annotations(cls: type, known: dict[type, frozenset[str]]) -> frozenset[str]:
    """Every name written in the annotations of the fields of ``cls`` and its bases and of the functions they define
    (validators, serialisers): what pydantic may have to look up in its module. ``known``: each class's own, as
    found before (the bases are shared)."""
    return frozenset().union(*(known[owner] if owner in known else known.setdefault(owner, _own_names(owner))
                               for owner in cls.__mro__))


def _own_names(owner: type) -> frozenset[str]:
    annotations: list[dict[str, Any]] = [vars(owner).get("__annotations__", {})]
    decorators = vars(owner).get("__pydantic_decorators__")
    found = [decorator.func for kind in _DECORATOR_KINDS for decorator in getattr(decorators, kind, {}).values()]
    for value in [*vars(owner).values(), *found]:
        # Only what holds a function: looking up an attribute of anything else (pydantic's placeholder validator)
        # could build the model.
        if isinstance(value, _PydanticDescriptorProxy):  # pydantic's decorators wrap the function
            value = value.wrapped
        if isinstance(value, classmethod | staticmethod):
            value = value.__func__
        if isinstance(value, property):
            value = value.fget
        if isinstance(value, FunctionType):
            annotations.append(value.__annotations__)
    return frozenset(name for found in annotations for hint in found.values() if isinstance(hint, str)
                     for name in _NAME.findall(hint))


with deferred_model_builds("aiogram"):
    import aiogram  # noqa: F401
