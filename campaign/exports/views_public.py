"""The public letter's "Download as PDF": the current approved list, never any contacts."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, redirect, url_for
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.exports import public_bp as bp
from campaign.exports.public_pdf import public_pdf
from campaign.extensions import limiter, talisman
from campaign.letters.models import Letter
from campaign.letters.views import visible_letter


@bp.route("/letter.pdf")
@limiter.limit("30 per minute")
@talisman(content_security_policy=None)  # the browser's PDF viewer needs its own styles
def letter_pdf(lang: str, slug: str) -> Response:
    """The letter in ``lang``; in a language it has no text in, a redirect to the PDF of
    its authoritative text, which is what that page shows. So a PDF is named and labelled
    in the language it is written in (never the English letter as "-pt.pdf"), and each
    text is built, kept on disk and in shared caches once, not once per language."""
    letter = visible_letter(slug)
    text = letter.text_for(lang) or letter.authoritative_text
    if text is None:
        abort(404)
    if text.language != lang:
        response = redirect(url_for(".letter_pdf", lang=text.language, slug=slug))
    else:
        response = _pdf(letter, lang)
    # A draft's preview is for its staff alone: no shared cache may keep it.
    public = letter.status.is_public
    response.headers["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


def _pdf(letter: Letter, lang: str) -> Response:
    content = public_pdf(db.session, letter, lang, Path(current_app.config["EXPORT_CACHE_DIR"]))
    response = Response(content, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{letter.slug}-{lang}.pdf"'
    response.headers["Content-Language"] = lang
    return response
