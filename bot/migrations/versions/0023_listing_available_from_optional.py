"""listing available_from optional

A partner's sheet may say the day a home is free is not known yet ("ukendt", "-" in Ledig fra). It is stored as
NULL and young people see "Ledig fra: ikke oplyst", never a day nobody gave (today, which "straks" means).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 00:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('listing', schema=None) as batch_op:
        batch_op.alter_column('available_from', existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    # Before 0023 a day had to be given: the day the listing was published is the nearest to what was known.
    # SQLite keeps a timestamp as text, where CAST(... AS DATE) would give a number.
    day = "date(published_at)" if op.get_bind().dialect.name == "sqlite" else "CAST(published_at AS DATE)"
    op.execute(f"UPDATE listing SET available_from = {day} WHERE available_from IS NULL")
    with op.batch_alter_table('listing', schema=None) as batch_op:
        batch_op.alter_column('available_from', existing_type=sa.Date(), nullable=False)
