"""Emails to people given a role on a letter, or the right to create letters; someone new gets
a link to choose a password (see ``password_links``), someone else a link to log in."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from campaign import mail
from campaign.accounts import password_links
from campaign.accounts.models import Role, User
from campaign.accounts.services import has_chosen_password
from campaign.i18n import interface_language
from campaign.letters.models import Letter
from campaign.mail_render import NothingToSend, absolute, completes

TEMPLATE = "staff_invite"
CREATOR_TEMPLATE = "staff_creator"


def queue(session: Session, user: User, letter: Letter, role: Role) -> None:
    """Tell ``user``, in their language, that they now hold ``role`` on ``letter``."""
    lang = interface_language(user.language)
    mail.queue(
        session, user.email, TEMPLATE, lang, user_id=user.id, letter_id=letter.id, role=role.value
    )


def queue_creator(session: Session, user: User) -> None:
    """Tell ``user``, in their language, that they may now create letters."""
    lang = interface_language(user.language)
    mail.queue(session, user.email, CREATOR_TEMPLATE, lang, user_id=user.id)


def _start(user: User, endpoint: str, **values: Any) -> dict[str, Any]:
    """The email's link: choose a password if none is chosen yet, else the page ``endpoint``."""
    new = not has_chosen_password(user)
    return {
        "new_account": new,
        "link": absolute(
            "accounts.welcome", token=password_links.make(user, password_links.WELCOME)
        )
        if new
        else absolute(endpoint, **values),
        "days": password_links.max_age(password_links.WELCOME) // 86400,
    }


@completes(CREATOR_TEMPLATE)
def _creator_context(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    user = session.get(User, stored["user_id"])
    if user is None:
        raise NothingToSend(f"user {stored['user_id']} is gone")
    return _start(user, "manage.new_letter")


@completes(TEMPLATE)
def _context(session: Session, stored: dict[str, Any], lang: str) -> dict[str, Any]:
    """The letter's title and the right link, as they are when the email goes out: a new
    member chooses a password; someone who has one logs in."""
    # Imported here: accounts is imported by the letters package, which needs this module first.
    from campaign.letters.queries import title_for

    user = session.get(User, stored["user_id"])
    letter = session.get(Letter, stored["letter_id"])
    if user is None or letter is None:
        raise NothingToSend(f"user {stored['user_id']} or letter {stored['letter_id']} is gone")
    return {
        "role": stored["role"],
        "letter_title": title_for(session, letter, lang),
        **_start(user, "manage.letter", slug=letter.slug),
    }
