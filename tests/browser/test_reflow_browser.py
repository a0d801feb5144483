"""Reflow at 320 CSS pixels (a 1280-pixel window zoomed to 400 %, WCAG 1.4.10): a one-word
organisation name in the public list and a long contact address on the private page break
rather than make the page scroll sideways, in English and in Arabic."""

from __future__ import annotations

import pytest

from campaign.signatures import tokens

pytestmark = pytest.mark.browser

LONG_NAME = "InternationalInterculturalNetworkForHumanRightsDocumentationAndAdvocacy"
LONG_ADDRESS = (
    "coordination.internationale.des.droits.humains.2024@intercultural-network.example.org"
)
TEXTS = {"en": ("Letter to the Council", "We ask…"), "ar": ("رسالة إلى المجلس", "نطلب…")}


def scrolls_sideways(page) -> bool:  # noqa: ANN001
    width, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return width > client


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_long_names_and_addresses_fit_a_320_pixel_screen(browser, base_url, make, lang):
    letter = make.letter("lettre", texts=TEXTS)
    signature = make.signature(letter, LONG_NAME, contact_email=LONG_ADDRESS)
    edit = f"{base_url}/{lang}/signatures/edit/{tokens.make(signature, tokens.EDIT)}"
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()

    page.goto(f"{base_url}/{lang}/letters/lettre")
    assert page.locator(".signatory-list .name").inner_text() == LONG_NAME
    assert not scrolls_sideways(page)

    page.goto(edit)
    assert LONG_ADDRESS in page.inner_text("main")
    assert not scrolls_sideways(page)
    context.close()
