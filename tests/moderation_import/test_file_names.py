"""The uploaded file's name and the sheet's are stored and shown cleaned: no hidden
characters, no NUL (PostgreSQL refuses it), no name of any length."""

from __future__ import annotations

import io
import warnings

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from campaign.db import db
from campaign.moderation.import_models import ImportBatch
from campaign.moderation.models import AuditEntry

HIDDEN = ("\x00", "\u202e", "\x1b", "\x07")


def _upload(client, letter, content: bytes, filename: str) -> str:  # noqa: ANN001
    """The preview page, after confirming the import."""
    response = client.post(
        f"/manage/letters/{letter.slug}/import/",
        data={"format": "auto", "encoding": "utf-8", "upload": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    applied = client.post(response.headers["Location"].rstrip("/") + "/apply")
    assert applied.status_code == 302
    return page


def _kept() -> tuple[ImportBatch, str]:
    db.session.expire_all()
    detail = db.session.scalar(select(AuditEntry.detail).where(AuditEntry.action == "import_batch"))
    return db.session.scalar(select(ImportBatch)), detail


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("list\x00.csv", "list\ufffd.csv"),
        ("signatories\u202ecsv.exe", "signatories\ufffdcsv.exe"),
        ("list\x1b[31m\x07.csv", "list\ufffd[31m\ufffd.csv"),
    ],
)
def test_hidden_characters_in_a_file_name_are_shown_as_replacement_characters(
    client, login_as, letter, coordinator, filename, shown
):
    login_as(coordinator)
    page = _upload(client, letter, b"name\nRed Andina\n", filename)
    assert shown in page and not any(c in page for c in HIDDEN)
    batch, detail = _kept()
    assert batch.filename == shown and detail.endswith(shown)
    audit = client.get(f"/manage/letters/{letter.slug}/audit").get_data(as_text=True)
    assert not any(c in audit for c in HIDDEN)


def test_a_very_long_file_name_is_cut(client, login_as, letter, coordinator):
    login_as(coordinator)
    _upload(client, letter, b"name\nRed Andina\n", "a" * 3000 + ".csv")
    batch, detail = _kept()
    assert batch.filename == "a" * 119 + "…" and len(detail) < 200


def test_a_sheet_name_is_shown_cleaned_and_cut(client, login_as, letter, coordinator):
    book = Workbook()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of titles over 31 characters
        book.active.title = "Evil\u202eSheet" + "x" * 150
    book.active.append(["name"])
    book.active.append(["Red Andina"])
    out = io.BytesIO()
    book.save(out)
    login_as(coordinator)
    page = _upload(client, letter, out.getvalue(), "list.xlsx")
    assert "Evil\ufffdSheet" in page and "\u202e" not in page
    batch, _ = _kept()
    assert batch.sheet == "Evil\ufffdSheet" + "x" * 89 + "…"
