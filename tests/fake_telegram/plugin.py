"""pytest plugin: the ``fake_telegram`` fixture and the ``allow_api_violations`` marker.

Loaded with ``-p tests.fake_telegram.plugin`` (pyproject's addopts does that).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import FakeTelegram

ALLOW_MARKER = "allow_api_violations"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{ALLOW_MARKER}: the test deliberately makes invalid Bot API calls; do not fail it on the fake's"
        " recorded violations",
    )


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
