"""The knowledge base and its search index, kept in the data directory so that later starts skip building them.

Parsing 99 YAML files, validating them and indexing every phrasing is the largest part of a start after the
imports. The result is saved beside the triage model and keyed the same way: a hash of every file under the
knowledge folder, of the code that reads and indexes it (knowledge/*.py) and of the library versions; any
change means build again and replace the file. Read from the file, the references to documents are checked
again (a document may have gone since). A file that cannot be read is built again, never an error.

The file is a pickle: it holds Python objects, so only the bot's own data directory is ever read.
"""

from __future__ import annotations

import io
import logging
import pickle
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot import model_cache
from knowledge import loader
from knowledge.index import Index, load_indexed
from knowledge.loader import KnowledgeBase

log = logging.getLogger(__name__)

FILE_NAME = "knowledge-index.pickle"
LIBRARIES = ("pydantic", "pydantic-core", "PyStemmer", "rapidfuzz", "PyYAML")
CODE = Path(loader.__file__).parent


def load(root: Path, folder: Path | None) -> tuple[KnowledgeBase, Index]:
    """The knowledge base under ``root`` and its index, from ``folder``'s saved copy when it is current.

    Raises KnowledgeError listing every problem, as loading it afresh does. ``folder`` None: no saved copy.
    """
    if folder is None:
        return load_indexed(root)
    wanted = model_cache.key(_sources(root), libraries=LIBRARIES)
    path = folder / FILE_NAME
    saved = _read(path, wanted)
    if saved is not None:
        kb, index = saved
        loader.check_documents(kb)
        return kb, index
    kb, index = load_indexed(root)
    model_cache.write_bytes(path, _dumps(wanted, kb, index), what="knowledge index")
    return kb, index


def _sources(root: Path) -> list[bytes]:
    # The content, and the package that reads and indexes it (its code and word lists), wherever the content is.
    files = sorted({*_files(root), *_files(CODE)})
    return [part for p in files for part in (str(p).encode(), p.read_bytes())]


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def _proxy(items: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(items)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        # The knowledge base and the index hand out read-only views (MappingProxyType), which pickle cannot save.
        if isinstance(obj, MappingProxyType):
            return _proxy, (dict(obj),)
        return NotImplemented


def _dumps(key: str, kb: KnowledgeBase, index: Index) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((key, kb, index))
    return buffer.getvalue()


def _read(path: Path, wanted: str) -> tuple[KnowledgeBase, Index] | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("knowledge index cache unreadable (%s); building it again", type(exc).__name__)
        return None
    try:
        key, kb, index = pickle.loads(data)
    except Exception as exc:  # a cut-off or foreign file: any unpickling error means "build again"
        log.warning("knowledge index cache unreadable (%s); building it again", type(exc).__name__)
        return None
    if key != wanted or not isinstance(kb, KnowledgeBase) or not isinstance(index, Index):
        return None
    return kb, index
