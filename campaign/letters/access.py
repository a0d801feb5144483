"""Who may see a letter's public page."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from campaign.accounts.permissions import ANY_ROLE
from campaign.db import db
from campaign.letters.models import Letter
from campaign.letters.queries import find_by_slug


def visible_letter(slug: str, *, texts: bool = True) -> Letter:
    """The letter for a public page: drafts are 404 except to its own staff, as a preview.

    ``texts=False`` when the page may not need them (they then load on first use).
    """
    letter = find_by_slug(db.session, slug, texts=texts)
    if letter is None:
        abort(404)
    if not letter.status.is_public:
        user = current_user
        if not (user.is_authenticated and any(user.has_role(letter.id, r) for r in ANY_ROLE)):
            abort(404)
    return letter
