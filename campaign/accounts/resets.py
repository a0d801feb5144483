""" "Forgot your password?": an email with a link to choose a new one, sent only to an active
account, while the page answers the same whatever the address. The email, and the page its
link opens, are in the language of the page it was asked from: whoever asked reads them."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from campaign import mail
from campaign.accounts import password_links, services
from campaign.accounts.models import User
from campaign.i18n import interface_language
from campaign.mail_render import NothingToSend, absolute, completes

TEMPLATE = "staff_password_reset"


def request_link(session: Session, email: str, language: str) -> None:
    """Queue a reset link, in ``language``, for the active account at ``email``, if any."""
    user = services.find_user(session, email)
    if user is not None and user.active:
        lang = interface_language(language)
        mail.queue(session, user.email, TEMPLATE, lang, user_id=user.id)


@completes(TEMPLATE)
def _context(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    """The link is made when the email goes out, so its lifetime starts then; it names the
    email's language, for the page it opens."""
    user = session.get(User, stored["user_id"])
    if user is None:
        raise NothingToSend(f"user {stored['user_id']} is gone")
    token = password_links.make(user, password_links.RESET)
    return {
        "email": user.email,
        "link": absolute("accounts.reset", token=token, lang=lang),
        "minutes": password_links.max_age(password_links.RESET) // 60,
    }
