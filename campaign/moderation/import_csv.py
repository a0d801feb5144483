"""The CSV list format, into raw rows: the rows under the header that names the columns.

The header is looked for among the first non-empty rows (see import_columns.find_header), so
a title or a note above it is left out. Each row is split by the delimiter its header uses:
comma, semicolon (European spreadsheets) or tab. A header without any names a single
column, whose cells may hold commas unquoted (a French or Spanish Excel separates with
semicolons, so it quotes none): each line is then one cell, split on a character the text
does not hold. A row may run over several lines (a quoted cell holding a line break, as in a
header "Nom⏎Name").
"""

from __future__ import annotations

import csv
import io

from campaign.moderation.import_columns import HEADER_ROWS, Header, find_header, shown_cells
from campaign.moderation.import_rows import label
from campaign.moderation.imports import ImportFileError, Problem, RawRow, check_count

DELIMITERS = ",;\t"


def _delimiters(line: str, spare: str) -> list[str]:
    """The delimiters to try for a row starting with ``line``: those it holds, commonest
    first, else ``spare`` first (a one-column file); the others in case a quoted cell runs on
    over the next line."""
    present = sorted((d for d in DELIMITERS if d in line), key=line.count, reverse=True)
    others = [d for d in DELIMITERS if d not in present]
    return [*present, spare, *others] if present else [spare, *others]


def _row_at(lines: list[str], index: int, spare: str) -> tuple[list[str], int, str]:
    """The row starting at ``lines[index]``: its cells, how many lines it takes, and the
    delimiter that reads it; no cells if none reads it (a quote never closed)."""
    for delimiter in _delimiters(lines[index], spare):
        # Read from ``index`` on without walking the lines before it (as islice would: a
        # file of a few hundred thousand lines that read as blank rows took minutes).
        rest = (lines[i] for i in range(index, len(lines)))
        reader = csv.reader(rest, delimiter=delimiter, strict=True)
        try:
            return next(reader, []), reader.line_num, delimiter
        except csv.Error:
            continue
    return [], 1, spare


def _first_rows(lines: list[str], spare: str) -> tuple[list[tuple[int, list[str]]], dict]:
    """The first non-empty rows, with their first line; and where each ends, and its delimiter.

    A line no delimiter reads (a quote never closed) counts among the rows looked at: each
    such try reads on to the end of the file or the csv module's cell limit, so a file of
    such lines, tried line after line, would take hours. None read at all: the file is
    malformed at its first such line."""
    rows: list[tuple[int, list[str]]] = []
    ends: dict[int, tuple[int, str]] = {}
    unreadable: list[int] = []
    index = 0
    while index < len(lines) and len(rows) + len(unreadable) < HEADER_ROWS:
        if not lines[index].strip():
            index += 1
            continue
        cells, used, delimiter = _row_at(lines, index, spare)
        if not cells:
            unreadable.append(index + 1)
        elif any(cell.strip() for cell in cells):
            rows.append((index + 1, cells))
            ends[index + 1] = (index + used, delimiter)
        index += used
    if not rows and unreadable:
        raise ImportFileError("csv_malformed", line=unreadable[0])
    return rows, ends


def _header(lines: list[str], spare: str) -> tuple[Header, int, str]:
    """The header, the number of lines up to its end, and its delimiter."""
    rows, ends = _first_rows(lines, spare)
    if not rows:
        raise ImportFileError("empty")
    header = find_header(rows)
    if header is None:
        line, cells = rows[0]
        found = label(shown_cells(cells), 200)
        raise ImportFileError("no_name_column", rows=HEADER_ROWS, line=line, found=found)
    return header, *ends[header.line]


def read_csv(text: str, max_rows: int) -> tuple[list[RawRow], int]:
    """Rows under the header, and the header's line. Malformed quoting refuses the file."""
    lines = io.StringIO(text, newline="").readlines()
    spare = next((c for c in "\x1f\x1e\x1d\x1c" if c not in text), "\x1f")
    header, end, delimiter = _header(lines, spare)
    below = io.StringIO("".join(lines[end:]), newline="")
    reader = csv.reader(below, delimiter=delimiter, strict=True)
    rows = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                line = end + reader.line_num
                rows.append(_csv_row(line, cells, header.columns, header.width))
                check_count(len(rows), max_rows)
    except csv.Error as error:
        line = end + reader.line_num
        # The csv module says so only in its message: a cell over its size limit, often the
        # rest of the file swallowed by a quote never closed.
        if "field larger than field limit" in str(error):
            limit = csv.field_size_limit()
            raise ImportFileError("csv_cell_too_long", line=line, limit=limit) from None
        raise ImportFileError("csv_malformed", line=line) from None
    return rows, header.line


def _csv_row(line: int, cells: list[str], columns: dict[str, int], width: int) -> RawRow:
    values = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
    row = RawRow(line, values)
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        row.problems.append(Problem("ragged", params={"count": len(cells), "expected": width}))
    return row
