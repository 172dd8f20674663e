"""case referrals: partners' referral links and the organisation on the case they opened

A partner's /henvis makes a referral link (only its hash is kept, with the organisation, the municipality, an
expiry and how many cases it opened); a case opened through one, with the young person's yes, names the
organisation ("Henvist af" on the card).

Revision ID: 0027
Revises: 0010
Create Date: 2026-12-07 08:30:00.000000
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
import bot.models  # noqa: F401  (custom column types)


revision = '0027'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('provider', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('municipality', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.Column('max_uses', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code_hash')
    )
    with op.batch_alter_table('help_case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('referred_by', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('help_case', schema=None) as batch_op:
        batch_op.drop_column('referred_by')
    op.drop_table('referral')
