"""Public letter pages, one per language."""

from __future__ import annotations

from flask import abort, g, render_template
from flask_login import current_user

from campaign.accounts.permissions import ANY_ROLE
from campaign.db import db
from campaign.i18n import CONTENT_LANGUAGES, INTERFACE_LANGUAGES
from campaign.letters import bp, services
from campaign.letters.models import Letter
from campaign.letters.rendering import render_markdown


@bp.route("/")
def index() -> str:
    return render_template("letters/index.html", letters=services.public_letters(db.session))


def visible_letter(slug: str) -> Letter:
    """The letter for a public page: drafts are 404 except to its own staff, as a preview."""
    letter = services.find_by_slug(db.session, slug)
    if letter is None:
        abort(404)
    if not letter.status.is_public:
        user = current_user
        if not (user.is_authenticated and any(user.has_role(letter.id, r) for r in ANY_ROLE)):
            abort(404)
    return letter


@bp.route("/letters/<slug>")
def letter_page(slug: str) -> str:
    letter = visible_letter(slug)
    text = letter.text_for(g.lang)
    fallback = text is None
    if fallback:
        text = letter.authoritative_text
    if text is None:
        abort(404)
    switch = sorted(set(letter.languages) | set(INTERFACE_LANGUAGES))
    return render_template(
        "letters/letter.html",
        letter=letter,
        text=text,
        body_html=render_markdown(text.body),
        fallback=fallback,
        alternates=letter.languages,
        switch_languages=[CONTENT_LANGUAGES[c] for c in switch if c in CONTENT_LANGUAGES],
    )
