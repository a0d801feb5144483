"""letter and text versions

Every letter and every letter text gets a version number, bumped by each change the
application saves, so a coordinator's save over a change another coordinator made since the
page was shown is refused instead of silently replacing it. Existing rows start at 1.

Revision ID: 5c1e0a7d9b21
Revises: b1b30f967cd8
Created: 2026-11-24 14:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5c1e0a7d9b21'
down_revision: str | Sequence[str] | None = 'b1b30f967cd8'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    with op.batch_alter_table('letter_texts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35+ can), not by batch: SQLite's batch mode copies the table
    # and drops the old one, and dropping ``letters`` would delete, by cascade, every
    # signature and text of every letter.
    op.drop_column('letter_texts', 'version')
    op.drop_column('letters', 'version')
