"""The sign-on form in a frame on a coalition's own site, in a real browser: the site's page
is another server on loopback, under another name (so another site: no cookie of the app's
reaches the frame)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from campaign.signatures.models import SignatureStatus
from tests.i18n import translated
from tests.live import live_server
from tests.signatures.conftest import signatures

pytestmark = pytest.mark.browser

FR = {"en": ("Letter to the Council", "We ask…"), "fr": ("Lettre au Conseil", "Nous demandons…")}


@pytest.fixture
def member_site() -> Iterator[tuple[str, dict[str, str]]]:
    """A coalition member's own site on loopback, named ``localhost`` (another site than the
    app's 127.0.0.1, as far as cookies go): its page /join frames ``framed["src"]``."""
    site = Flask("member")
    framed: dict[str, str] = {}

    @site.get("/join")
    def join() -> str:
        return (
            '<!doctype html><title>Join us</title><h1>Join us</h1><iframe src="{src}" '
            'title="Sign" width="600" height="1400"></iframe>'
        ).format(src=framed["src"])

    with live_server(site) as base:
        yield base.replace("127.0.0.1", "localhost"), framed


def test_a_member_site_shows_the_form_and_its_visitors_sign_through_it(
    page, base_url, make, smtp, member_site
):
    site, framed = member_site
    make.letter("lettre", texts=FR, embed_origins=site, auto_approve=True)
    framed["src"] = f"{base_url}/fr/letters/lettre/embed"
    page.goto(f"{site}/join")
    frame = page.frame_locator("iframe")
    frame.locator("#name").fill("Mon Association")
    frame.locator("#country").select_option("FR")
    frame.locator("#org_type").select_option("ngo")
    frame.locator("#contact_name").fill("Camille Martin")
    frame.locator("#contact_email").fill("camille@monasso.example.org")
    frame.locator("#submit").click()
    thanks = translated("fr", "Please check your email", escape=False)
    frame.get_by_role("heading", name=thanks).wait_for()
    assert page.url == f"{site}/join"  # the visitor never left the member's site
    assert page.context.cookies(base_url) == []

    [signature] = signatures()
    assert signature.status is SignatureStatus.pending and signature.name == "Mon Association"
    [message] = smtp.inbox.to("camille@monasso.example.org")
    assert "Lettre au Conseil" in message["Subject"]


def test_a_site_not_named_by_the_coordinators_cannot_frame_the_form(
    page, base_url, make, member_site
):
    site, framed = member_site
    make.letter("lettre", texts=FR, embed_origins="https://coalition.example.org")
    framed["src"] = f"{base_url}/fr/letters/lettre/embed"
    with page.expect_console_message(lambda m: "frame-ancestors" in m.text):
        page.goto(f"{site}/join")
    assert page.frame_locator("iframe").locator("#name").count() == 0
