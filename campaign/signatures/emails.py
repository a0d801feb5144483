"""Emails to signers, queued in the outbox in the signer's language."""

from __future__ import annotations

from flask import current_app, url_for
from sqlalchemy.orm import Session

from campaign import mail
from campaign.i18n import interface_language
from campaign.letters.services import title_for
from campaign.signatures import tokens
from campaign.signatures.models import Signature, SignatureStatus


def absolute(endpoint: str, **values: object) -> str:
    """A link for an email: PUBLIC_BASE_URL plus the route's path."""
    return current_app.config["PUBLIC_BASE_URL"] + url_for(endpoint, **values)


def _context(session: Session, signature: Signature, lang: str) -> dict[str, object]:
    """What the templates need, as plain values: the outbox stores it as JSON."""
    letter = signature.letter
    return {
        "signature": {
            "name": signature.name,
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


def _queue(session: Session, signature: Signature, template: str) -> None:
    lang = interface_language(signature.language)
    context = _context(session, signature, lang)
    mail.queue(session, signature.contact_email or "", template, lang, **context)


def queue_confirmation(session: Session, signature: Signature) -> None:
    """Ask the signer to confirm; the email also carries the private edit link."""
    _queue(session, signature, "signature_confirm")


def queue_repeat_notice(session: Session, signature: Signature) -> None:
    """Tell the address owner that this address has already signed, with their links."""
    _queue(session, signature, "signature_repeat")
