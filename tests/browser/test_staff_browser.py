"""An administrator switches a moderator's account off and on again in French, in a real
browser with CSRF checks on; meanwhile the moderator's own browser loses its session."""

import pytest

from campaign.accounts.models import Role
from tests.factories import PASSWORD
from tests.i18n import translated

pytestmark = pytest.mark.browser


def log_in(page, base_url: str, email: str, lang: str) -> None:  # noqa: ANN001
    page.goto(f"{base_url}/language/{lang}?next=/login")
    page.get_by_label(translated(lang, "Email", escape=False)).fill(email)
    page.get_by_label(translated(lang, "Password", escape=False)).fill(PASSWORD)
    page.get_by_role("button", name=translated(lang, "Log in", escape=False)).click()


def test_administrator_switches_an_account_off_and_on(page, browser, base_url, make):
    letter = make.letter("carta", texts={"fr": ("Lettre au Conseil", "…")}, language="fr")
    make.user("admin@example.org", admin=True)
    make.user("mod@example.org", roles={letter: Role.moderator})
    theirs = browser.new_context(locale="fr-FR").new_page()
    log_in(theirs, base_url, "mod@example.org", "fr")
    theirs.goto(f"{base_url}/manage/letters/carta/audit")
    assert theirs.url.endswith("/manage/letters/carta/audit")

    def fr(message: str, **variables: object) -> str:
        return translated("fr", message, escape=False, **variables)

    log_in(page, base_url, "admin@example.org", "fr")
    page.get_by_role("link", name=fr("Staff accounts")).click()
    accounts = page.get_by_role("table", name=fr("Staff accounts"))
    row = accounts.get_by_role("row").filter(has_text="mod@example.org")
    assert "Lettre au Conseil" in row.inner_text()
    row.get_by_role("button", name=fr("Switch off")).click()
    assert page.locator(".flashes").inner_text() == fr(
        "%(email)s is switched off: they can no longer log in.", email="mod@example.org"
    )
    assert fr("switched off") in row.inner_text()

    theirs.goto(f"{base_url}/manage/letters/carta/audit")
    assert "/login" in theirs.url
    log_in(theirs, base_url, "mod@example.org", "fr")
    assert fr("That email and password do not match an active account.") in (
        theirs.locator(".flashes").inner_text()
    )

    row.get_by_role("button", name=fr("Switch on again")).click()
    assert "mod@example.org" in page.locator(".flashes").inner_text()
    log_in(theirs, base_url, "mod@example.org", "fr")
    theirs.goto(f"{base_url}/manage/letters/carta/audit")
    assert theirs.url.endswith("/manage/letters/carta/audit")
    assert fr("Account switched off") in theirs.locator("table").inner_text()
    changes = page.get_by_role("region", name=fr("Recent changes to accounts"))
    assert changes.get_by_role("row").nth(1).inner_text().count("admin@example.org") == 1
    assert fr("Account switched on again") in changes.get_by_role("row").nth(1).inner_text()
    theirs.context.close()
