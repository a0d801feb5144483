"""Zip-bomb limits for XLSX imports: how many bytes, XML elements, cells and rows a
workbook may unpack to for a list of a given length, checked before openpyxl opens it."""

from __future__ import annotations

import io
import zipfile
from typing import IO
from xml.parsers import expat

from campaign.moderation.imports import ImportFileError

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
