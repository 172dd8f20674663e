"""listing alert age band: a saved search keeps the age band said, so an alert never tells about a home whose age
range leaves the person out (bot/listings/ages.py)

Revision ID: 0028
Revises: 0023
Create Date: 2026-12-07 11:40:00.000000
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0028'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('listing_alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('age_band', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('listing_alert', schema=None) as batch_op:
        batch_op.drop_column('age_band')
