"""A moderator sends a sign-up's confirmation email again, after the outbox gave up on the
last one (the signer's server refused it, or the retries ran out). Audited; flush only."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.i18n import _l
from campaign.moderation.audit import recording
from campaign.signatures import emails
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import SignatureError
from campaign.signatures.undelivered import undelivered

# What looks like an address in a server's answer ("550 5.1.1 <x@example.org>: rejected").
ADDRESS = re.compile(r"<?[^\s<>@]+@[^\s<>]+>?")
NOT_PENDING = _l("Only a sign-up awaiting email confirmation can be sent its confirmation again.")
NOTHING_FAILED = _l("Nothing to send again: the latest email to this signer did not fail.")


def send_confirmation_again(session: Session, signature: Signature, actor: User | None) -> str:
    """Queue a new confirmation email for a sign-up awaiting confirmation whose latest email
    to its signer was given up; return the address it goes to. Raises SignatureError if the
    sign-up is not awaiting confirmation, or nothing failed.

    The sign-up counts as touched, as a decision does: the clean-up of unconfirmed sign-ups
    gives its signer the full time again, and a second press (this moderator's or
    another's) finds the email already queued, or, at the same moment, the row changed."""
    if signature.status is not SignatureStatus.pending:
        raise SignatureError(NOT_PENDING)
    failed = undelivered(session, [signature.id]).get(signature.id)
    if failed is None or not signature.contact_email:
        raise SignatureError(NOTHING_FAILED)
    detail = ADDRESS.sub("<address>", failed.reason)  # the audit log keeps no contact address
    with recording(session, signature, "confirmation_resent", actor, detail=detail):
        signature.updated_at = utcnow()
    session.flush()
    emails.queue_confirmation(session, signature.id, signature.contact_email, signature.language)
    return signature.contact_email
