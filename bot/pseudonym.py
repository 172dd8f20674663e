"""Keyed pseudonyms for people: HMAC-SHA256 of "transport:chat_id" with a secret key.

A plain hash of a Telegram id can be reversed by hashing every possible id (about two core-hours); with a
secret key it cannot, without the key. The key is the ``HUSLY_AUDIT_KEY`` setting; when it is unset, a
random key is generated once into the data directory (``audit.key``, readable by the owner only) and reused,
so pseudonyms stay stable across restarts.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from bot.config import Settings

KEY_FILE = "audit.key"
# 16 bytes of the HMAC (32 hex digits): no collision among any number of people we will ever see.
DIGEST_HEX = 32


def audit_key(settings: Settings) -> bytes:
    """The configured key, or the data directory's generated one (created on first use)."""
    if settings.audit_key is not None and settings.audit_key.get_secret_value():
        return settings.audit_key.get_secret_value().encode()
    return _key_file(settings.data_dir.resolve())


@cache
def _key_file(data_dir: Path) -> bytes:
    path = data_dir / KEY_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: two processes starting at once keep the key the first one wrote.
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
    key = path.read_text().strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it to have a new key generated")
    return key.encode()


def pseudonym(key: bytes, transport: str, chat_id: int) -> str:
    """The person's pseudonym: the same for the same key and chat, unreadable without the key."""
    digest = hmac.new(key, f"{transport}:{chat_id}".encode(), hashlib.sha256).hexdigest()
    return digest[:DIGEST_HEX]
