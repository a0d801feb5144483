"""The import pages: upload or paste, a preview that writes nothing, confirm or cancel."""

from __future__ import annotations

import io

from openpyxl import Workbook
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.signatures.models import SignatureStatus
from tests.moderation_import.conftest import audit_actions, signatures


def _post(client, letter, **data):  # noqa: ANN001, ANN202
    fields = {"format": "auto", "encoding": "utf-8", **data}
    return client.post(
        f"/manage/letters/{letter.slug}/import/", data=fields, content_type="multipart/form-data"
    )


def _preview(client, response) -> str:  # noqa: ANN001
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_staff_letter_page_links_to_the_import(client, login_as, letter, coordinator):
    page = login_as(coordinator).get(f"/manage/letters/{letter.slug}").get_data(as_text=True)
    assert f"/manage/letters/{letter.slug}/import/" in page and "Email me a digest now" in page


def test_an_xlsx_upload_is_previewed_by_header(client, login_as, letter, coordinator):
    book = Workbook()
    for row in (
        ["Organisation", "Country", "Email"],
        ["Red Andina", "Perú", "red@andina.example"],
        ["=1+1", "KE", ""],
    ):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    login_as(coordinator)
    upload = (io.BytesIO(out.getvalue()), "firmas.xlsx")
    page = _preview(client, _post(client, letter, upload=upload))
    assert "firmas.xlsx" in page and "To be added: 1" in page and "Refused: 1" in page
    assert "Cell A3 holds a formula" in page


def test_a_file_in_another_encoding_is_refused_until_its_encoding_is_chosen(
    client, login_as, letter, coordinator
):
    login_as(coordinator)
    content = "1. Fédération des Œuvres\n".encode("cp1252")
    refused = _post(client, letter, upload=(io.BytesIO(content), "list.txt"))
    assert refused.status_code == 400
    assert "not UTF-8 text" in refused.get_data(as_text=True)
    accepted = _post(client, letter, upload=(io.BytesIO(content), "list.txt"), encoding="cp1252")
    assert "Fédération des Œuvres" in _preview(client, accepted)


def test_an_empty_form_asks_for_a_file_or_a_list(client, login_as, letter, coordinator):
    response = _post(login_as(coordinator), letter, pasted="  ")
    assert response.status_code == 400
    assert "Choose a file or paste a list." in response.get_data(as_text=True)


def test_cancelling_writes_nothing(client, login_as, letter, coordinator):
    login_as(coordinator)
    _preview(client, _post(client, letter, pasted="1. Red Andina\n2. Zambia Legal Aid"))
    batch = db.session.scalar(select(ImportBatch))
    response = client.post(f"/manage/letters/{letter.slug}/import/{batch.id}/cancel")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(ImportBatch, batch.id).status is BatchStatus.cancelled
    client.post(f"/manage/letters/{letter.slug}/import/{batch.id}/apply")
    assert signatures(letter) == [] and audit_actions(letter) == []


def test_confirming_applies_what_was_previewed_even_if_the_letter_changed(
    client, login_as, make, letter, coordinator
):
    login_as(coordinator)
    _preview(client, _post(client, letter, pasted="1. Red Andina\n2. Zambia Legal Aid"))
    make.signature(letter, "Kenya Human Rights Commission")  # arrives in between, unrelated
    batch = db.session.scalar(select(ImportBatch))
    client.post(f"/manage/letters/{letter.slug}/import/{batch.id}/apply")
    imported = [s for s in signatures(letter) if s.source.value == "imported"]
    assert [s.status for s in imported] == [SignatureStatus.approved] * 2
    assert audit_actions(letter) == ["import", "import", "import_batch"]


def test_a_preview_belongs_to_whoever_made_it(client, login_as, make, letter, coordinator):
    login_as(coordinator)
    _preview(client, _post(client, letter, pasted="1. Red Andina"))
    batch = db.session.scalar(select(ImportBatch))
    client.post("/logout")
    login_as(make.user(roles={letter: Role.moderator}))
    assert client.get(f"/manage/letters/{letter.slug}/import/{batch.id}").status_code == 404
    assert client.post(f"/manage/letters/{letter.slug}/import/{batch.id}/apply").status_code == 404
    assert signatures(letter) == []


def test_hidden_characters_are_refused_and_shown_harmlessly(client, login_as, letter, coordinator):
    login_as(coordinator)
    page = _preview(client, _post(client, letter, pasted="1. Evil\u202eName\n2. Fine Org"))
    refused = page.split('id="import-refused"')[1].split("</table>")[0]
    assert "Remove the hidden text-direction characters" in refused and "U+202E" in refused
    assert "\u202e" not in page and "Evil\ufffdName" in refused


def test_uploads_over_the_size_limit_and_lists_over_the_row_limit_are_refused(
    app, client, login_as, letter, coordinator
):
    login_as(coordinator)
    app.config["IMPORT_MAX_ROWS"] = 2
    many = _post(client, letter, pasted="1. A\n2. B\n3. C")
    assert many.status_code == 400
    assert "more than 2 entries" in many.get_data(as_text=True)
    app.config["MAX_CONTENT_LENGTH"] = 100
    large = _post(client, letter, upload=(io.BytesIO(b"1. Org\n" * 50), "list.txt"))
    assert large.status_code == 413 and signatures(letter) == []
