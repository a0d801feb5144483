"""Byte-identical Office files: rewrite a zip with every entry stamped with one fixed time."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime

MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def stamp_modified(moment: datetime) -> Callable[[bytes], bytes]:
    """Set docProps/core.xml's "modified" time, which openpyxl always sets to now."""
    value = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return lambda xml: MODIFIED.sub(rb"\g<1>" + value + rb"\g<2>", xml)


def fix_zip(
    content: bytes,
    moment: datetime,
    rewrite: dict[str, Callable[[bytes], bytes]] | None = None,
) -> bytes:
    """The same archive with entry times set to ``moment`` and a fixed order and compression.

    Word and Excel writers stamp each entry with the current time; a snapshot must give
    the same bytes whenever it is downloaded. ``rewrite`` maps entry names to functions
    that fix their content.
    """
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if rewrite and info.filename in rewrite:
                data = rewrite[info.filename](data)
            target.writestr(entry, data)
    return output.getvalue()
