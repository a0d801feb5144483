"""outbox cancelled status

A message whose subject no longer wants it (a signer withdrew before their confirmation left,
the signature or account was deleted) is cancelled, no longer counted among the failures.

Revision ID: 9b773e0cae68
Revises: dbe7fe85b69f
Created: 2026-11-24 19:00:24.892514
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '9b773e0cae68'
down_revision: str | Sequence[str] | None = 'dbe7fe85b69f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = ('queued', 'sent', 'failed')
NEW_STATUSES = OLD_STATUSES + ('cancelled',)


def _status(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name='outboxstatus', native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=_status(OLD_STATUSES), type_=_status(NEW_STATUSES), existing_nullable=False)
    # What older code gave up for want of anything to send was never a failure.
    op.execute("UPDATE outbox_messages SET status = 'cancelled' WHERE status = 'failed' AND last_error LIKE 'nothing to send:%'")


def downgrade() -> None:
    # Older code knows no cancelled message: it was given up (failed) there, with its reason.
    op.execute("UPDATE outbox_messages SET status = 'failed' WHERE status = 'cancelled'")
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=_status(NEW_STATUSES), type_=_status(OLD_STATUSES), existing_nullable=False)
