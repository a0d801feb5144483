"""Small helpers shared by the moderation views."""

from __future__ import annotations

from flask import abort, redirect, request
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.letters.models import Letter
from campaign.signatures.models import Signature


def signature_of(letter: Letter, sid: int) -> Signature:
    """The signature ``sid`` if it belongs to ``letter``, else 404."""
    signature = db.session.get(Signature, sid)
    if signature is None or signature.letter_id != letter.id:
        abort(404)
    return signature


def back_to(default: str) -> Response:
    """Redirect to the page the form came from (a local staff page only), else ``default``."""
    target = request.form.get("next", "")
    ok = target.startswith("/manage/") and not target.startswith("//")
    return redirect(target if ok else default)
