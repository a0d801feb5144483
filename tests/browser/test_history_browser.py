"""Back after signing, in real Chromium: the pages that answered a form's POST (the sign-on
form sent back with errors, the confirmation) are opened again with a GET, never with
Chrome's "Confirm Form Resubmission" and the old errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.forms import fill_in_as_camille
from tests.signatures.conftest import signatures

pytestmark = pytest.mark.browser

TEXTS = {"en": ("Letter to the Council", "We ask…")}


def posts_sent(page) -> list[str]:  # noqa: ANN001
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
    return sent


def test_back_from_the_thanks_page_opens_the_letter_page_afresh(page, base_url, make):
    make.letter("carta", texts=TEXTS)
    sent = posts_sent(page)
    page.goto(f"{base_url}/en/letters/carta")
    page.click("#submit")
    page.wait_for_selector(".error-summary")
    assert page.url == f"{base_url}/en/letters/carta"
    expect(page.locator(".error-summary")).to_be_focused()

    fill_in_as_camille(page)
    page.click("#submit")
    page.wait_for_url("**/en/letters/carta/thanks")
    page.go_back()
    page.wait_for_url(f"{base_url}/en/letters/carta")
    expect(page.locator("#sign-heading")).to_be_visible()
    expect(page.locator(".error-summary")).to_have_count(0)
    assert len(sent) == 2 and len(signatures()) == 1


def test_back_from_the_private_page_shows_the_confirmation_again(page, base_url, make, smtp):
    make.letter("carta", texts=TEXTS)
    page.goto(f"{base_url}/en/letters/carta")
    fill_in_as_camille(page)
    page.click("#submit")
    page.wait_for_url("**/thanks")
    [message] = smtp.inbox.to("camille@monasso.example.org")
    confirm = smtp.inbox.links(message)[0]
    sent = posts_sent(page)
    page.goto(confirm)
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", name="Signature confirmed")).to_be_visible()
    page.get_by_role("link", name="Correct or withdraw now").click()
    page.wait_for_url("**/signatures/edit/**")

    page.go_back()
    page.wait_for_url(confirm)
    heading = page.get_by_role("heading", name="This signature was already confirmed")
    expect(heading).to_be_visible()
    expect(page.get_by_role("link", name="Correct or withdraw now")).to_have_count(0)
    assert len(sent) == 1
