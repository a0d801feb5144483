"""Approve, reject or hold signatures, one or many; each decision is audited. Flush only."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.letters.models import Letter
from campaign.moderation.audit import recording
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import SignatureError, move

DECISIONS = {
    "approve": SignatureStatus.approved,
    "reject": SignatureStatus.rejected,
    "hold": SignatureStatus.held,
}


def decide(
    session: Session,
    signature: Signature,
    decision: str,
    actor: User | None,
    action: str = "",
    detail: str = "",
) -> None:
    """Apply one decision; deciding what a signature already is just marks it reviewed.

    ``action`` names the audit entry (default: the decision). Raises SignatureError if the
    signature cannot take that status (e.g. merged, or approving an unconfirmed one).
    """
    target = DECISIONS[decision]
    with recording(session, signature, action or decision, actor, detail=detail):
        if signature.status is not target:
            move(signature, target)
        signature.reviewed_at = utcnow()
    session.flush()


def decide_many(
    session: Session, letter: Letter, ids: Iterable[int], action: str, actor: User | None
) -> tuple[int, int]:
    """Apply one decision to each of ``ids`` on ``letter``: (how many done, how many refused)."""
    rows = session.scalars(
        select(Signature).where(Signature.letter_id == letter.id, Signature.id.in_(set(ids)))
    ).all()
    done = 0
    for signature in sorted(rows, key=lambda s: s.id):
        try:
            decide(session, signature, action, actor)
        except SignatureError:
            continue
        done += 1
    return done, len(rows) - done
