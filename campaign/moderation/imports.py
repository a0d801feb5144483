"""Reading a signatory list brought in from elsewhere: bytes in, raw rows out.

Pure functions (no Flask, no database), so every file a coordinator may send can be tested
alone. Whole-file problems raise ``ImportFileError`` with a code the interface translates;
problems with one row travel with the row (see ``Problem``), so the preview can list them.

Encodings: UTF-8, with or without a byte-order mark. Anything else is refused with a clear
message, unless the user explicitly chooses Windows-1252 or Latin-1, which we then decode
as asked; UTF-16/32 files are recognised (by their byte-order mark, or by NUL bytes that
read as such text) and refused with advice.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

FORMATS = ("csv", "xlsx", "text")
ENCODINGS = ("utf-8", "cp1252", "latin-1")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the pre-2007 binary .xls (and .doc) container
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # checked first: FF FE starts both
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class ImportFileError(ValueError):
    """The whole file cannot be read; ``code`` and ``params`` say why (see import_messages)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass
class Problem:
    """Something wrong with one row: a code, the column it concerns, and details."""

    code: str
    column: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "field": self.column, "params": self.params}


@dataclass
class RawRow:
    """One entry as found in the file: where it was, its own number if any, its cells."""

    line: int
    values: dict[str, str]
    number: int | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ParsedFile:
    format: str
    encoding: str
    rows: list[RawRow]
    sheet: str = ""
    header: int = 0  # the header's line (CSV) or row (XLSX); 0 for plain text


def detect_format(filename: str, data: bytes) -> str:
    """``xlsx``, ``csv`` or ``text``: by content for workbooks, else by extension."""
    suffix = PurePath(filename or "").suffix.lower()
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)) or suffix in {".xlsx", ".xlsm", ".xls"}:
        return "xlsx"
    if suffix in {".csv", ".tsv"}:
        return "csv"
    return "text"


def decode(data: bytes, encoding: str | None = None) -> str:
    """The file's text. UTF-8 (BOM tolerated) unless the user chose another encoding."""
    if data.startswith(UTF32_BOMS):
        raise ImportFileError("utf32")
    if data.startswith(UTF16_BOMS):
        raise ImportFileError("utf16")
    if b"\x00" in data:
        raise ImportFileError(_wide(data) or "nul", position=data.index(b"\x00"))
    if encoding in (None, "", "utf-8"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ImportFileError("encoding", line=line, guess=_guess(data)) from None
    if encoding not in ENCODINGS:
        raise ImportFileError("unknown_encoding", encoding=str(encoding))
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:  # cp1252 leaves five bytes undefined
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError("encoding", line=line, guess="latin-1") from None


def _wide(data: bytes) -> str | None:
    """``utf32`` or ``utf16`` if ``data`` reads as printable text in one of them (a file saved
    without byte-order mark: the NUL bytes are the high bytes of its characters)."""
    for code, codec, unit in _WIDE:
        if len(data) % unit:
            continue
        try:
            text = codecs.getincrementaldecoder(codec)().decode(data[:4096])
        except UnicodeDecodeError:
            continue
        if text and all(c.isprintable() or c in "\t\r\n" for c in text):
            return code
    return None


_WIDE = (
    ("utf32", "utf-32-le", 4),
    ("utf32", "utf-32-be", 4),
    ("utf16", "utf-16-le", 2),
    ("utf16", "utf-16-be", 2),
)


def _guess(data: bytes) -> str:
    """The encoding to suggest: Windows-1252 if it reads the file, else Latin-1."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def read(
    data: bytes, fmt: str, max_rows: int, encoding: str | None = None, filename: str = ""
) -> ParsedFile:
    """Parse ``data`` as ``fmt`` (``auto`` detects it) into raw rows, refusing bad files."""
    from campaign.moderation import import_csv, import_text, import_xlsx

    if fmt not in FORMATS:
        fmt = detect_format(filename, data)
    if not data.strip():
        raise ImportFileError("empty")
    if fmt == "xlsx":
        rows, sheet, header = import_xlsx.read_xlsx(data, max_rows)
        return ParsedFile("xlsx", "", _nonempty(rows), sheet, header)
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        raise ImportFileError("binary")
    text = decode(data, encoding)
    if fmt == "csv":
        rows, header = import_csv.read_csv(text, max_rows)
        return ParsedFile(fmt, encoding or "utf-8", _nonempty(rows), header=header)
    return ParsedFile(fmt, encoding or "utf-8", _nonempty(import_text.read_text(text, max_rows)))


def _nonempty(rows: list[RawRow]) -> list[RawRow]:
    if not rows:
        raise ImportFileError("empty")
    return rows


def check_count(count: int, max_rows: int) -> None:
    """Refuse a file with more entries than one import may hold."""
    if count > max_rows:
        raise ImportFileError("too_many_rows", limit=max_rows)
