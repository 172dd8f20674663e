"""Import every table module, so SQLModel.metadata knows the whole schema (for Alembic and tests)."""

from bot import models  # noqa: F401
from bot.cases import models as cases_models  # noqa: F401
from bot.curation import models as curation_models  # noqa: F401
from bot.listings import models as listings_models  # noqa: F401
from bot.privacy import models as privacy_models  # noqa: F401
from bot.staff import audit as staff_audit  # noqa: F401
from bot.staff import models as staff_models  # noqa: F401
from bot.stats import models as stats_models  # noqa: F401
