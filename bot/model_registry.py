"""Import every table module, so SQLModel.metadata knows the whole schema (for Alembic and tests)."""

from bot import models  # noqa: F401
