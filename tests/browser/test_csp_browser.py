"""The pages work under their Content-Security-Policy in real Chromium: nothing is refused
while a visitor signs, a moderator uses the queue's keys (a script file), and an export in
the background follows its progress and downloads (another script file)."""

from __future__ import annotations

import pytest

from campaign.accounts.models import Role
from campaign.signatures.models import SignatureStatus
from tests.factories import PASSWORD
from tests.i18n import translated

pytestmark = pytest.mark.browser

# Every refusal under the policy, as the page reports it.
RECORD_VIOLATIONS = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__refused.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def config_overrides(config_overrides: dict[str, object]) -> dict[str, object]:
    return {**config_overrides, "EXPORT_BACKGROUND_ROWS": 1}


def refused(page) -> list[str]:  # noqa: ANN001
    return page.evaluate("window.__refused")


def test_nothing_is_refused_while_signing_moderating_and_exporting(page, base_url, make):
    page.add_init_script(RECORD_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    letter = make.letter("carta", texts={"en": ("Letter to the Council", "We ask.")})
    make.signature(letter, "Amnesty International")
    make.signature(letter, "Awaiting Review", status=SignatureStatus.confirmed)
    make.user("lead@example.org", roles={letter: Role.coordinator})
    found = []

    page.goto(f"{base_url}/en/letters/carta")
    found += refused(page)
    page.get_by_label("Name as it should appear in the list").fill("Asociación Pro Derechos")
    page.get_by_label("Country").select_option("ES")
    page.get_by_label("Type of organisation").select_option("ngo")
    page.get_by_label("Contact person").fill("Lucía")
    page.get_by_label("Contact email").fill("lucia@example.org")
    page.get_by_role("button", name="Sign the letter").click()
    assert "/en/letters/carta/thanks" in page.url
    found += refused(page)

    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill("lead@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base_url}/manage/letters/carta/moderation")
    page.keyboard.press("j")
    assert page.locator("tr.current").count() == 1  # moderation.js ran
    found += refused(page)

    page.goto(f"{base_url}/manage/letters/carta/exports/")
    page.get_by_label(translated("en", "Format", escape=False)).select_option("pdf")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download", exact=True).click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert "/exports/jobs/" in page.url  # the job page's script started the download
    found += refused(page)

    assert found == []
    assert not [m for m in messages if "Content Security Policy" in m]
