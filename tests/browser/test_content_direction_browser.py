"""A coordinator working in English on a letter whose authoritative text is Arabic: the
browser lays the Arabic title and text out right to left, and the English around them left
to right (the direction the page's attributes ask for, as Chromium computes it)."""

import pytest

from campaign.accounts.models import Role
from campaign.signatures import tokens
from tests.browser.test_staff_browser import log_in

pytestmark = pytest.mark.browser

TITLE = "رسالة إلى مجلس حقوق الإنسان (2026)"


def direction(locator) -> str:  # noqa: ANN001
    return locator.evaluate("element => getComputedStyle(element).direction")


def test_arabic_letter_text_runs_right_to_left_on_english_staff_pages(page, base_url, make):
    texts = {"ar": (TITLE, "نحن الموقعين أدناه…"), "en": ("A letter to the Council", "We…")}
    letter = make.letter("risala", texts=texts, language="ar")
    make.user("lead@example.org", roles={letter: Role.coordinator})
    log_in(page, base_url, "lead@example.org", "en")

    page.goto(f"{base_url}/manage/")
    assert direction(page.locator("html")) == "ltr"
    assert direction(page.get_by_role("link", name=TITLE)) == "rtl"

    page.goto(f"{base_url}/manage/letters/risala")
    assert direction(page.get_by_role("heading", level=1, name=TITLE)) == "rtl"
    assert direction(page.get_by_role("heading", name="Settings")) == "ltr"

    page.goto(f"{base_url}/manage/letters/risala/texts/en")
    source = page.get_by_role("complementary", name="Authoritative text")
    assert direction(source.get_by_role("heading", name="Authoritative text")) == "ltr"
    assert direction(source.get_by_text(TITLE)) == "rtl"
    assert direction(page.get_by_label("Title")) == "ltr"  # the English text being edited


def test_latin_text_typed_on_an_arabic_page_runs_left_to_right(page, base_url, make):
    """ ".Acme Rights Inc" is what the signer saw while the inputs took the page's direction."""
    signature = make.signature(
        make.letter("risala", texts={"ar": (TITLE, "…")}, language="ar"),
        "Acme Rights Inc.",
        contact_email="2024.info@example.org",
    )
    page.goto(f"{base_url}/ar/letters/risala")
    assert direction(page.locator("html")) == "rtl"
    page.fill("#name", "Acme Rights Inc.")
    page.fill("#contact_role", "مديرة")
    assert direction(page.locator("#name")) == "ltr"
    assert direction(page.locator("#contact_role")) == "rtl"

    page.goto(f"{base_url}/ar/signatures/edit/{tokens.make(signature, tokens.EDIT)}")
    assert direction(page.locator("#name")) == "ltr"
    assert direction(page.get_by_text("2024.info@example.org")) == "ltr"
