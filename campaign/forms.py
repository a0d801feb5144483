"""The base of every form: Flask-WTF's, with the CSRF token checked once per request.

``CSRFProtect`` (see ``campaign.extensions``) checks the token of every POST before any view
runs, so the form itself does not check it again, nor sign a fresh token while reading what
was posted (on the sign-on form, a twentieth of each request's time). ``hidden_tag()`` still
renders the token, with the form's hidden fields, on every page that keeps a session.
"""

from __future__ import annotations

from typing import Any

from flask import g
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from wtforms import HiddenField

from campaign.i18n import _l
from campaign.ids import parse_id

CHANGED_SINCE_SHOWN = _l(
    "This signature changed after you opened this page (its signer or a moderator changed "
    "it), so nothing was saved. It is shown as it is now; your entries are below: check "
    "them and send again."
)


class Form(FlaskForm):
    class Meta:
        csrf = False
        # False for a form shown where no session is kept (``meta={"session_token": False}``,
        # on a page framed by another site), whose view is exempt from CSRFProtect.
        session_token = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The request's forms, so that base.html can tell a page that shows errors.
        g.setdefault("forms", []).append(self)

    def hidden_tag(self, *fields: Any) -> Markup:
        if not self.meta.session_token:
            return super().hidden_tag(*fields)
        token = Markup('<input name="csrf_token" type="hidden" value="{}">').format(generate_csrf())
        return token + super().hidden_tag(*fields)


class VersionedForm(Form):
    """A form that changes one row: it carries the version of the row it was shown with, so
    a save over a change made since (by someone else) is caught rather than written over.
    Version 0 is a row that did not exist yet (a text about to be written)."""

    version = HiddenField()
    changed_message: object = CHANGED_SINCE_SHOWN

    def changed_since_shown(self, current: int) -> bool:
        """True (with the form's ``changed_message``) if the row is no longer the version the
        form was shown with. Either way the form now carries ``current``: sending it again
        means deciding on what is there now."""
        raw = "" if self.version.data is None else str(self.version.data)
        shown = 0 if raw == "0" else parse_id(raw)
        self.version.data = str(current)
        if shown is None or shown == current:
            return False
        self.form_errors.append(str(self.changed_message))
        return True
