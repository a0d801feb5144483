"""signature merges row versions

Each merge keeps the version of every signature it involved, just before and just after it,
so undoing it is refused once any of them changed since (a signer's correction through their
private link, a moderator's edit) instead of silently writing the old values back over the
change. Merges made before this revision keep NULL and the older check.

Revision ID: dbe7fe85b69f
Revises: 5c1e0a7d9b21
Created: 2026-11-24 16:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'dbe7fe85b69f'
down_revision: str | Sequence[str] | None = '5c1e0a7d9b21'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('signature_merges', schema=None) as batch_op:
        batch_op.add_column(sa.Column('versions_before', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('versions_after', sa.JSON(), nullable=True))


def downgrade() -> None:
    # Dropped in place (SQLite 3.35+ can), as the other revisions do, not by batch.
    op.drop_column('signature_merges', 'versions_after')
    op.drop_column('signature_merges', 'versions_before')
