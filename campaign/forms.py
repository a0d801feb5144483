"""The base of every form: Flask-WTF's, with the CSRF token checked once per request.

``CSRFProtect`` (see ``campaign.extensions``) checks the token of every POST before any view
runs, so the form itself does not check it again, nor sign a fresh token while reading what
was posted (on the sign-on form, a twentieth of each request's time). ``hidden_tag()`` still
renders the token, with the form's hidden fields.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup


class Form(FlaskForm):
    class Meta:
        csrf = False

    def hidden_tag(self, *fields: Any) -> Markup:
        token = Markup('<input name="csrf_token" type="hidden" value="{}">').format(generate_csrf())
        return token + super().hidden_tag(*fields)
