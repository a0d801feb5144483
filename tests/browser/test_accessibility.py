"""Every kind of page passes axe-core's accessibility rules (WCAG 2 A and AA, and best
practices) in real Chromium: public pages in English and Arabic, a sign-on form sent back
with errors, the private edit page, the login pages, and every staff screen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from campaign.accounts.models import Role
from campaign.signatures import tokens
from campaign.signatures.models import SignatureStatus
from tests.factories import PASSWORD
from tests.i18n import translated

pytestmark = pytest.mark.browser
AXE = Axe()


def problems(page) -> list[str]:  # noqa: ANN001
    """What axe finds wrong on the page as it is now, one line per rule broken."""
    found = AXE.run(page).response["violations"]
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in found
    ]


@pytest.fixture
def letter(make):  # noqa: ANN001, ANN201
    texts = {
        "en": ("Letter to the Council", "We ask the Council to **act**.\n\n1. one\n2. two"),
        "ar": ("رسالة إلى المجلس", "نطلب من المجلس أن **يتحرك**."),
    }
    letter = make.letter("carta", texts=texts)
    make.signature(letter, "Amnesty International", country="GB")
    make.signature(letter, "Amnesty Internacional", country="ES")
    make.signature(letter, "الجمعية العربية لحقوق الإنسان", country="EG")
    make.signature(letter, "Pending Org", status=SignatureStatus.pending)
    return letter


def test_public_pages_pass(page, base_url, make, letter):
    signature = make.signature(letter, "Human Rights Watch", country="US")
    found = []
    for path, status in (
        ("/en/", 200),
        ("/en/letters/carta", 200),
        ("/ar/letters/carta", 200),
        ("/fr/letters/carta?by=country", 200),
        ("/en/letters/carta/thanks", 200),
        (f"/ar/signatures/edit/{tokens.make(signature, tokens.EDIT)}", 200),
        (f"/ar/signatures/withdraw/{tokens.make(signature, tokens.EDIT)}", 200),
        ("/en/letters/no-such-letter", 404),
        ("/login", 200),
        ("/account/forgot", 200),
        ("/account/reset/forged", 404),
    ):
        assert page.goto(base_url + path).status == status, path
        found += problems(page)
    page.goto(f"{base_url}/ar/letters/carta")
    page.get_by_role("button", name=translated("ar", "Sign the letter", escape=False)).click()
    assert page.locator(".error-summary").is_visible()
    found += problems(page)
    assert found == []


def test_staff_pages_pass(page, base_url, make, letter):
    make.user("admin@example.org", admin=True)
    make.user("mod@example.org", roles={letter: Role.moderator})
    signature = make.signature(letter, "Human Rights Watch", country="US")
    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    found = []
    for path in (
        "/manage/",
        "/manage/letters/new",
        "/manage/letters/carta",
        "/manage/letters/carta/texts/en",
        "/manage/letters/carta/moderation",
        f"/manage/letters/carta/moderation/signatures/{signature.id}",
        "/manage/letters/carta/moderation/duplicates",
        "/manage/letters/carta/moderation/bulk",
        "/manage/letters/carta/import/",
        "/manage/letters/carta/audit",
        "/manage/letters/carta/exports/",
        "/manage/letters/carta/team/",
        "/manage/accounts/",
        "/account/password",
    ):
        response = page.goto(base_url + path)
        assert response.status == 200, path
        found += problems(page)
    assert found == []
