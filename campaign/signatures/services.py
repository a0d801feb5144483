"""Signing, confirming, correcting and withdrawing. Services flush, never commit.

Whatever happens to a submission, the caller shows the same neutral page: whether an
address has signed is told only to that address, by email.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.db import utcnow
from campaign.letters.models import Letter, LetterStatus
from campaign.signatures import emails
from campaign.signatures.keys import email_key, name_key
from campaign.signatures.lookalikes import has_lookalike
from campaign.signatures.models import (
    EcosocStatus,
    OrgType,
    Signature,
    SignatureStatus,
    SignerKind,
)
from campaign.signatures.states import awaits_moderation, move

POSSIBLE_DUPLICATE = "possible_duplicate"


def accepting_signatures(letter: Letter) -> bool:
    """Open, and the deadline (if any) not passed."""
    deadline = letter.deadline
    return letter.status is LetterStatus.open and (deadline is None or utcnow() < deadline)


def apply_details(session: Session, signature: Signature, kind: SignerKind, **details: Any) -> None:
    """Copy form details onto ``signature``, re-checking for a look-alike when the name changes.

    The look-alike check runs the matching engine (typos, translations, known aliases from
    the organisation registry), not just equal keys.
    """
    individual = kind is SignerKind.individual
    name = details["name"]
    signature.kind = kind
    signature.name = signature.submitted_name = name
    signature.country = details.get("country") or None
    signature.org_type = None if individual else OrgType(details["org_type"])
    signature.website = details.get("website") or ""
    signature.ecosoc_status = EcosocStatus(details.get("ecosoc_status") or "unknown")
    signature.contact_name = details.get("contact_name") or (name if individual else "")
    signature.contact_role = details.get("contact_role") or ""
    signature.consent_contact = bool(details.get("consent_contact"))
    signature.language = details.get("language") or "en"
    if signature.name_key != (key := name_key(name)):
        signature.name_key = key
        flags = [f for f in signature.flags or [] if f != POSSIBLE_DUPLICATE]
        if has_lookalike(session, signature):
            flags.append(POSSIBLE_DUPLICATE)
        signature.flags = flags


def sign(
    session: Session, letter: Letter, kind: SignerKind, email: str, ip: str | None, **details: Any
) -> Signature:
    """Record a new signature awaiting confirmation, or answer a repeat by email.

    A race with a concurrent identical submission surfaces as IntegrityError on flush;
    the caller rolls back and calls again, which then takes the repeat path.
    """
    key = email_key(email)
    existing = session.scalar(
        select(Signature).where(Signature.letter_id == letter.id, Signature.email_key == key)
    )
    if existing is not None:
        return _repeat(session, existing, kind, email, details)
    signature = Signature(
        letter=letter, contact_email=email, email_key=key, ip_address=ip, name_key=None, flags=[]
    )
    signature.letter_id = letter.id
    apply_details(session, signature, kind, **details)
    session.add(signature)
    session.flush()
    emails.queue_confirmation(session, signature)
    return signature


def _repeat(
    session: Session, signature: Signature, kind: SignerKind, email: str, details: dict
) -> Signature:
    """Same letter, same address: a withdrawn signer may sign afresh; others get their link."""
    if signature.status is SignatureStatus.withdrawn:
        move(signature, SignatureStatus.pending)
        signature.contact_email = email
        apply_details(session, signature, kind, **details)
        session.flush()
        emails.queue_confirmation(session, signature)
    else:
        emails.queue_repeat_notice(session, signature)
    return signature


def confirm(signature: Signature) -> bool:
    """Confirm a pending signature (approving it if the letter allows); False if not pending."""
    if signature.status is not SignatureStatus.pending:
        return False
    move(signature, SignatureStatus.confirmed)
    if not awaits_moderation(signature):
        move(signature, SignatureStatus.approved)
    return True
