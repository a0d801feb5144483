"""A French signer in a real browser: sign, confirm by email, correct, withdraw."""

from __future__ import annotations

import pytest

from tests.i18n import translated

pytestmark = pytest.mark.browser

FR = {
    "en": ("Letter to the Council", "We ask…"),
    "fr": ("Lettre au Conseil", "Nous demandons…"),
}


def numbered(page) -> list[str]:  # noqa: ANN001
    items = page.locator("ol.signatory-list li")
    return [f"{i.get_attribute('value')}. {i.locator('.name').inner_text()}" for i in items.all()]


def test_french_signer_signs_confirms_corrects_and_withdraws(page, base_url, make, smtp):
    letter = make.letter("lettre", texts=FR, auto_approve=True)
    make.signature(letter, "Albergue")
    make.signature(letter, "Zeta Réseau")

    page.goto(f"{base_url}/fr/letters/lettre")
    page.fill("#name", "Mon Association")
    page.select_option("#country", "FR")
    page.select_option("#org_type", "ngo")
    page.fill("#website", "monasso.example.org")
    page.select_option("#ecosoc_status", "none")
    page.fill("#contact_name", "Camille Martin")
    page.fill("#contact_email", "camille@monasso.example.org")
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
    page.click("form[action*='/withdraw/'] [type=submit]")
    page.wait_for_url("**/fr/letters/lettre")
    assert numbered(page) == ["1. Albergue", "2. Zeta Réseau"]
