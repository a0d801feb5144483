"""A visitor reads the letter and switches language in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_visitor_switches_from_english_to_french_and_arabic(page, base_url, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    page.goto(f"{base_url}/en/letters/demo")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "civic space" in page.locator("h1").inner_text()

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/letters/demo")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "espace civique" in page.locator("h1").inner_text()
    assert page.get_by_role("navigation", name="Langue").is_visible()

    page.get_by_role("link", name="العربية").click()
    page.wait_for_url("**/ar/letters/demo")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_phone_sized_screen_has_no_horizontal_scroll(browser, base_url, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{base_url}/ar/letters/demo")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path="/tmp/campaign-ar-phone.png", full_page=False)
    context.close()


def test_the_page_costs_no_request_for_its_icon(page, base_url, runner):
    """On a slow line every round trip counts: the tab's icon is in the page, so the browser
    asks for no /favicon.ico (which would also be a 404), and the page's policy allows it."""
    assert runner.invoke(args=["demo"]).exit_code == 0
    asked: list[str] = []
    refused: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.on("console", lambda message: refused.append(message.text))
    page.goto(f"{base_url}/fr/letters/demo")
    page.wait_for_load_state("networkidle")
    assert page.locator("link[rel=icon]").get_attribute("href").startswith("data:image/svg+xml")
    assert not [url for url in asked if "favicon" in url]
    assert not [text for text in refused if "Content Security Policy" in text]
