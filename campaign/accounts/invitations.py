"""Emails to people added to a letter's team, and the link that lets a new one choose a
password.

The link is signed, expires (STAFF_INVITE_MAX_AGE), and carries a fingerprint of the
account's password hash, so it stops working once a password has been chosen with it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from campaign import mail
from campaign.accounts.models import Role, User
from campaign.i18n import interface_language
from campaign.letters.models import Letter
from campaign.mail_render import NothingToSend, absolute, completes

TEMPLATE = "staff_invite"
_PURPOSE = "staff-welcome"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_PURPOSE)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_token(user: User) -> str:
    return _serializer().dumps([user.id, _fingerprint(user)])


def user_for_token(session: Session, token: str) -> User | None:
    """The active account a welcome link names, or None if forged, expired or used."""
    max_age = int(current_app.config["STAFF_INVITE_MAX_AGE"])
    try:
        user_id, fingerprint = _serializer().loads(token, max_age=max_age)
        user = session.get(User, int(user_id))
    except (BadData, TypeError, ValueError):
        return None
    if user is None or not user.active or _fingerprint(user) != fingerprint:
        return None
    return user


def queue(session: Session, user: User, letter: Letter, role: Role) -> None:
    """Tell ``user``, in their language, that they now hold ``role`` on ``letter``."""
    lang = interface_language(user.language)
    mail.queue(
        session, user.email, TEMPLATE, lang, user_id=user.id, letter_id=letter.id, role=role.value
    )


@completes(TEMPLATE)
def _context(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    """The letter's title and the right link, as they are when the email goes out: a new
    member chooses a password; someone who has one logs in."""
    # Imported here: accounts is imported by letters.services and by team, which need this
    # module first.
    from campaign.accounts.team import has_chosen_password
    from campaign.letters.services import title_for

    user = session.get(User, stored["user_id"])
    letter = session.get(Letter, stored["letter_id"])
    if user is None or letter is None:
        raise NothingToSend(f"user {stored['user_id']} or letter {stored['letter_id']} is gone")
    new = not has_chosen_password(user)
    return {
        "role": stored["role"],
        "letter_title": title_for(session, letter, lang),
        "new_account": new,
        "link": absolute("accounts.welcome", token=make_token(user))
        if new
        else absolute("manage.letter", slug=letter.slug),
        "days": int(current_app.config["STAFF_INVITE_MAX_AGE"]) // 86400,
    }
