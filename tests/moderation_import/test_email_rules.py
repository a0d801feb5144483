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


GREEK = "\u0390" * 32 + f"@{'a' * 60}.{'b' * 60}.{'c' * 55}.org"  # its key is 278 characters
REFUSED_BY_THE_FORM = (
    f"name,email\nElodie Org,élodie@example.org\nGreek Org,{GREEK}\nBad Org,not-an-email\n"
    "Fine Org,Fine@Example.org\n"
).encode()
NON_ASCII = "We cannot send email to an address with accents or other non-Latin letters"


def test_addresses_the_sign_on_form_refuses_are_left_out_with_its_message(
    client, login_as, letter, coordinator
):
    login_as(coordinator)
    page, apply = _preview(client, letter, REFUSED_BY_THE_FORM)
    warnings = page.split('id="import-warnings"')[1].split("</table>")[0]
    assert warnings.count(NON_ASCII) == 2 and "“élodie@example.org” is left out" in warnings
    assert "“not-an-email” is left out: Enter an email address such as name@example.org." in (
        warnings
    )
    response = client.post(apply, follow_redirects=True)
    assert response.status_code == 200 and "4 entries imported." in response.get_data(True)
    emails = {s.name: s.contact_email for s in signatures(letter)}
    assert emails == {
        "Elodie Org": None,
        "Greek Org": None,
        "Bad Org": None,
        "Fine Org": "Fine@example.org",
    }


def test_the_command_leaves_out_addresses_the_sign_on_form_refuses(runner, letter, tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(REFUSED_BY_THE_FORM)
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "DataError" not in result.output
    assert f"WARNING line 2: Email — “élodie@example.org” is left out: {NON_ASCII}" in result.output
    assert result.output.count(NON_ASCII) == 2
    assert [s.contact_email for s in signatures(letter)] == [None, None, None, "Fine@example.org"]


IN_NAMES = (
    b"name,email\n"
    b"Red Andina <contacto@redandina.example>,\n"
    b"Zambia Legal Aid - zla.director@gmail.com,\n"
    b"Alto Peru (email: alto@peru.example),office@altoperu.example\n"
)


def test_an_address_written_in_a_name_is_taken_out_and_never_published(
    app, client, login_as, letter, coordinator
):
    login_as(coordinator)
    page, apply = _preview(client, letter, IN_NAMES)
    warnings = page.split('id="import-warnings"')[1].split("</table>")[0]
    assert (
        "The email address “contacto@redandina.example” was taken out of the name and kept "
        "as the contact email (never published)." in warnings
    )
    assert "“alto@peru.example” was taken out of the name and left out" in warnings
    assert "3 entries imported." in client.post(apply, follow_redirects=True).get_data(True)
    imported = [(s.name, s.contact_email, s.status) for s in signatures(letter)]
    assert imported == [
        ("Red Andina", "contacto@redandina.example", SignatureStatus.approved),
        ("Zambia Legal Aid", "zla.director@gmail.com", SignatureStatus.approved),
        ("Alto Peru", "office@altoperu.example", SignatureStatus.approved),
    ]
    public = app.test_client().get(f"/en/letters/{letter.slug}").get_data(as_text=True)
    assert "Zambia Legal Aid" in public and "@" not in public.split("<main")[1].split("</main>")[0]


def test_the_command_takes_addresses_out_of_names(runner, letter, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("1. Red Andina <contacto@redandina.example>\n2. mailto:solo@x.example\n")
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert (
        "WARNING line 1 (no. 1): Email — The email address “contacto@redandina.example”"
        in result.output
    )
    assert "REFUSED line 2" in result.output
    assert [(s.name, s.contact_email) for s in signatures(letter)] == [
        ("Red Andina", "contacto@redandina.example")
    ]
