"""The plain text list format, into raw rows: one entry per line.

Plain text tolerates what published lists look like: numbering ("12.", "12)", "12 -",
"#12", "(12)", "12<tab>"), gaps in the numbering, bullets, odd spacing and blank lines.
CSV is read by import_csv, XLSX by import_xlsx.
"""

from __future__ import annotations

import re

from campaign.moderation.imports import RawRow, check_count

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
