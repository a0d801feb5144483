"""Approve, reject or hold signatures, one or many; each decision is audited. Flush only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.letters.models import Letter
from campaign.moderation import merges
from campaign.moderation.audit import recording
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import NO_SUCH_MOVE, SignatureError, move

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
    version_before = signature.version
    with recording(session, signature, action or decision, actor, detail=detail):
        if signature.status is not target:
            move(signature, target)
        signature.reviewed_at = utcnow()
    session.flush()
    merges.decided(session, signature, version_before)


@dataclass(frozen=True)
class Outcome:
    """How many signatures took the decision, could not take it, or had changed since the
    moderator's page showed them (and were left alone)."""

    done: int = 0
    refused: int = 0
    changed: int = 0
    # Why signatures were refused beyond "not from that status", each once (translatable).
    reasons: tuple[object, ...] = ()


def decide_many(
    session: Session,
    letter: Letter,
    seen: Mapping[int, int | None],
    action: str,
    actor: User | None,
) -> Outcome:
    """Apply one decision to each signature of ``letter`` in ``seen``, which maps its id to
    the version the moderator's page showed (None: not known). A signature changed since
    then (by its signer, another moderator) is left alone: the decision was made on what is
    no longer there."""
    rows = session.scalars(
        select(Signature).where(Signature.letter_id == letter.id, Signature.id.in_(set(seen)))
    ).all()
    done = refused = changed = 0
    reasons: dict[str, object] = {}
    for signature in sorted(rows, key=lambda s: s.id):
        if seen[signature.id] not in (None, signature.version):
            changed += 1
            continue
        try:
            decide(session, signature, action, actor)
        except SignatureError as error:
            refused += 1
            if error.message is not NO_SUCH_MOVE:
                reasons.setdefault(str(error.message), error.message)
            continue
        done += 1
    return Outcome(done, refused, changed, tuple(reasons.values()))
