"""A change made from a button on a staff page: CSRF-checked, committed, and reported."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import abort, flash, redirect
from werkzeug.wrappers import Response

from campaign.accounts.services import Refused
from campaign.db import db
from campaign.letters.forms import ActionForm

Messages = list[tuple[str, str]]


def apply(change: Callable[[], Messages], refusals: Mapping[str, object], back: str) -> Response:
    """Run ``change``, which returns what to tell the user as (message, flash category)
    pairs; commit it, or, if it is refused, roll it back and say why; then go ``back``."""
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        messages = change()
    except Refused as refused:
        db.session.rollback()
        flash(str(refusals[refused.code]), "error")
    else:
        db.session.commit()
        for message, category in messages:
            flash(message, category)
    return redirect(back)
