"""The sign-on form in a frame on another site (a coalition's own pages), for the sites the
letter's coordinators named.

A frame on another site gets no cookies on most browsers (the session cookie is SameSite=Lax,
and Safari and Firefox partition or block them anyway), so this form needs no session: it has
no CSRF token, and relies on what does not need one. A form posted from elsewhere could only
do what a robot can: the honeypot, the signed fill-time stamp, the rate limits (shared with
the letter page's form) and the emailed confirmation still stand between it and the list.
"""

from __future__ import annotations

from flask import g, render_template
from sqlalchemy import select
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.errors import on_rate_limit
from campaign.extensions import csrf
from campaign.letters.access import visible_letter
from campaign.letters.models import Letter
from campaign.security_headers import frameable
from campaign.signatures import antiabuse, queries, services
from campaign.signatures.forms import SignForm, too_many
from campaign.signatures.page import new_sign_form
from campaign.signatures.views import SignPage, sent_back, take_signature

from . import bp

NO_SESSION = {"session_token": False}


def _page(letter: Letter, form: SignForm | None, code: int = 200, done: bool = False):  # noqa: ANN202
    accepting = services.accepting_signatures(letter)
    page = render_template(
        "signatures/embed.html",
        letter=letter,
        text=letter.text_for(g.lang) or letter.authoritative_text,
        form=form if accepting else None,
        total=queries.public_entries(db.session, letter.id).total,
        done=done,
    )
    return page, code


EMBEDDED = SignPage(
    form=lambda: SignForm(page_language=g.lang, meta=NO_SESSION),
    again=_page,
    closed=lambda letter: _page(letter, None, 409),
    thanks=".embed_thanks",
)


@bp.route("/letters/<slug>/embed")
def embed(slug: str) -> tuple[str, int]:
    return _page(visible_letter(slug, texts=False), new_sign_form(**NO_SESSION))


@bp.route("/letters/<slug>/embed", methods=["POST"])
@csrf.exempt
@antiabuse.limit_per_address
@antiabuse.limit_per_letter
def sign_embedded(slug: str) -> Response | tuple[str, int]:
    return take_signature(slug, EMBEDDED.form(), EMBEDDED)


@on_rate_limit("signatures.sign_embedded")
def sign_embedded_later() -> tuple[str, int]:
    """Over a rate limit: the form as typed, to send again in a few minutes."""
    return sent_back(EMBEDDED, too_many(), 429)


@bp.route("/letters/<slug>/embed/thanks")
def embed_thanks(slug: str) -> tuple[str, int]:
    """The same words whatever happened, as on the letter page's thanks page."""
    return _page(visible_letter(slug, texts=False), None, done=True)


def embedding_sites(slug: str, **_view_args: object) -> list[str]:
    """The sites the letter at ``slug`` lets frame these pages."""
    stored = db.session.scalar(select(Letter.embed_origins).where(Letter.slug == slug))
    return (stored or "").split()


for endpoint in ("embed", "sign_embedded", "embed_thanks"):
    frameable(f"{bp.name}.{endpoint}", embedding_sites)
