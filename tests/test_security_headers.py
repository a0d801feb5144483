"""Security headers on every response (Flask-Talisman, see campaign.security_headers)."""

from __future__ import annotations

import pytest

from tests.conftest import login


@pytest.fixture
def config_overrides() -> dict[str, object]:
    return {"PROXY_HOPS": 1}


def test_pages_may_not_be_framed_nor_load_from_elsewhere(client, make):
    make.letter("carta")
    for path in ("/en/letters/carta", "/login"):
        headers = client.get(path).headers
        policy = dict(
            part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
        )
        assert policy["default-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'" and headers["X-Frame-Options"] == "DENY"
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'"
        assert policy["form-action"] == "'self'"
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_hsts_only_over_https_and_for_this_host_only(client, make):
    make.letter("carta")
    assert "Strict-Transport-Security" not in client.get("/en/letters/carta").headers
    https = client.get("/en/letters/carta", headers={"X-Forwarded-Proto": "https"})
    hsts = https.headers["Strict-Transport-Security"]
    assert hsts.startswith("max-age=") and int(hsts.split("=")[1]) >= 365 * 24 * 3600
    assert "includeSubDomains" not in hsts  # other hosts of the domain are not ours to decide


def test_the_public_pdf_opens_in_the_browsers_viewer(client, make):
    """A Content-Security-Policy on a PDF stops Chrome's viewer from styling itself."""
    make.letter("carta")
    response = client.get("/en/letters/carta/letter.pdf")
    assert response.mimetype == "application/pdf"
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_plain_http_keeps_working_outside_production(client, make):
    """Talisman would redirect to HTTPS and mark the session cookie Secure; the demo and a
    local setup run on plain HTTP, and production's TLS proxy does both jobs."""
    make.user("lead@example.org", creator=True)
    response = client.get("/login")
    assert response.status_code == 200
    assert "Secure" not in response.headers["Set-Cookie"]
    login(client, "lead@example.org")
    assert client.get("/manage/").status_code == 200


def test_staff_pages_are_kept_out_of_every_cache(client, make, login_as):
    """They show contact details: once left, a shared office computer's browser must not
    show them again from its cache. Public pages keep their own caching."""
    from campaign.accounts.models import Role

    letter = make.letter("carta")
    make.signature(letter, "Amnesty International")
    login_as(make.user("mod@example.org", roles={letter: Role.coordinator}))
    for path in (
        "/manage/",
        "/manage/letters/carta",
        "/manage/letters/carta/moderation",
        "/manage/letters/carta/moderation/duplicates",
        "/manage/letters/carta/exports/",
        "/manage/letters/carta/team/",
        "/manage/letters/carta/audit",
        "/account/password",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "private, no-store", path
    assert "no-store" not in client.get("/en/letters/carta").headers.get("Cache-Control", "")
