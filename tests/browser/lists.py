"""Reading the public list of signatories as a visitor sees it."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

# Whether an element is laid out, rather than skipped until it comes near the screen.
LAID_OUT = "e => e.checkVisibility({contentVisibilityAuto: true})"


def shown_entries(page: Page) -> Locator:
    """The list's entries once scrolled to: the browser lays the list out only near the screen,
    and the text of one not laid out reads empty."""
    items = page.locator("ol.signatory-list li")
    if items.count():
        items.first.scroll_into_view_if_needed()
        page.wait_for_function(LAID_OUT, arg=items.first.element_handle())
    return items
