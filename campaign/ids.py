"""Row ids read from addresses, forms and query strings.

An id a client sends is a number only if it is ASCII digits (``"²".isdigit()`` is true, and
``int("²")`` fails) within the range of an id column: PostgreSQL's ``integer`` stops at
2**31 - 1, and SQLite refuses to bind anything beyond 64 bits. Anything else names no row,
so it is not found rather than a server error.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from werkzeug.routing import IntegerConverter, Map

ID_MAX = 2**31 - 1


def parse_id(raw: str | None) -> int | None:
    """The id ``raw`` spells, or None if it spells none."""
    if not raw or not raw.isascii() or not raw.isdigit() or len(raw) > len(str(ID_MAX)):
        return None
    value = int(raw)
    return value if 0 < value <= ID_MAX else None


def parse_ids(raws: Iterable[str]) -> list[int] | None:
    """Every id in ``raws``, or None if any of them is not one."""
    ids = [parse_id(raw) for raw in raws]
    return None if None in ids else [i for i in ids if i is not None]


class IdConverter(IntegerConverter):
    """``<int:...>`` in routes: only numbers an id column can hold match, so an address
    with any other number is not found (404)."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", ID_MAX)
        super().__init__(url_map, *args, **kwargs)
