"""Corrections by moderators, and the signers' correction requests. Audited; flush only.

The listed ``name`` changes; ``submitted_name`` always keeps what the signer typed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.i18n import _l
from campaign.moderation import auditlog, registry
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
from campaign.signatures.states import NO_SUCH_MOVE, SignatureError, can_move, leave_group

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


def resolve(
    session: Session, request: CorrectionRequest, apply: bool, actor: User | None
) -> list[Signature]:
    """Apply a signer's request (their corrections, or their withdrawal), or dismiss it.

    The request acts on the row listed for the signer (see ``listed_row``). Return the
    sign-ups an applied withdrawal left awaiting the moderator's decision (see ``_withdraw``),
    so the moderator is told of them; usually none."""
    if request.resolved_at is not None:
        raise SignatureError(_l("This request has already been dealt with."))
    signature, detail = listed_row(session, request.signature), request.kind.value
    if signature is not request.signature:
        detail += f", asked through signature {request.signature_id} merged into it"
    others: list[Signature] = []
    if apply and request.kind is RequestKind.withdrawal:
        others = _withdraw(session, signature, request.signature, actor, detail)
    else:
        action = "correction_applied" if apply else "correction_dismissed"
        with recording(session, signature, action, actor, detail=detail):
            if apply:
                _apply_changes(signature, request.changes)
    request.resolved_at = utcnow()
    session.flush()
    return others


def _group(session: Session, entry: Signature) -> list[Signature]:
    """The listed ``entry`` and the sign-ups merges not undone folded into it (through later
    merges too), by id."""
    folded = auditlog.merged_rows(session, entry.id)
    live = [s for s in folded if s.status is SignatureStatus.merged]
    return sorted([entry, *live], key=lambda s: s.id)


def _withdraw(
    session: Session, entry: Signature, asker: Signature, actor: User | None, detail: str
) -> list[Signature]:
    """Withdraw the sign-up of the signer who asked, taking ``entry`` off the list.

    An entry a merge made stands for several sign-ups of one organisation, and only one of
    their signers asked. So the group is taken apart rather than withdrawn whole: the sign-up
    that asked is withdrawn (its private links die), and every other one stands on its own
    again, off the list until the moderator decides on it (``states.leave_group``). A
    moderator who wants the organisation to stay listed approves the one to keep; nobody is
    withdrawn who did not ask, and nobody is left merged into a withdrawn row, which no undo
    and no new sign-on could bring back. The merges concerned can no longer be undone, as
    their rows changed. Return those other sign-ups."""
    if not can_move(entry, SignatureStatus.withdrawn):
        raise SignatureError(NO_SUCH_MOVE)
    others = []
    for s in _group(session, entry):
        mine = s.id == asker.id
        action = "correction_applied" if mine else "left_merge_group"
        note = detail if mine else f"withdrawal asked through signature {asker.id} of its group"
        with recording(session, s, action, actor, detail=note):
            leave_group(s, withdrawn=mine)
            if mine:
                s.token_version += 1
        if not mine:
            others.append(s)
    return others
