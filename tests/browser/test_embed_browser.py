"""The sign-on form in a frame on a coalition's own site, in a real browser: the site's page
is another server on loopback, under another name (so another site: no cookie of the app's
reaches the frame)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import expect

from campaign.accounts.models import Role
from campaign.signatures.models import SignatureStatus
from tests.browser.forms import fill_in_as_camille
from tests.factories import PASSWORD
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
        if "code" in framed:  # the code from the letter's staff page, below a long page
            return (
                '<!doctype html><meta charset="utf-8"><title>Join us</title><h1>Join us</h1>'
                '<p style="height:1500px">Why we sign.</p>' + framed["code"] + "<p>Footer</p>"
            )
        return (
            '<!doctype html><title>Join us</title><h1>Join us</h1><iframe src="{src}" '
            'title="Sign" width="600" height="1400"></iframe>'
        ).format(src=framed["src"])

    @site.get("/imposter")
    def imposter() -> str:
        """A page of the member's own site that, shown in the frame, asks for a new size."""
        return (
            "<!doctype html><script>"
            "parent.postMessage({campaignEmbed: 1, height: 77, loaded: true}, '*');"
            "parent.imposterSpoke = true;</script>"
        )

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
    fill_in_as_camille(frame)
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


def frame_fits(page) -> bool:  # noqa: ANN001
    """True once the frame is as tall as the page inside it (so it has no scroll bar); waits
    up to 5 s for the page's last resize to reach the member's page."""
    for _ in range(50):
        inner = page.main_frame.child_frames[0].evaluate(
            "Math.ceil(document.documentElement.getBoundingClientRect().height)"
        )
        outer = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
        if abs(inner - outer) <= 1:
            return True
        page.wait_for_timeout(100)
    return False


def test_the_pasted_code_sizes_the_frame_to_its_form_and_keeps_it_in_view(
    browser, page, base_url, make, member_site
):
    site, framed = member_site
    letter = make.letter("lettre", texts=FR, embed_origins=site)
    make.user("coord@example.org", roles={letter: Role.coordinator})
    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill("coord@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base_url}/manage/letters/lettre")
    framed["code"] = page.get_by_label("Français").input_value()  # what the coordinator copies
    assert "/static/embed.js" in framed["code"]

    visitor = browser.new_context(locale="fr-FR", viewport={"width": 800, "height": 700})
    page = visitor.new_page()
    page.goto(f"{site}/join")
    page.wait_for_function("document.querySelector('iframe').style.height !== '1600px'")
    form = page.frame_locator("iframe")
    form.locator("#name").wait_for()
    assert frame_fits(page)
    form_height = page.evaluate("document.querySelector('iframe').offsetHeight")

    # The member's page cannot pass itself off as the frame.
    page.evaluate("window.postMessage({campaignEmbed: 1, height: 77, loaded: true}, '*')")
    page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('iframe').offsetHeight") == form_height

    # Sent with a mistake, from the bottom of the form: the page that comes back, with the
    # errors at its top, is brought into view, and the frame still fits it.
    form.locator("#name").fill("Mon Association")
    form.locator("#contact_email").fill("not an address")
    form.locator("#submit").click()
    form.locator(".error-summary").wait_for()
    page.wait_for_function(
        "Math.abs(document.querySelector('iframe').getBoundingClientRect().top) < 1"
    )
    assert frame_fits(page)

    fill_in_as_camille(form)
    form.locator("#submit").click()
    thanks = translated("fr", "Please check your email", escape=False)
    form.get_by_role("heading", name=thanks).wait_for()
    page.wait_for_function(f"document.querySelector('iframe').offsetHeight < {form_height} / 2")
    assert frame_fits(page)

    # Only the app's pages may size the frame: another site's page shown in it may not.
    height = page.evaluate("document.querySelector('iframe').offsetHeight")
    page.evaluate(f"document.querySelector('iframe').src = '{site}/imposter'")
    page.wait_for_function("window.imposterSpoke === true")
    page.wait_for_timeout(200)
    assert page.evaluate("document.querySelector('iframe').offsetHeight") == height
    visitor.close()


def test_a_form_sent_back_in_the_frame_puts_focus_on_its_error_summary(
    page, base_url, make, member_site
):
    """Chromium ignores ``autofocus`` in a frame from another site, so static/embed_frame.js
    moves focus to the summary: a screen reader then reads what to correct."""
    site, framed = member_site
    make.letter("lettre", texts=FR, embed_origins=site)
    framed["src"] = f"{base_url}/fr/letters/lettre/embed"
    page.goto(f"{site}/join")
    form = page.frame_locator("iframe")
    form.locator("#name").fill("Mon Association")
    form.locator("#contact_email").fill("not an address")
    form.locator("#submit").click()
    form.locator(".error-summary").wait_for()
    expect(form.locator(".error-summary")).to_be_focused()
