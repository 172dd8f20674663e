"""listing aconto optional

A partner's sheet without an aconto (utilities) column does not say there is none: the aconto is not known (NULL),
and young people see "aconto (ikke oplyst)" instead of "aconto 0 kr." and a monthly total nobody gave. An empty
cell in an aconto column is still 0. ``monthly_total`` stays NOT NULL: it is the search's sort key (rent + aconto,
or the rent alone when the aconto is not known). Listings already stored keep their aconto.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 00:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('listing', schema=None) as batch_op:
        batch_op.alter_column('aconto', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Before 0022 a sheet without the column was read as no aconto; monthly_total is already the rent then.
    op.execute("UPDATE listing SET aconto = 0 WHERE aconto IS NULL")
    with op.batch_alter_table('listing', schema=None) as batch_op:
        batch_op.alter_column('aconto', existing_type=sa.Integer(), nullable=False)
