"""The public letter's "Download as PDF": the current approved list, never any contacts."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.exports import public_bp as bp
from campaign.exports.public_pdf import public_pdf
from campaign.extensions import limiter, talisman
from campaign.letters.views import visible_letter


@bp.route("/letter.pdf")
@limiter.limit("30 per minute")
@talisman(content_security_policy=None)  # the browser's PDF viewer needs its own styles
def letter_pdf(lang: str, slug: str) -> Response:
    letter = visible_letter(slug)
    content = public_pdf(db.session, letter, lang, Path(current_app.config["EXPORT_CACHE_DIR"]))
    response = Response(content, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{letter.slug}-{lang}.pdf"'
    # A draft's preview is for its staff alone: no shared cache may keep it.
    public = letter.status.is_public
    response.headers["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response
