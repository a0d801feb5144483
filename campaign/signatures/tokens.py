"""Signed, expiring tokens for the private links in emails and the form's start time."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadData, TimestampSigner, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from campaign.signatures.models import Signature

CONFIRM = "signature-confirm"
EDIT = "signature-edit"
STARTED = "sign-form-started"
MAX_AGE_SETTING = {CONFIRM: "SIGN_CONFIRM_MAX_AGE", EDIT: "SIGN_EDIT_MAX_AGE"}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose)


def _birth(signature: Signature) -> int:
    """When the signature was made, in microseconds: with the id, it names this signature and
    no other. An id alone may be given again (SQLite reuses the id of a deleted row, and
    unconfirmed sign-ups are deleted after a month while edit links last a year), and an old
    link must not open whichever signature received its number next."""
    return (signature.created_at - _EPOCH) // timedelta(microseconds=1)


def make(signature: Signature, purpose: str) -> str:
    """A link token for ``signature``; it dies when the signature's token_version changes."""
    return _serializer(purpose).dumps([signature.id, signature.token_version, _birth(signature)])


def resolve(session: Session, token: str, purpose: str) -> Signature | None:
    """The signature a token names, or None if it is forged, expired or revoked."""
    max_age = int(current_app.config[MAX_AGE_SETTING[purpose]])
    try:
        signature_id, version, born = _serializer(purpose).loads(token, max_age=max_age)
        signature = session.get(Signature, int(signature_id))
    except (BadData, TypeError, ValueError):
        return None
    if signature is None or signature.token_version != version or _birth(signature) != born:
        return None
    return signature


def form_started() -> str:
    """A signed timestamp for the sign-on form's hidden field."""
    return TimestampSigner(current_app.config["SECRET_KEY"], salt=STARTED).sign("form").decode()


def seconds_since_started(value: str | None) -> float | None:
    """How long ago the form was served, or None if the field was tampered with."""
    signer = TimestampSigner(current_app.config["SECRET_KEY"], salt=STARTED)
    try:
        _, stamp = signer.unsign(value or "", return_timestamp=True)
    except BadData:
        return None
    return time.time() - stamp.timestamp()
