"""Feature stores of personal data (cases, listings alerts), registered for access, erasure and retention."""

from __future__ import annotations

from bot.privacy.registry import Store

FEATURE_STORES: tuple[Store, ...] = ()
