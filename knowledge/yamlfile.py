"""YAML parsed with libyaml's C loader when PyYAML was built with it (about ten times faster than the pure-Python
one: the knowledge base is most of what `husly ask` reads at start), else the pure-Python safe loader."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str) -> Any:
    """The data in ``text``, with the safe loader's types only; raises yaml.YAMLError."""
    return yaml.load(text, Loader=SafeLoader)
