"""Signing from the letter page, and the neutral page that follows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.errors import on_csrf_failure, on_rate_limit
from campaign.i18n import _
from campaign.letters.access import visible_letter
from campaign.letters.models import Letter
from campaign.signatures import antiabuse, services, tokens
from campaign.signatures.forms import SignForm, refusal_message, too_many
from campaign.signatures.page import render_letter_page

from . import bp


def _record(slug: str, form: SignForm) -> bool:
    """Sign and commit; False if the letter does not take signatures. Whatever the address
    has done before, the signer gets the same neutral page (see ``services.sign``)."""
    signature_id = services.sign(
        db.session,
        slug,
        form.signer_kind(),
        form.contact_email.data,
        antiabuse.client_address(),
        **form.details(),
    )
    db.session.commit()
    return signature_id is not None


@dataclass(frozen=True)
class SignPage:
    """Where a sign-on form is shown: the letter's page, or the frame other sites embed. Each
    says how it reads the form sent, shows it again, and shows the letter closed to
    signatures."""

    form: Callable[[], SignForm]  # the form as sent
    again: Callable[[Letter, SignForm, int], tuple[str, int]]
    closed: Callable[[Letter], tuple[str, int]]
    thanks: str  # endpoint


LETTER_PAGE = SignPage(
    form=lambda: SignForm(page_language=g.lang),
    again=render_letter_page,
    closed=lambda letter: render_letter_page(letter, code=409),
    thanks=".thanks",
)


def _send_back(slug: str, form: SignForm, page: SignPage, code: int = 400) -> tuple[str, int]:
    """The page again, with the form as typed and what to correct (or why no form: no such
    letter is a 404; a letter not taking signatures says so)."""
    letter = visible_letter(slug, texts=False)
    if services.open_letter_id(db.session, slug) is None:
        return page.closed(letter)
    return page.again(letter, form, code)


def sent_back(page: SignPage, message: str, code: int) -> tuple[str, int]:
    """A submission refused before the view read it (its session lost, a rate limit): nothing
    is saved, and the form comes back as typed, with ``message`` (and a fresh CSRF token on
    the letter page), to send again."""
    form = page.form()
    form.form_errors.append(message)
    return _send_back(str((request.view_args or {}).get("slug", "")), form, page, code)


def take_signature(slug: str, form: SignForm, page: SignPage) -> Response | tuple[str, int]:
    """Whether the letter takes signatures is checked by the INSERT itself (one statement for
    nearly every request); only a submission that is sent back looks the letter up first."""
    if antiabuse.caught_by_honeypot(form):
        return redirect(url_for(page.thanks, slug=slug))
    if not form.validate_on_submit():
        return _send_back(slug, form, page)
    if antiabuse.sent_too_fast(form):
        form.started.data = tokens.form_started()
        form.form_errors.append(_("Please take a moment to check your entries, then send again."))
        return _send_back(slug, form, page)
    if not _record(slug, form):
        return page.closed(visible_letter(slug, texts=False))
    return redirect(url_for(page.thanks, slug=slug))


@bp.route("/letters/<slug>/sign", methods=["POST"])
@antiabuse.limit_per_address
@antiabuse.limit_per_letter
def sign(slug: str) -> Response | tuple[str, int]:
    return take_signature(slug, LETTER_PAGE.form(), LETTER_PAGE)


@bp.route("/letters/<slug>/sign")
def sign_opened(slug: str) -> Response:
    """The form's own address opened rather than posted to (a reload, a language switched
    on a page sent back with errors, a tab restored by a phone): the letter's page, where
    the form is, in the address's language."""
    return redirect(url_for("letters.letter_page", slug=slug, _anchor="sign-heading"), 303)


@on_csrf_failure("signatures.sign")
def sign_again() -> tuple[str, int]:
    """The session behind the form was lost (a browser restarted, a tab left for a day)."""
    return sent_back(LETTER_PAGE, refusal_message(), 400)


@on_rate_limit("signatures.sign")
def sign_later() -> tuple[str, int]:
    """Over a rate limit: the form as typed, to send again in a few minutes."""
    return sent_back(LETTER_PAGE, too_many(), 429)


@bp.route("/letters/<slug>/thanks")
def thanks(slug: str) -> str:
    """The same words whatever happened, so the page never tells who has signed."""
    return render_template("signatures/thanks.html", letter=visible_letter(slug, texts=False))
