"""Import aiogram with its pydantic models built when first used, not all at import.

Import this module before anything else imports aiogram (handlers/telegram/aiogram_front.py does).

Why: aiogram defines about 900 pydantic models (every Telegram type and Bot API method) and builds a validator
for each at import: 2.9 s and 170 MB on a small machine, before Husly has done anything. The bot uses a few
dozen of them. Its types already ask pydantic to defer building (`defer_build=True`), but `aiogram.types` then
forces every one with `model_rebuild()` to resolve forward references, and its methods do not defer at all.

Inside `deferred_model_builds(package)`:
- a model of the package that asks to be rebuilt with a names namespace keeps those names as its parent namespace
  instead (where pydantic looks after the model's module; they name the very objects its `if TYPE_CHECKING:`
  imports would have given), so pydantic resolves the forward references itself when the model is first validated
  or serialised. All of aiogram's types share one such namespace: copied into each of their 410 modules, as
  before, the 900 names took 5 MB;
- every model the package defines is created with `defer_build=True`.
Outside the block pydantic behaves as usual; if aiogram was imported before this module, nothing changes.
Built on first use, a model is the same model: aiogram validates and sends exactly as before (the tests run in
this mode, see tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel

try:  # pydantic's own hook for a model's settings; pinned in requirements.lock, guarded for another pydantic
    from pydantic._internal import _config
except ImportError:  # pragma: no cover - then aiogram is imported as it is, only slower
    _config = None  # type: ignore[assignment]


@contextmanager
def deferred_model_builds(package: str) -> Iterator[None]:
    """While open, pydantic models defined in `package` (fx "aiogram") are built on first use."""
    if _config is None or not hasattr(_config.ConfigWrapper, "for_model"):  # pragma: no cover
        yield
        return
    prefix = package + "."
    rebuild = BaseModel.model_rebuild.__func__  # type: ignore[attr-defined]
    for_model = _config.ConfigWrapper.for_model.__func__  # type: ignore[attr-defined]

    def lazy_rebuild(cls: type[BaseModel], *, _types_namespace: Mapping[str, Any] | None = None,
                     **options: Any) -> bool | None:
        if _types_namespace is None or options or not cls.__module__.startswith(prefix):
            return rebuild(cls, _types_namespace=_types_namespace, **options)
        # The same dict for every model given it (aiogram.types passes one for all of its types).
        cls.__pydantic_parent_namespace__ = (_types_namespace if isinstance(_types_namespace, dict)
                                             else dict(_types_namespace))
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


with deferred_model_builds("aiogram"):
    import aiogram  # noqa: F401
