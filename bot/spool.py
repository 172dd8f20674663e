"""The local spool: where received updates wait while the database is away.

An update may be confirmed to Telegram only once it is safe. When the database cannot store it, it is appended
to a file in the data directory (flushed and fsynced) instead, and moved into the inbox as soon as the database
answers again. Files are private to the user running the bot (mode 0600) and deleted once replayed: they hold
what people wrote, for no longer than the outage.

Several processes on one host may share the directory: each appends to its own file, and a replay renames a
file under an exclusive lock before reading it, so a line is never read while it is being written, and a line
written after the rename goes to a fresh file.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from bot.inbox import Received

log = logging.getLogger(__name__)
SUFFIX = ".jsonl"


class Spool:
    def __init__(self, directory: Path, name: str) -> None:
        self.directory = directory
        self.path = directory / f"spool-{name}{SUFFIX}"
        self._lock = threading.Lock()

    def append(self, updates: Iterable[Received]) -> None:
        """Write updates durably (raises OSError when the disk refuses: then nothing is safe)."""
        lines = "".join(json.dumps(u.to_json(), ensure_ascii=True) + "\n" for u in updates)
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        with self._lock, self._locked(self.path, create=True) as handle:
            handle.write(lines.encode("ascii"))
            handle.flush()
            os.fsync(handle.fileno())

    def pending(self) -> bool:
        """True when some file (of any process on this host) waits to be replayed."""
        return self.directory.is_dir() and any(self.directory.glob(f"spool-*{SUFFIX}*"))

    def replay(self, store: Callable[[list[Received]], object]) -> int:
        """Hand every spooled update to ``store`` (the inbox); delete each file once stored. Returns the count.

        A file is deleted only after ``store`` returned, so a failure (the database went away again) leaves it
        for the next replay. Storing twice is harmless: the inbox skips ids it already has.
        """
        count = 0
        for path in sorted(self.directory.glob(f"spool-*{SUFFIX}*")) if self.directory.is_dir() else []:
            taken = self._take(path)
            if taken is None:
                continue
            updates = list(_read(taken))
            if updates:
                store(updates)
            taken.unlink(missing_ok=True)
            count += len(updates)
        return count

    def _take(self, path: Path) -> Path | None:
        """Rename a file for replay (a name no writer opens), under its lock; None if it is gone."""
        if not path.name.endswith(SUFFIX):
            return path  # already taken by an earlier replay that failed half-way
        try:
            with self._lock, self._locked(path, create=False):
                taken = path.with_name(f"{path.name}.replay-{uuid.uuid4().hex[:8]}")
                path.rename(taken)
                return taken
        except FileNotFoundError:
            return None

    @contextlib.contextmanager
    def _locked(self, path: Path, *, create: bool) -> Iterator[BinaryIO]:
        """Open ``path`` for appending under an exclusive lock, making sure it is still the file at ``path``
        (a replay may have renamed it between our open and our lock)."""
        flags = os.O_WRONLY | os.O_APPEND | (os.O_CREAT if create else 0)
        while True:
            fd = os.open(path, flags, 0o600)
            handle = os.fdopen(fd, "ab")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                try:
                    same = os.fstat(fd).st_ino == os.stat(path).st_ino
                except FileNotFoundError:
                    same = False
                if same:
                    yield handle
                    return
            finally:
                handle.close()  # closing releases the lock
            if not create:
                raise FileNotFoundError(path)


def _read(path: Path) -> Iterator[Received]:
    with path.open(encoding="ascii", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith("\n"):
                # A line cut off by a crash while it was written was never confirmed to Telegram: it comes again.
                log.warning("spool %s: incomplete line %s skipped", path.name, number)
                continue
            try:
                yield Received.from_json(json.loads(line))
            except (ValueError, KeyError, TypeError):
                log.warning("spool %s: unreadable line %s skipped", path.name, number)
