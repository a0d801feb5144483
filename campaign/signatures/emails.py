"""Emails to signers, queued in the outbox in the signer's language."""

from __future__ import annotations

from flask import current_app, url_for
from sqlalchemy.orm import Session

from campaign import mail
from campaign.i18n import interface_language
from campaign.signatures import tokens
from campaign.signatures.models import Signature


def absolute(endpoint: str, **values: object) -> str:
    """A link for an email: PUBLIC_BASE_URL plus the route's path."""
    return current_app.config["PUBLIC_BASE_URL"] + url_for(endpoint, **values)


def _context(signature: Signature) -> dict[str, object]:
    lang = interface_language(signature.language)
    letter = signature.letter
    text = letter.text_for(lang) or letter.authoritative_text
    return {
        "signature": signature,
        "letter_title": text.title if text else letter.slug,
        "letter_url": absolute("letters.letter_page", lang=lang, slug=letter.slug),
        "edit_url": absolute(
            "signatures.edit", lang=lang, token=tokens.make(signature, tokens.EDIT)
        ),
        "confirm_url": absolute(
            "signatures.confirm", lang=lang, token=tokens.make(signature, tokens.CONFIRM)
        ),
    }


def queue_confirmation(session: Session, signature: Signature) -> None:
    """Ask the signer to confirm; the email also carries the private edit link."""
    lang = interface_language(signature.language)
    mail.queue(
        session, signature.contact_email or "", "signature_confirm", lang, **_context(signature)
    )


def queue_repeat_notice(session: Session, signature: Signature) -> None:
    """Tell the address owner that this address has already signed, with their links."""
    lang = interface_language(signature.language)
    mail.queue(
        session, signature.contact_email or "", "signature_repeat", lang, **_context(signature)
    )
