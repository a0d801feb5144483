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
import zipfile
from typing import IO
from xml.parsers import expat

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
    """Comma, semicolon (European spreadsheets) or tab: the commonest in the header line.

    A header without any names a single column, whose cells may hold commas unquoted (a
    French or Spanish Excel separates with semicolons, so it quotes none): each line is then
    one cell, split on a character the text does not hold.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    if any(d in first for d in ",;\t"):
        return max(",;\t", key=first.count)
    return next((c for c in "\x1f\x1e\x1d\x1c" if c not in text), "\x1f")


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
    except csv.Error as error:
        # The csv module says so only in its message: a cell over its size limit, often the
        # rest of the file swallowed by a quote never closed.
        if "field larger than field limit" in str(error):
            limit = csv.field_size_limit()
            raise ImportFileError("csv_cell_too_long", line=reader.line_num, limit=limit) from None
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
    check_unpacked_size(data, max_rows)
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


# A workbook is a zip of XML parts, and XML shrinks a thousandfold when zipped: a small
# upload can unpack to gigabytes, which openpyxl would read (it holds all the shared strings
# in memory) and parse (every sheet once to size it, even without a row we want). A list of
# names needs far less, so before openpyxl opens it we refuse a workbook that holds more:
# - bytes: a row we read holds at most eight columns of limited length (name 300 characters,
#   contact 200, email 254, website 300, the rest short), under 1.5 KB even at the limits;
#   4 KiB a row leaves room for markup and for columns we do not read. No part may unpack to
#   more than 2 MiB (styles and themes of a real workbook) plus 4 KiB per allowed row, and
#   all parts together to twice that: 22 and 44 MiB for the default 5,000 rows.
# - XML elements: openpyxl's time and memory follow them, not bytes (about 10 µs and a few
#   hundred bytes a cell, a row being held whole, even a row of empty cells). A list row of
#   ten columns is 15 to 40 elements; we allow 100 elements and 40 cells a row, plus 100,000
#   and 10,000 for the rest, and 1,000 cells in one row: for 5,000 rows, 600,000 elements
#   and 210,000 cells, about two seconds for openpyxl.
# zipfile never unpacks more of a part than the size it declares, so the sizes are checked
# before unpacking; elements are counted while unpacking, stopping at the limit. A DTD is
# refused (no workbook has one; it could expand entities), as openpyxl's defusedxml does.
XLSX_PART_FLOOR = 2 * 1024 * 1024
XLSX_BYTES_PER_ROW = 4 * 1024
XLSX_ELEMENTS = (100_000, 100)  # floor, per allowed row
XLSX_CELLS = (10_000, 40)
XLSX_ROW_CELLS = 1000


class _Census:
    """Counts the elements and cells of a workbook's parts, refusing past the limits."""

    def __init__(self, max_rows: int) -> None:
        self.max_rows = max_rows
        self.elements = XLSX_ELEMENTS[0] + XLSX_ELEMENTS[1] * max_rows
        self.cells = XLSX_CELLS[0] + XLSX_CELLS[1] * max_rows
        self.row_cells = self.rows = 0

    def start(self, name: str, _attributes: object) -> None:
        local = name.rpartition(" ")[2]
        self.elements -= 1
        if local == "row":
            self.row_cells = 0
            self.rows += 1
            if self.rows > read_limit(self.max_rows):
                raise ImportFileError("xlsx_too_many_rows", limit=read_limit(self.max_rows))
        elif local == "c":
            self.cells -= 1
            self.row_cells += 1
        if min(self.elements, self.cells) < 0 or self.row_cells > XLSX_ROW_CELLS:
            raise ImportFileError("xlsx_too_big", rows=self.max_rows)

    def read(self, part: IO[bytes]) -> None:
        self.rows = 0
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self.start
        parser.StartDoctypeDeclHandler = _refuse_dtd
        try:
            while chunk := part.read(1 << 16):
                parser.Parse(chunk, False)
        except expat.ExpatError:
            pass  # not XML (a picture), or broken XML that openpyxl refuses at the same point


def _refuse_dtd(*_args: object) -> None:
    raise ImportFileError("xlsx_invalid")


def check_unpacked_size(data: bytes, max_rows: int) -> None:
    """Refuse a workbook that would unpack to far more than ``max_rows`` entries need."""
    part_limit = XLSX_PART_FLOOR + XLSX_BYTES_PER_ROW * max_rows
    census = _Census(max_rows)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            sizes = [info.file_size for info in parts]
            if max(sizes, default=0) > part_limit or sum(sizes) > 2 * part_limit:
                raise ImportFileError("xlsx_too_big", rows=max_rows)
            for info in parts:
                with archive.open(info) as part:
                    census.read(part)
    except ImportFileError:
        raise
    except Exception:  # not a zip, or a broken one: openpyxl could not read it either
        raise ImportFileError("xlsx_invalid") from None


def read_limit(max_rows: int) -> int:
    """How many rows of a sheet we read at most, blank ones and those without a name
    included: room for blank lines, a title block and refused rows, yet a bound on the time
    a sheet of millions of near-empty rows would take."""
    return 2 * max_rows + 1000


def _bounded(rows: object, limit: int) -> object:
    for count, cells in enumerate(rows, start=1):  # type: ignore[call-overload]
        if count > limit:
            raise ImportFileError("xlsx_too_many_rows", limit=limit)
        yield cells


def _sheet_rows(sheet: object, max_rows: int) -> list[RawRow]:
    rows_iter = _bounded(sheet.iter_rows(), read_limit(max_rows))  # type: ignore[attr-defined]
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


NOT_TEXT = {"n", "d", "b", "e"}  # openpyxl's cell types: number, date, boolean, error


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
    i = columns["name"]
    if i < len(cells) and _not_text(cells[i]):
        row.problems.append(Problem("xlsx_not_text", "name", {"cell": cells[i].coordinate}))
    return row


def _not_text(cell: object) -> bool:
    """A number, date, true/false or error (#N/A) where a name belongs (a shifted column,
    a cell Excel converted): written out by str(), it would pass for a name."""
    return getattr(cell, "data_type", "") in NOT_TEXT and getattr(cell, "value", None) is not None


def _cell_text(cell: object) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
