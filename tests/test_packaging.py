"""What runs in production is what CI tested: every dependency is pinned, with hashes, in requirements.lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def name_of(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def locked() -> dict[str, list[str]]:
    """Package name -> its hashes, from requirements.lock."""
    pins: dict[str, list[str]] = {}
    current = ""
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if match := re.match(r"^([A-Za-z0-9_.-]+)==\S+", line):
            current = match.group(1).lower().replace("_", "-")
            pins[current] = []
        elif current and (digest := re.search(r"--hash=sha256:([0-9a-f]{64})", line)):
            pins[current].append(digest.group(1))
    return pins


def test_every_dependency_and_build_requirement_is_pinned_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["dev"],
              *project["build-system"]["requires"]]
    pins = locked()
    missing = sorted({name_of(r) for r in wanted} - set(pins))
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"
    assert all(pins.values()), "every pinned package carries its hashes"


def test_installing_shows_no_licence_deprecation_warning() -> None:
    # setuptools warns on every install when the licence is a TOML table; the SPDX string form is current.
    import warnings

    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dist = apply_configuration(Distribution(), ROOT / "pyproject.toml")
    assert not [str(w.message) for w in caught if "license" in str(w.message).lower()]
    assert dist.metadata.license_expression == "MIT"
