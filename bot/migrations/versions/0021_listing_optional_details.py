"""listing rooms, size, deposit and prepaid rent optional

A partner's own sheet often has no number of rooms or m² (a room in a shared flat, a shelter place), nor a deposit
column: the listing is still useful without them, and they are shown only when known (a deposit not given is not
"0 kr.").

Revision ID: 0021
Revises: 0002
Create Date: 2026-12-06 23:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('listing', schema=None) as batch_op:
        batch_op.alter_column('rooms', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('size_m2', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('deposit', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('prepaid_rent', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # A listing without a number had none in the partner's sheet: 1 room and the smallest size a file accepts.
    op.execute("UPDATE listing SET rooms = 1 WHERE rooms IS NULL")
    op.execute("UPDATE listing SET size_m2 = 5 WHERE size_m2 IS NULL")
    op.execute("UPDATE listing SET deposit = 0 WHERE deposit IS NULL")
    op.execute("UPDATE listing SET prepaid_rent = 0 WHERE prepaid_rent IS NULL")
    with op.batch_alter_table('listing', schema=None) as batch_op:
        batch_op.alter_column('prepaid_rent', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('deposit', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('size_m2', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('rooms', existing_type=sa.Integer(), nullable=False)
