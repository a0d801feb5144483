"""Corrections by moderators, and the signers' correction requests. Audited; flush only.

The listed ``name`` changes; ``submitted_name`` always keeps what the signer typed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.i18n import _l
from campaign.moderation import registry
from campaign.moderation.audit import recording
from campaign.signatures.keys import name_key
from campaign.signatures.models import (
    CorrectionRequest,
    EcosocStatus,
    OrgType,
    RequestKind,
    Signature,
    SignatureStatus,
)
from campaign.signatures.states import SignatureError, move

# How a requested value becomes a column value; fields not listed are taken as they are.
_CONVERT = {
    "org_type": lambda v: OrgType(v) if v else None,
    "ecosoc_status": lambda v: EcosocStatus(v or "unknown"),
    "country": lambda v: v or None,
}
REQUESTABLE = {"name", "country", "org_type", "website", "ecosoc_status", "contact_name"}
REQUESTABLE |= {"contact_role", "consent_contact", "language"}


def _rename(signature: Signature, name: str) -> None:
    signature.name = name
    signature.name_key = name_key(name)


def edit(
    session: Session, signature: Signature, changes: dict[str, Any], actor: User | None
) -> None:
    """Correct the listing: ``changes`` maps fields (name, country, org_type, ecosoc_status…)
    to their new values, as a signer's request does."""
    with recording(session, signature, "edit", actor):
        _apply_changes(signature, changes)
    session.flush()


def use_canonical(session: Session, signature: Signature, actor: User | None) -> bool:
    """Show the registry's canonical name and link the signature to it; False if none known."""
    org = registry.known_for(session, signature)
    if org is None:
        return False
    with recording(session, signature, "use_canonical", actor, detail=org.name):
        _rename(signature, org.name)
        signature.organisation_id = org.id
        signature.country = signature.country or org.country
    session.flush()
    return True


def _apply_changes(signature: Signature, changes: dict[str, Any]) -> None:
    for field, value in changes.items():
        if field not in REQUESTABLE:
            continue
        if field == "name":
            _rename(signature, str(value))
        else:
            setattr(signature, field, _CONVERT.get(field, lambda v: v)(value))


def listed_row(session: Session, signature: Signature) -> Signature:
    """The row that stands for ``signature`` on the list: itself, or, if a merge folded it
    into another, the row kept (through later merges too)."""
    seen = {signature.id}
    while signature.status is SignatureStatus.merged and signature.merged_into_id is not None:
        kept = session.get(Signature, signature.merged_into_id)
        if kept is None or kept.id in seen:
            break
        seen.add(kept.id)
        signature = kept
    return signature


def resolve(session: Session, request: CorrectionRequest, apply: bool, actor: User | None) -> None:
    """Apply a signer's request (their corrections, or their withdrawal), or dismiss it."""
    if request.resolved_at is not None:
        raise SignatureError(_l("This request has already been dealt with."))
    signature, detail = listed_row(session, request.signature), request.kind.value
    if signature is not request.signature:
        detail += f", asked through signature {request.signature_id} merged into it"
    action = "correction_applied" if apply else "correction_dismissed"
    with recording(session, signature, action, actor, detail=detail):
        if apply and request.kind is RequestKind.withdrawal:
            move(signature, SignatureStatus.withdrawn)
            signature.token_version += 1
        elif apply:
            _apply_changes(signature, request.changes)
        request.resolved_at = utcnow()
    session.flush()
