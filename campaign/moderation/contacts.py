"""A moderator corrects who a signature's contact is: their name, role and email address.

The address is how a signer proves the signature is theirs, and where its private links go.
A signer who mistyped it never receives the link to confirm, and signing again with the
right one would only add a second sign-up; so a moderator who hears from them (by phone, by
another address) puts the right address on the sign-up instead. The new address then gets
its links: the request to confirm for a sign-up still awaiting it, the private edit link for
a signature already confirmed. The links sent to the old address stop working, and its
emails not yet sent are cancelled; an old address its signer had confirmed is told of the
change. Audited (the log keeps no contact address); flush only.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.i18n import _l
from campaign.moderation.audit import recording
from campaign.signatures import emails
from campaign.signatures.keys import email_key
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import LIVE, SignatureError

NOT_LIVE = _l(
    "The contact of a rejected, withdrawn or merged signature cannot be changed: "
    "its signer is no longer reached through it."
)
ADDRESS_NEEDED = _l("Enter an email address: this signature's signer is reached through it.")


class AddressTaken(SignatureError):
    """The new address is already another sign-up's contact on this letter (one address
    signs a letter once); ``other`` is that sign-up, for the moderator to look at."""

    def __init__(self, other: Signature | None) -> None:
        super().__init__(_l("Another sign-up for this letter already has this address."))
        self.other = other


def correct_contact(
    session: Session,
    signature: Signature,
    *,
    name: str,
    role: str,
    address: str | None,
    actor: User | None,
) -> str | None:
    """Set the contact of a live signature (awaiting confirmation, awaiting a decision,
    listed or on hold); ``address`` is normalised already. Return the address a new email
    went to, if the address changed (None if it did not). Raises SignatureError if the
    signature is not live or the address is taken out, AddressTaken if another sign-up of
    the letter has it."""
    if signature.status not in LIVE:
        raise SignatureError(NOT_LIVE)
    if not address and signature.contact_email:
        raise SignatureError(ADDRESS_NEEDED)
    key = email_key(address) if address else None
    moves = key != signature.email_key
    if moves and key is not None:
        _check_free(session, signature, key)
    action, former = ("contact_changed" if moves else "edit"), signature.contact_email
    with recording(session, signature, action, actor):
        signature.contact_name, signature.contact_role = name, role
        signature.contact_email, signature.email_key = address, key
        if moves:
            signature.token_version += 1  # the links the old address holds stop working
    try:
        session.flush()
    except IntegrityError:  # the address signed this letter at this very moment
        raise AddressTaken(None) from None  # the caller rolls back, as after any refusal
    if not moves or address is None:
        return None
    emails.cancel_unsent(session, signature.id, "the signature's contact address was changed")
    if former and signature.confirmed_at is not None:
        # An address its signer proved is told it was replaced (by phone, anyone can claim
        # to speak for an organisation); one never confirmed may be the typo being put right.
        emails.queue_contact_moved(session, signature.id, former, signature.language)
    if signature.status is SignatureStatus.pending:
        emails.queue_confirmation(session, signature.id, address, signature.language)
    else:
        emails.queue_contact_notice(session, signature.id, address, signature.language)
    return address


def _check_free(session: Session, signature: Signature, key: str) -> None:
    other = session.scalar(
        select(Signature).where(
            Signature.letter_id == signature.letter_id,
            Signature.email_key == key,
            Signature.id != signature.id,
        )
    )
    if other is not None:
        raise AddressTaken(other)
