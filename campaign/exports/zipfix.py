"""Byte-identical Office files: rewrite a zip with every entry stamped with one fixed time."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime


def fix_zip(content: bytes, moment: datetime) -> bytes:
    """The same archive with entry times set to ``moment`` and a fixed order and compression.

    Word and Excel writers stamp each entry with the current time; a snapshot must give
    the same bytes whenever it is downloaded.
    """
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
