"""The two list formats that arrive as text, into raw rows: plain text (one entry per line)
and CSV.

Plain text tolerates what published lists look like: numbering ("12.", "12)", "12 -",
"#12", "(12)", "12<tab>"), gaps in the numbering, bullets, odd spacing and blank lines.
CSV columns are found by their header (see import_columns). XLSX is read by import_xlsx.
"""

from __future__ import annotations

import csv
import io
import re

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
