"""Where a ``next`` address from a request may send the visitor: a path on this site only."""

from __future__ import annotations

from urllib.parse import urlsplit


def local_path(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None.

    Some addresses that start with one slash still lead to another site: a second slash or a
    backslash after it, or control characters between them (which are dropped on the way to
    the Location header, so "/<tab>/evil.example" arrives as "//evil.example").
    """
    if not target or not target.startswith("/") or "\\" in target:
        return None
    if any(ord(character) < 32 or ord(character) == 127 for character in target):
        return None
    parts = urlsplit(target)
    if target.startswith("//") or parts.scheme or parts.netloc:
        return None
    return target
