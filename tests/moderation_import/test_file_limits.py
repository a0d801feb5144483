"""Workbooks that unpack to far more than a list needs are refused before openpyxl reads them,
and a sheet is read for a bounded number of rows, however few of them hold a name."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime
from itertools import chain

import pytest
from openpyxl import Workbook

from tests.moderation_import.conftest import signatures

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
PARTS = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
    '<sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>",
}
HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'


def workbook(rows: Iterable[str], strings: Iterable[str] = ()) -> bytes:
    """A hand-written .xlsx, streamed into the zip so that a bomb stays small in memory."""
    parts = {
        "xl/sharedStrings.xml": chain(
            [f'<sst xmlns="{MAIN}"><si><t>name</t></si><si><t>note</t></si>'], strings, ["</sst>"]
        ),
        "xl/worksheets/sheet1.xml": chain(
            [f'<worksheet xmlns="{MAIN}"><sheetData>{HEADER}'], rows, ["</sheetData></worksheet>"]
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        for name, pieces in parts.items():
            with archive.open(name, "w", force_zip64=True) as part:
                for piece in pieces:
                    part.write(piece.encode())
    return out.getvalue()


def _post(client, letter, data: bytes, filename: str = "list.xlsx"):  # noqa: ANN001, ANN202
    fields = {"format": "auto", "encoding": "utf-8", "upload": (io.BytesIO(data), filename)}
    return client.post(
        f"/manage/letters/{letter.slug}/import/", data=fields, content_type="multipart/form-data"
    )


def _one_huge_string():  # noqa: ANN202
    yield "<si><t>"
    for _ in range(8):
        yield "A" * (1 << 20)
    yield "</t></si>"


def test_a_workbook_unpacking_to_megabytes_of_text_is_refused_unread(
    app, client, login_as, letter, coordinator
):
    app.config["IMPORT_MAX_ROWS"] = 100
    data = workbook(['<row r="2"><c r="A2" t="s"><v>2</v></c></row>'], _one_huge_string())
    assert len(data) < 20_000
    response = _post(login_as(coordinator), letter, data)
    assert response.status_code == 400
    assert "holds far more data than a list of 100 entries needs" in response.get_data(True)
    assert signatures(letter) == []


def test_a_workbook_of_countless_nameless_rows_is_refused_unread(
    app, client, login_as, letter, coordinator
):
    """Refused by the scan of the workbook's parts, before openpyxl reads a row (reading them
    all took 80 s of CPU; bench figures, not timed here)."""
    app.config["IMPORT_MAX_ROWS"] = 100
    rows = ("<row><c/><c><v>1</v></c></row>" for _ in range(300_000))  # a note, no name
    data = workbook(rows)
    assert len(data) < 50_000
    response = _post(login_as(coordinator), letter, data)
    assert response.status_code == 400
    assert "holds far more data than a list of 100 entries needs" in response.get_data(True)


def test_rows_without_a_name_count_towards_the_rows_read(runner, app, letter, tmp_path):
    app.config["IMPORT_MAX_ROWS"] = 100
    # Few rows in the file, but openpyxl yields every row number up to the last one as a row.
    far = ['<row r="2"><c r="A2" t="s"><v>1</v></c></row>']
    far.append('<row r="900000"><c r="B900000"><v>1</v></c></row>')
    path = tmp_path / "list.xlsx"
    path.write_bytes(workbook(far))
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 1
    assert "This workbook has more than 1200 rows to read, counting empty rows" in result.output
    assert signatures(letter) == []


def test_a_full_workbook_of_five_thousand_rows_is_still_read(runner, letter, tmp_path):
    book = Workbook()
    columns = ["Organisation", "Country", "Email", "Website", "Contact", "Type", "Notes"]
    book.active.append(columns + [f"Extra {i}" for i in range(8)])
    for i in range(5000):
        book.active.append(
            [f"Association number {i} for the defence of rights", "Kenya"]
            + [f"contact{i}@example.org", f"https://org{i}.example.org", f"Contact Person {i}"]
            + ["NGO", "A note that nobody reads, but which every row carries along."]
            + [f"extra value {i}-{j}" for j in range(8)]
        )
    path = tmp_path / "list.xlsx"
    book.save(path)
    result = runner.invoke(args=["import", letter.slug, str(path)], input="n\n")
    assert "Read 5000 entries (xlsx)." in result.output, result.output[-2000:]


def test_a_one_column_csv_keeps_the_commas_of_its_names(client, login_as, letter, coordinator):
    content = (
        b"Nom\r\nLigue des droits de l'Homme, section de Paris\r\n"
        b'"Amis de la Terre, groupe local; Lyon"\r\nCimade\r\n'
    )
    login_as(coordinator)
    response = _post(client, letter, content, "signataires.csv")
    assert response.status_code == 302, response.get_data(True)[:2000]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "To be added: 3" in page and "Refused: 0" in page
    assert "Ligue des droits de l&#39;Homme, section de Paris" in page
    assert "Amis de la Terre, groupe local; Lyon" in page


def test_numbers_dates_booleans_and_errors_in_the_name_column_are_refused(runner, letter, tmp_path):
    book = Workbook()
    for row in (["Organisation", "Country"], ["Red Andina", "PE"], [1234, "KE"]):
        book.active.append(row)
    book.active.append([datetime(2024, 3, 8), "FR"])
    book.active.append([True, "FR"])
    book.active.append(["#N/A", "FR"])  # openpyxl writes it as an error value
    book.active.append(["1000 Women for Peace", "CH"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 0, result.output
    for line, cell in ((3, "A3"), (4, "A4"), (5, "A5"), (6, "A6")):
        assert f"REFUSED line {line}: " in result.output
        assert f"Name — Cell {cell} holds a number, a date, a true/false value" in result.output
    assert [s.name for s in signatures(letter)] == ["Red Andina", "1000 Women for Peace"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Nom\r\nCimade\r\n".encode("utf-16-le"), "This file is saved as UTF-16."),
        ("الاسم\nمنظمة\n".encode("utf-16-be"), "This file is saved as UTF-16."),
        ("Nom\r\nCimade\r\n".encode("utf-32"), "This file is saved as UTF-32."),
        (b"a\x00b", "contains NUL bytes"),
        (b"name\nok\n" + b"x" * 200_000 + b"\n", "A cell ending near line 3 is longer than"),
        (b'name\nok\n"never closed\n', "malformed near line 3"),
        # No line reads as a row: each opens a quote the next one's text does not close.
        (b'"Signatories\n' * 50_000, "malformed near line 1"),
    ],
)
def test_unreadable_text_files_are_refused_with_the_right_reason(
    runner, letter, tmp_path, content, message
):
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 1 and message in result.output, result.output
    assert signatures(letter) == []
