"""Emails to signers, queued in the outbox in the signer's language.

The request that queues one stores only the signature's id; the title and the private links
are filled in when the email is rendered (see ``campaign.mail_render``). Signing stays a pair
of short INSERTs, and a link's lifetime starts when the email goes out, not when it was
queued, so mail held back by an SMTP outage still arrives with working links.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from babel.lists import format_list
from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import Session, joinedload

from campaign import mail
from campaign.db import utcnow
from campaign.i18n import interface_language
from campaign.letters.queries import title_for
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.mail_render import NothingToSend, absolute, completes
from campaign.matching.webaddress import has_web_address
from campaign.signatures import tokens
from campaign.signatures.models import Signature, SignatureStatus

CONFIRMATION = "signature_confirm"
REPEAT_NOTICE = "signature_repeat"
CONTACT_NOTICE = "signature_contact"
CONTACT_MOVED = "signature_contact_moved"
# Every email to a signer about their signature: each carries its private links.
TO_SIGNERS = (CONFIRMATION, REPEAT_NOTICE, CONTACT_NOTICE)
# And the notice to a former contact, which carries none.
ABOUT_SIGNATURES = (*TO_SIGNERS, CONTACT_MOVED)
# At most one notice of a repeated sign-up per signature in this time (see _repeat_notice).
REPEAT_NOTICE_EVERY = timedelta(hours=1)


def _load_signatures(session: Session, stored: list[dict[str, Any]]) -> list[Signature]:
    """The signatures (with their letters) a batch of these emails is about, in one query."""
    ids = {context["signature_id"] for context in stored}
    query = select(Signature).options(joinedload(Signature.letter)).where(Signature.id.in_(ids))
    return list(session.scalars(query).unique())


def _wanted(session: Session, stored: dict[str, Any]) -> Signature:
    """The signature an email is about, if that email is still wanted: not once the signature
    is deleted, nor once its signer withdrew it (a withdrawal revokes the links such an email
    carries; signing again queues a new one)."""
    signature = session.get(Signature, stored["signature_id"])
    if signature is None:
        raise NothingToSend(f"signature {stored['signature_id']} no longer exists")
    if signature.status is SignatureStatus.withdrawn:
        raise NothingToSend(f"signature {signature.id} was withdrawn")
    return signature


@completes(CONFIRMATION, preload=_load_signatures)
def _confirmation(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    """A request to confirm is not sent for a sign-up moderators turned down before it was
    confirmed (a spam wave typing strangers' addresses): its link could confirm nothing."""
    signature = _wanted(session, stored)
    if signature.status is SignatureStatus.rejected and signature.confirmed_at is None:
        raise NothingToSend(f"signature {signature.id} was rejected before it was confirmed")
    # Asked, not heeded: a confirmation is never sent for a repeat (only for a first
    # signature, or by a moderator, who must not see it vanish), but rendering one asks the
    # database what a repeat's notice does, so with inline sending the answer's timing
    # still does not tell whether the address had signed (see ``services.sign``).
    _noticed_lately(session, signature)
    return _context(session, signature, lang)


@completes(CONTACT_NOTICE, preload=_load_signatures)
def _links(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    return _context(session, _wanted(session, stored), lang)


@completes(REPEAT_NOTICE, preload=_load_signatures)
def _repeat_notice(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    signature = _wanted(session, stored)
    if _noticed_lately(session, signature):
        raise NothingToSend(f"signature {signature.id} had a notice of a repeat lately")
    return _context(session, signature, lang)


def _noticed_lately(session: Session, signature: Signature) -> bool:
    """Whether a notice of a repeat went to the address on file about this sign-up (since
    it was made) within ``REPEAT_NOTICE_EVERY``. That notice carried all its links, and
    anyone may type a stranger's address again and again, from many networks past the rate
    limits: one notice an hour says all there is to say."""
    since = max(utcnow() - REPEAT_NOTICE_EVERY, signature.created_at)
    query = select(OutboxMessage.id).where(
        OutboxMessage.status == OutboxStatus.sent,
        # A message sent since was due since (the outbox's index), unless it was retried
        # for longer than that: then one more email goes, which is harmless.
        OutboxMessage.next_attempt_at >= since,
        OutboxMessage.sent_at >= since,
        OutboxMessage.template == REPEAT_NOTICE,
        OutboxMessage.recipient == signature.contact_email,
        OutboxMessage.context["signature_id"].as_integer() == signature.id,
    )
    return session.scalar(query.limit(1)) is not None


@completes(CONTACT_MOVED, preload=_load_signatures)
def _contact_moved(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    """What a former contact is told: no private link, only what happened and to whom to
    turn (the organisations leading the letter)."""
    signature = _wanted(session, stored)
    return {
        "signature": {"name": signature.name},
        "letter_title": title_for(session, signature.letter, lang),
        "letter_url": absolute("letters.letter_page", lang=lang, slug=signature.letter.slug),
        "leads": format_list(_lines(signature.letter.lead_organisations), locale=lang),
    }


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _context(session: Session, signature: Signature, lang: str) -> dict[str, Any]:
    """What the templates need, from the signature as it is when the email is rendered."""
    letter = signature.letter
    return {
        "signature": {
            "name": signature.name,
            # Names go, unasked for, to whatever address was typed: a spam wave writing its
            # web address as the name would have us mail it to strangers. Not repeated.
            "withheld": has_web_address(signature.name),
            "pending": signature.status is SignatureStatus.pending,
        },
        "letter_title": title_for(session, letter, lang),
        "letter_url": absolute("letters.letter_page", lang=lang, slug=letter.slug),
        "edit_url": absolute(
            "signatures.edit", lang=lang, token=tokens.make(signature, tokens.EDIT)
        ),
        "confirm_url": absolute(
            "signatures.confirm", lang=lang, token=tokens.make(signature, tokens.CONFIRM)
        ),
    }


def _queue(
    session: Session, template: str, signature_id: int, recipient: str, language: str
) -> None:
    lang = interface_language(language)
    mail.queue(session, recipient, template, lang, signature_id=signature_id)


def queue_confirmation(session: Session, signature_id: int, recipient: str, language: str) -> None:
    """Ask the signer to confirm; the email also carries the private edit link."""
    _queue(session, CONFIRMATION, signature_id, recipient, language)


def queue_repeat_notice(session: Session, signature_id: int, recipient: str, language: str) -> None:
    """Tell the address owner that this address has already signed, with their links."""
    _queue(session, REPEAT_NOTICE, signature_id, recipient, language)


def queue_contact_notice(
    session: Session, signature_id: int, recipient: str, language: str
) -> None:
    """Give the contact a moderator recorded for a signature already confirmed its links."""
    _queue(session, CONTACT_NOTICE, signature_id, recipient, language)


def queue_contact_moved(session: Session, signature_id: int, recipient: str, language: str) -> None:
    """Tell a signature's former contact that moderators gave it another one."""
    _queue(session, CONTACT_MOVED, signature_id, recipient, language)


def cancel_unsent(session: Session, signature_id: int, reason: str) -> None:
    """Cancel the emails still waiting to go about this signature: they are addressed to a
    contact it no longer has, and rendered later they would carry its live private links.
    One a sender holds at this moment is not sent either: a sender renews its hold on each
    message just before sending it, only while the message is still queued."""
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.queued,
            OutboxMessage.template.in_(TO_SIGNERS),
            OutboxMessage.context["signature_id"].as_integer() == signature_id,
        )
        .values(
            status=OutboxStatus.cancelled,
            last_error=f"nothing to send: {reason}",
            next_attempt_at=utcnow(),  # when the outbox stopped trying (see OutboxMessage)
        )
        .execution_options(synchronize_session=False)
    )


def forget_unsent(session: Session, signature_ids: Select) -> None:
    """Delete the emails still waiting to go about the signatures ``signature_ids`` selects,
    which are about to be deleted: rendered later, they could find another signature that
    took a deleted one's number (SQLite gives ids again), and send its private links."""
    session.execute(
        delete(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.queued,
            OutboxMessage.template.in_(ABOUT_SIGNATURES),
            OutboxMessage.context["signature_id"].as_integer().in_(signature_ids),
        )
        .execution_options(synchronize_session=False)
    )
