"""The XLSX list format, into raw rows: the first sheet of a workbook that has a header row
(a sheet of instructions may come first), the rows under it.

Columns are found by their header, among the first non-empty rows of a sheet (see
import_columns.find_header): a title above it, merged across the columns or not, is left
out. Before openpyxl opens a workbook, import_xlsx_limits refuses one that would unpack to
far more than a list needs; the rows read, in every sheet looked at, are bounded too.

XLSX cells holding a formula are refused, not read from the cached value: a cached value
may be stale or absent (files written by programs other than Excel), and a list of names
has no business computing anything. Macros are never run nor read.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Iterator

from openpyxl import load_workbook

from campaign.moderation.import_columns import HEADER_ROWS, find_header, shown_cells
from campaign.moderation.import_rows import label
from campaign.moderation.import_xlsx_limits import check_unpacked_size, read_limit
from campaign.moderation.imports import ImportFileError, Problem, RawRow, check_count


def read_xlsx(data: bytes, max_rows: int) -> tuple[list[RawRow], str, int]:
    """Rows under the header of the first sheet that has one, the sheet's name, and the
    header's row."""
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
            return _book_rows(book.worksheets, max_rows)
        except ImportFileError:
            raise
        except Exception:
            raise ImportFileError("xlsx_invalid") from None
        finally:
            book.close()


class _Budget:
    """One bound on the rows read from a workbook, whichever sheets they are in: openpyxl
    yields every row number up to the last one (``<row r="900000">`` is 900,000 rows), and
    a workbook may hold many such sheets."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.read = 0

    def rows(
        self, sheet: object, first: int = 1, counted: int = 0, values: bool = False
    ) -> Iterator[tuple]:
        """The sheet's rows (their cells, or only their values) from row ``first``, with
        their number; rows up to ``counted`` were read (and counted) already."""
        rows = sheet.iter_rows(min_row=first, values_only=values)  # type: ignore[attr-defined]
        for number, cells in enumerate(rows, start=first):
            if number > counted:
                self.read += 1
                if self.read > self.limit:
                    raise ImportFileError("xlsx_too_many_rows", limit=self.limit)
            yield number, cells


def _first_rows(rows: Iterable[tuple]) -> tuple[list[tuple[int, list[str]]], int]:
    """The first non-empty rows of a sheet (as text, with their number), and the number of
    the last row read to find them."""
    found: list[tuple[int, list[str]]] = []
    number = 0
    blank = None
    for number, values in rows:
        # openpyxl fills a gap in the sheet with rows as wide as the sheet says it is (up to
        # 16,384 cells), the same row each time: looked at once.
        if values is blank or values.count(None) == len(values):
            blank = values
            continue
        texts = [_text(v) for v in values]
        if any(t.strip() for t in texts):
            found.append((number, texts))
            if len(found) == HEADER_ROWS:
                break
    return found, number


def _book_rows(sheets: list, max_rows: int) -> tuple[list[RawRow], str, int]:
    budget = _Budget(read_limit(max_rows))
    looked: list[tuple[str, list[tuple[int, list[str]]]]] = []
    for sheet in sheets:
        first, last = _first_rows(budget.rows(sheet, values=True))
        header = find_header(first)
        if header is not None:
            below = budget.rows(sheet, header.line + 1, last)
            return _sheet_rows(below, header.columns, max_rows), str(sheet.title), header.line
        looked.append((str(sheet.title), first))
    raise _no_header(looked)


def _no_header(looked: list[tuple[str, list[tuple[int, list[str]]]]]) -> ImportFileError:
    """Why no sheet was read: which sheets were looked at, and what the first row holds."""
    with_rows = [(name, rows) for name, rows in looked if rows]
    if not with_rows:
        return ImportFileError("empty")
    name, [(line, cells), *_] = with_rows[0]
    return ImportFileError(
        "no_name_column_xlsx",
        rows=HEADER_ROWS,
        sheets=label(", ".join(n for n, _ in looked), 200),
        sheet=label(name, 100),
        line=line,
        found=label(shown_cells(cells), 200),
    )


def _sheet_rows(rows: Iterable[tuple], columns: dict[str, int], max_rows: int) -> list[RawRow]:
    found = []
    for number, cells in rows:
        row = _xlsx_row(number, list(cells), columns)
        if row is not None:
            found.append(row)
            check_count(len(found), max_rows)
    return found


NOT_TEXT = {"n", "d", "b", "e"}  # openpyxl's cell types: number, date, boolean, error


def _xlsx_row(line: int, cells: list, columns: dict[str, int]) -> RawRow | None:
    values = {name: _cell_text(cells[i]) if i < len(cells) else "" for name, i in columns.items()}
    if not any(v.strip() for v in values.values()):
        return None
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
    return _text(getattr(cell, "value", None))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
