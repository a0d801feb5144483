"""Signing from the letter page, and the neutral page that follows."""

from __future__ import annotations

from flask import g, redirect, render_template, url_for
from flask_limiter.util import get_remote_address
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.extensions import limiter
from campaign.i18n import _
from campaign.letters.access import visible_letter
from campaign.signatures import antiabuse, services, tokens
from campaign.signatures.forms import SignForm
from campaign.signatures.page import render_letter_page

from . import bp


def _record(letter_id: int, form: SignForm) -> None:
    """Sign and commit; if the address turns out to have signed already (or to be signing
    at this very moment), roll back and sign again, looking for the earlier signature first."""
    for look_first in (False, True):
        try:
            services.sign(
                db.session,
                letter_id,
                form.signer_kind(),
                form.contact_email.data,
                get_remote_address(),
                look_first=look_first,
                **form.details(),
            )
            db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()
            if look_first:
                raise


@bp.route("/letters/<slug>/sign", methods=["POST"])
@limiter.limit(antiabuse.per_address_limit, key_func=antiabuse.address_and_letter)
@limiter.limit(antiabuse.per_letter_limit, key_func=antiabuse.letter_only)
def sign(slug: str) -> Response | tuple[str, int]:
    letter_id = services.open_letter_id(db.session, slug)
    if letter_id is None:  # no such letter (404), or not taking signatures: the page says why
        return render_letter_page(visible_letter(slug, texts=False), code=409)
    form = SignForm(page_language=g.lang)
    if antiabuse.caught_by_honeypot(form):
        return redirect(url_for(".thanks", slug=slug))
    if not form.validate_on_submit():
        return render_letter_page(visible_letter(slug, texts=False), form, 400)
    if antiabuse.sent_too_fast(form):
        form.started.data = tokens.form_started()
        form.form_errors.append(_("Please take a moment to check your entries, then send again."))
        return render_letter_page(visible_letter(slug, texts=False), form, 400)
    _record(letter_id, form)
    return redirect(url_for(".thanks", slug=slug))


@bp.route("/letters/<slug>/thanks")
def thanks(slug: str) -> str:
    """The same words whatever happened, so the page never tells who has signed."""
    return render_template("signatures/thanks.html", letter=visible_letter(slug, texts=False))
