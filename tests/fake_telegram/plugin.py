"""pytest plugin: the ``fake_telegram`` fixture, the ``allow_api_violations`` marker and the spec check.

Loaded with ``-p tests.fake_telegram.plugin`` (pyproject's addopts does that).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from .server import FakeTelegram
from .spec import SpecMissing, find_spec_path

ALLOW_MARKER = "allow_api_violations"
_PACKAGE = __name__.rpartition(".")[0]
_HELPERS = _PACKAGE.partition(".")[0] + "."


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{ALLOW_MARKER}: the test deliberately makes invalid Bot API calls; do not fail it on the fake's"
        " recorded violations",
    )


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the Bot API spec, stop before the first test with one message, instead of a 500 in every call.

    Only when a collected test needs the fake or the validator: the others run without the spec.
    """
    needing = [item for item in items if _needs_spec(item)]
    if not needing:
        return
    try:
        find_spec_path()
    except SpecMissing as missing:
        pytest.exit(f"{missing} ({len(needing)} collected test(s) need it)", returncode=pytest.ExitCode.USAGE_ERROR)


def _needs_spec(item: pytest.Item) -> bool:
    if "fake_telegram" in getattr(item, "fixturenames", ()):
        return True
    module = getattr(item, "module", None)
    return isinstance(module, ModuleType) and _uses_package(module, set())


def _uses_package(module: ModuleType, seen: set[str]) -> bool:
    """Whether ``module`` imports this package, directly or through the test helpers (``tests.*``) it imports."""
    seen.add(module.__name__)
    for value in vars(module).values():
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        if not isinstance(name, str) or name in seen:
            continue
        if name == _PACKAGE or name.startswith(_PACKAGE + "."):
            return True
        imported = sys.modules.get(name)
        if name.startswith(_HELPERS) and imported is not None and _uses_package(imported, seen):
            return True
    return False


@pytest.fixture
def fake_telegram(request: pytest.FixtureRequest) -> Iterator[FakeTelegram]:
    """A started :class:`FakeTelegram`, fresh for every test.

    Function-scoped and running in its own thread, so it works with pytest-asyncio's per-test event loops. At
    teardown the test fails if the bot made calls Telegram would reject, unless it is marked
    ``@pytest.mark.allow_api_violations``.
    """
    with FakeTelegram() as tg:
        yield tg
    if request.node.get_closest_marker(ALLOW_MARKER) is None and tg.violations:
        # pytest.fail in teardown shows up as an error of this test with the full list.
        pytest.fail(
            f"the bot made {len(tg.violations)} Bot API call(s) Telegram would reject:\n"
            + "\n".join(f"  - {v}" for v in tg.violations),
            pytrace=False,
        )
