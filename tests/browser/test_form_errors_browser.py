"""A sign-on sent back with errors, in real Chromium: focus is on the error summary, whose
links lead to the fields; radio labels sit beside their buttons; focus is visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def letter(make):  # noqa: ANN001, ANN201
    return make.letter("carta", texts={"en": ("Letter to the Council", "We ask…")})


def test_focus_lands_on_the_summary_whose_links_reach_the_fields(page, base_url, letter):
    page.goto(f"{base_url}/en/letters/carta")
    page.fill("#name", "")
    page.click("#submit")
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Error: Letter to the Council")
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_be_in_viewport()
    page.click(".error-summary a[href='#contact_email']")
    expect(page.locator("#contact_email")).to_be_focused()
    page.click(".error-summary a[href='#name']")
    expect(page.locator("#name")).to_be_focused()


def test_radio_labels_sit_beside_their_buttons(page, base_url, letter):
    page.goto(f"{base_url}/en/letters/carta")
    button = page.locator("#kind-0").bounding_box()
    label = page.locator("label[for='kind-0']").bounding_box()
    assert abs((button["y"] + button["height"] / 2) - (label["y"] + label["height"] / 2)) < 8
    weight = page.locator("label[for='kind-0']").evaluate("e => getComputedStyle(e).fontWeight")
    assert weight == "400"


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_focus_outline_contrasts_at_least_three_to_one_with_white(page, base_url, letter):
    page.goto(f"{base_url}/en/letters/carta")
    page.focus("#name")
    style = page.locator("#name").evaluate(
        "e => [getComputedStyle(e).outlineColor, getComputedStyle(e).outlineStyle]"
    )
    assert style[1] == "solid"
    assert 1.05 / (luminance(style[0]) + 0.05) >= 3  # white's luminance is 1
