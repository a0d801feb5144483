"""Numbered lists, CSV, XLSX and plain text: numbering, collation order, inert formulas."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from campaign.accounts.models import Role
from tests.exports.helpers import expected_order, run_cli, seed


def _export(runner, letter, *args: str) -> bytes:  # noqa: ANN001
    return run_cli(runner, "export", letter.slug, *args)


def test_text_list_is_numbered_without_gaps_in_collation_order(runner, make):
    letter = make.letter()
    seed(make, letter)
    text = _export(runner, letter, "--format", "txt").decode()
    lines = [line for line in text.splitlines() if line[:1].isdigit()]
    numbers = [int(line.split(".")[0]) for line in lines]
    assert numbers == list(range(1, 12))
    names = [line.split(". ", 1)[1].rsplit(" (", 1)[0] for line in lines[:10]]
    assert names == expected_order()
    assert "11. Jane Doe" in text
    assert text.index("Individuals (1)") > text.index("Organisations (10)")
    assert "Pending Org" not in text and "Rejected Org" not in text


def test_text_list_grouped_by_country_uses_localised_names(runner, make):
    letter = make.letter()
    seed(make, letter)
    text = _export(runner, letter, "--format", "txt", "--lang", "fr", "--group").decode()
    assert "Grèce" in text and "Égypte" in text
    text_es = _export(runner, letter, "--format", "txt", "--lang", "es", "--group").decode()
    assert "Grecia" in text_es


def test_csv_has_bom_inert_formulas_and_contacts_only_when_asked(runner, make):
    letter = make.letter()
    seed(make, letter)
    raw = _export(runner, letter, "--format", "csv", "--contacts")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","click")' in names
    assert not any(cell.startswith(("=", "+", "@", "-")) for row in rows for cell in row)
    assert "Contact email" in rows[0] and any("@example.org" in c for c in rows[1])
    public = _export(runner, letter, "--format", "csv", "--no-contacts").decode("utf-8-sig")
    assert "@example.org" not in public and "Contact Person" not in public


def test_xlsx_stores_formula_like_names_as_text(runner, make):
    letter = make.letter()
    seed(make, letter)
    sheet = load_workbook(io.BytesIO(_export(runner, letter, "--format", "xlsx"))).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells][:10] == [
        "'" + n if n.startswith("=") else n for n in expected_order()
    ]
    assert all(c.data_type == "s" for c in cells)
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == list(range(1, 12))


def test_exporter_downloads_csv_with_contacts_over_http(client, make, login_as):
    letter = make.letter()
    seed(make, letter)
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={
            "format": "csv",
            "language": "en",
            "snapshot": "0",
            "contacts": "y",
            "columns": "1",
            "download": "Download",
        },
    )
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "@example.org" in response.data.decode("utf-8-sig")
