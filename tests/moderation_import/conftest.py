"""Fixtures for imports: a letter, its coordinator, the realistic signatory list, and
helpers that preview and confirm a list through the web."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.moderation.models import AuditEntry
from campaign.signatures.models import Signature

DATA = Path(__file__).parent / "data"
LIST = DATA / "signatories.txt"
# What tests/moderation_import/data/signatories.txt holds (a published list, as pasted):
ENTRIES = 300
EXACT_DUPLICATE = "Friends of Guatemala"
ENGLISH = "Andean Institute for Human Rights and Development (IADHD)"
SPANISH = "Instituto Andino de Derechos Humanos y Desarrollo (IADHD)"
SENTENCE = "We fully support this letter and sign on behalf of our community!"


@pytest.fixture
def letter(make):
    return make.letter("hrc-defenders")


@pytest.fixture
def coordinator(make, letter):
    return make.user("coord@example.org", roles={letter: Role.coordinator})


def signatures(letter) -> list[Signature]:
    db.session.expire_all()
    query = select(Signature).where(Signature.letter_id == letter.id).order_by(Signature.id)
    return list(db.session.scalars(query))


def audit_actions(letter) -> list[str]:
    query = select(AuditEntry.action).where(AuditEntry.letter_id == letter.id)
    return list(db.session.scalars(query.order_by(AuditEntry.id)))


def _post(client, letter, **data):  # noqa: ANN001, ANN202
    fields = {"format": "auto", "encoding": "utf-8", **data}
    return client.post(
        f"/manage/letters/{letter.slug}/import/", data=fields, content_type="multipart/form-data"
    )


def previewed(client, letter, **data) -> int:  # noqa: ANN001
    """Upload or paste a list (``data``: the form's fields); the id of its preview."""
    response = _post(client, letter, **data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def batch_page(client, letter, batch_id: int) -> str:  # noqa: ANN001
    """An import's page: its preview, or what it did."""
    return client.get(f"/manage/letters/{letter.slug}/import/{batch_id}").get_data(as_text=True)


def preview_page(client, letter, **data) -> str:  # noqa: ANN001
    """Upload or paste a list; its preview page."""
    return batch_page(client, letter, previewed(client, letter, **data))


def refusal(client, letter, **data) -> str:  # noqa: ANN001
    """Upload a list the import refuses; the form page, which says why."""
    response = _post(client, letter, **data)
    assert response.status_code == 400, response.headers.get("Location")
    return response.get_data(as_text=True)


def upload(content: bytes, filename: str) -> dict[str, object]:
    """The form's fields to upload ``content`` as ``filename``."""
    return {"upload": (io.BytesIO(content), filename)}


def saved(book: Workbook) -> bytes:
    """The .xlsx file openpyxl writes for ``book``."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def workbook(sheets: dict[str, list[list[object]]]) -> Workbook:
    """A workbook with a sheet of these rows for each name, in order."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    return book


def confirm(client, letter, batch_id: int) -> str:  # noqa: ANN001
    """Press "Import" on a preview; the page it leads to, with what happened."""
    url = f"/manage/letters/{letter.slug}/import/{batch_id}/apply"
    response = client.post(url, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)
