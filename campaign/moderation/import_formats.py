"""The three list formats: plain text (one entry per line), CSV and XLSX, into raw rows.

Plain text tolerates what published lists look like: numbering ("12.", "12)", "12 -",
"#12", "(12)", "12<tab>"), gaps in the numbering, bullets, odd spacing and blank lines.
CSV and XLSX columns are found by their header (see import_columns).

XLSX cells holding a formula are refused, not read from the cached value: a cached value
may be stale or absent (files written by programs other than Excel), and a list of names
has no business computing anything. Macros are never run nor read.
"""

from __future__ import annotations

import csv
import io
import re
import warnings

from campaign.moderation.import_columns import header_columns
from campaign.moderation.imports import ImportFileError, Problem, RawRow, check_count

_NUMBERED = re.compile(
    r"""^\s*(?:
        [#№]\s*(?P<a>\d{1,6})[.):\-–—]?\s+ |         # #12 Name
        [(\[](?P<b>\d{1,6})[)\]]\s*    |             # (12) Name, [12] Name
        (?P<c>\d{1,6})(?:\s*[.):\-–—]\s+|\)|\t+)     # 12. Name, 12) Name, 12 - Name, 12<tab>
    )""",
    re.VERBOSE,
)
# "12.Name" without a space, only before a capital, so that "350.org" stays a name.
_TIGHT = re.compile(r"^\s*(\d{1,6})\.(?=\S)")
_BULLET = re.compile(r"^\s*[•·‣◦▪●○■□➢►\-–—*+]\s+")


def split_number(line: str) -> tuple[int | None, str]:
    """The list's own number (if the line has one) and the rest of the line."""
    match = _NUMBERED.match(line)
    if match:
        number = next(g for g in match.group("a", "b", "c") if g is not None)
        return int(number), line[match.end() :]
    tight = _TIGHT.match(line)
    if tight and line[tight.end()].isupper():
        return int(tight.group(1)), line[tight.end() :]
    bullet = _BULLET.match(line)
    return None, line[bullet.end() :] if bullet else line


def read_text(text: str, max_rows: int) -> list[RawRow]:
    """One entry per non-blank line; numbering and bullets are set aside."""
    rows = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        number, rest = split_number(line)
        rows.append(RawRow(line_number, {"name": rest}, number))
        check_count(len(rows), max_rows)
    return rows


def _delimiter(text: str) -> str:
    """Comma, semicolon (European spreadsheets) or tab: the commonest in the header line."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(",;\t", key=first.count) if any(d in first for d in ",;\t") else ","


def read_csv(text: str, max_rows: int) -> list[RawRow]:
    """Rows under a header that names the columns; malformed quoting refuses the file."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = _next_nonblank(reader)
        columns = header_columns(header)
        rows = []
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(_csv_row(reader.line_num, cells, columns, len(header)))
                check_count(len(rows), max_rows)
    except csv.Error:
        raise ImportFileError("csv_malformed", line=reader.line_num) from None
    return rows


def _next_nonblank(reader: object) -> list[str]:
    for cells in reader:  # type: ignore[attr-defined]
        if any(cell.strip() for cell in cells):
            return cells
    raise ImportFileError("empty")


def _csv_row(line: int, cells: list[str], columns: dict[str, int], width: int) -> RawRow:
    values = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
    row = RawRow(line, values)
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        row.problems.append(Problem("ragged", params={"count": len(cells), "expected": width}))
    return row


def read_xlsx(data: bytes, max_rows: int) -> tuple[list[RawRow], str]:
    """Rows of the workbook's first sheet under its header row, and the sheet's name."""
    from openpyxl import load_workbook

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError("xls_old")
    # openpyxl fails in many ways on a file that is not a workbook (bad zip, missing parts,
    # broken XML, odd cell types), and warns about features it skips (data validation,
    # styles), which do not matter here; every failure means the same thing to the user.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:
            raise ImportFileError("xlsx_invalid") from None
        try:
            sheet = book.worksheets[0]
            return _sheet_rows(sheet, max_rows), str(sheet.title)
        except ImportFileError:
            raise
        except Exception:
            raise ImportFileError("xlsx_invalid") from None
        finally:
            book.close()


def _sheet_rows(sheet: object, max_rows: int) -> list[RawRow]:
    rows_iter = sheet.iter_rows()  # type: ignore[attr-defined]
    header: list[str] = []
    for cells in rows_iter:
        header = [_cell_text(c) for c in cells]
        if any(h.strip() for h in header):
            break
    if not any(h.strip() for h in header):
        raise ImportFileError("empty")
    columns = header_columns(header)
    rows = []
    for cells in rows_iter:
        row = _xlsx_row(list(cells), columns)
        if row is not None:
            rows.append(row)
            check_count(len(rows), max_rows)
    return rows


def _xlsx_row(cells: list, columns: dict[str, int]) -> RawRow | None:
    values = {name: _cell_text(cells[i]) if i < len(cells) else "" for name, i in columns.items()}
    if not any(v.strip() for v in values.values()):
        return None
    line = next((c.row for c in cells if getattr(c, "row", None)), 0)
    row = RawRow(line, values)
    for name, i in columns.items():
        if i < len(cells) and getattr(cells[i], "data_type", "") == "f":
            row.values[name] = ""
            row.problems.append(Problem("xlsx_formula", name, {"cell": cells[i].coordinate}))
    return row


def _cell_text(cell: object) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
