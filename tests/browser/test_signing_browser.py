"""A French signer in a real browser: sign, confirm by email, correct, withdraw."""

from __future__ import annotations

import time

import pytest
from flask import request
from sqlalchemy import func, select

from campaign.db import db
from campaign.mail_models import OutboxMessage
from tests.browser.forms import fill_in_as_camille
from tests.browser.lists import shown_entries
from tests.i18n import translated
from tests.signatures.conftest import signatures

pytestmark = pytest.mark.browser

FR = {
    "en": ("Letter to the Council", "We ask…"),
    "fr": ("Lettre au Conseil", "Nous demandons…"),
}


def numbered(page) -> list[str]:  # noqa: ANN001
    items = shown_entries(page)
    return [f"{i.get_attribute('value')}. {i.locator('.name').inner_text()}" for i in items.all()]


def test_french_signer_signs_confirms_corrects_and_withdraws(page, base_url, make, smtp):
    letter = make.letter("lettre", texts=FR, auto_approve=True)
    make.signature(letter, "Albergue")
    make.signature(letter, "Zeta Réseau")

    page.goto(f"{base_url}/fr/letters/lettre")
    fill_in_as_camille(page)
    page.fill("#website", "monasso.example.org")
    page.select_option("#ecosoc_status", "none")
    page.check("#consent_contact")
    page.click("#submit")
    page.wait_for_url("**/fr/letters/lettre/thanks*")

    [message] = smtp.inbox.to("camille@monasso.example.org")
    assert "Lettre au Conseil" in message["Subject"]
    assert 'lang="fr"' in smtp.inbox.html(message)
    confirm, edit, _ = smtp.inbox.links(message)
    page.goto(confirm)
    page.get_by_role("button", name=translated("fr", "Confirm my signature", escape=False)).click()
    number = translated(
        "fr",
        "It is currently number %(number)d among the organisations in the public list.",
        escape=False,
        number=2,
    )
    assert number in page.inner_text("main")

    page.goto(f"{base_url}/fr/letters/lettre")
    assert numbered(page) == ["1. Albergue", "2. Mon Association", "3. Zeta Réseau"]
    assert "camille@monasso.example.org" not in page.content()

    page.goto(edit)
    page.fill("#name", "Association Zénith")
    page.click("#submit")
    page.goto(f"{base_url}/fr/letters/lettre")
    assert numbered(page) == ["1. Albergue", "2. Association Zénith", "3. Zeta Réseau"]

    page.goto(edit)
    page.click("#withdraw")  # only asks
    page.get_by_role("button", name=translated("fr", "Yes, withdraw", escape=False)).click()
    page.wait_for_url("**/fr/letters/lettre")
    assert numbered(page) == ["1. Albergue", "2. Zeta Réseau"]


def test_a_double_tap_on_a_slow_line_sends_one_signature_and_one_email(
    app, page, base_url, make, smtp
):
    """The second tap, while the first is still on its way, is not sent: without
    static/submit_once.js the server gets both, and the signer a confirmation and then
    "someone tried to sign again"."""
    make.letter("lettre", texts=FR)
    slow_line = 1.5  # seconds before the server starts on a POST

    @app.before_request
    def _slow_line() -> None:
        if request.method == "POST":
            time.sleep(slow_line)

    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto(f"{base_url}/fr/letters/lettre")
    fill_in_as_camille(page)
    button = page.locator("#submit")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)  # a tap, then another while the first is on its way
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_url("**/fr/letters/lettre/thanks*")

    assert posts == [f"{base_url}/fr/letters/lettre/sign"]
    assert len(smtp.inbox.to("camille@monasso.example.org")) == 1
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
    assert [s.name for s in signatures()] == ["Mon Association"]


def test_while_the_form_is_on_its_way_its_button_is_busy_and_a_status_says_so(page, base_url, make):
    make.letter("lettre", texts=FR)
    page.goto(f"{base_url}/fr/letters/lettre")
    # Keep the page here after sending (a listener on window runs after the script's, on
    # document), so what the signer sees meanwhile can be read.
    page.evaluate("window.addEventListener('submit', (event) => event.preventDefault())")
    assert page.get_attribute("#submit", "aria-disabled") is None
    page.click("#submit")
    assert page.get_attribute("#submit", "aria-disabled") == "true"
    status = page.locator("form .form-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == translated("fr", "Sending your signature…", escape=False)
