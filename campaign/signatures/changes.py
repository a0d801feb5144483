"""Corrections and withdrawals through a signer's private link. They flush, never commit.

While sign-on is open they apply at once. After it closes the published list may already
be with the addressee, so they become CorrectionRequest rows for the moderators instead.
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy.orm import Session

from campaign.signatures.models import CorrectionRequest, RequestKind, Signature, SignatureStatus
from campaign.signatures.services import accepting_signatures, apply_details
from campaign.signatures.states import move

EDITABLE = (
    SignatureStatus.pending,
    SignatureStatus.confirmed,
    SignatureStatus.approved,
    SignatureStatus.held,
)


class Outcome(enum.StrEnum):
    applied = "applied"
    requested = "requested"
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


def correct(session: Session, signature: Signature, details: dict[str, Any]) -> Outcome:
    """Apply the signer's corrections, or pass them to the moderators once sign-on closed."""
    if signature.status not in EDITABLE:
        return Outcome.refused
    if accepting_signatures(signature.letter):
        apply_details(session, signature, signature.kind, **details)
        session.flush()
        return Outcome.applied
    changes = _changes(signature, details)
    session.add(
        CorrectionRequest(signature=signature, kind=RequestKind.correction, changes=changes)
    )
    session.flush()
    return Outcome.requested


def withdraw(session: Session, signature: Signature) -> Outcome:
    """Withdraw and revoke the private links, or ask the moderators once sign-on closed."""
    if signature.status not in EDITABLE:
        return Outcome.refused
    if accepting_signatures(signature.letter):
        move(signature, SignatureStatus.withdrawn)
        signature.token_version += 1
        session.flush()
        return Outcome.applied
    session.add(CorrectionRequest(signature=signature, kind=RequestKind.withdrawal, changes={}))
    session.flush()
    return Outcome.requested
