"""email keys keep the domain's letters

An address's key (signatures.email_key, "has this address signed already?") case-folded the
domain, so "x@straße.example" and "x@strasse.example", two domains under IDNA 2008, shared
one key, and the second could not sign. Keys now only lower-case the domain. Existing keys
are made again from each signature's address; nothing else changes. The way down case-folds
again, except where two signatures of one letter would then share a key (the constraint
forbids it): those keep their new key.

Revision ID: 1ac072eb044d
Revises: 2733a4a370d5
Created: 2026-11-24 08:26:55.130950
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '1ac072eb044d'
down_revision: str | Sequence[str] | None = '2733a4a370d5'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_signatures = sa.table(
    'signatures',
    sa.column('id', sa.Integer),
    sa.column('letter_id', sa.Integer),
    sa.column('contact_email', sa.String),
    sa.column('email_key', sa.String),
)


# The key as this revision defines it (campaign.signatures.keys.email_key may change later).
def _key(email: str, fold_domain: Callable[[str], str]) -> str:
    local, _, domain = email.strip().rpartition('@')
    local = local.casefold().split('+', 1)[0] or local.casefold()
    return f'{local}@{fold_domain(domain)}'


def _rekey(fold_domain: Callable[[str], str]) -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_signatures.c.id, _signatures.c.letter_id, _signatures.c.contact_email,
                  _signatures.c.email_key)
        .where(_signatures.c.email_key.is_not(None))
    ).all()
    taken = {(r.letter_id, r.email_key) for r in rows}
    for row in rows:
        # Only non-ASCII domains fold differently; the rest keep their key as it is.
        if not row.contact_email or row.contact_email.isascii():
            continue
        key = _key(row.contact_email, fold_domain)[:254]
        if key == row.email_key or (row.letter_id, key) in taken:
            continue
        connection.execute(
            sa.update(_signatures).where(_signatures.c.id == row.id).values(email_key=key)
        )
        taken.discard((row.letter_id, row.email_key))
        taken.add((row.letter_id, key))


def upgrade() -> None:
    _rekey(str.lower)


def downgrade() -> None:
    _rekey(str.casefold)
