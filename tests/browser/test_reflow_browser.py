"""Reflow at 320 CSS pixels (a 1280-pixel window zoomed to 400 %, WCAG 1.4.10): a one-word
organisation name in the public list and a long contact address on the private page break
rather than make the page scroll sideways, in English and in Arabic; a wide table in a letter
scrolls in its own box, and an indented (preformatted) paragraph wraps."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

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
    name = page.locator(".signatory-list .name")
    name.scroll_into_view_if_needed()  # the list is laid out when it comes near the screen
    expect(name).to_have_text(LONG_NAME, use_inner_text=True)
    assert not scrolls_sideways(page)

    page.goto(edit)
    assert LONG_ADDRESS in page.inner_text("main")
    assert not scrolls_sideways(page)
    context.close()


WIDE_BODY = (
    "Figures:\n\n| Country | Defenders detained | Organisations closed | Laws adopted | Reprisals |"
    "\n|---|---|---|---|---|\n| Kyrgyzstan | 12 | 4 | 2 | Documented |\n\n"
    "    https://example.org/a/long/address/indented/by/mistake/so/markdown/keeps/it/as/it/is\n"
)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_wide_table_and_preformatted_text_fit_a_320_pixel_screen(browser, base_url, make, lang):
    texts = {"en": ("Letter to the Council", WIDE_BODY), "ar": ("رسالة إلى المجلس", WIDE_BODY)}
    make.letter("lettre", texts=texts)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{base_url}/{lang}/letters/lettre")
    assert page.get_by_role("columnheader", name="Reprisals").count() == 1
    assert not scrolls_sideways(page)
    box = page.locator(".letter .body table").locator("..")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls in its box
    context.close()
