"""Public letter pages, one per language."""

from __future__ import annotations

from flask import render_template

from campaign.db import db
from campaign.letters import bp, queries
from campaign.letters.access import visible_letter
from campaign.signatures.page import render_letter_page

__all__ = ["index", "letter_page", "visible_letter"]


@bp.route("/")
def index() -> str:
    return render_template("letters/index.html", letters=queries.public_letters(db.session))


@bp.route("/letters/<slug>")
def letter_page(slug: str) -> str | tuple[str, int]:
    """The letter in the page's language, its signatories and the sign-on form."""
    return render_letter_page(visible_letter(slug))
