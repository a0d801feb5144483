"""Per-letter access checks for staff views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user, login_required

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters import queries
from campaign.letters.models import Letter


def letter_for(slug: str, *roles: Role) -> Letter:
    """The letter named by ``slug`` if the current user holds one of ``roles``; else 404 or 403."""
    letter = queries.find_by_slug(db.session, slug)
    if letter is None:
        abort(404)
    if not any(current_user.has_role(letter.id, role) for role in roles):
        abort(403)
    return letter


def letter_role_required(*roles: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a view taking ``slug``: it gets ``letter`` instead, checked for one of ``roles``."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        @login_required
        def wrapped(slug: str, **kwargs: Any) -> Any:
            return view(letter=letter_for(slug, *roles), **kwargs)

        return wrapped

    return decorator


def can_create_letters() -> bool:
    user = current_user
    return bool(user.is_authenticated and (user.is_admin or user.can_create_letters))


ANY_ROLE = tuple(Role)
