"""Small helpers shared by the moderation views."""

from __future__ import annotations

from flask import abort, redirect, request
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.letters.models import Letter
from campaign.redirects import local_path
from campaign.signatures.models import Signature


def signature_of(letter: Letter, sid: int) -> Signature:
    """The signature ``sid`` if it belongs to ``letter``, else 404."""
    signature = db.session.get(Signature, sid)
    if signature is None or signature.letter_id != letter.id:
        abort(404)
    return signature


def staff_page(raw: str | None) -> str | None:
    """``raw`` if it is a staff page of this site (a ``next`` address to go back to)."""
    target = local_path(raw)
    return target if target and target.startswith("/manage/") else None


def back_to(default: str) -> Response:
    """Redirect to the page the form came from (a local staff page only), else ``default``."""
    return redirect(staff_page(request.form.get("next")) or default)
