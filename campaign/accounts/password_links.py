"""Signed links that let someone choose a password: in an invitation to a letter's team
(WELCOME, valid STAFF_INVITE_MAX_AGE) or after "Forgot your password?" (RESET, valid
STAFF_RESET_MAX_AGE).

A link carries a fingerprint of the account's password hash and ``session_epoch``, so it stops
working as soon as a password is chosen with it, the password changes in any other way, or
the epoch is raised (``services.void_password_links``: the account switched off, say;
switched on again, it needs a new link).
"""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from campaign.accounts.models import User

WELCOME, RESET = "staff-welcome", "staff-reset"
MAX_AGE_SETTING = {WELCOME: "STAFF_INVITE_MAX_AGE", RESET: "STAFF_RESET_MAX_AGE"}


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(f"{user.password_hash}:{user.session_epoch}".encode()).hexdigest()[:16]


def max_age(purpose: str) -> int:
    return int(current_app.config[MAX_AGE_SETTING[purpose]])


def make(user: User, purpose: str) -> str:
    return _serializer(purpose).dumps([user.id, _fingerprint(user)])


def user_for(session: Session, token: str, purpose: str) -> User | None:
    """The active account a link names, or None if forged, expired or already used."""
    try:
        user_id, fingerprint = _serializer(purpose).loads(token, max_age=max_age(purpose))
        user = session.get(User, int(user_id))
    except (BadData, TypeError, ValueError):
        return None
    if user is None or not user.active or _fingerprint(user) != fingerprint:
        return None
    return user
