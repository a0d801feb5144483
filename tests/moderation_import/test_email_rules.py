"""Contact addresses in imported lists: checked as the sign-on form checks them, never public."""

from __future__ import annotations

import io

from campaign.signatures.models import SignatureStatus
from tests.moderation_import.conftest import audit_actions, signatures


def _post(client, letter, content: bytes, filename: str = "list.csv"):  # noqa: ANN001, ANN202
    fields = {"format": "auto", "encoding": "utf-8", "upload": (io.BytesIO(content), filename)}
    return client.post(
        f"/manage/letters/{letter.slug}/import/", data=fields, content_type="multipart/form-data"
    )


def _preview(client, letter, content: bytes) -> tuple[str, str]:  # noqa: ANN001
    """The preview page, and the address that confirms it."""
    response = _post(client, letter, content)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    location = response.headers["Location"]
    return client.get(location).get_data(as_text=True), f"{location.rstrip('/')}/apply"


def _taken_addresses(make, letter) -> None:  # noqa: ANN001
    make.signature(
        letter,
        "Old Withdrawn Org",
        status=SignatureStatus.withdrawn,
        contact_email="info@red.example",
    )
    make.signature(
        letter,
        "Old Rejected Org",
        status=SignatureStatus.rejected,
        contact_email="spam@red.example",
    )


TAKEN = b"name,email\nRed Andina,info@red.example\nAlto Peru,SPAM+x@red.example\nOK Org,ok@a.org\n"


def test_an_address_of_a_withdrawn_or_rejected_signature_holds_the_entry(
    client, login_as, make, letter, coordinator
):
    _taken_addresses(make, letter)
    login_as(coordinator)
    page, apply = _preview(client, letter, TAKEN)
    review = page.split('id="import-review"')[1].split("</table>")[0]
    assert "Old Withdrawn Org" in review and "Old Rejected Org" in review
    assert "same contact email" in review
    response = client.post(apply, follow_redirects=True)
    assert "3 entries imported." in response.get_data(as_text=True)
    imported = {s.name: s for s in signatures(letter) if s.source.value == "imported"}
    assert imported["Red Andina"].status is SignatureStatus.confirmed
    assert imported["Alto Peru"].status is SignatureStatus.confirmed
    assert imported["OK Org"].status is SignatureStatus.approved
    assert imported["Red Andina"].contact_email == "info@red.example"
    assert imported["Red Andina"].email_key is None
    assert audit_actions(letter).count("import") == 3


def test_the_command_imports_a_list_with_a_taken_address(runner, make, letter, tmp_path):
    _taken_addresses(make, letter)
    path = tmp_path / "list.csv"
    path.write_bytes(TAKEN)
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "IntegrityError" not in result.output
    assert "HELD line 2: Red Andina: possible duplicate" in result.output
    assert "looks like Old Withdrawn Org" in result.output
    assert len([s for s in signatures(letter) if s.source.value == "imported"]) == 3
