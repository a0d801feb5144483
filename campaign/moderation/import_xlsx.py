"""The XLSX list format, into raw rows: the first sheet of a workbook, under its header row.

Columns are found by their header (see import_columns). Before openpyxl opens a workbook,
import_xlsx_limits refuses one that would unpack to far more than a list needs.

XLSX cells holding a formula are refused, not read from the cached value: a cached value
may be stale or absent (files written by programs other than Excel), and a list of names
has no business computing anything. Macros are never run nor read.
"""

from __future__ import annotations

import io
import warnings

from campaign.moderation.import_columns import header_columns
from campaign.moderation.import_xlsx_limits import check_unpacked_size, read_limit
from campaign.moderation.imports import ImportFileError, Problem, RawRow, check_count


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
