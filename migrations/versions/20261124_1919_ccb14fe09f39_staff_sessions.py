"""staff sessions

One row per staff member logged in on one browser, so a log-out ends that browser's session
alone and a list shows the others. Sessions begun before it (the cookie held "id.epoch") end.
A new table only: the way down drops it and leaves ``users`` alone.

Revision ID: ccb14fe09f39
Revises: 9b773e0cae68
Created: 2026-11-24 19:19:22.425914
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'ccb14fe09f39'
down_revision: str | Sequence[str] | None = '9b773e0cae68'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('staff_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('browser', sa.String(length=40), nullable=False),
    sa.Column('system', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_staff_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_sessions'))
    )
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_sessions_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    # The older code ends sessions by raising the epoch, which this code never raises on a
    # logout or a new password: raise it once, so no cookie from before this revision (its
    # session since logged out of, or its password changed) opens the older code again.
    op.execute("UPDATE users SET session_epoch = session_epoch + 1")
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_sessions_user_id'))
    op.drop_table('staff_sessions')
