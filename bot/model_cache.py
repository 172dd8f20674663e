"""The learned triage model's numbers, kept in the data directory so that only the first start trains it.

The file is keyed by a hash of everything that decides what the model learns (the example files, the knowledge
base's questions, the rules and code that choose among them: bot/triage_model.py lists them) and of the versions
of the libraries that fit it; another key means train again and replace the file. The rows themselves are not
hashed: choosing them runs the rules over every knowledge base question, which takes longer than reading the file.

It is written to a temporary file and renamed over the old one, so
two processes starting at once, or one killed while writing, never leave half a file; a file that cannot be
read or does not make sense is trained again, never an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

FILE_NAME = "triage-model.json"
# Raised when the file's layout changes, so an older file is not read as the new one.
FORMAT = 1
LIBRARIES = ("scikit-learn", "numpy", "scipy", "PyStemmer", "rapidfuzz", "PyYAML")

Payload = dict[str, Any]
T = TypeVar("T")


def key(sources: Iterable[bytes], libraries: Iterable[str] = LIBRARIES) -> str:
    """A hash of ``sources``, the file format, Python's and the ``libraries``' versions."""
    digest = hashlib.sha256()
    versions = [f"format={FORMAT}", f"python={sys.version_info.major}.{sys.version_info.minor}"]
    versions += [f"{name}={_version(name)}" for name in libraries]
    digest.update("\n".join(versions).encode())
    for source in sources:
        # Each part's length first, so that moving bytes from one part to the next changes the hash.
        digest.update(len(source).to_bytes(8, "big") + source)
    return digest.hexdigest()


def load_or_train(folder: Path, sources: Iterable[bytes], fit: Callable[[], Payload],
                  parse: Callable[[Payload], T]) -> T:
    """``parse`` of the numbers saved for ``sources``, or of ``fit()``'s, which are then saved for the next start.

    ``parse`` raises ValueError for numbers that do not make a model (a file edited by hand, say).
    """
    wanted = key(sources)
    path = folder / FILE_NAME
    cached = read(path, wanted)
    if cached is not None:
        try:
            return parse(cached)
        except ValueError as exc:
            log.warning("triage model cache does not hold a model (%s); training again", exc)
    payload = fit()
    write(path, wanted, payload)
    return parse(payload)


def read(path: Path, wanted: str) -> Payload | None:
    """The payload saved under ``wanted``, or None when there is none (missing, other key, unreadable)."""
    try:
        with path.open(encoding="utf-8") as handle:
            saved = json.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        log.warning("triage model cache unreadable (%s); training again", type(exc).__name__)
        return None
    if not isinstance(saved, dict) or saved.get("key") != wanted or not isinstance(saved.get("model"), dict):
        return None
    return saved["model"]


def write(path: Path, wanted: str, payload: Payload) -> None:
    """Save the model's numbers under ``wanted``; a read-only data directory is only logged."""
    data = json.dumps({"key": wanted, "model": payload}, ensure_ascii=False, separators=(",", ":"))
    write_bytes(path, data.encode("utf-8"), what="triage model")


def write_bytes(path: Path, data: bytes, what: str) -> None:
    """Save atomically: a temporary file beside it, renamed over it. A read-only data directory is only logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as handle:
            temporary = Path(handle.name)
            try:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                handle.close()
                temporary.unlink(missing_ok=True)
                raise
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("could not save the %s cache (%s); the next start builds it again", what, type(exc).__name__)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
