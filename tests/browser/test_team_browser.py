"""A coordinator brings a moderator onto the team in Spanish, in a real browser; the newcomer
chooses a password through the emailed link and reaches the moderation console."""

import re

import pytest

from campaign.accounts.models import Role
from tests.factories import PASSWORD
from tests.i18n import translated

pytestmark = pytest.mark.browser


def test_coordinator_adds_a_moderator_who_joins_through_the_email(page, base_url, make, smtp):
    letter = make.letter("carta", texts={"es": ("Carta al Consejo", "…")}, language="es")
    make.user("lead@example.org", roles={letter: Role.coordinator})

    page.goto(f"{base_url}/language/es?next=/login")
    page.get_by_label(translated("es", "Email", escape=False)).fill("lead@example.org")
    page.get_by_label(translated("es", "Password", escape=False)).fill(PASSWORD)
    page.get_by_role("button", name=translated("es", "Log in", escape=False)).click()
    page.goto(f"{base_url}/manage/letters/carta")
    team = translated(
        "es", "Team: who coordinates, moderates and exports this letter", escape=False
    )
    page.get_by_role("link", name=team).click()
    page.get_by_label(translated("es", "Email", escape=False)).fill("nueva@example.org")
    page.get_by_label(translated("es", "Role", escape=False)).select_option("moderator")
    page.get_by_role("button", name=translated("es", "Add to the team", escape=False)).click()
    assert "nueva@example.org" in page.locator(".flashes").inner_text()
    assert (
        translated("es", "invited, no password yet", escape=False)
        in page.locator("table").inner_text()
    )

    [message] = smtp.inbox.to("nueva@example.org")
    assert message["Subject"] == "Nuevo rol en «Carta al Consejo»: Moderación"
    [link] = [u for u in smtp.inbox.links(message) if "/account/welcome/" in u]

    page.context.clear_cookies()
    page.goto(link)
    password = "una contraseña bastante larga"
    page.get_by_role(
        "textbox", name=translated("es", "New password", escape=False), exact=True
    ).fill(password)
    page.get_by_label(translated("es", "Repeat the new password", escape=False)).fill(password)
    page.get_by_role("button", name=translated("es", "Save my password", escape=False)).click()
    page.goto(f"{base_url}/manage/letters/carta")
    page.get_by_role("link", name=re.compile("^Moderación")).click()
    assert page.url.endswith("/manage/letters/carta/moderation")
