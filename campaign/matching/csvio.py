"""Reading sign-on lists from CSV, with clear errors for malformed input."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .profile import OrgRecord

REQUIRED = ("id", "name")
OPTIONAL = ("country", "email", "website")


class InputError(ValueError):
    """The CSV cannot be read as a sign-on list; the message says why."""


def _text(path: Path) -> str:
    """The file's text (UTF-8, BOM tolerated)."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not a CSV file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def _header(rows: list[list[str]], path: Path) -> dict[str, int]:
    """Column positions from the header row; ``id`` and ``name`` are required."""
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InputError(f"{path}: empty file, expected a header 'id,name,...'")
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [col for col in REQUIRED if col not in header]
    if missing:
        raise InputError(f"{path}: header lacks column(s) {', '.join(missing)}; got {header}")
    return {col: header.index(col) for col in REQUIRED + OPTIONAL if col in header}


def read_records(path: str | Path) -> list[OrgRecord]:
    """Read ``id,name[,country,email,website]`` rows; other columns are ignored."""
    path = Path(path)
    try:
        rows = list(csv.reader(io.StringIO(_text(path), newline="")))
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV ({exc})") from exc
    columns = _header(rows, path)
    width, records, seen = len(rows[0]), [], set()
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise InputError(f"{path}: line {line} has {len(row)} fields, header has {width}")
        fields = {col: row[i].strip() for col, i in columns.items()}
        if not fields["id"]:
            raise InputError(f"{path}: line {line} has an empty id")
        if fields["id"] in seen:
            raise InputError(f"{path}: line {line} repeats id {fields['id']!r}")
        seen.add(fields["id"])
        records.append(OrgRecord(**fields))
    return records
