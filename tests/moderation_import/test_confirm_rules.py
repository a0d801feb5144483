"""Confirming an import: what is written is what a preview made now would show, or nothing."""

from __future__ import annotations

from campaign.db import db
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.signatures.models import SignatureStatus
from tests.moderation_import.conftest import audit_actions, signatures

LIST = "1. Red Andina\n2. Zambia Legal Aid\n3. Instituto Andino de Derechos Humanos\n"


def _post(client, letter, **data):  # noqa: ANN001, ANN202
    fields = {"format": "auto", "encoding": "utf-8", **data}
    return client.post(
        f"/manage/letters/{letter.slug}/import/", data=fields, content_type="multipart/form-data"
    )


def _previewed(client, letter, **data) -> int:  # noqa: ANN001
    response = _post(client, letter, **data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def _confirm(client, letter, batch_id: int) -> str:  # noqa: ANN001
    url = f"/manage/letters/{letter.slug}/import/{batch_id}/apply"
    response = client.post(url, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_list_previewed_twice_and_confirmed_twice_is_imported_once(
    client, login_as, letter, coordinator
):
    login_as(coordinator)
    first, second = _previewed(client, letter, pasted=LIST), _previewed(client, letter, pasted=LIST)
    assert "3 entries imported." in _confirm(client, letter, first)
    page = _confirm(client, letter, second)
    assert "The letter&#39;s list changed since this preview" in page
    assert [s.status for s in signatures(letter)] == [SignatureStatus.approved] * 3
    assert audit_actions(letter) == ["import"] * 3 + ["import_batch"]
    db.session.expire_all()
    assert db.session.get(ImportBatch, second).status is BatchStatus.preview
    page = client.get(
        f"/manage/letters/{letter.slug}/import/{_previewed(client, letter, pasted=LIST)}"
    )
    assert "Possible duplicates: 3" in page.get_data(as_text=True)


def test_an_entry_matching_a_signature_that_arrived_since_the_preview_is_not_published(
    client, login_as, make, letter, coordinator
):
    login_as(coordinator)
    batch_id = _previewed(client, letter, pasted=LIST)
    make.signature(letter, "Red Andina")
    assert "Nothing was imported; make a new preview" in _confirm(client, letter, batch_id)
    assert [s.name for s in signatures(letter)] == ["Red Andina"]
    assert audit_actions(letter) == []


def test_a_list_held_for_moderators_is_confirmed_even_if_unrelated_signatures_arrive(
    client, login_as, make, letter, coordinator
):
    login_as(coordinator)
    make.signature(letter, "Red Andina")
    batch_id = _previewed(client, letter, pasted=LIST)
    make.signature(letter, "Kenya Human Rights Commission")
    assert "3 entries imported." in _confirm(client, letter, batch_id)
    imported = [s for s in signatures(letter) if s.source.value == "imported"]
    assert [s.status for s in imported] == [
        SignatureStatus.confirmed,
        SignatureStatus.approved,
        SignatureStatus.approved,
    ]
