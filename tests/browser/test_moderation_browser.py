"""A moderator merges a duplicate pair in a real browser; the public list shows it once."""

import re

import pytest

from campaign.accounts.models import Role
from campaign.signatures.models import SignatureStatus as S
from tests.browser.lists import shown_entries
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_moderator_merges_a_cluster_choosing_the_canonical_name(page, base_url, make):
    letter = make.letter("carta")
    make.user("mod@example.org", roles={letter: Role.moderator})
    for name, country in [
        ("Amnesty Internatonal", "GB"),
        ("Amnesty International", "GB"),
        ("Human Rights Watch", "US"),
        ("Oxfam", "GB"),
    ]:
        make.signature(letter, name, status=S.approved, country=country)

    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill("mod@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base_url}/manage/letters/carta")
    page.get_by_role("link", name=re.compile("^Moderation")).click()
    assert "1 possible duplicate group" in page.locator(".blockers").inner_text()
    page.get_by_role("navigation", name="Moderation").get_by_role("link", name="Duplicates").click()
    assert "Spelling differs slightly" in page.locator(".cluster").inner_text()
    page.get_by_role("link", name="Review and merge group 1").click()

    names = page.get_by_role("group", name="Name to show")
    names.get_by_role("radio", name="Amnesty International", exact=True).check()
    page.get_by_role("button", name="Merge", exact=True).click()
    assert "shows this organisation once" in page.locator(".flashes").inner_text()
    assert "No possible duplicates." in page.locator("main").inner_text()

    page.goto(f"{base_url}/en/letters/carta")
    items = shown_entries(page)
    numbers = [int(items.nth(i).get_attribute("value")) for i in range(items.count())]
    listed = [items.nth(i).locator(".name").inner_text() for i in range(items.count())]
    assert listed == ["Amnesty International", "Human Rights Watch", "Oxfam"]
    assert numbers == [1, 2, 3]


def test_moderator_rejects_a_spam_wave_after_previewing_it(page, base_url, make):
    """Bulk invalidation through its real form, CSRF token and all."""
    letter = make.letter("carta")
    make.user("mod@example.org", roles={letter: Role.moderator})
    for n in range(3):
        make.signature(
            letter, f"Spam Org {n}", status=S.approved, contact_email=f"x{n}@spam.example"
        )
    make.signature(letter, "Oxfam", status=S.approved, contact_email="info@oxfam.example")

    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill("mod@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base_url}/manage/letters/carta/moderation/bulk")
    page.get_by_label("Email domain").fill("spam.example")
    page.get_by_role("button", name="Preview").click()
    assert "3 signatures would be rejected." in page.get_by_role("status").inner_text()
    page.get_by_role("button", name="Reject 3 signatures").click()
    assert "3 signatures rejected." in page.locator(".flashes").inner_text()

    page.goto(f"{base_url}/en/letters/carta")
    assert shown_entries(page).locator(".name").all_inner_texts() == ["Oxfam"]
