"""Corrections and withdrawals through a signer's private link. They flush, never commit.

While sign-on is open they apply at once, each recorded in the letter's audit log with the
signer as its actor. After it closes the published list may already be with the addressee,
so they become CorrectionRequest rows for the moderators instead. So do those of a signer
whose sign-up a moderator merged into another of the same organisation, and those of the
signer of the row a merge kept, while that merge is in place: the entry listed is no longer
theirs alone, and one signer's change must not silently speak for the others (nor make the
merge impossible to undo).
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from campaign.moderation.audit import SIGNER_ACTOR, recording
from campaign.signatures.models import CorrectionRequest, RequestKind, Signature, SignatureStatus
from campaign.signatures.services import accepting_signatures, apply_details
from campaign.signatures.states import move, name_flags

EDITABLE = (
    SignatureStatus.pending,
    SignatureStatus.confirmed,
    SignatureStatus.approved,
    SignatureStatus.held,
)
# What a moderator checked before approving: if the signer changes it afterwards, the
# change goes live (a typo fixed) but the signature comes back to the review queue. The
# kind of signer is not on the edit form, so it cannot change there.
RECHECKED = frozenset({"name", "kind", "ecosoc_status"})
CHANGED_BY_SIGNER = "changed_by_signer"


class Outcome(enum.StrEnum):
    applied = "applied"
    requested = "requested"  # sign-on has closed
    combined = "combined"  # its entry is shared with other sign-ups: the moderators decide
    unchanged = "unchanged"  # nothing differed, so nothing was asked for
    refused = "refused"


def _plain(value: object) -> object:
    return value.value if isinstance(value, enum.Enum) else value


def _changes(signature: Signature, details: dict[str, Any]) -> dict[str, object]:
    """The fields the signer wants different, empty values counting as equal."""
    return {
        field: value
        for field, value in details.items()
        if (_plain(getattr(signature, field)) or None) != (value or None)
    }


def _needs_recheck(signature: Signature, changes: dict[str, object]) -> bool:
    """An approved signature whose checked details change, on a letter moderators review."""
    return (
        signature.status is SignatureStatus.approved
        and not signature.letter.auto_approve
        and not RECHECKED.isdisjoint(changes)
    )


def _unlistable_rename(signature: Signature, changes: dict[str, object]) -> bool:
    """A listed signature, on a letter that approves signatures itself, whose signer renamed
    it to what would never have been published unseen (a web address, a sentence, a person's
    name for an organisation; see ``states.awaits_moderation``): it leaves the list, on hold,
    until a moderator decides, or a spam wave would sign with a name and then rename."""
    return (
        signature.status is SignatureStatus.approved
        and signature.letter.auto_approve
        and "name" in changes
        and bool(name_flags(signature.name, signature.kind))
    )


def _ask_recheck(signature: Signature) -> None:
    """Flag the signature and put it back in the review queue (until a moderator decides)."""
    kept = [f for f in signature.flags or [] if f != CHANGED_BY_SIGNER]
    signature.flags = [*kept, CHANGED_BY_SIGNER]
    signature.reviewed_at = None


def combined(session: Session, signature: Signature) -> bool:
    """Whether the signature's entry on the list is shared with other sign-ups of the same
    organisation: it was merged into another, or a merge not undone folded others into it.
    Its signer's changes then go to the moderators, who see the whole group."""
    if signature.status is SignatureStatus.merged:
        return True
    if signature.status not in EDITABLE:
        return False
    folded = exists().where(
        Signature.merged_into_id == signature.id, Signature.status == SignatureStatus.merged
    )
    return bool(session.scalar(select(folded)))


def correct(session: Session, signature: Signature, details: dict[str, Any]) -> Outcome:
    """Apply the signer's corrections, or pass them to the moderators once sign-on closed
    (or if the entry is shared with other sign-ups, see ``combined``)."""
    changes = _changes(signature, details)
    if not changes and signature.status in (SignatureStatus.merged, *EDITABLE):
        return Outcome.unchanged
    if combined(session, signature):
        return _ask(session, signature, RequestKind.correction, changes, Outcome.combined)
    if signature.status not in EDITABLE:
        return Outcome.refused
    if accepting_signatures(signature.letter):
        with recording(session, signature, "signer_edit", SIGNER_ACTOR):
            recheck = _needs_recheck(signature, changes)
            apply_details(session, signature, signature.kind, **details)
            if _unlistable_rename(signature, changes):
                move(signature, SignatureStatus.held)
                recheck = True
            if recheck:
                _ask_recheck(signature)
        session.flush()
        return Outcome.applied
    return _ask(session, signature, RequestKind.correction, changes, Outcome.requested)


def _ask(
    session: Session,
    signature: Signature,
    kind: RequestKind,
    changes: dict[str, object],
    outcome: Outcome,
) -> Outcome:
    session.add(CorrectionRequest(signature=signature, kind=kind, changes=changes))
    session.flush()
    return outcome


def withdraw(session: Session, signature: Signature) -> Outcome:
    """Withdraw and revoke the private links, or ask the moderators once sign-on closed (or
    if the entry is shared with other sign-ups, see ``combined``: withdrawing the row a merge
    kept would take the others off the list with it)."""
    if combined(session, signature):
        return _ask(session, signature, RequestKind.withdrawal, {}, Outcome.combined)
    if signature.status not in EDITABLE:
        return Outcome.refused
    if accepting_signatures(signature.letter):
        with recording(session, signature, "signer_withdrawal", SIGNER_ACTOR):
            move(signature, SignatureStatus.withdrawn)
            signature.token_version += 1
        session.flush()
        return Outcome.applied
    return _ask(session, signature, RequestKind.withdrawal, {}, Outcome.requested)
