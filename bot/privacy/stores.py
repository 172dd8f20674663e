"""Feature stores of personal data (cases, housing alerts, the curator queue), registered for access, erasure
and retention."""

from __future__ import annotations

from bot.cases.privacy import STORE as CASES
from bot.cases.privacy import recent_case_times
from bot.curation.privacy import STORE as CURATOR_QUEUE
from bot.listings.privacy import STORE as HOUSING_ALERTS
from bot.privacy.registry import Store

FEATURE_STORES: tuple[Store, ...] = (CASES, HOUSING_ALERTS, CURATOR_QUEUE)
__all__ = ["FEATURE_STORES", "recent_case_times"]
