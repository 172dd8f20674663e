"""The words a listing is described with, apart from the table (reading a search needs them, not the database)."""

from __future__ import annotations

# Stored as ascii slugs; shown with Danish/English labels (bot.listings.render.kind_label).
KINDS: tuple[str, ...] = (
    "vaerelse", "lejlighed", "ungdomsbolig", "kollegievaerelse", "delebolig", "skaev-bolig", "midlertidig-bolig",
)
TARGET_GROUPS: tuple[str, ...] = ("youth", "students", "everyone")
STATUSES: tuple[str, ...] = ("active", "withdrawn", "expired")
# The age bands an age said is kept as: the cases' AGE_BANDS (bot/cases/models.py; a test keeps the two the same),
# repeated here because reading a search must not import the cases feature.
AGE_BANDS: tuple[str, ...] = ("under_18", "18_24", "25_29", "30_plus")
