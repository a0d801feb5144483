"""Readiness for the staff letter page, for anyone who may moderate the letter."""

from __future__ import annotations

from flask_login import current_user

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters.models import Letter
from campaign.moderation import labels, signals
from campaign.moderation.readiness import Readiness, readiness


def letter_summary(letter: Letter) -> tuple[Readiness, object] | None:
    """The letter's readiness and the labels to show it, or None if the user cannot moderate."""
    if not current_user.is_authenticated or not current_user.has_role(letter.id, Role.moderator):
        return None
    return readiness(db.session, letter.id, signals.compute(db.session, letter.id)), labels
