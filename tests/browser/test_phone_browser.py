"""A signer on a phone: controls big enough for a thumb (WCAG 2.5.8, 24 CSS pixels), and a
letter page with thousands of signatories that a slow phone can show and use at once, its
list laid out only when the reader gets near it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.lists import LAID_OUT

pytestmark = pytest.mark.browser
TEXTS = {"en": ("Letter to the Council", "We ask…"), "ar": ("رسالة إلى المجلس", "نطلب…")}
# The header's links and every control of the sign-on form.
TARGETS = ".site-header a, .sign-on input:not([type=hidden]), .sign-on select, .hp ~ input"


@pytest.fixture
def phone(browser):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_form_and_header_controls_are_at_least_24_pixels(phone, base_url, make, lang):
    make.letter("lettre", texts=TEXTS)
    phone.goto(f"{base_url}/{lang}/letters/lettre")
    small = phone.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(e => !e.closest('.hp'))
            .map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect()])
            .filter(([, box]) => box.width < 24 || box.height < 24)
            .map(([name, box]) => `${name}: ${box.width}x${box.height}`)""",
        TARGETS,
    )
    assert small == []
    # The radio buttons' and the tick box's labels still sit beside them, and still work them.
    for control in ("kind-1", "consent_contact"):
        box = phone.locator(f"#{control}").bounding_box()
        label = phone.locator(f"label[for='{control}']").bounding_box()
        assert abs(box["y"] - label["y"]) < 8
    phone.click("label[for='kind-1']")
    assert phone.is_checked("#kind-1")


@pytest.fixture
def phone_with_screen_reader(browser):  # noqa: ANN001, ANN201
    """A phone whose browser builds its accessibility tree as it does for a screen reader."""
    args = [*CHROMIUM_ARGS, "--force-renderer-accessibility"]
    own = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
    yield own.new_context(viewport={"width": 320, "height": 640}).new_page()
    own.close()


def test_a_long_list_is_laid_out_only_near_the_screen_yet_stays_readable(
    phone_with_screen_reader, base_url, make
):
    phone = phone_with_screen_reader
    letter = make.letter("lettre", texts=TEXTS)
    make.long_list(letter, 400)
    phone.goto(f"{base_url}/ar/letters/lettre")
    last = phone.locator(".signatory-list li").last
    assert last.text_content() == "Organisation 00399 (فرنسا)"
    # Far below the form: the phone spends nothing on laying it out when the page opens.
    assert not last.evaluate(LAID_OUT)
    assert phone.locator("#submit").evaluate(LAID_OUT)
    # A screen reader still has it: a list item, not left out of the accessibility tree.
    cdp = phone.context.new_cdp_session(phone)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    selector = ".signatory-list li:last-child"
    item = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
    node = cdp.send("Accessibility.getPartialAXTree", {"nodeId": item["nodeId"]})["nodes"][0]
    assert node["role"]["value"] == "listitem" and not node["ignored"]
    # Scrolled to, it is laid out and shown, numbers included.
    last.scroll_into_view_if_needed()
    phone.wait_for_function(LAID_OUT, arg=last.element_handle())
    assert last.is_visible() and last.get_attribute("value") == "400"
    expect(last).to_have_text("Organisation 00399 (فرنسا)", use_inner_text=True)
