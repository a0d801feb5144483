"""Fixtures for signing: a real SMTP server, settings pointing at it, and a form poster."""

from __future__ import annotations

import math
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from campaign.db import db
from campaign.signatures import tokens
from campaign.signatures.models import Signature
from tests.i18n import translated

# What a form says when it comes back because its session was lost (CSRF token unverifiable).
SESSION_ENDED = (
    "Nothing was sent, because the page's session had ended. Your entries are below: "
    "please send them again. If this happens again, allow cookies for this site."
)
# What a form says when it comes back because it was sent over a rate limit, and how long
# it says to wait.
TOO_MANY = (
    "Nothing was sent, because many signatures have just come from your connection or for "
    "this letter. Your entries are below. %(wait)s"
)
WAIT = (
    "Please wait %(num)d minute, then try again.",
    "Please wait %(num)d minutes, then try again.",
)


def too_many(lang: str, refused: TestResponse, longest: int) -> str:
    """What a form sent back over a rate limit says in ``lang`` (as the page escapes it):
    the wait in whole minutes that its Retry-After header gives in seconds, checked to be
    within the limit's window of ``longest`` seconds."""
    seconds = int(refused.headers["Retry-After"])
    assert 0 < seconds <= longest
    wait = translated(lang, *WAIT, num=math.ceil(seconds / 60), escape=False)
    return translated(lang, TOO_MANY, wait=wait)


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


def form_data(**overrides: object) -> dict[str, object]:
    """A complete, valid organisational sign-on; ``overrides`` replace or add fields."""
    data: dict[str, object] = {
        "kind": "organisation",
        "name": "Asociación Pro Derechos",
        "country": "ES",
        "org_type": "ngo",
        "website": "proderechos.example.org",
        "ecosoc_status": "special",
        "contact_name": "Lucía Pérez",
        "contact_email": "lucia@proderechos.example.org",
        "contact_role": "Coordinadora",
        "consent_contact": "y",
        "language": "es",
        "homepage": "",
        "started": tokens.form_started(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def sign(client: FlaskClient) -> Callable[..., TestResponse]:
    """Post the sign-on form of ``letter`` on its ``lang`` page."""

    def _sign(letter: object, lang: str = "en", **overrides: object) -> TestResponse:
        slug = letter.slug  # type: ignore[attr-defined]
        return client.post(f"/{lang}/letters/{slug}/sign", data=form_data(**overrides))

    return _sign


def path(url: str) -> str:
    """The path of an absolute link from an email, for the test client."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def confirm(client: FlaskClient, link: str) -> TestResponse:
    """Open an emailed confirmation link and press the page's button, as a signer does."""
    url = path(link)
    shown = client.get(url)
    assert shown.status_code == 200, shown.status_code
    return client.post(url, follow_redirects=True)


def signatures() -> list[Signature]:
    db.session.expire_all()
    return list(db.session.scalars(select(Signature).order_by(Signature.id)))


@pytest.fixture
def fresh(app: Flask) -> Callable[[Signature], Signature]:
    """Reload a signature from the database."""

    def _fresh(signature: Signature) -> Signature:
        db.session.expire_all()
        return db.session.get(Signature, signature.id)

    return _fresh


def as_shown(signature: Signature, **fields: str) -> dict[str, str]:
    """The private edit form as its page shows it, with ``fields`` changed."""
    data = {
        "name": signature.name,
        "country": signature.country or "",
        "org_type": signature.org_type.value if signature.org_type else "",
        "website": signature.website,
        "ecosoc_status": signature.ecosoc_status.value,
        "contact_name": signature.contact_name,
        "contact_role": signature.contact_role,
        "language": signature.language,
        **({"consent_contact": "y"} if signature.consent_contact else {}),
    }
    return {**data, **fields}
